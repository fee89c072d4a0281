"""Period labels and numbers: quarters (``2026-Q1``) and months (``2026-01``) round-trip through
the numbers the engines compute on, and agree with the day arithmetic."""

from __future__ import annotations

import contextlib
from datetime import date

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import (
    _TABLE_DAYS,
    LAST_YEAR,
    day_number,
    is_period_label,
    month_label,
    month_of,
    parse_month,
    parse_period,
    period_label,
    quarter_of,
)


@pytest.mark.parametrize(
    ("label", "day"),
    [("1970-01", date(1970, 1, 31)), ("2026-02", date(2026, 2, 1)), ("1969-12", date(1969, 12, 5))],
)
def test_a_month_label_is_the_month_of_its_days(label, day):
    month = parse_month(label)
    assert month == int(month_of(np.array([day_number(day)]))[0])
    assert month_label(month) == label


def test_months_and_quarters_agree():
    for month in range(-30, 30):
        quarter = month // 3
        assert parse_period(period_label(quarter)) == quarter
        assert parse_month(month_label(month)) == month
        first = np.array([day_number(date.fromisoformat(month_label(month) + "-01"))])
        assert int(quarter_of(first)[0]) == quarter


def _months_by_date(days: np.ndarray) -> np.ndarray:
    """Month numbers by Python's calendar, one distinct day at a time; days past its year 9999
    through the Gregorian calendar's cycle (400 years: 146,097 days, 4,800 months)."""
    distinct, where = np.unique(days, return_inverse=True)
    months = []
    for day in distinct.tolist():
        cycles, rest = divmod(day, 146_097)
        d = date.fromordinal(date(1970, 1, 1).toordinal() + rest)
        months.append((d.year - 1970) * 12 + d.month - 1 + 4_800 * cycles)
    return np.array(months, dtype=np.int64)[where]


