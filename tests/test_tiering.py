"""Tier assignment by the playbook's rules at their boundaries, tier health against the bars, and
the complaint protocol's compliance, on tables small enough to check by hand.

The real playbook's rules are read from it (``minimum``, ``years``), never copied here: a minimum
annual value and relationship years for strategic, a minimum value for key, an empty rule that
catches the rest for potential.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.tiering import (
    NO_TIER,
    TIER_COLUMNS,
    assign_tiers,
    complaint_compliance,
    solution_step,
    tier_health,
    tier_health_history,
    tier_movements,
)

D = pd.Timestamp
AS_OF = "2026-06-30"


ROOT = Path(__file__).resolve().parents[1]


def customers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["S", "S1", "Y", "K", "K1", "N", "G", "X"],
            "tier": ["strategic", "strategic", "key", "key", "potential", "key", "key", "key"],
            "first_contract_on": [
                SINCE,  # exactly the strategic rule's years on AS_OF
                SINCE,
                SINCE + pd.Timedelta(days=1),  # a day short of them
                D("2025-06-30"),
                D("2026-01-01"),
                D("2020-01-01"),
                None,
                D("2020-01-01"),
            ],
            "churned_on": [None, None, None, None, None, None, None, D("2026-06-30")],
        }
    )


def contract(cid: str, customer: str, signed: str, value: float) -> dict[str, object]:
    start = D(signed)
    return {
        "contract_id": cid,
        "customer_id": customer,
        "signed_on": start,
        "start_on": start,
        "end_on": start + pd.DateOffset(months=12) - pd.Timedelta(days=1),
        "value": value,
        "renewal_of": None,
    }


def rule_of(tier: str):
    from salesplaybook.content.loader import load_playbook

    rule = next(t for t in load_playbook(ROOT / "playbooks").customer_tiers if t.id == tier).rule
    assert rule is not None
    return rule


def years(tier: str) -> int:
    """A tier's minimum relationship years, read from the playbook's rule."""
    value = rule_of(tier).min_relationship_years
    assert value is not None
    return int(value)


SINCE = D(AS_OF) - pd.DateOffset(years=years("strategic"))


def minimum(tier: str) -> float:
    """A tier's minimum annual value, read from the playbook's rule (never copied here)."""
    rule = rule_of(tier)
    assert rule.min_annual_value is not None
    return float(rule.min_annual_value)


def contracts() -> pd.DataFrame:
    strategic, key = minimum("strategic"), minimum("key")
    return pd.DataFrame(
        [
            contract("c1", "S", "2026-06-30", strategic),  # exactly the strategic minimum
            contract("c2", "S1", "2025-07-01", strategic - 1),  # a unit short
            contract("c3", "Y", "2026-01-01", 2 * strategic),  # large but young
            contract("c4", "K", "2026-03-01", key),  # exactly the key minimum
            contract("c5", "K1", "2026-06-30", 0.75 * key),
            contract("c6", "K1", "2025-06-30", 0.5 * key),  # a year before: outside the window
            contract("c7", "N", "2024-01-01", 2.5 * key),  # long ago: not paying now
            contract("c8", "X", "2026-01-01", 2.5 * key),
        ]
    )


def test_assignment_at_the_boundaries(playbook: Playbook) -> None:
    out = assign_tiers(customers(), contracts(), playbook, AS_OF)
    assert tuple(out.columns) == TIER_COLUMNS
    got = out.set_index("customer_id")
    assert got["assigned_tier"].to_dict() == {
        "S": "strategic",
        "S1": "key",
        "Y": "key",
        "K": "key",
        "K1": "potential",
        "N": "potential",
        "G": "potential",
    }
    assert "X" not in got.index  # churned on the day
    assert got.loc["K1", "annual_value"] == 0.75 * minimum("key")
    assert not got.loc["N", "paying"]
    assert got.loc["G", "relationship_years"] == 0
    assert got["movement"].to_dict() == {
        "S": "same",
        "S1": "down",
        "Y": "same",
        "K": "same",
        "K1": "same",
        "N": "down",
        "G": "down",
    }


def test_a_running_contract_counts_as_paying(playbook: Playbook) -> None:
    table = contracts()
    table.loc[table["contract_id"] == "c7", "end_on"] = D("2027-01-01")
    got = assign_tiers(customers(), table, playbook, AS_OF).set_index("customer_id")
    assert got.loc["N", "paying"]
    assert got.loc["N", "assigned_tier"] == "potential"  # paying, but nothing in the window


def test_without_a_catch_all_some_customers_have_no_tier(playbook: Playbook) -> None:
    tiers = [t for t in playbook.customer_tiers if t.id != "potential"]
    strict = playbook.model_copy(update={"customer_tiers": tiers})
    got = assign_tiers(customers(), contracts(), strict, AS_OF).set_index("customer_id")
    assert pd.isna(got["assigned_tier"].loc["N"])
    assert got.loc["N", "movement"] == "unassigned"
    assert got.loc["S", "assigned_tier"] == "strategic"


def test_an_empty_rule_catches_all(playbook: Playbook) -> None:
    potential = next(t for t in playbook.customer_tiers if t.id == "potential")
    only = playbook.model_copy(update={"customer_tiers": [potential]})
    got = assign_tiers(customers(), contracts(), only, AS_OF)
    assert set(got["assigned_tier"]) == {"potential"}


def test_movements_table(playbook: Playbook) -> None:
    table = tier_movements(assign_tiers(customers(), contracts(), playbook, AS_OF))
    assert table.loc["key", "potential"] == 2
    assert table.loc["strategic", "key"] == 1
    assert (table.index.name, table.columns.name) == ("current_tier", "assigned_tier")


def test_customers_no_rule_fits_are_counted_apart(playbook: Playbook) -> None:
    tiers = [t for t in playbook.customer_tiers if t.id != "potential"]
    strict = playbook.model_copy(update={"customer_tiers": tiers})
    table = tier_movements(assign_tiers(customers(), contracts(), strict, AS_OF))
    assert table.loc["key", NO_TIER] == 2  # N and G: no rule of a higher tier fits them


def test_missing_columns(playbook: Playbook) -> None:
    with pytest.raises(SalesplaybookError, match="first_contract_on"):
        assign_tiers(customers().drop(columns="first_contract_on"), contracts(), playbook, AS_OF)
    with pytest.raises(SalesplaybookError, match="value"):
        assign_tiers(customers(), contracts().drop(columns="value"), playbook, AS_OF)
    with pytest.raises(SalesplaybookError, match="resolved_on"):
        complaint_compliance(pd.DataFrame({"received_on": []}), playbook)
    with pytest.raises(SalesplaybookError, match="contracts"):
        tier_health({"customers": customers()}, playbook, "2026-Q2")
    with pytest.raises(SalesplaybookError, match="period"):
        tier_health({"customers": customers(), "contracts": contracts()}, playbook, "2026-06")

    with pytest.raises(SalesplaybookError, match="period"):
        tier_health({"customers": customers(), "contracts": contracts()}, playbook, "2026Q2")


def health_tables() -> dict[str, pd.DataFrame]:
    cust = pd.DataFrame(
        {
            "customer_id": ["S1", "S2", "K1", "K2", "K3", "K4"],
            "tier": ["strategic", "strategic", "key", "key", "key", "key"],
            "first_contract_on": [D("2024-01-01")] * 5 + [D("2026-05-01")],
            # K1 churns in the quarter, K2 on its first day (so it was not there at the start).
            "churned_on": [None, None, D("2026-05-15"), D("2026-04-01"), None, None],
        }
    )
    rows = [
        contract("a", "S1", "2025-05-01", 10),  # ends 2026-04-30: due
        contract("b", "S2", "2025-06-01", 10),  # ends 2026-05-31: due, not renewed
        contract("a2", "S1", "2026-04-20", 10),
    ]
    con = pd.DataFrame(rows)
    con.loc[con["contract_id"] == "a2", "renewal_of"] = "a"
    return {"customers": cust, "contracts": con}


def test_tier_health_against_the_bars(playbook: Playbook) -> None:
    out = tier_health(health_tables(), playbook, "2026-Q2").set_index("tier")
    assert list(out.index) == ["strategic", "key", "potential"]
    assert out.loc["strategic", "renewal_rate"] == pytest.approx(0.5)
    assert out.loc["strategic", "renewal_rate_status"] == "below"
    assert out.loc["key", "at_start"] == 2  # K1 and K3
    assert out.loc["key", "churn_rate"] == pytest.approx(0.5)
    assert out.loc["key", "churn_rate_status"] == "below"
    renewal = playbook.indicator("strategic_renewal_rate")
    assert out.loc["strategic", "renewal_rate_bar"] == renewal.meets.value
    assert pd.isna(out["renewal_rate_status"].loc["key"])
    assert math.isnan(out["churn_rate"].loc["potential"])


def with_deadline(playbook: Playbook, hours: float) -> Playbook:
    """The playbook with the complaint protocol's deadline step set to ``hours``, so a test
    decides its own numbers instead of copying the content's."""
    protocol = next(p for p in playbook.protocols if p.id == "complaint_response_24h")
    steps = [
        s.model_copy(update={"within_hours": hours}) if s.deadline else s for s in protocol.steps
    ]
    return playbook.model_copy(update={"protocols": [protocol.model_copy(update={"steps": steps})]})


