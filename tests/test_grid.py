"""The (quarter, team) grid the KPI engine computes on: its quarters are the period module's,
states and trailing years land in the right cells, results put the organisation first."""

from __future__ import annotations

from datetime import date

import numpy as np

from salesplaybook.core.periods import day_number, parse_period, quarter_bounds
from salesplaybook.kpi.metrics import QuarterGrid


def test_covering_keeps_a_trailing_year_before_the_first_quarter():
    asked = [parse_period("2026-Q1"), parse_period("2026-Q3")]
    grid = QuarterGrid.covering(asked, ["B", "A"])
    assert grid.labels == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    assert grid.buckets == 3
    for quarter, start, end in zip(grid.quarters, grid.starts, grid.ends, strict=True):
        first, last = quarter_bounds(int(quarter))
        assert (start, end) == (day_number(first), day_number(last))


def test_a_state_counts_in_every_quarter_whose_date_it_covers():
    grid = QuarterGrid(first=parse_period("2026-Q1"), n=4, teams=["A"])
    # Employed from 2026-02-10 to 2026-09-30 (its last day): active at the ends of Q1, Q2, Q3.
    low = np.array([day_number(date(2026, 2, 10))])
    high = np.array([day_number(date(2026, 9, 30))])
    cells = grid.at(grid.ends, low, high, np.array([0]))
    np.testing.assert_array_equal(cells[:, 0], [1, 1, 1, 0])
    # ... and at the starts of Q2 and Q3 only.
    np.testing.assert_array_equal(
        grid.at(grid.starts, low, high, np.array([0]))[:, 0], [0, 1, 1, 0]
    )


def test_trailing_years_and_results_put_the_organisation_first():
    grid = QuarterGrid(first=0, n=6, teams=["A", "B"])
    quarters = np.arange(6, dtype=np.int64)
    cells = grid.events(quarters, np.array([0, 1, 2, 0, 1, 0]))  # bucket 2: no team
    trailing = grid.total(grid.trailing(cells))
    # The organisation pools every bucket, the team without a name too.
    np.testing.assert_array_equal(trailing[:, 0], [1, 2, 3, 4, 4, 4])
    np.testing.assert_array_equal(trailing[:, 1], [1, 1, 1, 2, 1, 2])
    np.testing.assert_array_equal(trailing[:, 2], [0, 1, 1, 1, 2, 1])
    outside = grid.events(np.array([-1, 6]), np.array([0, 0]))
    assert outside.sum() == 0
