"""Problems in table files: one :class:`~salesplaybook.core.errors.Problem` per cell or file,
collected per file and capped, so that a file with a million bad cells still gives a short
message quickly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.core.errors import Location, Problem, ProblemsError
from salesplaybook.data.tables.aliases import key

#: Problems listed per file before "... and N more".
PROBLEM_LIMIT = 20


class TableError(ProblemsError):
    """Every problem found in a data folder, at most :data:`PROBLEM_LIMIT` listed per file."""

    def __init__(self, problems: Sequence[Problem], more: Mapping[str, int] | None = None):
        super().__init__(problems, more=more)


def table_problem(
    file: str, message: str, row: int | None = None, column: str | None = None
) -> Problem:
    """A problem in a table file, at a spreadsheet row and column when known."""
    return Problem(Location(file, row=row, column=column), message)


class Problems:
    """The problems of one file: each column keeps only its first rows, but all are counted,
    so a file with a million bad cells still gives a short message quickly."""

    def __init__(self, file: str, shown: Mapping[str, str]):
        self.file = file
        self.shown = shown
        self.structural: list[Problem] = []
        self.cells: list[tuple[int, int, Problem]] = []
        self.total_cells = 0
        self.order = {c: i for i, c in enumerate(shown)}

    def column_text(self, column: str) -> str:
        header = self.shown.get(column, column)
        return f"'{header}'" if key(header) == key(column) else f"'{header}' ({column})"

    def add(self, message: str, column: str | None = None) -> None:
        col = self.column_text(column) if column else None
        self.structural.append(table_problem(self.file, message, column=col))

    def add_cells(self, index: Iterable[int], column: str | None, messages: Iterable[str]) -> None:
        """``index`` holds frame labels (data row 0 is spreadsheet row 2), in ascending order."""
        col = self.column_text(column) if column else None
        order = self.order.get(column or "", -1)
        taken = 0
        for label, message in zip(index, messages, strict=True):
            self.total_cells += 1
            if taken < PROBLEM_LIMIT:
                row = int(label) + 2
                self.cells.append((row, order, table_problem(self.file, message, row, col)))
                taken += 1

    def add_counted(self, index: np.ndarray[Any, Any], column: str, messages: pd.Series) -> None:
        """Like :meth:`add_cells` for a possibly huge boolean-selected set: only the first
        rows are turned into text."""
        order = np.argsort(index, kind="stable")
        head = order[:PROBLEM_LIMIT]
        self.add_cells(index[head].tolist(), column, messages.iloc[head].tolist())
        self.total_cells += len(index) - len(head)

    def __bool__(self) -> bool:
        return bool(self.structural or self.cells)

    def result(self) -> tuple[list[Problem], int]:
        cells = [p for _, _, p in sorted(self.cells, key=lambda t: (t[0], t[1]))]
        listed = self.structural + cells[: max(PROBLEM_LIMIT - len(self.structural), 0)]
        return listed, len(self.structural) + self.total_cells - len(listed)

    def raise_if_any(self) -> None:
        if self:
            listed, more = self.result()
            raise TableError(listed, {self.file: more})
