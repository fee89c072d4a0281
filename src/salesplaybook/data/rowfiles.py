"""Rows of a small user CSV file, with the line numbers an error message needs.

The command-line inputs that are not raw tables (a history of targets, a list of weights) are
short files people type or export from a spreadsheet. Reading them row by row, rather than with
``pd.read_csv``, keeps the spreadsheet's line number of every value, so that an error can say
``history.csv: row 7: column 'actual': ...`` and the user finds the cell at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.core.reading import MEGABYTE, UnreadableFileError, check_regular_file
from salesplaybook.data.values import BadValueError, parse_number, read_text

#: The largest such file: a history of 20,000 people over 12 quarters is about 10 MB.
MAX_ROWFILE_BYTES = 50 * MEGABYTE


@dataclass(frozen=True)
class Row:
    """One data row: its line in the file (the header is line 1) and its cells by column."""

    line: int
    cells: dict[str, str]


def read_rows(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> list[Row]:
    """The non-empty rows of a CSV file whose header holds every column of ``required``.

    Column names are matched without regard to case or surrounding spaces; unknown columns are
    ignored, so an export with extra columns still loads. Files saved by Excel (UTF-8 with BOM,
    GBK/GB18030) read like plain UTF-8. A column named twice is an error (which of the two is
    meant cannot be known), and so is a path that is not a regular file (a FIFO would block) or
    one over :data:`MAX_ROWFILE_BYTES`.
    """
    name = display_path(path)
    try:
        check_regular_file(Path(path), MAX_ROWFILE_BYTES)
    except UnreadableFileError as err:
        raise SalesplaybookError(f"{name}: {err.reason}") from None
    try:
        text = read_text(path)
    except OSError as err:
        raise SalesplaybookError(f"{name}: cannot read the file ({err.strerror})") from err
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or not any(h.strip() for h in header):
        raise SalesplaybookError(
            f"{name}: the file is empty; it needs the header {','.join(required)}"
        )
    columns = [h.strip().lower() for h in header]
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    if twice:
        raise SalesplaybookError(
            f"{name}: row 1: column {twice[0]!r} appears twice in the header; "
            "keep one (or rename the other)"
        )
    missing = [c for c in required if c not in columns]
    if missing:
        raise SalesplaybookError(
            f"{name}: row 1: missing column {', '.join(repr(c) for c in missing)} "
            f"(the header needs {','.join(required)})"
        )
    wanted = [*required, *optional]
    index = {c: columns.index(c) for c in wanted if c in columns}
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        cells = {c: (values[i].strip() if i < len(values) else "") for c, i in index.items()}
        rows.append(Row(line, cells))
    return rows


def cell_problem(path: Path, row: Row, column: str, message: str) -> SalesplaybookError:
    """The error for one bad cell, located as the user will look for it."""
    return SalesplaybookError(f"{display_path(path)}: row {row.line}: column {column!r}: {message}")


def number_cell(path: Path, row: Row, column: str, negative_ok: bool = False) -> float:
    """The number in a cell ("1,234", "90%", "¥12.5" as spreadsheets write them)."""
    try:
        value = parse_number(row.cells[column])
    except BadValueError as err:
        raise cell_problem(path, row, column, str(err)) from err
    if value < 0 and not negative_ok:
        raise cell_problem(path, row, column, f"{row.cells[column]!r} is negative")
    return value
