"""The dashboard metrics, checked against values worked out by hand; the source's two alert rules
at and around their edges; the sample's planted anomaly found."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from salesplaybook.content.facts import default_alert_move
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import month_label, parse_month
from salesplaybook.tools.dashboard import (
    ALERT_COLUMNS,
    ALL,
    FRAME_COLUMNS,
    alerts,
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
    # Labelled as the KPI engine and the period module label a quarter.
    assert set(frame["period"]) == {"2025-Q1"}
    assert value(frame, "2025-Q1", "T1", ALL, "target_attainment") == pytest.approx(200 / 300)


def test_months_are_labelled_by_the_period_module() -> None:
    frame = dashboard_frame(tables())
    # March has a third of the quarter's target and nothing won.
    assert sorted(set(frame["period"])) == [month_label(m) for m in range(660, 663)]
    assert [parse_month(p) for p in ("2025-01", "2025-03")] == [660, 662]
    assert value(frame, "2025-03", "T1", ALL, "target_attainment") == 0.0


def test_a_quarter_reads_as_the_kpi_engine_reads_it(sample_frame_q: pd.DataFrame) -> None:
    """One figure, one meaning: a quarter's attainment on the dashboard is the engine's
    sales_attainment of that quarter, for every team and the organisation."""
    from salesplaybook.data.sample import generate
    from salesplaybook.kpi.metrics import team_metrics

    attainment = sample_frame_q.loc[sample_frame_q["metric"] == "target_attainment"]
    engine = team_metrics(generate(), sorted(set(attainment["period"])), probation_months=0)
    mine = attainment.set_index(["period", "team_id"])["value"]
    theirs = engine["sales_attainment"].dropna()
    assert len(mine) == len(theirs) > 0
    pd.testing.assert_series_equal(
        mine.sort_index(), theirs.rename("value").sort_index(), check_names=False
    )


def test_a_bad_target_period_names_the_table() -> None:
    broken = tables()
    broken["targets"] = broken["targets"].assign(period=["2025Q1"])
    with pytest.raises(SalesplaybookError, match="targets: bad period label '2025Q1'"):
        dashboard_frame(broken)


def test_alerts_by_quarter() -> None:
    frame = series("lead_conversion", [1.0, 0.5, 0.5])
    frame["period"] = ["2025-Q4", "2026-Q1", "2026-Q2"]
    found = alerts(frame)
    assert found[["period", "rule", "worse"]].values.tolist() == [["2026-Q1", "moved", True]]
    # A quarter missing between two is a gap, as a month is.
    assert alerts(frame.drop(index=1)).empty


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


def test_a_move_just_inside_the_playbooks_trigger_is_no_alert() -> None:
    move = default_alert_move()
    found = alerts(series("lead_conversion", [1.0, 1.0 - move + 0.01]))
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


@pytest.fixture(scope="module")
def sample_frame() -> pd.DataFrame:
    from salesplaybook.data.sample import generate

    return dashboard_frame(generate())


@pytest.fixture(scope="module")
def sample_frame_q() -> pd.DataFrame:
    from salesplaybook.data.sample import generate

    return dashboard_frame(generate(), freq="Q")


def test_the_alert_trigger_is_read_from_the_playbook() -> None:
    # The same series alerts or not by the trigger it is given; by default the playbook's.
    frame = series("lead_conversion", [1.0, 0.7])
    assert len(alerts(frame, move=0.5)) == 0
    assert len(alerts(frame, move=0.1)) == 1
    assert len(alerts(frame)) == int(default_alert_move() < 0.3)
