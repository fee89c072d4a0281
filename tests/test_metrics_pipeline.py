"""The pipeline and forecast indicators (kpi.metrics.pipeline) on a two-team organisation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from salesplaybook.core.periods import parse_period
from salesplaybook.kpi.metrics.context import ALL, Context
from salesplaybook.kpi.metrics.pipeline import pipeline_metrics

Q = "2026-Q2"


def people() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "person_id": ["a", "b"],
            "team_id": ["T1", "T2"],
            "hired_on": pd.to_datetime(["2024-01-01", "2024-01-01"]),
            "left_on": pd.Series([pd.NaT, pd.NaT], dtype="datetime64[ns]"),
        }
    )


def deals() -> pd.DataFrame:
    rows = [
        # person, stage, amount, created, closed, expected close
        ("a", "won", 100.0, "2026-03-01", "2026-04-10", "2026-04-30"),
        ("a", "lost", 50.0, "2026-03-01", "2026-05-10", "2026-05-30"),
        ("a", "lost", 50.0, "2026-04-02", "2026-05-11", "2026-06-30"),  # not open at the start
        ("a", "proposal_quote", 200.0, "2026-02-01", None, "2026-06-15"),  # open, expected in Q2
        ("a", "proposal_quote", 999.0, "2026-02-01", None, "2026-08-15"),  # expected in Q3
        ("b", "won", 300.0, "2026-01-05", "2026-05-01", "2026-05-01"),
        ("b", "won", 10.0, "2026-01-05", "2026-02-01", "2026-02-01"),  # closed in Q1
    ]
    frame = pd.DataFrame(
        rows,
        columns=["person_id", "stage", "amount", "created_on", "closed_on", "expected_close_on"],
    )
    for column in ("created_on", "closed_on", "expected_close_on"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def results(**tables: pd.DataFrame) -> dict[str, list[float]]:
    ctx = Context({"people": people(), **tables}, [parse_period(Q)], probation_months=3)
    (row,) = ctx.grid.offsets(np.array([parse_period(Q)], dtype=np.int64))
    return {k: [float(x) for x in v[row]] for k, v in pipeline_metrics(ctx).items()}


def test_win_rate_counts_deals_decided_in_the_quarter() -> None:
    found = results(deals=deals())
    # columns: organisation, T1, T2
    assert found["win_rate"] == pytest.approx([2 / 4, 1 / 3, 1.0])
    assert "pipeline_coverage" not in found  # no targets
    assert "forecast_accuracy" not in found


def test_pipeline_coverage_is_open_pipeline_expected_in_the_quarter_over_its_target() -> None:
    targets = pd.DataFrame({"person_id": ["a", "b"], "period": [Q, Q], "target": [100.0, 400.0]})
    found = results(deals=deals(), targets=targets)
    # Open at the start of Q2 and expected in it: a's won (100), a's first lost (50), a's open
    # 200; b's won deal (300) was open at the start too.
    assert found["pipeline_coverage"] == pytest.approx([650 / 500, 350 / 100, 300 / 400])


def test_forecast_accuracy_judges_the_commit_forecast() -> None:
    forecasts = pd.DataFrame(
        {
            "person_id": ["a", "a", "b"],
            "period": [Q, Q, Q],
            "amount": [80.0, 500.0, 600.0],
            "category": ["commit", "best_case", "commit"],
        }
    )
    found = results(deals=deals(), forecasts=forecasts)
    org = 1 - abs(400 - 680) / 680
    assert found["forecast_accuracy"] == pytest.approx([org, 1 - 20 / 80, 0.5])


def test_a_team_without_a_forecast_has_no_accuracy() -> None:
    forecasts = pd.DataFrame({"person_id": ["a"], "period": [Q], "amount": [100.0]})
    found = results(deals=deals(), forecasts=forecasts)
    assert found["forecast_accuracy"][1] == pytest.approx(1.0)
    assert math.isnan(found["forecast_accuracy"][2])
    assert ALL == "*"
