"""Periods: quarters written like ``2026-Q1``, as integers that arithmetic works on, and the
month arithmetic on day numbers that every engine shares (numpy, never pandas, so the lowest
layer stays light).

A quarter number counts quarters since 1970-Q1, so "the previous quarter" is ``q - 1`` and a
span of periods is a ``range``. Every layer that reads, writes or steps through periods goes
through here, so one label always means one span of days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from numpy.typing import ArrayLike

from salesplaybook.core.errors import SalesplaybookError

IntArray = npt.NDArray[np.int64]

# [0-9], not \d: \d also matches other scripts' digits ("٢٠٢٦-Q1"), which int() reads, so a
# label that is not canonical would name a quarter (found by the fuzz test).
_PERIOD = re.compile(r"([0-9]{4})-Q([1-4])")
_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
#: The years a period may fall in: the sample's range, well inside the dates pandas can hold
#: (1677-2262) and those Python can (from year 1), so that a quarter's days, trailing years and
#: following quarters always exist.
FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2199


def parse_period(label: object) -> int:
    """The quarter number of a label like ``2026-Q1`` (quarters since 1970-Q1, so arithmetic on
    periods is integer arithmetic)."""
    match = _PERIOD.fullmatch(label) if isinstance(label, str) else None
    if match is None:
        raise SalesplaybookError(
            f"bad period label {label!r}: a period is a quarter written like 2026-Q1"
        )
    year = int(match[1])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise SalesplaybookError(
            f"bad period label {label!r}: the year must be from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return (year - 1970) * 4 + int(match[2]) - 1


def is_period_label(label: object) -> bool:
    """Whether ``label`` is written like a period (``2026-Q1``), whatever its year: a caller that
    words its own messages can tell a label of the wrong form from one of a year out of range."""
    return isinstance(label, str) and _PERIOD.fullmatch(label) is not None


def period_label(quarter: int) -> str:
    """The label of a quarter number, the inverse of :func:`parse_period`."""
    return f"{1970 + quarter // 4}-Q{quarter % 4 + 1}"


_FISCAL = re.compile(r"FY\s*-?\s*(\d{4})\s*-?\s*Q([1-4])", re.IGNORECASE)


def is_fiscal_label(label: object) -> bool:
    """Whether ``label`` is written like a fiscal quarter (``FY2026 Q3``, ``FY2026-Q3``)."""
    return isinstance(label, str) and _FISCAL.fullmatch(label.strip()) is not None


def fiscal_period(label: object, start_month: int) -> str:
    """The calendar quarter label of a fiscal quarter such as ``FY2026 Q3``.

    A fiscal year is named by the calendar year it ends in (FY2026 starting in April runs from
    April 2025 to March 2026), the usual convention; with ``start_month`` 1 it is the calendar
    year. Quarters of the engine are calendar quarters, so the fiscal year must start at the
    start of one (month 1, 4, 7 or 10). A calendar label (``2026-Q1``) is returned as it is.
    """
    if isinstance(label, str) and _PERIOD.fullmatch(label.strip()):
        return label.strip()
    match = _FISCAL.fullmatch(label.strip()) if isinstance(label, str) else None
    if match is None:
        raise SalesplaybookError(
            f"bad period label {label!r}: write a quarter like 2026-Q1 or FY2026 Q1"
        )
    if start_month not in (1, 4, 7, 10):
        raise SalesplaybookError(
            f"a fiscal year starting in month {start_month} does not start a quarter: "
            "fiscal quarters are read when the year starts in month 1, 4, 7 or 10"
        )
    year, q = int(match[1]), int(match[2])
    first_year = year if start_month == 1 else year - 1
    quarter = (first_year - 1970) * 4 + (start_month - 1) // 3 + q - 1
    label_out = period_label(quarter)
    parse_period(label_out)  # the year range
    return label_out


def fiscal_label(period: str, start_month: int) -> str:
    """``FY2026 Q3`` for a calendar quarter label, the inverse of :func:`fiscal_period`."""
    quarter = parse_period(period)
    offset = (start_month - 1) // 3
    shifted = quarter - offset
    year = 1970 + shifted // 4 + (0 if start_month == 1 else 1)
    return f"FY{year} Q{shifted % 4 + 1}"


def parse_month(label: object) -> int:
    """The month number of a label like ``2026-01`` (months since 1970-01, as :func:`month_of`
    counts them), for tables by month (a dashboard's)."""
    match = _MONTH.fullmatch(label) if isinstance(label, str) else None
    if match is None:
        raise SalesplaybookError(f"bad month label {label!r}: a month is written like 2026-01")
    year = int(match[1])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise SalesplaybookError(
            f"bad month label {label!r}: the year must be from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return (year - 1970) * 12 + int(match[2]) - 1


def month_label(month: int) -> str:
    """The label of a month number, the inverse of :func:`parse_month`."""
    return f"{1970 + month // 12}-{month % 12 + 1:02d}"


# --- day numbers -----------------------------------------------------------------------------
# Dates inside the engines are day numbers (days since 1970-01-01), in numpy arrays: integers,
# or floats with NaN where a date is missing. Month and quarter arithmetic on them lives here
# and only here.

MONTHS_PER_QUARTER: Final = 3
_EPOCH = date(1970, 1, 1)


def day_number(day: date) -> int:
    """The day number of a date."""
    return (day - _EPOCH).days


def date_of(day: int) -> date:
    """The date of a day number."""
    return _EPOCH + timedelta(days=int(day))


#: Days looked up in one table of their months (about 180 years from the earliest day): numpy's
#: calendar conversion costs some 15 ns a day, a lookup about 1 ns (2.1 million closing dates:
#: 35 ms against 3 ms).
_TABLE_DAYS: Final = 1 << 16


def month_of(days: ArrayLike) -> IntArray:
    """Month numbers (months since 1970-01) of day numbers (integers)."""
    return _by_table(days, 1)


def quarter_of(days: ArrayLike) -> IntArray:
    """Quarter numbers (as :func:`parse_period` counts them) of day numbers (integers)."""
    return _by_table(days, MONTHS_PER_QUARTER)


def _calendar(days: IntArray, months: int) -> IntArray:
    """Periods of ``months`` months of day numbers, by numpy's calendar."""
    numbers = days.view("datetime64[D]").astype("datetime64[M]").view(np.int64)
    numbers //= months  # a new array: divided in place
    return np.asarray(numbers, dtype=np.int64)


def _by_table(values: ArrayLike, months: int) -> IntArray:
    """:func:`_calendar` of many days through a table of the :data:`_TABLE_DAYS` days from the
    earliest. The days beyond it (an empty "until" date is a day far in the future: one value
    repeated) take the calendar, once when they are all the same day."""
    days = np.asarray(values, dtype=np.int64)
    if days.size <= _TABLE_DAYS:
        return _calendar(days, months)
    first, last = int(days.min()), int(days.max())
    table = _calendar(np.arange(first, first + _TABLE_DAYS, dtype=np.int64), months)
    periods = days - first  # the one array of millions: offsets, then their periods in place
    beyond = periods >= _TABLE_DAYS if last - first >= _TABLE_DAYS else None
    np.take(table, periods, out=periods, mode="clip")
    if beyond is not None:
        if np.count_nonzero(beyond) == np.count_nonzero(days == last):  # one far day
            np.copyto(periods, _calendar(np.array([last], dtype=np.int64), months), where=beyond)
        else:
            periods[beyond] = _calendar(days[beyond], months)
    return periods


def month_first_day(months: ArrayLike) -> IntArray:
    """The first day of each month number."""
    first = np.asarray(months, dtype=np.int64).astype("datetime64[M]").astype("datetime64[D]")
    return np.asarray(first.astype(np.int64), dtype=np.int64)


def quarter_first_day(quarters: ArrayLike) -> IntArray:
    """The first day of each quarter number."""
    return month_first_day(np.asarray(quarters, dtype=np.int64) * MONTHS_PER_QUARTER)


def quarter_last_day(quarters: ArrayLike) -> IntArray:
    """The last day of each quarter number."""
    return quarter_first_day(np.asarray(quarters, dtype=np.int64) + 1) - 1


def add_months(days: ArrayLike, months: int) -> npt.NDArray[Any]:
    """Day numbers plus whole calendar months, clipped to the end of a shorter month (Jan 31 + 1
    month = Feb 28), as a contract's probation clause reads and ``pandas.DateOffset`` counts.

    Integer days give integer days; float days give floats, NaN (a missing date) staying NaN.
    """
    values = np.asarray(days)
    missing = np.isnan(values) if values.dtype.kind == "f" else None
    whole = np.where(missing, 0, values) if missing is not None else values
    dates = whole.astype(np.int64).astype("datetime64[D]")
    month = dates.astype("datetime64[M]")
    day_in_month = (dates - month.astype("datetime64[D]")).astype(np.int64)
    target = month + months
    first = target.astype("datetime64[D]")
    length = ((target + 1).astype("datetime64[D]") - first).astype(np.int64)
    shifted = first.astype(np.int64) + np.minimum(day_in_month, length - 1)
    if missing is None:
        return np.asarray(shifted, dtype=np.int64)
    return np.where(missing, np.nan, shifted.astype(float))


def add_months_to_date(day: date, months: int) -> date:
    """A date plus whole calendar months (:func:`add_months` for one date)."""
    return date_of(int(add_months(np.array([day_number(day)]), months)[0]))


def whole_months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 when ``end`` is earlier): the largest
    ``n`` with ``add_months_to_date(start, n) <= end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months_to_date(start, months) > end:
        months -= 1
    return max(months, 0)


def quarter_bounds(quarter: int) -> tuple[date, date]:
    """The first and last day of a quarter number."""
    q = np.array([quarter])
    return date_of(int(quarter_first_day(q)[0])), date_of(int(quarter_last_day(q)[0]))


def quarter_of_date(day: date) -> int:
    """The quarter number a date falls in."""
    return (day.year - 1970) * 4 + (day.month - 1) // MONTHS_PER_QUARTER
