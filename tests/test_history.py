"""Trends, alerts and the director's view over a saved history (tools.history), on frames made
by hand so every number can be checked."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.content.facts import alert_move
from salesplaybook.tools import dashboard
from salesplaybook.tools.history import alert_rules, alerts, director_view, trends


def frame(rows):
    """Long indicator rows (team, period, indicator, value, status) with the other columns."""
    out = pd.DataFrame(rows, columns=["team", "period", "indicator", "value", "status"])
    out["dimension"] = "customers"
    out["meets"] = 1.0
    out["excellent"] = 2.0
    out["points"] = 50.0
    out["source"] = "data"
    out["revision"] = 1
    return out


def test_the_alert_rules_are_the_dashboards(playbook):
    rules = alert_rules(playbook)
    assert rules.move_threshold == alert_move(playbook)
    assert rules.consecutive_worse == dashboard.CONSECUTIVE_FALLS


def test_a_move_beyond_the_threshold_raises_an_alert(playbook):
    rules = alert_rules(playbook)
    big, small = 1 + rules.move_threshold * 1.5, 1 + rules.move_threshold * 0.5
    trend = trends(
        frame(
            [
                ("T01", "2025-Q1", "csat_score", 1.0, "meets"),
                ("T01", "2025-Q2", "csat_score", big, "meets"),
                ("T02", "2025-Q1", "csat_score", 1.0, "meets"),
                ("T02", "2025-Q2", "csat_score", small, "meets"),
            ]
        ),
        playbook,
    )
    second = trend.loc[trend["period"] == "2025-Q2"].set_index("team")
    assert second.loc["T01", "relative_change"] == pytest.approx(big - 1)
    assert bool(second.loc["T01", "moved_alert"])
    assert not bool(second.loc["T02", "moved_alert"])
    assert not second["worse"].any()  # higher is better for the satisfaction score
    assert list(alerts(trend)["team"]) == ["T01"]


def test_getting_worse_quarters_in_a_row_raises_an_alert(playbook):
    streak = alert_rules(playbook).consecutive_worse
    values = [4.0 - 0.01 * n for n in range(streak + 1)] + [4.5]
    periods = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"][: len(values)]
    trend = trends(
        frame([("T01", p, "csat_score", v, "meets") for p, v in zip(periods, values, strict=True)]),
        playbook,
    )
    assert list(trend["worse_streak"]) == [*range(streak + 1), 0]
    assert list(trend["streak_alert"]) == [False] * streak + [True, False]


def test_for_a_lower_is_better_indicator_a_rise_is_worse(playbook):
    lower = next(i.id for i in playbook.indicators if i.better == "lower")
    trend = trends(
        frame(
            [
                ("T01", "2025-Q1", lower, 2.0, "meets"),
                ("T01", "2025-Q2", lower, 3.0, "meets"),
            ]
        ),
        playbook,
    )
    assert list(trend["worse"]) == [False, True]


def test_a_quarter_not_saved_breaks_the_comparison(playbook):
    trend = trends(
        frame(
            [
                ("T01", "2025-Q1", "csat_score", 4.0, "meets"),
                ("T01", "2025-Q3", "csat_score", 2.0, "below"),
            ]
        ),
        playbook,
    )
    assert trend["previous"].isna().all()
    assert not trend["moved_alert"].any()


def test_an_empty_history_has_no_trends(playbook):
    assert trends(frame([]), playbook).empty


def test_the_directors_view_ranks_teams_and_says_who_is_below_on_what(playbook):
    indicators = frame(
        [
            ("T01", "2026-Q3", "csat_score", 0.5, "below"),
            ("T01", "2026-Q3", "sales_attainment", 1.5, "meets"),
            ("T02", "2026-Q3", "csat_score", 1.5, "meets"),
            ("T02", "2026-Q3", "sales_attainment", 2.5, "excellent"),
            ("*", "2026-Q3", "csat_score", 1.0, "meets"),
            ("T01", "2026-Q2", "csat_score", 1.5, "meets"),
        ]
    )
    assessments = pd.DataFrame(
        {
            "team": ["T01", "T02", "*", "T01"],
            "period": ["2026-Q3", "2026-Q3", "2026-Q3", "2026-Q2"],
            "overall_score": [40.0, 80.0, 60.0, 90.0],
            "rating": ["below", "meets", "meets", "excellent"],
        }
    )
    dimensions = pd.DataFrame(
        {
            "team": ["T01", "T02", "*"],
            "period": ["2026-Q3"] * 3,
            "dimension": ["customers"] * 3,
            "score": [40.0, 80.0, 60.0],
        }
    )
    view = director_view("2026-Q3", assessments, dimensions, indicators, playbook)
    assert list(view.ranking["team"]) == ["T02", "T01"]  # the organisation is not ranked
    assert list(view.ranking["rank"]) == [1, 2]
    assert list(view.ranking["below"]) == [0, 1]
    assert list(view.ranking["below_indicators"]) == [[], ["csat_score"]]
    assert list(view.dimensions.index) == ["T02", "T01"]
    assert list(view.dimensions.columns) == [d.id for d in playbook.dimensions]
    assert view.statuses.loc["T01", "csat_score"] == "below"
    assert [r.indicator for r in view.recommendations["T01"]] == ["csat_score"]
    assert view.recommendations["T01"][0].items
    assert view.recommendations["T02"] == []
