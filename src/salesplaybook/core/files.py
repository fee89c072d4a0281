"""Writing the files a user asked for: whole or not at all, and errors they can act on.

A file is written into a new temporary file in its destination's folder and renamed over its name
once complete (``os.replace``, atomic within one file system), so a failure part way (a full disk,
an interrupted run) never leaves a half-written file where the old one was, and a symbolic link at
the name is replaced, never written through. A path that cannot be written (its folder is a file,
the folder is read-only, ``/sys``) is a :class:`~salesplaybook.core.errors.SalesplaybookError`
naming the path and the reason, not an ``OSError`` traceback.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError


def cannot_write(path: Path, exc: OSError) -> SalesplaybookError:
    """The error for ``path`` that ``exc`` kept from being written."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return SalesplaybookError(f"{path}: cannot write ({reason})")


def check_folder(path: Path) -> None:
    """Refuse, before anything is made or written, a folder ``path`` that cannot be: one that
    is a file, or below a file (``notes.txt/out``). Other failures (a read-only folder) show when
    it is made."""
    for place in (path, *path.parents):
        try:
            present = place.exists() or place.is_symlink()
            if present and not place.is_dir():
                what = "is a file" if place == path else f"{place} is a file"
                raise SalesplaybookError(f"{path}: cannot write ({what}, not a folder)")
        except OSError as exc:
            raise cannot_write(path, exc) from exc
        if present:
            return


def make_folder(path: Path) -> None:
    """Create the folder ``path`` and its parents, unless it exists."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` as ``path`` through a temporary file in the same folder, renamed over it."""
    # O_EXCL makes a new file (never an existing one, never through a link); mode 0o666 lets the
    # user's umask decide the permissions, as for any file they save.
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from exc
        raise
    return path


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (which exists) while writing into it: a second
    command writing into the same folder at the same time is refused at once, rather than
    replacing the first one's files. Where the system has no ``flock`` (Windows) nothing is
    locked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise cannot_write(folder, exc) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SalesplaybookError(
                f"{folder}: another command is writing into this folder; wait for it to finish"
            ) from None
        yield
    finally:
        os.close(fd)  # releases the lock


