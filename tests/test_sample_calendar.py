"""The span the sample covers, anchored on its last quarter."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.sample import generate
from salesplaybook.data.sample.calendar import make_calendar


def test_end_anchors_the_calendar() -> None:
    t = generate(reps=10, quarters=4, end="2020-Q1")
    assert t["market"].period.tolist() == ["2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1"]
    assert t["deals"].created_on.max() <= pd.Timestamp("2020-03-31")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reps": 0}, "reps must be at least 1"),
        ({"reps": -5}, "reps must be at least 1"),
        ({"reps": 2.5}, "reps must be a whole number"),
        ({"reps": True}, "reps must be a whole number"),
        ({"reps": "60"}, "reps must be a whole number"),
        ({"quarters": 0}, "quarters must be at least 1"),
        ({"seed": -1}, "seed must be at least 0"),
        ({"end": "2026Q3"}, "end must be a quarter like 2026-Q3"),
        ({"end": "2026-Q5"}, "end must be a quarter like 2026-Q3"),
        ({"end": " 2026-Q3"}, "end must be a quarter like 2026-Q3"),
        ({"end": None}, "end must be a quarter like 2026-Q3"),
        ({"end": "2400-Q1"}, "outside the years"),
    ],
)
def test_bad_span(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(SalesplaybookError, match=message):
        generate(**kwargs)  # type: ignore[arg-type]


def test_months_and_quarters_of_the_span() -> None:
    cal = make_calendar(1, 3, 0, "2024-Q1")
    assert cal.periods == ["2023-Q3", "2023-Q4", "2024-Q1"]
    assert cal.quarter_in_year().tolist() == [2, 3, 0]
    days = np.array([cal.start - 1, cal.start, cal.q_start[2], cal.end, cal.end + 1])
    assert cal.month_of(days).tolist() == [-1, 0, 6, 8, 9]
    assert cal.quarter_of(days).tolist() == [-1, 0, 2, 2, 3]
    first = np.datetime64("2023-07-01").astype("datetime64[D]").astype(int)
    assert cal.start == first
    assert cal.end == cal.q_end[2]
    assert (cal.m_end[:-1] + 1 == cal.m_start[1:]).all()  # months follow each other
    assert cal.progress(np.array([cal.start, cal.end])).tolist() == [0.0, 1.0]
