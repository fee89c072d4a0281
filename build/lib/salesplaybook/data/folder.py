"""Read a data folder of CSV tables into the canonical schemas: every file of a known table,
mapped from a CRM's export format where it has one, all problems of all files reported
together."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from salesplaybook.core.errors import Problem, SalesplaybookError, display_path
from salesplaybook.data import crm
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.tables.coerce import canonical_columns, coerce_table
from salesplaybook.data.tables.csvfile import read_cells
from salesplaybook.data.tables.filenames import (
    WORKBOOK_SUFFIXES,
    number_positions,
    table_of_file,
    unknown_file_message,
)
from salesplaybook.data.tables.problems import TableError, table_problem


def read_table(
    path: Path,
    table: str | None = None,
    *,
    core_product_lines: set[str] | None = None,
    stage_map: Mapping[str, str] | None = None,
    file: str | None = None,
) -> pd.DataFrame:
    """One table file, validated; the table comes from the file name unless given.

    A deals file in a CRM's export format (see :mod:`salesplaybook.data.crm`) is mapped first.
    """
    name = file or display_path(path)
    table = table or table_of_file(path)
    if table is None:
        raise TableError([table_problem(name, unknown_file_message(path))])
    cells = read_cells(path, name, number_positions(table))
    if table == "deals":
        fmt = crm.detect_format(cells.columns)
        return crm.to_canonical_deals(
            cells, fmt, core_product_lines, stage_map=stage_map, file=name
        )
    if table == "customers":
        fmt = crm.detect_format(cells.columns, "customers")
        if fmt in ("salesforce", "hubspot"):
            return crm.to_canonical_customers(cells, fmt, file=name)
    frame, shown = canonical_columns(cells, table, name)
    return coerce_table(frame, table, name, shown=shown)


def read_tables(
    folder: Path,
    *,
    core_product_lines: set[str] | None = None,
    stage_map: Mapping[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of a data folder, validated and typed, keyed by table name.

    ``people`` must be there; other tables are optional and absent from the result when their
    file is. All problems of all files are raised together as one :class:`TableError`, so one
    round of fixes is enough. ``core_product_lines`` fills ``deals.is_core_product`` from the
    product line where the file does not say it; ``stage_map`` maps a CRM's custom stage names
    to our stage ids (see :func:`salesplaybook.data.crm.to_canonical_deals`).
    """
    folder = Path(folder)
    shown_folder = display_path(folder)
    if not folder.exists():
        raise SalesplaybookError(f"{shown_folder}: no such folder")
    if not folder.is_dir():
        raise SalesplaybookError(f"{shown_folder}: not a folder; name the folder of CSV tables")
    problems: list[Problem] = []
    files = _table_files(folder, problems)
    if "people" not in files:
        needed = ", ".join(c for c, col in datamodel.columns("people").items() if not col.nullable)
        problems.insert(
            0,
            table_problem(
                shown_folder,
                f"no people.csv: every data folder needs one (columns {needed})",
            ),
        )
    more: dict[str, int] = {}
    tables: dict[str, pd.DataFrame] = {}
    for table, path in files.items():
        try:
            tables[table] = read_table(
                path, table, core_product_lines=core_product_lines, stage_map=stage_map
            )
        except TableError as exc:
            problems.extend(exc.problems)
            more.update(exc.more)
    if problems:
        raise TableError(problems, more)
    return {t: tables[t] for t in datamodel.TABLES if t in tables}


def _table_files(folder: Path, problems: list[Problem]) -> dict[str, Path]:
    """The file of each table in ``folder``; a file that should be a table but cannot be read
    as one (a workbook, an unknown name, a second file of a table) adds to ``problems``."""
    files: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if not _may_hold_a_table(path):
            continue
        name = display_path(path)
        if path.suffix.casefold() in WORKBOOK_SUFFIXES:
            problems.append(
                table_problem(
                    name,
                    f"is a workbook: save it as CSV UTF-8 ({path.stem}.csv); "
                    "only CSV files are read",
                )
            )
            continue
        table = table_of_file(path)
        if table is None:
            problems.append(table_problem(name, unknown_file_message(path)))
        elif table in files:
            other = display_path(files[table])
            problems.append(table_problem(name, f"{other} holds the {table} table too; keep one"))
        else:
            files[table] = path
    return files


def _may_hold_a_table(path: Path) -> bool:
    """CSV and TSV files, text files named for a table, and workbooks (to say how to save them);
    hidden files, Office's lock files (``~$``), folders and other files are passed over."""
    if path.name.startswith((".", "~$")) or not path.is_file():
        return False
    suffix = path.suffix.casefold()
    if suffix == ".txt":
        return table_of_file(path) is not None
    return suffix in (".csv", ".tsv") or suffix in WORKBOOK_SUFFIXES