def write_folder(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (name to content) into the folder ``out``, all or none.

    They are written into a new hidden folder beside ``out`` and moved in at the end: when
    ``out`` does not exist the folder itself is renamed (atomic), otherwise each file is renamed
    into it (a rename per file, under :func:`folder_lock`). An interrupted run leaves ``out`` as
    it was; at worst (the process killed) a hidden ``.NAME.partial-*`` folder beside it.
    """
    # Beside where the files end up (through a link, too), so that every rename stays on one
    # file system.
    place = out.resolve() if out.exists() else out
    make_folder(place.parent)
    tmp = place.parent / f".{place.name}.partial-{secrets.token_hex(6)}"
    try:
        tmp.mkdir()
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    try:
        for name in files:
            try:
                write_file(tmp / name, files[name])
            except SalesplaybookError as exc:  # name the file where the user will look for it
                raise SalesplaybookError(str(exc).replace(str(tmp), str(out))) from exc
        if not out.exists() and not out.is_symlink():
            with contextlib.suppress(OSError):  # appeared meanwhile: moved file by file below
                tmp.rename(out)
                return [out / name for name in files]
        make_folder(out)
        with folder_lock(out):
            for name in files:
                try:
                    os.replace(tmp / name, out / name)
                except OSError as exc:
                    raise cannot_write(out / name, exc) from exc
        return [out / name for name in files]
    finally:  # only our files are in it (no walk of the folder, which a link could redirect)
        for name in files:
            with contextlib.suppress(OSError):
                (tmp / name).unlink()
        with contextlib.suppress(OSError):
            tmp.rmdir()


def output_folder(out: Path, names: Iterable[str], force: bool, *, shared: bool = False) -> None:
    """Refuse, before anything is made or written, to write the files ``names`` into the folder
    ``out`` where that could lose something of the user's. One policy for every command that
    writes, so each refuses the same things in the same words:

    - ``out`` must be a folder or not exist yet (not a file, not below a file, not a link to
      nothing);
    - something already there is only overwritten with ``force`` (a :class:`ChoiceNeeded` for
      ``"force"`` otherwise): for an output that owns its folder (a course pack, a set of tables)
      that is anything in the folder; for files written into a ``shared`` folder (an export
      beside the user's other files) it is a file of one of the ``names``. Even with ``force``
      only the ``names`` are written and the other files stay;
    - a name must not be a folder, nor a link that leads out of ``out`` (the writes replace a
      link, but one pointing elsewhere shows a mistake worth stopping for).

    Call it again right before writing, once ``out`` exists, to see what appeared meanwhile.
    """
    try:
        _check_output(out, list(names), force, shared)
    except OSError as exc:  # a folder that cannot be read, a link loop (Python 3.13)
        raise cannot_write(out, exc) from exc
    except RuntimeError as exc:  # a link loop (Python 3.11, 3.12)
        raise SalesplaybookError(f"{out}: cannot write (a symbolic link loop)") from exc


def write_output(
    out: Path, files: Mapping[str, bytes], force: bool, *, shared: bool = False
) -> list[Path]:
    """A command's files written into ``out`` the one way: refused where that could lose
    something of the user's (:func:`output_folder`), then all or none (:func:`write_folder`)."""
    output_folder(out, list(files), force, shared=shared)
    return write_folder(out, files)


def _check_output(out: Path, names: list[str], force: bool, shared: bool) -> None:
    _check_names(names)
    if not out.is_dir():
        _check_new_output(out, names, shared)
        return
    _check_destinations(out, names)
    if force:
        return
    if shared:
        _refuse_existing_files(out, names)
    else:
        _refuse_a_non_empty_folder(out)


def _check_names(names: list[str]) -> None:
    for name in names:
        if Path(name).name != name or name in ("", ".", ".."):
            raise SalesplaybookError(f"{name!r}: not a plain file name")


def _check_new_output(out: Path, names: list[str], shared: bool) -> None:
    """``out`` is not a folder yet: it must be one that can be made."""
    if shared:  # the user named the files: say it of them
        for name in names:
            check_folder(out / name)
        return
    if out.is_symlink() and not out.exists():
        raise SalesplaybookError(f"{out}: a link to nothing; name a folder to write into")
    if out.exists():
        raise SalesplaybookError(f"{out}: is a file, not a folder; name a folder to write into")
    check_folder(out)


def _check_destinations(out: Path, names: list[str]) -> None:
    """No name is a folder or a link out of ``out``, whatever ``force`` says."""
    root = out.resolve()
    for name in names:
        dest = out / name
        if dest.is_dir() and not dest.is_symlink():
            raise SalesplaybookError(f"{dest}: is a folder; name a file to write")
        if dest.is_symlink() and not dest.resolve().is_relative_to(root):
            raise SalesplaybookError(
                f"{dest}: a link to {dest.resolve()}, outside the folder; the files are not "
                "written through links: remove it or choose another place"
            )


def _refuse_existing_files(out: Path, names: list[str]) -> None:
    for name in names:
        dest = out / name
        if dest.exists() or dest.is_symlink():
            raise ChoiceNeeded(f"{dest}: the file exists", "force", "replace it")


def _refuse_a_non_empty_folder(out: Path) -> None:
    entries = sorted(p.name for p in out.iterdir())
    if entries:
        shown = ", ".join(entries[:5]) + (
            f" and {len(entries) - 5} more" if len(entries) > 5 else ""
        )
        raise ChoiceNeeded(
            f"{out}: the folder is not empty ({shown}); choose an empty or new folder",
            "force",
            "write into it (files of the same names are replaced, the others stay)",
        )
