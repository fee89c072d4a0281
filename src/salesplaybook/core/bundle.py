"""Where the files that ship with the package are: the playbook, the notebooks and the book's
settings (``_config.yml``, which holds the published book's address).

One source of truth: the repository's own ``playbooks/``, ``notebooks/`` and ``_config.yml``. In a
checkout (and an editable install) they are read where they stand; a built wheel carries copies
of them under ``salesplaybook/_bundle/``, made by the build step in ``setup.py``, so an installed
product works in any folder.
"""

from __future__ import annotations

from pathlib import Path

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
