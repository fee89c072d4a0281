"""Read a data folder of CSV tables into the canonical schemas: every file of a known table,
mapped from a CRM's export format where it has one, money in one unit and currency, owners matched
to people, all problems of all files reported together, and what was left out counted
(:mod:`salesplaybook.data.quality`)."""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from salesplaybook.core.errors import Problem, SalesplaybookError, display_path
from salesplaybook.core.periods import fiscal_period, is_fiscal_label
from salesplaybook.data import crm
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.checks import FileRead, check_rows
from salesplaybook.data.mapping import MAP_FILE, DataMap, find_map, load_map
from salesplaybook.data.money import MONEY_COLUMNS, read_money
from salesplaybook.data.quality import DataQuality
from salesplaybook.data.sources import (
    EXPECTED_CLOSE,
    XLSX_SUFFIXES,
    cells_of,
    drop_report_footer,
    read_users,
    rename_columns,
    source_name,
    table_by_header,
)
from salesplaybook.data.tables.aliases import header_key, header_lookup, key
from salesplaybook.data.tables.coerce import cannot_refuse, canonical_columns, coerce_table
from salesplaybook.data.tables.csvfile import DELIMITER, HEADERS, Unused
from salesplaybook.data.tables.filenames import (
    WORKBOOK_SUFFIXES,
    number_positions,
    table_of_file,
    unknown_file_message,
)
from salesplaybook.data.tables.problems import TableError, table_problem


@dataclass(frozen=True)
class Folder:
    """A data folder read: the tables, and what it gave and held back."""

    tables: dict[str, pd.DataFrame]
    quality: DataQuality
    data_map: DataMap


def read_table(
    path: Path,
    table: str | None = None,
    *,
    core_product_lines: set[str] | None = None,
    stage_map: Mapping[str, str] | None = None,
    file: str | None = None,
    data_map: DataMap | None = None,
) -> pd.DataFrame:
    """One table file, validated; the table comes from the file name unless given.

    A deals file in a CRM's export format (see :mod:`salesplaybook.data.crm`) is mapped first.
    """
    data_map = data_map or DataMap()
    if core_product_lines is not None or stage_map:
        data_map = DataMap(
            **{
                **data_map.__dict__,
                "core_product_lines": tuple(
                    core_product_lines or data_map.core_product_lines or ()
                ),
                "stages": {**data_map.stages, **(stage_map or {})},
            }
        )
    return _read_one(path, table, data_map, file)[0]


def _read_one(
    path: Path,
    table: str | None,
    data_map: DataMap,
    file: str | None = None,
    used: Collection[str] | None = None,
) -> tuple[pd.DataFrame, FileRead]:
    """One file read and validated; with ``used``, columns of the table outside it that
    cannot refuse the file (:func:`cannot_refuse`) are left unread."""
    name = file or display_path(path)
    table = table or table_of_file(path) or table_by_header(path)
    if table is None:
        raise TableError([table_problem(name, unknown_file_message(path))])
    unused = None if used is None else _unused(table, data_map, used)
    cells = cells_of(
        path,
        name,
        number_positions(table),
        data_map.decimal_comma,
        table,
        unused,
        _of_dtype(table, data_map, "datetime"),
        _of_dtype(table, data_map, "bool"),
    )
    decimal_comma = data_map.decimal_comma or cells.attrs.get(DELIMITER) == ";"
    # The export's own format, from its own headers: the mapping file's renames may make it
    # look like ours, but its footer, US dates and closed-only close dates stay the CRM's.
    crm_table = table in ("deals", "customers")
    original = [str(h) for h in cells.attrs.get(HEADERS, cells.columns)]
    exported = crm.detect_format(original, table) if crm_table else "canonical"
    names = _renamed(original, table, data_map)
    renamed = dict(zip(names, original, strict=True))
    new_name = dict(zip(original, names, strict=True))
    read_headers = {str(h) for h in cells.columns}
    unread = frozenset(
        column
        for header, column in crm.column_sources(names, "canonical", table).items()
        if renamed[header] not in read_headers
    )
    cells = cells.rename(columns=lambda h: new_name.get(str(h), h))
    fmt = crm.detect_format(names, table) if crm_table else "canonical"
    if exported == "salesforce":
        cells = drop_report_footer(cells)
    rows_read = len(cells)
    mapped = frozenset(new for new, old in renamed.items() if new != old)
    cells, money = read_money(
        cells, table, data_map, decimal_comma=decimal_comma, file=name, mapped=mapped
    )
    cells = fiscal_periods(cells, table, data_map.fiscal_year_start)
    frame = _typed(cells, table, fmt, data_map, name, (decimal_comma, exported, unread))
    if "closed_on" in renamed and renamed["closed_on"] != "closed_on" and table == "deals":
        by_crm = exported in ("salesforce", "hubspot") or key(renamed["closed_on"]) in (
            EXPECTED_CLOSE
        )
        if by_crm:  # an expected close date is no close date while the deal is open
            frame.loc[~frame["stage"].isin(["won", "lost"]), "closed_on"] = pd.NaT
    if data_map.teams and "team_id" in frame:
        teams = frame["team_id"]
        frame["team_id"] = teams.map(data_map.teams).where(teams.isin(data_map.teams), teams)
    sources = crm.column_sources(names, fmt, table)
    columns = {renamed.get(h, h): c for h, c in sources.items()}
    if money.header is not None:
        columns[renamed.get(money.header, money.header)] = MONEY_COLUMNS[table]
    read = FileRead(table, name, source_name(exported, original), rows_read, columns, money)
    return frame, read


