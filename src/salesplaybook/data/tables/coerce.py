"""Cells into a table of the data model: headers renamed to the canonical columns, every column
parsed, the pandera schema run, and every failure turned into a problem at its row and column."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pandera.api.pandas.components
import pandera.api.pandas.container
import pandera.errors

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.tables.aliases import header_key, header_lookup, zh_header
from salesplaybook.data.tables.cells import column_parser, parse_dates, parse_text, show
from salesplaybook.data.tables.csvfile import is_arrow_text, stripped_text
from salesplaybook.data.tables.problems import PROBLEM_LIMIT, Problems


def canonical_columns(
    cells: pd.DataFrame, table: str, file: str
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Rename headers to the canonical column names. Returns the renamed frame and, per
    canonical column, the header the file used (for messages)."""
    lookup = header_lookup(table)
    rename: dict[str, str] = {}
    shown: dict[str, str] = {}
    problems = Problems(file, {})
    for header in cells.columns:
        column = lookup.get(header_key(header))
        if column is None:
            continue
        if column in shown:
            problems.add(f"columns '{shown[column]}' and '{header}' both give '{column}'; keep one")
            continue
        shown[column] = str(header)
        rename[str(header)] = column
    problems.raise_if_any()
    return cells.rename(columns=rename), shown


def spreadsheet_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with index labels that count data rows from 0 (spreadsheet row 2), as messages
    need: a frame read with ``pd.read_csv`` has them; any other index is replaced."""
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and index.is_unique and index.min() >= 0:
        return frame
    return frame.reset_index(drop=True)


def coerce_table(
    frame: pd.DataFrame,
    table: str,
    file: str,
    *,
    shown: Mapping[str, str] | None = None,
    us_dates: bool = False,
    known: Mapping[str, pd.Series] | None = None,
    decimal_comma: bool = False,
    unread: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Parse and validate a frame whose columns already have canonical names.

    ``frame``'s index labels are data rows (0 is spreadsheet row 2). ``shown`` gives the header
    the file used for a column; ``known`` gives, per column, messages for cells a caller has
    already found wrong (a CRM stage it does not know), which are reported alongside the rest.
    Nullable columns may be absent; extra columns are kept, as text, after the schema's.
    ``decimal_comma`` reads "0,92" as 0.92 (the file's convention says so). ``unread`` columns
    are in the file but were not read (:func:`cannot_refuse` ones only): they are neither
    missing nor in the result.
    """
    spec = datamodel.columns(table)
    frame = spreadsheet_rows(frame)
    shown = dict(shown or {})
    problems = Problems(file, {c: shown.get(c, c) for c in spec})
    present = datamodel.PRESENT_COLUMNS.get(table, ())
    missing = [
        c
        for c, col in spec.items()
        if c not in frame.columns and c not in unread and (not col.nullable or c in present)
    ]
    if missing:
        found = ", ".join(map(str, frame.columns[:20])) or "none"
        names = ", ".join(f"'{c}'" + zh_header(table, c) for c in missing)
        plural = "s" if len(missing) > 1 else ""
        problems.add(
            f"missing column{plural} {names} (columns found: {found}); if a column holds it "
            f"under another name, map it under columns: {table}: in salesplaybook.yaml "
            f"({table}: {{'<its header>': {missing[0]}}})"
        )
        problems.raise_if_any()
    known = {c: m for c, m in (known or {}).items() if len(m)}
    for column, messages in known.items():
        problems.add_counted(messages.index.to_numpy(), column, messages)
    typed: dict[str, pd.Series] = {}
    bad: dict[str, pd.Index] = {}
    for column in spec:
        if column in unread:
            continue
        if column not in frame.columns:
            typed[column] = _empty(table, column, frame.index)
            continue
        values = frame[column]
        preset = known.get(column)
        if preset is not None:
            values = values.copy()
            values[preset.index] = None
        parser = column_parser(table, column, decimal_comma)
        if parser is parse_dates and us_dates:
            result, errors = parse_dates(values, us=True)
        else:
            result, errors = parser(values)
        if len(errors):
            problems.add_counted(errors.index.to_numpy(), column, errors)
        typed[column] = result
        bad_index = errors.index if preset is None else errors.index.union(preset.index)
        bad[column] = bad_index
    data = pd.DataFrame(typed, index=frame.index, copy=False)  # the parsed columns, not copies
    validated = _validate(data, table, problems, bad, unread)
    problems.raise_if_any()
    extras = [c for c in frame.columns if c not in spec]
    if extras:
        extra = frame[extras].apply(stripped_text)
        validated = pd.concat([validated, extra], axis=1)
    return validated.reset_index(drop=True)


def cannot_refuse(table: str, column: str) -> bool:
    """Whether no value of a column can make the file refused: optional text with no check (a
    name, a lead source). Such a column may be left unread when nothing uses it; every other
    column is read and validated, used or not."""
    spec = datamodel.columns(table)[column]
    return (
        spec.nullable
        and not spec.unique
        and not spec.checks
        and column_parser(table, column) is parse_text
    )


@functools.cache
def _schema(table: str, unread: frozenset[str]) -> pandera.api.pandas.container.DataFrameSchema:
    schema = datamodel.TABLES[table].to_schema()
    return schema.remove_columns(sorted(unread)) if unread else schema


def _empty(table: str, column: str, index: pd.Index) -> pd.Series:
    """An absent nullable column, typed as the schema wants it."""
    parser = column_parser(table, column)
    blank = pd.Series(np.nan, index=index, dtype=object)
    return blank if parser is parse_text else parser(blank)[0]


