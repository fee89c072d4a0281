"""The span the sample covers, and the working-day arithmetic its steps need.

Days are plain numbers (days since 1970-01-01, floats with NaN where a date is missing) until the
tables are made: arithmetic and comparisons on them are cheap and missing values propagate.
Month and quarter arithmetic is :mod:`salesplaybook.core.periods`'s; what is here is the sample's
own: which months and quarters the span holds, and working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from salesplaybook.core import periods
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.sample.constants import FUTURE_MONTHS, LINE_TERM_MONTHS, Arr


@dataclass(frozen=True)
class Calendar:
    """The span's quarters and months as day numbers; the tables describe the organisation on
    ``end``, the span's last day."""

    periods: list[str]
    q_start: Arr  # each quarter's first day: the span's quarters, then two more
    q_end: Arr
    m_start: Arr  # each month's first day: the span's months, then FUTURE_MONTHS more
    m_end: Arr
    first_month: int  # months since 1970-01 of the span's first month
    first_quarter: int  # quarters since 1970-Q1 of the span's first quarter
    start: float
    end: float  # the span's last day: the tables describe the organisation on this day

    @property
    def n_quarters(self) -> int:
        return len(self.periods)

    @property
    def n_months(self) -> int:
        return periods.MONTHS_PER_QUARTER * len(self.periods)

    def month_of(self, days: Arr) -> Arr:
        """Month index: 0 is the span's first month, negative before, n_months and up after."""
        return np.asarray(periods.month_of(days) - self.first_month, dtype=np.int64)

    def quarter_of(self, days: Arr) -> Arr:
        """Quarter index: 0 is the span's first quarter."""
        return np.floor_divide(self.month_of(days), periods.MONTHS_PER_QUARTER)

    def quarter_in_year(self) -> Arr:
        """0 to 3 for each of the span's quarters: which quarter of its year it is."""
        return (self.first_quarter + np.arange(self.n_quarters)) % 4

    def progress(self, days: Arr) -> Arr:
        """How far into the span a day is: 0 at its start, 1 at its end."""
        span = max(self.end - self.start, 1.0)
        return np.asarray(np.clip((days - self.start) / span, 0.0, 1.0), dtype=float)


#: The largest organisation generated: twice the benchmarked 10,000 reps over 12 quarters
#: (seconds, about a gigabyte). Memory grows with reps times quarters; ten million reps ran out
#: of memory after 42 seconds, so the bound is checked before anything is drawn.
MAX_REPS = 20_000
MAX_REP_QUARTERS = 2 * 10_000 * 12


def whole(name: str, value: object, least: int, most: int | None = None) -> int:
    """``value`` as an int, when it is a whole number from ``least`` to ``most``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise SalesplaybookError(f"{name} must be a whole number, not {value!r}")
    if value < least:
        raise SalesplaybookError(f"{name} must be at least {least}, not {value}")
    if most is not None and value > most:
        raise SalesplaybookError(f"{name} must be at most {most:,}, not {value:,}")
    return int(value)


def make_calendar(reps: object, quarters: object, seed: object, end: object) -> Calendar:
    """The span of ``quarters`` quarters that ends with ``end``, once the arguments of
    :func:`salesplaybook.data.sample.generate` are checked."""
    n_reps = whole("reps", reps, 1, MAX_REPS)
    n_q = whole("quarters", quarters, 1)
    whole("seed", seed, 0)
    if n_reps * n_q > MAX_REP_QUARTERS:
        raise SalesplaybookError(
            f"{n_reps:,} reps over {n_q} quarters is more than {MAX_REP_QUARTERS:,} rep-quarters, "
            "the largest sample generated; fewer reps or fewer quarters"
        )
    if not periods.is_period_label(end):
        raise SalesplaybookError(f"end must be a quarter like 2026-Q3, not {end!r}")
    # Customers' history reaches six years back and open deals months ahead; stay in the years
    # every period label may name, well inside pandas' timestamps.
    try:
        last = periods.parse_period(end)
    except SalesplaybookError:
        last = None
    lowest = periods.parse_period(f"{periods.FIRST_YEAR}-Q1")
    if last is None or last - n_q + 1 < lowest:
        raise SalesplaybookError(
            f"end {end} with {n_q} quarters reaches outside the years "
            f"{periods.FIRST_YEAR}-{periods.LAST_YEAR}"
        )
    first = last - n_q + 1
    per_quarter = periods.MONTHS_PER_QUARTER
    months = np.arange(first * per_quarter, (last + 1) * per_quarter + FUTURE_MONTHS + 1)
    month_days = periods.month_first_day(months).astype(float)
    return Calendar(
        periods=[periods.period_label(q) for q in range(first, last + 1)],
        q_start=month_days[:-1:per_quarter],
        q_end=month_days[per_quarter::per_quarter] - 1,
        m_start=month_days[:-1],
        m_end=month_days[1:] - 1,
        first_month=first * per_quarter,
        first_quarter=first,
        start=float(month_days[0]),
        end=float(month_days[per_quarter * n_q] - 1),
    )


def as_datetime64(days: Arr) -> Arr:
    """Day numbers (whole, none missing) as numpy dates."""
    return np.asarray(days).astype(np.int64).astype("datetime64[D]")


def busday(days: Arr, roll: Literal["forward", "backward"] = "forward") -> Arr:
    """The working day on or after (or before) each day; missing days stay missing."""
    days = np.asarray(days, dtype=float)
    out = days.copy()
    ok = ~np.isnan(days)
    if ok.any():
        out[ok] = np.busday_offset(as_datetime64(np.floor(days[ok])), 0, roll=roll).astype(np.int64)
    return out


def add_busdays(days: Arr, n: Arr) -> Arr:
    """``n`` working days later (from the working day on or after each day)."""
    days = np.asarray(days, dtype=float)
    out = np.full(days.shape, np.nan)
    ok = ~np.isnan(days)
    if ok.any():
        offsets = np.broadcast_to(np.asarray(n, dtype=np.int64), days.shape)[ok]
        out[ok] = np.busday_offset(as_datetime64(days[ok]), offsets, roll="forward").astype(
            np.int64
        )
    return out


def term_end(begin: Arr, line: Arr) -> Arr:
    """The last day of a contract of the line's usual term that starts on ``begin``."""
    end = np.empty(len(begin))
    for months in np.unique(LINE_TERM_MONTHS):  # a loop over the two terms, not over rows
        sel = LINE_TERM_MONTHS[line] == months
        end[sel] = periods.add_months(begin[sel], int(months)) - 1
    return end


def workday(rng: np.random.Generator, lo: Arr | float, hi: Arr | float, size: int) -> Arr:
    """A random working day in [lo, hi] for each row (lo itself when there is none)."""
    lo_a = np.broadcast_to(np.asarray(lo, dtype=float), (size,))
    hi_a = np.broadcast_to(np.asarray(hi, dtype=float), (size,))
    day = np.floor(lo_a + rng.random(size) * (hi_a - lo_a + 1))
    day = np.minimum(busday(day), hi_a)
    day = busday(day, "backward")
    return np.where(day < lo_a, lo_a, day)