def test_complaint_compliance(playbook: Playbook) -> None:
    assert solution_step(playbook).deadline
    playbook = with_deadline(playbook, 24.0)
    complaints = pd.DataFrame(
        {
            "complaint_id": ["1", "2", "3", "4", "5"],
            "team_id": ["A", "A", "A", "B", None],
            "received_on": [D("2026-04-01")] * 4 + [D("2026-05-02")],
            "resolved_on": [D("2026-04-01"), D("2026-04-02"), D("2026-04-03"), None, None],
        }
    )
    out = complaint_compliance(complaints, playbook)
    got = out.set_index(["team_id", "period"])
    assert got.loc[("A", "2026-04"), "share"] == pytest.approx(2 / 3)
    assert got.loc[("B", "2026-04"), "share"] == 0
    assert got.loc[("*", "2026-04"), "complaints"] == 4
    assert got.loc[("*", "2026-05"), "within"] == 0
    assert set(out["hours"]) == {24}


def test_compliance_periods_are_labelled_as_everywhere(playbook: Playbook) -> None:
    complaints = pd.DataFrame(
        {
            "team_id": ["A", "A", "A"],
            "received_on": [D("2026-04-01"), D("2026-12-31"), None],
            "resolved_on": [D("2026-04-01"), None, None],
        }
    )
    quarters = complaint_compliance(complaints, playbook, freq="Q")
    assert sorted(set(quarters["period"])) == ["2026-Q2", "2026-Q4"]
    assert quarters.loc[quarters["team_id"] == "*", "complaints"].sum() == 2  # no date, no period
    months = complaint_compliance(complaints, playbook)
    assert sorted(set(months["period"])) == ["2026-04", "2026-12"]
    with pytest.raises(SalesplaybookError, match="freq must be 'M'"):
        complaint_compliance(complaints, playbook, freq="Y")