def _renamed(headers: list[str], table: str, data_map: DataMap) -> list[str]:
    """A file's headers as the mapping file (and the people table's aliases) rename them."""
    empty = pd.DataFrame(columns=pd.Index(headers, dtype=object))
    return [str(h) for h in rename_columns(empty, table, data_map.columns.get(table, {})).columns]


def _canonical(headers: list[str], table: str, data_map: DataMap) -> list[str | None]:
    """The canonical column of each header of a file in our own format (None where it gives
    none, or twice: "keep one" is a refusal); all None for a CRM export, whose columns the CRM
    adapter maps and reads as text."""
    names = _renamed(headers, table, data_map)
    if table in ("deals", "customers") and not all(
        crm.detect_format(h, table) in ("canonical", "chinese") for h in (headers, names)
    ):
        return [None] * len(headers)
    lookup = header_lookup(table)
    canonical = [lookup.get(header_key(n)) for n in names]
    return [c if canonical.count(c) == 1 else None for c in canonical]


def _unused(table: str, data_map: DataMap, used: Collection[str]) -> Unused:
    """Which columns of a file of ``table`` need not be read: those of the table's schema that
    nothing in ``used`` needs and that cannot refuse the file (:func:`cannot_refuse`), in a file
    in our own format. People are read whole: owners are matched on any alias column."""
    wanted = set(used)
    if table == "deals" and data_map.core_product_lines is not None:
        wanted.add("product_line")  # it marks the core products
    spec = datamodel.columns(table)
    skippable = {c for c in spec if c not in wanted and cannot_refuse(table, c)}

    def positions(headers: list[str]) -> set[int]:
        if table == "people" or not skippable:
            return set()
        canonical = _canonical(headers, table, data_map)
        return {i for i, c in enumerate(canonical) if c in skippable}

    return positions


def _of_dtype(table: str, data_map: DataMap, kind: str) -> Unused:
    """Which columns of a file of ``table`` are read as their type straight away (when every
    cell is written plainly): the schema's columns whose dtype names ``kind`` (``datetime``:
    dates; ``bool``: flags), in a file in our own format."""
    spec = datamodel.columns(table)
    typed = {c for c in spec if kind in str(spec[c].dtype).casefold()}

    def positions(headers: list[str]) -> set[int]:
        canonical = _canonical(headers, table, data_map)
        return {i for i, c in enumerate(canonical) if c in typed}

    return positions


def _typed(
    cells: pd.DataFrame,
    table: str,
    fmt: str,
    data_map: DataMap,
    name: str,
    how: tuple[bool, str, frozenset[str]],
) -> pd.DataFrame:
    """The cells as the canonical table, through the CRM mapping where the file is an export;
    ``how``: decimal commas, the export's own format, and the columns left unread."""
    decimal_comma, exported, unread = how
    lines = set(data_map.core_product_lines) if data_map.core_product_lines is not None else None
    us_dates = exported in ("salesforce", "hubspot")
    if table == "deals":
        return crm.to_canonical_deals(
            cells,
            fmt,
            lines,
            stage_map=data_map.stages,
            file=name,
            decimal_comma=decimal_comma,
            us_dates=us_dates,
            unread=unread,
        )
    if table == "customers" and fmt in ("salesforce", "hubspot"):
        return crm.to_canonical_customers(cells, fmt, file=name)
    renamed, shown = canonical_columns(cells, table, name)
    return coerce_table(
        renamed,
        table,
        name,
        shown=shown,
        decimal_comma=decimal_comma,
        us_dates=us_dates,
        unread=unread,
    )


def fiscal_periods(cells: pd.DataFrame, table: str, start_month: int) -> pd.DataFrame:
    """``FY2026 Q3`` in a period column as the calendar quarter it is (per distinct value);
    what is no fiscal label is left for the reader."""
    lookup = header_lookup(table)
    for header in cells.columns:
        if lookup.get(header_key(header)) != "period":
            continue
        text = cells[header].astype(object)
        distinct = pd.unique(text.dropna())
        fiscal = {v: v for v in distinct if is_fiscal_label(v)}
        if not fiscal:
            continue
        for label in fiscal:
            with contextlib.suppress(SalesplaybookError):
                fiscal[label] = fiscal_period(label, start_month)
        mapped = text.map(fiscal)
        cells = cells.assign(**{str(header): mapped.where(mapped.notna(), text)})
    return cells


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
    data_map = DataMap(
        core_product_lines=tuple(core_product_lines) if core_product_lines is not None else None,
        stages=dict(stage_map or {}),
    )
    return read_folder(folder, data_map, use_map_file=False).tables


