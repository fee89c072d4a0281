"""The dashboard as a manager sees it: charts with the alerts marked, readable tables and the
summary in both languages, the explorer."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.content.facts import default_alert_move
from salesplaybook.tools.dashboard import (
    ALL,
    CONSECUTIVE_FALLS,
    METRICS,
    alerts,
    dashboard_frame,
    wide,
)
from salesplaybook.views.dashboard import dashboard_charts


@pytest.fixture(scope="module")
def sample_frame() -> pd.DataFrame:
    from salesplaybook.data.sample import generate

    return dashboard_frame(generate())


def test_charts(sample_frame: pd.DataFrame) -> None:
    fig = dashboard_charts(sample_frame, "T02", "cloud_suite")
    assert len(fig.axes) == 4
    assert "T02" in fig.get_suptitle()


def test_charts_in_chinese(sample_frame: pd.DataFrame) -> None:
    from salesplaybook.views.dashboard import metric_title
    from salesplaybook.views.labels import label

    fig = dashboard_charts(sample_frame, "T02", "cloud_suite", lang="zh")
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == [label(f"metric_{m}", "zh") for m in METRICS]
    assert titles == [metric_title(m, "zh") for m in METRICS]
    who = label("dashboard_team", "zh", team="T02")
    what = label("dashboard_line", "zh", line="cloud_suite")
    assert fig.get_suptitle() == label("dashboard_title", "zh", who=who, what=what)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        label("alert_moved", "zh", pct=f"{default_alert_move():.0%}"),
        label("alert_fell_twice", "zh", n=2),
    ]
    whole = dashboard_charts(sample_frame, lang="zh").get_suptitle()
    assert label("dashboard_org", "zh") in whole


def test_tables_in_chinese(sample_frame: pd.DataFrame) -> None:
    from salesplaybook.views.dashboard import (
        alert_counts,
        alerts_table,
        dashboard_summary,
        metric_title,
        readable,
        rule_name,
    )
    from salesplaybook.views.labels import label

    table = readable(wide(sample_frame), "zh")
    assert list(table.columns) == [
        label(k, "zh")
        for k in (
            "col_attainment_pct",
            "col_conversion_pct",
            "col_order_value",
            "col_collection_days",
        )
    ]
    assert table.index.name == label("col_period", "zh")
    en = readable(wide(sample_frame))
    assert en.columns[0] == "attainment %"
    same = table.set_axis(en.columns, axis=1)
    same.index = same.index.rename(en.index.name)
    assert en.equals(same)  # the same numbers

    found = alerts(sample_frame)
    counts = alert_counts(found, "zh")
    assert counts.index.name == label("col_metric", "zh")
    assert set(counts.index) <= {metric_title(m, "zh") for m in found["metric"]}
    assert set(counts.columns) == {rule_name(r, "zh") for r in found["rule"]}
    assert set(alert_counts(found).columns) == {"moved", "fell_twice"}  # the ids the page names
    # The Chinese tables name a rule as the chart's legend does; English keeps the ids.
    assert [rule_name(r, "zh") for r in ("moved", "fell_twice")] == [
        label("alert_moved", "zh", pct=f"{default_alert_move():.0%}"),
        label("alert_fell_twice", "zh", n=CONSECUTIVE_FALLS),
    ]
    assert [rule_name(r) for r in ("moved", "fell_twice")] == ["moved", "fell_twice"]

    shown = alerts_table(found.head(3), "zh", percent=True)
    assert label("col_value_pct", "zh") in shown.columns
    assert set(shown[label("col_worse", "zh")]) <= {label("yes", "zh"), label("no", "zh")}
    assert shown[label("col_value_pct", "zh")].tolist() == pytest.approx(
        (found.head(3)["value"] * 100).round(1).tolist()
    )
    assert dashboard_summary(sample_frame, found, "zh") == label(
        "dashboard_summary",
        "zh",
        months=sample_frame["period"].nunique(),
        teams=sample_frame["team_id"].nunique() - 1,
        alerts=len(found),
    )


def test_explorer_in_chinese(sample_frame: pd.DataFrame) -> None:
    from salesplaybook.views.dashboard import dashboard_explorer
    from salesplaybook.views.labels import label

    controls, image, table = dashboard_explorer(sample_frame, lang="zh").children
    team, line = controls.children
    assert team.description == label("team", "zh")
    assert team.options[0] == (label("whole_organisation", "zh"), ALL)
    assert line.options[0] == (label("all_lines", "zh"), ALL)
    assert image.format == "svg+xml"
    assert label("metric_lead_conversion", "zh") in bytes(image.value).decode()
    assert label("col_metric", "zh") in table.value
