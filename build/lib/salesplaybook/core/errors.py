"""Errors that carry what a user needs to fix their input: the file, the line or key, the problem.

One model for every input the project reads: a :class:`Problem` is a :class:`Location` (a file,
and as much of a line, a spreadsheet row and column, or a YAML key as is known) and a message.
Content files, data tables, metrics files and translation catalogs all report through it, so a
message reads the same whichever file it is about, and the command line maps every
:class:`SalesplaybookError` to one message on stderr and exit status 2 in one place. Anything
else is a bug and may show a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SalesplaybookError(Exception):
    """Bad input that the user can fix; the message says where and what."""


class ChoiceNeeded(SalesplaybookError):  # noqa: N818 (public name that the architecture names)
    """The input allows several answers and the user must pick one. ``choice`` names what to
    pick (``"period"``, ``"team"``, ``"person"``, ``"force"`` to overwrite) so that each adapter
    says how in its own terms (a command-line option, a picker in the app); the library's message
    names no flag. ``action`` says what making the choice does, when that is not just choosing
    ("replace it")."""

    def __init__(self, message: str, choice: str, action: str | None = None) -> None:
        self.choice = choice
        self.action = action
        super().__init__(message)


@dataclass(frozen=True)
class Location:
    """Where a problem is, as precisely as the file allows: a text file's ``line`` (YAML,
    catalogs), a spreadsheet's ``row`` (the header is row 1) and ``column``, a YAML ``key``."""

    file: str
    line: int | None = None
    row: int | None = None
    column: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        cell = [f"row {self.row}"] if self.row is not None else []
        if self.column is not None:
            cell.append(f"column {self.column}")
        if cell:
            where = f"{where}: {', '.join(cell)}"
        return f"{where}: {self.key}" if self.key else where

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.row or 0, self.column or "", self.key or "")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def sort_key(self) -> tuple[tuple[str, int, int, str, str], str]:
        return (self.location.sort_key(), self.message)

    def as_dict(self) -> dict[str, Any]:
        """The problem for ``--json`` output: ``path``, ``line`` (0 when unknown), ``key`` (""
        when none) and ``message``, with ``row`` and ``column`` when the file is a table."""
        where = self.location
        out: dict[str, Any] = {"path": where.file, "line": where.line or 0, "key": where.key or ""}
        if where.row is not None:
            out["row"] = where.row
        if where.column is not None:
            out["column"] = where.column
        out["message"] = self.message
        return out


class ProblemsError(SalesplaybookError):
    """Several problems reported together: a heading, one line per problem, how many more were
    left out per file (``more``), and what to do (``hint``)."""

    def __init__(
        self,
        problems: Iterable[Problem],
        heading: str | None = None,
        more: Mapping[str, int] | None = None,
        hint: str | None = None,
        indent: str = "",
    ) -> None:
        self.problems = list(problems)
        self.more = dict(more or {})
        lines = [heading] if heading else []
        lines += [f"{indent}{p}" for p in self.problems]
        for file, n in self.more.items():
            if n > 0:
                lines.append(f"{file}: ... and {n} more problem{'s' if n != 1 else ''}")
        if hint:
            lines.append(hint)
        super().__init__("\n".join(lines))


class ContentError(ProblemsError):
    """All the problems of one validation run of the playbook content, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        unique = sorted(set(problems), key=Problem.sort_key)
        n = len(unique)
        super().__init__(unique, f"{n} problem{'s' if n != 1 else ''} in the playbook content:")


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as short as it can be while still naming the file unambiguously."""
    base = base or Path.cwd()
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
