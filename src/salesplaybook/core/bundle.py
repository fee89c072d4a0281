"""Where the files that ship with the package are: the playbook, the notebooks and the book's
settings (``_config.yml``, which holds the published book's address).

One source of truth: the repository's own ``playbooks/``, ``notebooks/`` and ``_config.yml``. In a
checkout (and an editable install) they are read where they stand; a built wheel carries copies
of them under ``salesplaybook/_bundle/``, made by the build step in ``setup.py``, so an installed
product works in any folder.
"""

from __future__ import annotations

from pathlib import Path

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.files import make_folder, output_folder, write_file

PACKAGE = Path(__file__).resolve().parents[1]
#: What the wheel carries, by the name it has at the repository's root.
SHIPPED = ("playbooks", "notebooks", "_config.yml")


def shipped(name: str) -> Path | None:
    """The shipped file or folder ``name`` (one of :data:`SHIPPED`): the wheel's copy, else the
    checkout's own, else None (a source tree without it)."""
    if name not in SHIPPED:
        raise ValueError(f"{name!r} is not shipped with the package")
    for place in (PACKAGE / "_bundle" / name, PACKAGE.parents[1] / name):
        if place.exists():
            return place
    return None


def copy_out(name: str, out: Path, force: bool, suffixes: tuple[str, ...]) -> list[Path]:
    """Copy the shipped folder ``name`` (its files ending in one of ``suffixes``, its sub-folders
    kept) into the folder ``out`` for the user to edit or run. ``out`` must be empty or new unless
    ``force`` (then files of the same names are replaced, the others stay): the one policy of
    :func:`salesplaybook.core.files.output_folder`. Returns the files written."""
    source = shipped(name)
    if source is None or not source.is_dir():
        raise SalesplaybookError(f"{name}/ is not shipped with this installation")
    files = sorted(
        p for p in source.rglob("*") if p.is_file() and p.suffix in suffixes and not _hidden(p)
    )
    by_folder: dict[Path, list[str]] = {}
    for path in files:
        by_folder.setdefault(path.parent.relative_to(source), []).append(path.name)
    top = by_folder.get(Path("."), [])
    output_folder(out, top, force)
    written = []
    for folder, names in sorted(by_folder.items()):
        dest = out / folder
        output_folder(dest, names, force=True)  # inside out, which was checked above
        make_folder(dest)
        for file_name in names:
            written.append(write_file(dest / file_name, (source / folder / file_name).read_bytes()))
    return written


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts[-2:])