_FRAME_CHECKS: dict[str, tuple[str, Callable[[pd.Series], str]]] = {
    "closed_after_created": (
        "closed_on",
        lambda r: (
            f"the deal closes ({show(r['closed_on'])}) before it was created "
            f"({show(r['created_on'])})"
        ),
    ),
    "ends_after_start": (
        "end_on",
        lambda r: (
            f"the contract ends ({show(r['end_on'])}) before it starts ({show(r['start_on'])})"
        ),
    ),
    "converted_within_leads": (
        "variant_converted",
        lambda r: (
            "more leads converted than there were (control "
            f"{r['control_converted']} of {r['control_leads']}, variant "
            f"{r['variant_converted']} of {r['variant_leads']})"
        ),
    ),
}


def _validate(
    data: pd.DataFrame,
    table: str,
    problems: Problems,
    bad: Mapping[str, pd.Index],
    unread: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Run the pandera schema lazily and turn its failure cases into problems, skipping cells
    that a parser already reported (they are empty now, and "empty" would say it twice).

    Only the first rows of each kind of failure are turned into text; the rest are counted.
    """
    schema = _schema(table, unread)
    passed = _passes(schema, data)
    if passed is not None:
        return passed
    try:
        validated: pd.DataFrame = schema.validate(data, lazy=True)
        return validated
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    cases = cases[cases["index"].notna()].copy()
    cases["index"] = cases["index"].astype("int64")
    for (column, check), group in cases.groupby(["column", "check"], sort=False, dropna=False):
        rows = group.drop_duplicates("index").sort_values("index")
        name, col = str(check), str(column)
        frame_check = _FRAME_CHECKS.get(name)
        if frame_check:
            target, describe = frame_check
            if col != target:
                continue
            head = rows["index"].to_numpy()[:PROBLEM_LIMIT]
            messages = [describe(data.loc[i]) for i in head]
        else:
            if col in bad:
                rows = rows[~rows["index"].isin(bad[col])]
            if name in ("field_uniqueness", "unique"):
                later = data[col].duplicated(keep="first")
                rows = rows[later.loc[rows["index"].to_numpy()].to_numpy()]
            if rows.empty:
                continue
            head = rows["index"].to_numpy()[:PROBLEM_LIMIT]
            messages = _check_messages(name, col, data, rows.iloc[:PROBLEM_LIMIT])
        problems.add_cells(head.tolist(), col if col in data else None, messages)
        problems.total_cells += len(rows) - len(head)
    return data


def _passes(
    schema: pandera.api.pandas.container.DataFrameSchema, data: pd.DataFrame
) -> pd.DataFrame | None:
    """The table in the schema's dtypes when it passes every check of the schema, each run once
    on a whole column; None when anything fails, and the lazy validation then finds every
    failure case. On a clean table of millions of rows this is several times faster than the
    lazy validation, whose uniqueness check alone hashed every id twice."""
    coerced = data
    if not all(_has_dtype(data[name], column) for name, column in schema.columns.items()):
        # else the parsers gave every column its dtype already, and coercing copies them
        try:
            coerced = schema.coerce_dtype(data)
        except (pandera.errors.SchemaError, pandera.errors.SchemaErrors):
            return None
    for name, column in schema.columns.items():
        values = coerced[name]
        if not column.nullable and bool(values.isna().any()):
            return None
        if column.unique and not _all_distinct(values):
            return None
        if not all(bool(check(values).check_passed) for check in column.checks):
            return None
    if not all(bool(check(coerced).check_passed) for check in schema.checks):
        return None
    return coerced


def _has_dtype(values: pd.Series, column: pandera.api.pandas.components.Column) -> bool:
    """Whether a column already has the dtype the schema coerces it to (pandera's own check
    also takes Int64 for int64 and object for text)."""
    target = str(column.dtype)
    if is_arrow_text(values.dtype):
        return target in ("str", "string", "string[pyarrow]")
    return str(values.dtype) == target


def _all_distinct(values: pd.Series) -> bool:
    """No value twice, an empty cell counting as a value (two empty cells: the lazy
    validation decides)."""
    if is_arrow_text(values.dtype):
        import pyarrow as pa
        import pyarrow.compute as pc

        ids = pa.array(values.array)
        if len(ids) < 2:
            return True
        # Ids in increasing order (as most exports sort them) are distinct without hashing.
        after = pc.greater(ids.slice(1), ids.slice(0, len(ids) - 1))
        if pc.all(after, skip_nulls=False).as_py() is True:
            return True
        return bool(pc.count_distinct(ids, mode="all").as_py() == len(ids))
    return not bool(values.duplicated(keep="first").any())


def _check_messages(check: str, column: str, data: pd.DataFrame, rows: pd.DataFrame) -> list[str]:
    values = [show(v) for v in rows["failure_case"]]
    if check == "not_nullable":
        return ["is empty; a value is required"] * len(values)
    if check in ("field_uniqueness", "unique"):
        col = data[column]
        firsts = col[col.isin(rows["failure_case"])].drop_duplicates(keep="first")
        first_row = dict(zip(firsts.to_numpy(), firsts.index.to_numpy() + 2, strict=True))
        return [
            f"duplicate: '{v}' is already in row {first_row.get(raw, '?')}"
            for v, raw in zip(values, rows["failure_case"], strict=True)
        ]
    bound = re.fullmatch(r"(\w+)\((.*)\)", check)
    name, arg = bound.groups() if bound else (check, "")
    words = {
        "greater_than_or_equal_to": f"must be {arg} or more",
        "less_than_or_equal_to": f"must be {arg} or less",
        "greater_than": f"must be more than {arg}",
        "less_than": f"must be less than {arg}",
        "in_range": f"must be in the range {arg}",
        "isin": f"is not one of {arg.strip('[]')}",
        "str_matches": f"does not have the expected form {arg}",
    }
    return [f"'{v}' {words.get(name, f'fails the check {check}')}" for v in values]