def test_the_hours_come_from_the_protocol(playbook: Playbook) -> None:
    changed = with_deadline(playbook, 48.0)
    complaints = pd.DataFrame(
        {
            "team_id": ["A"],
            "received_on": [D("2026-04-01")],
            "resolved_on": [D("2026-04-03")],
        }
    )
    assert complaint_compliance(complaints, changed)["share"].iloc[0] == 1
    with pytest.raises(SalesplaybookError, match="no protocol"):
        complaint_compliance(complaints, playbook.model_copy(update={"protocols": []}))


def test_tier_health_agrees_with_the_kpi_engine(playbook: Playbook) -> None:
    from salesplaybook.content.facts import probation_months
    from salesplaybook.data.sample import generate
    from salesplaybook.kpi.metrics import ALL, team_metrics

    tables = generate()
    engine = team_metrics(
        tables, ["2025-Q2", "2026-Q3"], probation_months=probation_months(playbook)
    )
    for period in ("2025-Q2", "2026-Q3"):
        out = tier_health(tables, playbook, period).set_index("tier")
        renewal = engine["strategic_renewal_rate"].loc[(period, ALL)]
        churn = engine["key_account_churn_rate"].loc[(period, ALL)]
        assert out.loc["strategic", "renewal_rate"] == pytest.approx(renewal)
        assert out.loc["key", "churn_rate"] == pytest.approx(churn)


def test_health_history(playbook: Playbook) -> None:
    history = tier_health_history(health_tables(), playbook, ["2026-Q1", "2026-Q2"])
    assert list(history["period"].unique()) == ["2026-Q1", "2026-Q2"]
    assert history.columns[0] == "period"
    with pytest.raises(SalesplaybookError, match="no periods"):
        tier_health_history(health_tables(), playbook, [])
