"""Errors that carry what a user needs to fix their input: the file, the line or key, the problem.

The command line turns every :class:`SalesplaybookError` into one message on stderr and exit
status 2; anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class SalesplaybookError(Exception):
    """Bad input that the user can fix; the message says where and what."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a content file, located as precisely as the YAML allows."""

    path: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ContentError(SalesplaybookError):
    """All the problems of one validation run, reported together."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the playbook content:"
        super().__init__("\n".join([head, *map(str, self.problems)]))


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as short as it can be while still naming the file unambiguously."""
    base = base or Path.cwd()
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
