"""A ground-truth sales organisation and the files real systems export of it (issue 13).

Test helpers, not tests: :mod:`.org` builds the world from a seed, :mod:`.truth` reads the
expected indicators off its records, :mod:`.exports_crm` and :mod:`.exports_local` write it the
way Salesforce, HubSpot, a Chinese team's Excel and a European team's files do.
:class:`Folders` writes each (kind, variant, world) folder once per test session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.world.exports import Folder, Variant
from tests.world.exports_crm import (
    write_canonical,
    write_hubspot,
    write_salesforce_export,
    write_salesforce_report,
)
from tests.world.exports_local import write_chinese_gbk, write_chinese_xlsx, write_european
from tests.world.org import World, build_world

Writer = Callable[[World, Path, Variant], Folder]

#: Export kind -> its writer.
WRITERS: dict[str, Writer] = {
    "canonical": write_canonical,
    "salesforce_report": write_salesforce_report,
    "salesforce_export": write_salesforce_export,
    "hubspot": write_hubspot,
    "chinese_xlsx": write_chinese_xlsx,
    "chinese_gbk": write_chinese_gbk,
    "european": write_european,
}


class Folders:
    """Worlds and their written folders under ``root``, each made once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._worlds: dict[tuple[int, int, bool], World] = {}
        self._folders: dict[tuple[str, Variant, int, int, bool], Folder] = {}

    def world(self, seed: int = 2026, size: int = 5, plant: bool = True) -> World:
        """The world of :func:`build_world` (``size`` deals per rep and quarter)."""
        key = (seed, size, plant)
        if key not in self._worlds:
            self._worlds[key] = build_world(seed, size, plant=plant)
        return self._worlds[key]

    def get(
        self,
        kind: str,
        variant: Variant = "raw",
        seed: int = 2026,
        size: int = 5,
        plant: bool = True,
    ) -> Folder:
        """The folder of ``kind`` in ``variant`` for that world, written on first use."""
        key = (kind, variant, seed, size, plant)
        if key not in self._folders:
            path = self.root / f"{kind}-{variant}-{seed}-{size}-{'planted' if plant else 'clean'}"
            self._folders[key] = WRITERS[kind](self.world(seed, size, plant), path, variant)
        return self._folders[key]


__all__ = ["WRITERS", "Folder", "Folders", "World", "build_world"]
