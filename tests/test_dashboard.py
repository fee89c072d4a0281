"""The dashboard metrics, checked against values worked out by hand; the source's two alert rules
at and around their edges; the sample's planted anomaly found."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.dashboard import (
    ALERT_COLUMNS,
    ALL,
    CONSECUTIVE_FALLS,
    FRAME_COLUMNS,
    MOVE_THRESHOLD,
    alerts,
    dashboard_charts,
    dashboard_frame,
    wide,
)

D = pd.Timestamp


def tables() -> dict[str, pd.DataFrame]:
    people = pd.DataFrame({"person_id": ["P1", "P2"], "team_id": ["T1", "T2"]})
    # 300 for the quarter: 100 a month.
    targets = pd.DataFrame({"person_id": ["P1"], "period": ["2025-Q1"], "target": [300.0]})
    deals = pd.DataFrame(
        {
            "deal_id": ["D1", "D2", "D3", "D4", "D5"],
            "person_id": ["P1", "P1", "P1", "P2", "P1"],
            "product_line": ["a", "a", "b", "a", "a"],
            "amount": [50.0, 10.0, 150.0, 100.0, 70.0],
            "stage": ["won", "lost", "won", "won", "proposal_quote"],
            "created_on": [
                D("2025-01-05"),
                D("2025-01-10"),
                D("2025-02-03"),
                D("2025-01-07"),
                D("2025-02-20"),
            ],
            "closed_on": [D("2025-01-20"), D("2025-01-15"), D("2025-02-10"), D("2025-01-30"), None],
        }
    )
    customers = pd.DataFrame({"customer_id": ["C1"], "owner_id": ["P1"]})
    invoices = pd.DataFrame(
        {
            "invoice_id": ["I1", "I2", "I3"],
            "customer_id": ["C1", "C1", "C1"],
            "issued_on": [D("2025-01-01"), D("2025-01-05"), D("2025-01-20")],
            "paid_on": [D("2025-01-11"), D("2025-01-25"), None],
        }
    )
    return {
        "people": people,
        "targets": targets,
        "deals": deals,
        "customers": customers,
        "invoices": invoices,
    }


def value(frame: pd.DataFrame, period: str, team: str, line: str, metric: str) -> float:
    row = frame.loc[
        (frame["period"] == period)
        & (frame["team_id"] == team)
        & (frame["product_line"] == line)
        & (frame["metric"] == metric)
    ]
    assert len(row) == 1, row
    return float(row["value"].iloc[0])


def test_metrics_by_hand() -> None:
    frame = dashboard_frame(tables())
    assert tuple(frame.columns) == FRAME_COLUMNS
    # January: P1 won 50 against a third of 300; the organisation adds P2's 100 (no target).
    assert value(frame, "2025-01", "T1", ALL, "target_attainment") == pytest.approx(0.5)
    assert value(frame, "2025-01", ALL, ALL, "target_attainment") == pytest.approx(1.5)
    assert value(frame, "2025-02", "T1", ALL, "target_attainment") == pytest.approx(1.5)
    # Leads created in January on line a, team T1: one won of two closed.
    assert value(frame, "2025-01", "T1", "a", "lead_conversion") == pytest.approx(0.5)
    assert value(frame, "2025-01", ALL, "a", "lead_conversion") == pytest.approx(2 / 3)
    assert value(frame, "2025-01", ALL, ALL, "average_order_value") == pytest.approx(75.0)
    assert value(frame, "2025-02", "T1", "b", "average_order_value") == pytest.approx(150.0)
    # Invoices paid in January: 10 and 20 days; the unpaid one does not count.
    assert value(frame, "2025-01", "T1", ALL, "collection_cycle") == pytest.approx(15.0)
    assert value(frame, "2025-01", ALL, ALL, "collection_cycle") == pytest.approx(15.0)


def test_a_month_of_mostly_open_leads_is_not_reported() -> None:
    frame = dashboard_frame(tables())
    # February's leads on line a: the only one is still open.
    rows = frame.loc[
        (frame["period"] == "2025-02")
        & (frame["team_id"] == "T1")
        & (frame["metric"] == "lead_conversion")
    ]
    assert rows.loc[rows["product_line"] == "b", "value"].iloc[0] == pytest.approx(1.0)
    # The pooled line has one open of two leads: more than MAX_OPEN_SHARE, so no value.
    assert math.isnan(rows.loc[rows["product_line"] == ALL, "value"].iloc[0])


def test_quarters() -> None:
    frame = dashboard_frame(tables(), freq="Q")
    assert value(frame, "2025Q1", "T1", ALL, "target_attainment") == pytest.approx(200 / 300)


def test_wide_table() -> None:
    table = wide(dashboard_frame(tables()), "T1", "a")
    assert table.loc["2025-01", "lead_conversion"] == pytest.approx(0.5)
    # Attainment has no product line: the team's number.
    assert table.loc["2025-01", "target_attainment"] == pytest.approx(0.5)


def test_missing_column_and_bad_frequency() -> None:
    broken = tables()
    broken["deals"] = broken["deals"].drop(columns="created_on")
    with pytest.raises(SalesplaybookError, match="created_on"):
        dashboard_frame(broken)
    with pytest.raises(SalesplaybookError, match="frequency"):
        dashboard_frame(tables(), freq="W")
    with pytest.raises(SalesplaybookError, match="value"):
        alerts(pd.DataFrame({"period": [], "team_id": [], "product_line": [], "metric": []}))


def series(metric: str, values: list[float]) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        {
            "period": [f"2025-{m:02d}" for m in range(1, n + 1)],
            "team_id": ["T1"] * n,
            "product_line": ["a"] * n,
            "metric": [metric] * n,
            "value": values,
            "numerator": values,
            "denominator": [100.0] * n,
        }
    )


def test_a_move_of_19_percent_is_no_alert() -> None:
    assert MOVE_THRESHOLD == 0.20
    found = alerts(series("lead_conversion", [1.0, 0.81]))
    assert found.empty
    assert tuple(found.columns) == ALERT_COLUMNS


def test_a_move_over_20_percent_either_way() -> None:
    found = alerts(series("lead_conversion", [1.0, 1.25, 1.25]))
    assert found[["period", "rule", "worse"]].values.tolist() == [["2025-02", "moved", False]]
    assert found["change"].iloc[0] == pytest.approx(0.25)


def test_two_falls_in_a_row() -> None:
    found = alerts(series("lead_conversion", [1.0, 0.95, 0.9, 0.95]))
    assert found[["period", "rule"]].values.tolist() == [["2025-03", "fell_twice"]]
    # A 19% fall then a 25.9% fall: the second is both a move and the second fall.
    found = alerts(series("lead_conversion", [1.0, 0.81, 0.6]))
    assert sorted(found["rule"]) == ["fell_twice", "moved"]
    assert set(found["period"]) == {"2025-03"}


def test_collection_cycle_falls_by_rising() -> None:
    found = alerts(series("collection_cycle", [10.0, 11.0, 12.0]))
    assert found[["period", "rule", "worse"]].values.tolist() == [["2025-03", "fell_twice", True]]


def test_a_gap_breaks_the_comparison() -> None:
    frame = series("lead_conversion", [1.0, 0.5, 0.25]).drop(index=1)
    assert alerts(frame).empty


def test_thin_numbers_are_not_judged() -> None:
    frame = series("lead_conversion", [1.0, 0.5])
    frame["denominator"] = 5.0
    assert alerts(frame).empty
    assert len(alerts(frame, min_count=5)) == 1


def test_the_planted_anomaly_is_an_alert(sample_frame: pd.DataFrame) -> None:
    found = alerts(sample_frame)
    hit = found.loc[
        (found["team_id"] == "T02")
        & (found["product_line"] == "cloud_suite")
        & (found["metric"] == "lead_conversion")
        & (found["period"] == "2025-06")
        & (found["rule"] == "moved")
    ]
    assert len(hit) == 1
    assert hit["worse"].iloc[0]
    assert hit["change"].iloc[0] < -0.4


def test_charts(sample_frame: pd.DataFrame) -> None:
    fig = dashboard_charts(sample_frame, "T02", "cloud_suite")
    assert len(fig.axes) == 4
    assert "T02" in fig.get_suptitle()


@pytest.fixture(scope="module")
def sample_frame() -> pd.DataFrame:
    from salesplaybook.data.sample import generate

    return dashboard_frame(generate())


def test_charts_in_chinese(sample_frame: pd.DataFrame) -> None:
    from salesplaybook.tools.dashboard import METRICS, metric_title
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
        label("alert_moved", "zh", pct=f"{MOVE_THRESHOLD:.0%}"),
        label("alert_fell_twice", "zh", n=2),
    ]
    whole = dashboard_charts(sample_frame, lang="zh").get_suptitle()
    assert label("dashboard_org", "zh") in whole


def test_tables_in_chinese(sample_frame: pd.DataFrame) -> None:
    from salesplaybook.tools.dashboard import (
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
    assert en.equals(table.set_axis(en.columns, axis=1).rename_axis(en.index.name))  # same numbers

    found = alerts(sample_frame)
    counts = alert_counts(found, "zh")
    assert counts.index.name == label("col_metric", "zh")
    assert set(counts.index) <= {metric_title(m, "zh") for m in found["metric"]}
    assert set(counts.columns) == {rule_name(r, "zh") for r in found["rule"]}
    assert set(alert_counts(found).columns) == {"moved", "fell_twice"}  # the ids the page names
    # The Chinese tables name a rule as the chart's legend does; English keeps the ids.
    assert [rule_name(r, "zh") for r in ("moved", "fell_twice")] == [
        label("alert_moved", "zh", pct=f"{MOVE_THRESHOLD:.0%}"),
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
    from salesplaybook.tools.dashboard import dashboard_explorer
    from salesplaybook.views.labels import label

    controls, image, table = dashboard_explorer(sample_frame, lang="zh").children
    team, line = controls.children
    assert team.description == label("team", "zh")
    assert team.options[0] == (label("whole_organisation", "zh"), ALL)
    assert line.options[0] == (label("all_lines", "zh"), ALL)
    assert image.format == "svg+xml"
    assert label("metric_lead_conversion", "zh") in bytes(image.value).decode()
    assert label("col_metric", "zh") in table.value