@settings(max_examples=25, deadline=None)
@given(
    first=st.integers(-200_000, 200_000),
    span=st.sampled_from([1, 400, 65_535, 65_536, 65_537, 300_000]),
    far=st.sampled_from(["none", "never", "several"]),
    seed=st.integers(0, 2**32 - 1),
)
@example(first=19_000, span=5_000, far="never", seed=0)
def test_months_and_quarters_of_many_days_are_the_calendars(first, span, far, seed):
    """Columns longer than the table of days (:data:`~salesplaybook.core.periods._TABLE_DAYS`)
    are looked up, the far days (an empty "until" date) apart."""
    rng = np.random.default_rng(seed)
    days = rng.integers(first, first + span, 70_000)
    if far != "none":
        beyond = rng.random(days.size) < 0.3
        days[beyond] = 10**8 if far == "never" else rng.integers(10**6, 2 * 10**6, beyond.sum())
    months = _months_by_date(days)
    assert np.array_equal(month_of(days), months)
    assert np.array_equal(quarter_of(days), months // 3)
    assert np.array_equal(quarter_of(days.tolist()[:10]), months[:10] // 3)


def test_the_first_day_past_the_table_is_in_its_own_month():
    first_of_march = day_number(date(2026, 3, 1))
    days = np.full(70_000, first_of_march - _TABLE_DAYS)
    days[-2:] = [first_of_march - 1, first_of_march]
    assert month_of(days)[-2:].tolist() == [parse_month("2026-02"), parse_month("2026-03")]


@pytest.mark.parametrize("label", ["2026-1", "2026-13", "2026-00", "2026Q1", "1800-01", 202601])
def test_bad_month_labels(label):
    with pytest.raises(SalesplaybookError, match="bad month label"):
        parse_month(label)


@pytest.mark.parametrize("label", ["2026-Q1", "1900-Q4", f"{LAST_YEAR + 1}-Q2", "0000-Q1"])
def test_the_form_of_a_label_whatever_its_year(label: str) -> None:
    assert is_period_label(label)


@pytest.mark.parametrize("label", ["2026Q1", "2026-Q5", " 2026-Q1", "2026-q1", "", None, 2026])
def test_other_forms_are_not_labels(label: object) -> None:
    assert not is_period_label(label)
    with pytest.raises(SalesplaybookError, match="a period is a quarter written like"):
        parse_period(label)


def test_a_label_of_a_year_out_of_range_is_a_label_parse_refuses() -> None:
    label = f"{LAST_YEAR + 1}-Q1"
    assert is_period_label(label)
    with pytest.raises(SalesplaybookError, match="the year must be from"):
        parse_period(label)


# --- Fuzz: whatever text comes in, a label is read exactly or refused cleanly ------------------


def _in_other_digits(label: str, zero: int) -> str:
    """``label`` with its year's digits in another script (Arabic-Indic, full-width, ...)."""
    return label[:4].translate({ord(str(d)): chr(zero + d) for d in range(10)}) + label[4:]


_LABELISH = st.one_of(
    st.text(max_size=12),
    st.builds(
        _in_other_digits,
        st.integers(0, 4 * 300).map(lambda q: period_label(q - 280)),
        st.sampled_from([0x660, 0xFF10, 0x966, 0x6F0, 0x1D7CE]),
    ),
    st.from_regex(r"\A\d{4}-Q\d\Z"),  # \d: any script's digits, as a spreadsheet may hold
    st.from_regex(r"\A\d{4}-\d{2}\Z"),
    st.from_regex(r"\A\s?[0-9]{4}-[Qq]?[0-9]{1,2}\s?\Z"),
    st.integers(),
    st.none(),
)


@given(_LABELISH)
def test_any_period_label_is_read_exactly_or_refused(label):
    try:
        quarter = parse_period(label)
    except SalesplaybookError:
        assert not isinstance(label, str) or period_label_or_none(label) is None
        return
    assert period_label(quarter) == label  # only the canonical form is accepted
    assert is_period_label(label)


@given(_LABELISH)
def test_any_month_label_is_read_exactly_or_refused(label):
    try:
        month = parse_month(label)
    except SalesplaybookError:
        return
    assert month_label(month) == label


@given(st.integers(min_value=parse_period("1900-Q1"), max_value=parse_period(f"{LAST_YEAR}-Q4")))
def test_every_quarter_in_range_round_trips(quarter):
    assert parse_period(period_label(quarter)) == quarter


def period_label_or_none(label: str) -> str | None:
    """The label when it is canonical and in range (what parse_period must accept)."""
    import re

    match = re.fullmatch(r"([0-9]{4})-Q([1-4])", label)
    return label if match and 1900 <= int(match[1]) <= LAST_YEAR else None


def test_fiscal_quarters_follow_the_fiscal_year_start() -> None:
    from salesplaybook.core.periods import fiscal_label, fiscal_period, is_fiscal_label

    assert fiscal_period("FY2026 Q1", 1) == "2026-Q1"
    assert fiscal_period("FY2026 Q1", 4) == "2025-Q2"  # April 2025, FY2026 ends March 2026
    assert fiscal_period("fy2026-q4", 4) == "2026-Q1"
    assert fiscal_period("FY2026 Q3", 7) == "2026-Q1"
    assert fiscal_period("2026-Q3", 4) == "2026-Q3"
    assert fiscal_label("2025-Q2", 4) == "FY2026 Q1"
    assert is_fiscal_label("FY2026 Q3")
    with pytest.raises(SalesplaybookError, match="month 1, 4, 7 or 10"):
        fiscal_period("FY2026 Q1", 2)
    with pytest.raises(SalesplaybookError, match="FY2026 Q1"):
        fiscal_period("FY26", 4)


@given(st.integers(min_value=0, max_value=100 * 4), st.sampled_from([1, 4, 7, 10]))
def test_fiscal_labels_round_trip(quarter: int, start: int) -> None:
    from salesplaybook.core.periods import fiscal_label, fiscal_period, period_label

    label = period_label(parse_period("2000-Q1") + quarter)
    assert fiscal_period(fiscal_label(label, start), start) == label


@given(st.text(max_size=16), st.integers(min_value=1, max_value=12))
def test_any_text_is_a_fiscal_period_or_a_period_problem(text: str, start: int) -> None:
    from salesplaybook.core.periods import fiscal_period

    with contextlib.suppress(SalesplaybookError):
        parse_period(fiscal_period(text, start))
