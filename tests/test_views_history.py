"""The history and the director's view for people: both languages, typed-in values marked,
alerts in words, spreadsheet cells that never run, a chart."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pandas as pd
from openpyxl import load_workbook

from salesplaybook.kpi.inputs import RECORDED
from salesplaybook.tools.history import alert_rules, director_view, trends
from salesplaybook.views import director, history
from salesplaybook.views.formatting import percent
from tests.test_history import frame


def test_the_trend_table_marks_typed_in_values_and_alerts(playbook):
    rows = frame(
        [
            ("*", "2025-Q1", "csat_score", 4.0, "meets"),
            ("*", "2025-Q2", "csat_score", 2.0, "below"),
        ]
    )
    rows.loc[1, "source"] = RECORDED
    rules = alert_rules(playbook)
    trend = trends(rows, playbook)
    en = history.trend_table(trend, playbook, rules, "en")
    zh = history.trend_table(trend, playbook, rules, "zh")
    assert list(en["team"]) == ["whole organisation"] * 2
    assert en["value"].iloc[1].endswith("(typed in)")
    assert zh["数值"].iloc[1].endswith("（手工录入）")
    threshold = percent(rules.move_threshold)
    assert en["alert"].iloc[1] == f"moved more than {threshold} on the quarter"
    assert zh["预警"].iloc[1] == f"环比波动超过{threshold}"
    assert en["change on the quarter"].tolist() == ["–", "-50%"]


def test_the_trend_chart_draws_the_value_and_both_bars(playbook):
    trend = trends(
        frame(
            [("T01", p, "csat_score", v, "meets") for p, v in (("2025-Q1", 4.6), ("2025-Q2", 4.7))]
        ),
        playbook,
    )
    figure = history.trend_chart(trend, playbook, "T01", "csat_score", "zh")
    axes = figure.axes[0]
    assert len(axes.lines) == 3
    assert "客户满意度评分" in axes.get_title()


def test_json_and_csv_of_the_history(playbook):
    trend = trends(frame([("T01", "2025-Q1", "csat_score", 4.6, "meets")]), playbook)
    listed = pd.DataFrame(
        {"team": ["T01"], "saved_at": [pd.Timestamp("2026-01-02T03:04Z")], "comment": [None]}
    )
    data = history.history_json(listed, trend)
    assert data["assessments"] == [
        {"team": "T01", "saved_at": "2026-01-02T03:04:00+00:00", "comment": None}
    ]
    assert data["trends"][0]["previous"] is None
    hostile = trend.assign(team="=cmd|' /C calc'!A0")
    assert "'=cmd" in history.history_csv(hostile)


def small_view(playbook):
    indicators = frame(
        [
            ("=T1", "2026-Q3", "csat_score", 0.5, "below"),
            ("T02", "2026-Q3", "csat_score", 1.5, "meets"),
        ]
    )
    assessments = pd.DataFrame(
        {
            "team": ["=T1", "T02"],
            "period": ["2026-Q3"] * 2,
            "overall_score": [40.0, 80.0],
            "rating": ["below", "meets"],
        }
    )
    dimensions = pd.DataFrame(
        {
            "team": ["=T1", "T02"],
            "period": ["2026-Q3"] * 2,
            "dimension": ["customers"] * 2,
            "score": [40.0, 80.0],
        }
    )
    return director_view("2026-Q3", assessments, dimensions, indicators, playbook)


def test_the_directors_tables_in_both_languages(playbook):
    view = small_view(playbook)
    csat = next(i for i in playbook.indicators if i.id == "csat_score")
    en = director.ranking_table(view, playbook, "en")
    zh = director.ranking_table(view, playbook, "zh")
    assert list(en["team"]) == ["T02", "=T1"]
    assert list(en["below on"]) == ["", csat.name.en]
    assert list(zh["未达标指标"]) == ["", csat.name.zh]
    statuses = director.statuses_table(view, playbook, "zh")
    assert statuses.loc["=T1", csat.name.zh] == "未达标"
    recs = director.recommendations_table(view, playbook, "en")
    assert set(recs["team"]) == {"=T1"}
    assert all(link.endswith(".html#" + link.split("#")[1]) for link in recs["where"])


def test_the_directors_workbook_runs_no_formula(playbook):
    data = director.director_xlsx(small_view(playbook), playbook, "en")
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Ranking", "Dimension scores", "Indicators", "Recommended content"]
    ranking = book["Ranking"]
    assert [c.value for c in ranking[1]][:3] == ["rank", "team", "overall"]
    assert ranking["B3"].value == "'=T1"
    assert ranking["B3"].data_type == "s"


def test_alert_text_names_the_streak(playbook):
    rules = alert_rules(playbook)
    row = SimpleNamespace(
        moved_alert=False, streak_alert=True, worse_streak=rules.consecutive_worse
    )
    assert history.alert_text(row, rules, "en") == (
        f"worse {rules.consecutive_worse} quarters in a row"
    )
