"""Column parsers: numbers, yes/no, dates, enumerations, periods and text as spreadsheets write
them, each parsing a whole column at once or one call per distinct value, never cell by cell."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import FIRST_YEAR, LAST_YEAR, is_period_label, parse_period
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.tables.aliases import allowed_text, canonical_value
from salesplaybook.data.tables.csvfile import (
    FIRST_DATE,
    LAST_DATE,
    blank_cells,
    is_arrow_text,
    stripped_text,
)
from salesplaybook.data.tables.flagwords import BOOLS
from salesplaybook.data.tables.plain import plain_bool_column, whole_days_in_range
from salesplaybook.data.values import (
    DECIMAL_COMMA,
    THOUSANDS_COMMA,
    BadValueError,
    parse_number,
)

#: A parser returns the typed column and, for the cells it could not read, a message each
#: (a Series indexed like the input).
Parsed = tuple["pd.Series[Any]", "pd.Series[str]"]

_CURRENCY = "¥￥$€£元"


def _no_errors(index: pd.Index) -> pd.Series:
    return pd.Series([], index=index[:0], dtype="str")


def _per_unique(
    values: pd.Series,
    parse: Callable[[pd.Series], tuple[pd.Series, pd.Series]],
) -> tuple[np.ndarray[Any, Any], pd.Series, pd.Series]:
    """Run ``parse`` once per distinct value. ``parse`` gets the distinct values, NFKC-folded
    and stripped, NaN for blank ones, and gives their results and a message per value that
    failed (NaN otherwise). Returns the codes, and per distinct value result and message."""
    uniques: Any
    if is_arrow_text(values.dtype):  # hashed by pyarrow, no Python string per cell
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
    else:
        codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    norm = pd.Series([str(u) for u in uniques], dtype=object)
    norm = norm.str.normalize("NFKC").str.strip()
    results, messages = parse(norm.where(norm != ""))
    return codes, results, messages


def _spread(
    index: pd.Index, codes: np.ndarray[Any, Any], values: pd.Series, messages: pd.Series
) -> Parsed:
    """Per-distinct results back onto the rows; blank rows (code -1) and failed values are NA."""
    failed = np.append(messages.notna().to_numpy(dtype=bool), False)
    clean = values.where(~failed[:-1]) if len(values) else values
    padded = pd.concat([clean, pd.Series([None], dtype=values.dtype)], ignore_index=True)
    take = np.where(codes < 0, len(values), codes)
    result = padded.take(take)
    result.index = index
    bad = np.flatnonzero(failed[take])
    if not len(bad):
        return result, _no_errors(index)
    errors = pd.Series(messages.to_numpy()[take[bad]], index=index[bad], dtype="str")
    return result, errors


def parse_numbers(values: pd.Series, integer: bool = False, decimal_comma: bool = False) -> Parsed:
    """Numbers as spreadsheets save them. Plain numbers go through ``pd.to_numeric`` in one
    pass; only the rest ("1,234", "¥5", "90%") are cleaned, once per distinct value, and only
    what still fails goes through :func:`~salesplaybook.data.values.parse_number` for its reason.

    With ``decimal_comma`` (a ``;``-separated file, or the mapping file says so) "1.234,5" is
    1234.5 and "1.234" is 1234; otherwise a comma must group thousands ("0,92" is refused).
    """
    if pd.api.types.is_bool_dtype(values.dtype):
        values = values.astype(object)
    if pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.Series(values.to_numpy(dtype=float, na_value=np.nan), index=values.index)
    else:
        numbers = pd.to_numeric(values.astype(object), errors="coerce").astype(float)
    odd = ~blank_cells(values) & ~np.isfinite(numbers.to_numpy())
    if decimal_comma and not pd.api.types.is_numeric_dtype(values.dtype):
        odd |= values.astype(object).astype(str).str.contains(".", regex=False).to_numpy()
    errors = _no_errors(values.index)
    if odd.any():

        def clean(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
            return _clean_numbers(distinct, decimal_comma)

        codes, cleaned, messages = _per_unique(values[odd], clean)
        fixed, errors = _spread(values.index[odd], codes, cleaned, messages)
        numbers[odd] = fixed.astype(float)
    if integer:
        whole = numbers.isna() | ((np.floor(numbers) == numbers) & (numbers.abs() < 2**53))
        if not whole.all():
            wrong = ~whole
            shown = [show(v) for v in numbers[wrong]]
            more = pd.Series(shown, index=numbers.index[wrong], dtype="str")
            errors = pd.concat([errors, "'" + more + "' is not a whole number"]).sort_index()
            numbers[wrong] = np.nan
        return numbers.astype("Int64"), errors
    return numbers, errors


def _clean_numbers(distinct: pd.Series, decimal_comma: bool) -> tuple[pd.Series, pd.Series]:
    percent = distinct.str.endswith("%").fillna(False).to_numpy(dtype=bool)
    core = distinct.str.replace(r"%$", "", regex=True).str.strip()
    core = core.str.replace(r"^[A-Z]{3}\s*|\s*[A-Z]{3}$", "", regex=True)  # USD 1,234.00
    core = core.str.strip().str.strip(_CURRENCY).str.replace(r"[_\s]", "", regex=True)
    if decimal_comma:
        readable = core.str.match(DECIMAL_COMMA).fillna(False)
        grouped = readable & core.str.contains(r"[,.]").fillna(False)
        swapped = core.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        core = core.where(~grouped, swapped)
    else:  # a comma only between groups of three digits; anything else fails below
        grouped = core.str.match(THOUSANDS_COMMA).fillna(False)
        core = core.where(~grouped, core.str.replace(",", "", regex=False))
    numbers = pd.to_numeric(core, errors="coerce").astype(float)
    numbers[percent] = numbers[percent] / 100
    values = numbers.to_numpy(dtype=float, copy=True)
    messages: list[str | None] = [None] * len(values)
    for i in np.flatnonzero(~np.isfinite(values) & distinct.notna().to_numpy()).tolist():
        try:
            values[i] = parse_number(distinct.iloc[i], decimal_comma)
        except BadValueError as exc:
            messages[i] = str(exc)
    return (
        pd.Series(values, index=distinct.index),
        pd.Series(messages, index=distinct.index, dtype=object),
    )


def parse_bools(values: pd.Series) -> Parsed:
    """Yes/no cells as spreadsheets write them (TRUE, yes, 1, 是, √)."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("boolean"), _no_errors(values.index)
    plain = plain_bool_column(values)
    if plain is not None:
        return plain, _no_errors(values.index)

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        folded = distinct.str.casefold()
        result = folded.map(BOOLS).astype("boolean")
        bad = result.isna() & distinct.notna()
        msg = "'" + distinct[bad] + "' is not yes or no (write true/false, yes/no, 1/0 or 是/否)"
        return result, msg.reindex(distinct.index)

    codes, result, messages = _per_unique(values, parse)
    return _spread(values.index, codes, result, messages)


