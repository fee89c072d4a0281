"""Periods: quarters written like ``2026-Q1``, as integers that arithmetic works on.

A quarter number counts quarters since 1970-Q1, so "the previous quarter" is ``q - 1`` and a
span of periods is a ``range``. Every layer that reads, writes or steps through periods goes
through here, so one label always means one span of days.
"""

from __future__ import annotations

import re
from typing import Final

from salesplaybook.core.errors import SalesplaybookError

_PERIOD = re.compile(r"(\d{4})-Q([1-4])")
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


def period_label(quarter: int) -> str:
    """The label of a quarter number, the inverse of :func:`parse_period`."""
    return f"{1970 + quarter // 4}-Q{quarter % 4 + 1}"