def read_folder(
    folder: Path,
    data_map: DataMap | None = None,
    *,
    map_file: Path | None = None,
    currency: str | None = None,
    use_map_file: bool = True,
    used: Mapping[str, Collection[str]] | None = None,
) -> Folder:
    """A data folder read with its mapping file (``map_file``, else :data:`MAP_FILE` in the
    folder, else ``data_map``), owners matched and every row that cannot be used counted.

    ``used`` names, per table, the columns the caller uses (the KPI engine's): the others that
    cannot refuse the file are then left unread; every column that can is read and validated
    (None: every column is read, as the data check reports on them).

    Raises one :class:`TableError` with every refusal of every file.
    """
    folder = Path(folder)
    shown_folder = display_path(folder)
    if not folder.exists():
        raise SalesplaybookError(f"{shown_folder}: no such folder")
    if not folder.is_dir():
        raise SalesplaybookError(f"{shown_folder}: not a folder; name the folder of CSV tables")
    found = find_map(folder, map_file) if use_map_file else None
    data_map = (load_map(found) if found is not None else data_map or DataMap()).with_currency(
        currency
    )
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
    reads: dict[str, FileRead] = {}
    # Two files at a time, the largest first: pyarrow parses one file's bytes without the
    # interpreter's lock while the other file's cells are checked and typed (at 10,000 reps
    # the read took 0.95 s instead of 1.6 s). The results, problems and errors are taken in
    # the files' order, so what is said is the same as one file after the other.
    pool = ThreadPoolExecutor(2, thread_name_prefix="read-folder")
    try:
        order = sorted((t for t in files if t != "accounts"), key=lambda t: -_size(files[t]))
        futures = {
            table: pool.submit(_read_file, table, files[table], data_map, used) for table in order
        }
        for table in files:
            if table not in futures:
                continue
            try:
                tables[table], read = futures[table].result()
            except TableError as exc:
                problems.extend(exc.problems)
                more.update(exc.more)
                continue
            if read is not None:
                reads[table] = read
    finally:
        pool.shutdown(cancel_futures=True)
    if problems:
        raise TableError(problems, more)
    tables = {t: tables[t] for t in (*datamodel.TABLES, "users") if t in tables}
    tables, quality = check_rows(tables, reads, data_map)
    return Folder({t: v for t, v in tables.items() if t in datamodel.TABLES}, quality, data_map)


def _read_file(
    table: str, path: Path, data_map: DataMap, used: Mapping[str, Collection[str]] | None
) -> tuple[pd.DataFrame, FileRead | None]:
    """One file of :func:`read_folder` (``used``: its columns per table, as there)."""
    if table == "users":
        return read_users(path, display_path(path)), None
    return _read_one(path, table, data_map, used=None if used is None else used.get(table, ()))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read last; its reading says what is wrong


def _table_files(folder: Path, problems: list[Problem]) -> dict[str, Path]:
    """The file of each table in ``folder``; a file that should be a table but cannot be read
    as one (a workbook, an unknown name, a second file of a table) adds to ``problems``."""
    files: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        name = display_path(path)
        if _named_as_table(path) and not path.is_file():
            # a deals.csv that is a folder or a FIFO was once passed over: the scorecard then
            # lacked the deals without a word (and scored higher)
            kind = "a folder" if path.is_dir() else "not a regular file (a pipe or a device)"
            problems.append(table_problem(name, f"is {kind}: a table must be a CSV file"))
            continue
        if not _may_hold_a_table(path):
            continue
        if path.suffix.casefold() in WORKBOOK_SUFFIXES and path.suffix.casefold() not in (
            XLSX_SUFFIXES
        ):
            problems.append(
                table_problem(
                    name,
                    f"is a workbook in a format not read here: save it as .xlsx or as CSV "
                    f"UTF-8 ({path.stem}.csv)",
                )
            )
            continue
        table = table_of_file(path) or table_by_header(path)
        if table is None:
            problems.append(table_problem(name, unknown_file_message(path)))
        elif table in files:
            other = display_path(files[table])
            problems.append(table_problem(name, f"{other} holds the {table} table too; keep one"))
        else:
            files[table] = path
    return files


def _named_as_table(path: Path) -> bool:
    """A visible name that would hold a table if it were a file (``deals.csv``, ``deals.xlsx``)."""
    if path.name.startswith((".", "~$")):
        return False
    suffix = path.suffix.casefold()
    known = suffix in (".csv", ".tsv", ".txt") or suffix in WORKBOOK_SUFFIXES
    return known and table_of_file(path) is not None


def _may_hold_a_table(path: Path) -> bool:
    """CSV and TSV files, text files named for a table, and workbooks (to say how to save them);
    hidden files, Office's lock files (``~$``), folders and other files are passed over."""
    if path.name.startswith((".", "~$")) or not path.is_file() or path.name == MAP_FILE:
        return False
    suffix = path.suffix.casefold()
    if suffix == ".txt":
        return table_of_file(path) is not None
    return suffix in (".csv", ".tsv") or suffix in WORKBOOK_SUFFIXES