_YMD = (
    r"^(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$"
)
_CHINESE_DATE = r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?$"
_US_DATE = (
    r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"
    r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?$"
)
_DAY_MONTH = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_DATE_FORMS = "write 2026-03-31, 2026/3/31 or 2026年3月31日"
#: The days a date column can hold: pandas' timestamps end inside 1677-09-21 and 2262-04-11,
#: so the first and last whole days they cover (with any time of day) are one further in.
_FIRST_DATE = FIRST_DATE
_LAST_DATE = LAST_DATE


def _day_key(date: pd.Timestamp) -> int:
    return date.year * 10000 + date.month * 100 + date.day


def _out_of_range(text: str) -> str:
    """The message for a date pandas cannot hold, such as 9999-12-31 for "open-ended"."""
    return (
        f"'{text}' is outside the supported dates ({_FIRST_DATE:%Y-%m-%d} to "
        f"{_LAST_DATE:%Y-%m-%d}); leave the cell empty if there is no date"
    )


def parse_dates(values: pd.Series, us: bool = False) -> Parsed:
    """Dates in the unambiguous forms; with ``us``, also month/day/year as US CRMs export them.

    A date Excel shows as 31/03/2026 may be day-first or month-first depending on the machine
    that saved it; guessing would move deals between quarters silently, so it is refused.
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):  # a typed frame: already dates
        return _typed_dates(values)
    iso_column = _iso_column(values, us)
    if iso_column is not None:
        return iso_column, _no_errors(values.index)

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        iso = _iso_dates(distinct)
        if iso is not None:
            return iso, pd.Series([None] * len(distinct), index=distinct.index, dtype=object)
        parts = pd.DataFrame(index=distinct.index, columns=["y", "m", "d", "H", "M", "S"])
        patterns = [_YMD, _CHINESE_DATE, _DOTTED_DATE] + (
            [_US_DATE] if us else _column_order(distinct)
        )
        for pattern in patterns:
            todo = parts["y"].isna() & distinct.notna()
            if not todo.any():
                break
            found = distinct[todo].str.extract(pattern)
            found = found[found["y"].notna()]
            for col in parts.columns:
                if col in found:
                    parts.loc[found.index, col] = found[col]
            if "ampm" in found:
                hour = pd.to_numeric(found["H"], errors="coerce") % 12
                hour = hour.where(~found["ampm"].str.lower().eq("pm").fillna(False), hour + 12)
                parts.loc[found.index, "H"] = hour.where(found["ampm"].notna(), found["H"])
        numbers = parts.apply(pd.to_numeric, errors="coerce")
        numbers[["H", "M", "S"]] = numbers[["H", "M", "S"]].fillna(0)
        # Out of pandas' range (9999-12-31, 0000-01-01: "open-ended" in many CRM exports) is
        # refused before pandas sees it: it would not fit in nanosecond timestamps.
        day = numbers["y"] * 10000 + numbers["m"] * 100 + numbers["d"]
        outside = ((day < _day_key(_FIRST_DATE)) | (day > _day_key(_LAST_DATE))).to_numpy()
        numbers.loc[outside, "y"] = np.nan
        stamps = pd.to_datetime(
            numbers.rename(
                columns={
                    "y": "year",
                    "m": "month",
                    "d": "day",
                    "H": "hour",
                    "M": "minute",
                    "S": "second",
                }
            ),
            errors="coerce",
        ).astype("datetime64[ns]")
        stamps = stamps.dt.normalize()  # the model keeps dates; an export's time of day is noise
        messages: list[str | None] = [None] * len(distinct)
        matched = parts["y"].notna().to_numpy()
        for i in np.flatnonzero(stamps.isna().to_numpy() & distinct.notna().to_numpy()).tolist():
            text = str(distinct.iloc[i])
            messages[i] = (
                _out_of_range(text) if outside[i] else _date_problem(text, bool(matched[i]), us)
            )
        return stamps, pd.Series(messages, index=distinct.index, dtype=object)

    codes, stamps, messages = _per_unique(values, parse)
    return _spread(values.index, codes, stamps, messages)


def _typed_dates(values: pd.Series) -> Parsed:
    """Dates of a typed frame, refused where pandas' nanoseconds cannot hold them."""
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    if values.dtype == np.dtype("datetime64[ns]") and whole_days_in_range(values):
        return values, _no_errors(values.index)  # as the dates pyarrow reads: nothing to do
    # A coarser unit than nanoseconds holds dates pandas' nanoseconds cannot (9999-12-31).
    after_last = _LAST_DATE + pd.Timedelta(days=1)
    outside = ((values < _FIRST_DATE) | (values >= after_last)).to_numpy(dtype=bool)
    if not outside.any():
        return values.astype("datetime64[ns]").dt.normalize(), _no_errors(values.index)
    shown = [_out_of_range(f"{day:%Y-%m-%d}") for day in values[outside]]
    errors = pd.Series(shown, index=values.index[outside], dtype="str")
    inside = values.where(~outside)
    return inside.astype("datetime64[ns]").dt.normalize(), errors


