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
from pathlib import Path

from salesplaybook.core.errors import SalesplaybookError


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