def _iso_column(values: pd.Series, us: bool) -> pd.Series | None:
    """A column of Arrow strings that are all real dates written 2026-03-31, as dates, by one
    strict cast in pyarrow (no distinct values, no Python object per cell); None when any cell
    is written otherwise or lies outside the supported dates, for the full parse."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if us or not is_arrow_text(values.dtype):
        return None
    try:
        days = pc.cast(pa.array(values.array), pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    bounds = pc.min_max(days.cast(pa.int32())).as_py()  # day numbers: year 0 is no date
    first, last = bounds["min"], bounds["max"]
    epoch = pd.Timestamp(0)
    if first is not None and (
        first < (_FIRST_DATE - epoch).days or last > (_LAST_DATE - epoch).days
    ):
        return None
    stamps = days.cast(pa.timestamp("ns")).to_numpy(zero_copy_only=False)
    return pd.Series(stamps, index=values.index, name=values.name, dtype="datetime64[ns]")


def _iso_dates(distinct: pd.Series) -> pd.Series | None:
    """The dates when every value is a real date written 2026-03-31 (as most files have
    them), in one strict pass; None when any is written otherwise, for the full parse."""
    stamps = pd.to_datetime(distinct, format="%Y-%m-%d", errors="coerce")
    if bool((stamps.isna() & distinct.notna()).any()):
        return None
    if bool(((stamps < _FIRST_DATE) | (stamps > _LAST_DATE)).any()):  # 9999-12-31
        return None
    return stamps.astype("datetime64[ns]")


_DMY_DATE = (
    _US_DATE.replace("(?P<m>", "(?P<dd>").replace("(?P<d>", "(?P<m>").replace("(?P<dd>", "(?P<d>")
)
#: 31.03.2026: dots are written day first wherever they are the date separator (DIN 5008).
_DOTTED_DATE = (
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
    r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/\d{4}\b")


def _column_order(distinct: pd.Series) -> list[str]:
    """The day/month order of a column's slashed dates when the column itself proves it: a
    first number above 12 somewhere (31/03/2026: day first) and none in second place, or the
    reverse (3/31/2026: month first). Otherwise none: 3/4/2026 alone stays ambiguous."""
    found = distinct.dropna().str.extract(_SLASHED)
    if found.empty or found[0].isna().all():
        return []
    first = pd.to_numeric(found[0], errors="coerce")
    second = pd.to_numeric(found[1], errors="coerce")
    day_first, month_first = bool((first > 12).any()), bool((second > 12).any())
    if month_first and not day_first:
        return [_US_DATE]
    if day_first and not month_first:
        return [_DMY_DATE]
    return []


def _date_problem(text: str, matched: bool, us: bool) -> str:
    if us and _DAY_MONTH.match(text):
        return f"'{text}' is not a date as month/day/year (3/31/2026) or 2026-03-31"
    if matched:
        return f"'{text}' is not a real date"
    if _SERIAL.match(text):
        return (
            f"'{text}' looks like a date as Excel stores it: format the column as a date "
            "(2026-03-31) before saving"
        )
    if _DAY_MONTH.match(text):
        return f"'{text}' is ambiguous (day/month or month/day?): {_DATE_FORMS}"
    forms = f"{_DATE_FORMS}, or 3/31/2026 (month/day/year)" if us else _DATE_FORMS
    return f"'{text}' is not a date: {forms}"


def parse_enum(values: pd.Series, allowed: Sequence[str]) -> Parsed:
    """Ids, English names ("Sales rep") or Chinese names (销售代表) of an enumeration."""
    allowed_set = set(allowed)
    if _all_ids(values, allowed):
        return values, _no_errors(values.index)

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        found = distinct.map(lambda v: v if pd.isna(v) else canonical_value(v))
        found = found.where(found.isin(allowed_set))
        bad = found.isna() & distinct.notna()
        msg = "'" + distinct[bad] + f"' is not one of: {allowed_text(allowed)}"
        return found.astype("str"), msg.reindex(distinct.index)

    codes, result, messages = _per_unique(values, parse)
    return _spread(values.index, codes, result, messages)


def _all_ids(values: pd.Series, allowed: Sequence[str]) -> bool:
    """Whether a column of Arrow strings holds only the ids themselves (or blanks), as exports
    of our own tables do: one pass in pyarrow instead of a parse per distinct value."""
    if not is_arrow_text(values.dtype) or any(canonical_value(a) != a for a in allowed):
        return False
    import pyarrow as pa
    import pyarrow.compute as pc

    known = pc.is_in(pa.array(values.array), value_set=pa.array(list(allowed)))
    return bool(pc.all(pc.or_kleene(known, pc.is_null(pa.array(values.array)))).as_py())


#: Other spellings of a quarter people write (2026Q1, Q1 2026, 2026年第1季度), normalised to the
#: label form 2026-Q1 before :func:`salesplaybook.core.periods.parse_period` reads it.
_QUARTER_SPELLINGS = (
    r"^(?P<y>\d{4})\s*[-_/ ]?\s*Q(?P<q>[1-4])$",
    r"^Q(?P<q>[1-4])\s*[-_/ ]?\s*(?P<y>\d{4})$",
    r"^(?P<y>\d{4})\s*年\s*(?:第\s*)?(?P<q>[1-4一二三四])\s*季度?$",
    r"^(?P<y>\d{4})\s*年\s*Q(?P<q>[1-4])$",
)
_CHINESE_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}


def parse_periods(values: pd.Series) -> Parsed:
    """Quarters in the spellings people use: 2026-Q1, 2026Q1, Q1 2026, 2026年第1季度."""

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        upper = distinct.str.upper()
        label = upper.copy()
        todo = upper.notna() & ~upper.map(is_period_label).astype(bool)
        for pattern in _QUARTER_SPELLINGS:
            found = upper[todo].str.extract(pattern).dropna()
            quarter = found["q"].replace(_CHINESE_DIGITS)
            label.loc[found.index] = (found["y"] + "-Q" + quarter).to_numpy(dtype=object)
            todo[found.index] = False
        labels, texts = label.to_list(), distinct.to_list()
        result: list[object] = [np.nan] * len(labels)
        messages: list[str | None] = [None] * len(labels)
        for i, text in enumerate(labels):
            if not isinstance(text, str):
                continue
            try:
                parse_period(text)
            except SalesplaybookError:
                shown = f"'{texts[i]}' is not a quarter"
                messages[i] = (
                    f"{shown} of the years {FIRST_YEAR} to {LAST_YEAR}"
                    if is_period_label(text)
                    else f"{shown}: write 2026-Q1 (or 2026年第1季度)"
                )
            else:
                result[i] = text
        return (
            pd.Series(result, index=distinct.index, dtype=object).astype("str"),
            pd.Series(messages, index=distinct.index, dtype=object),
        )

    codes, result, messages = _per_unique(values, parse)
    return _spread(values.index, codes, result, messages)


def parse_text(values: pd.Series) -> Parsed:
    """Ids and names: as given, without the spaces around them."""
    return stripped_text(values), _no_errors(values.index)


def column_parser(
    table: str, column: str, decimal_comma: bool = False
) -> Callable[[pd.Series], Parsed]:
    """The parser a schema column needs, from its pandera dtype and checks; numbers follow the
    file's decimal convention (see :func:`parse_numbers`)."""
    spec = datamodel.columns(table)[column]
    dtype = str(spec.dtype)
    checks = {check.name: check.statistics for check in spec.checks}
    if "datetime" in dtype:
        return parse_dates
    if dtype in ("bool", "boolean"):
        return parse_bools
    if dtype.startswith("int") or dtype.startswith("Int"):
        return lambda v: parse_numbers(v, integer=True, decimal_comma=decimal_comma)
    if dtype.startswith("float"):
        return (lambda v: parse_numbers(v, decimal_comma=True)) if decimal_comma else parse_numbers
    if "isin" in checks:
        allowed = list(checks["isin"]["allowed_values"])
        return lambda v: parse_enum(v, allowed)
    if checks.get("str_matches", {}).get("pattern") == datamodel.PERIOD_PATTERN:
        return parse_periods
    return parse_text


def show(value: object) -> str:
    """A value as the user typed it, near enough: 5 not 5.0, 2026-03-31 not a timestamp."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else str(value)
    return str(value)
