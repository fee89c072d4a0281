"""The tiering frames as readers see them: the notebook's tables and chart, in both languages."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.tiering import (
    INDICATOR_MEASURES,
    assign_tiers,
    complaint_compliance,
    solution_step,
    tier_health_history,
    tier_movements,
)
from salesplaybook.views.formatting import threshold_text
from salesplaybook.views.labels import label
from salesplaybook.views.tiering import (
    compliance_table,
    compliance_text,
    health_table,
    movements_table,
    rules_table,
    tier_health_chart,
    tier_table,
)
from tests.test_tiering import AS_OF, D, contracts, customers, health_tables


def test_health_chart(playbook: Playbook) -> None:
    history = tier_health_history(health_tables(), playbook, ["2026-Q1", "2026-Q2"])
    assert len(tier_health_chart(history, playbook).axes) == 2
    with pytest.raises(SalesplaybookError, match="tier health history: column 'tier'"):
        tier_health_chart(history.drop(columns="tier"), playbook)


def test_health_chart_in_chinese(playbook: Playbook) -> None:
    history = tier_health_history(health_tables(), playbook, ["2026-Q1", "2026-Q2"])
    fig = tier_health_chart(history, playbook, lang="zh")
    indicators = [playbook.indicator(i) for i in INDICATOR_MEASURES]
    assert [ax.get_title(loc="left") for ax in fig.axes] == [i.name.zh for i in indicators]
    assert fig.get_suptitle() == label("tier_health_title", "zh")
    for ax, indicator in zip(fig.axes, indicators, strict=True):
        bar = label("tier_bar", "zh", bar=threshold_text(indicator, indicator.meets, "zh"))
        assert bar in [t.get_text() for t in ax.texts]


def test_tables_in_chinese(playbook: Playbook) -> None:
    names = {t.id: t.name.zh for t in playbook.customer_tiers}
    rules = rules_table(playbook, "zh")
    assert list(rules.index) == [
        t.name.zh for t in sorted(playbook.customer_tiers, key=lambda t: t.order)
    ]
    assert rules.index.name == label("col_tier", "zh")
    assert list(rules_table(playbook).index) == [
        t.id for t in sorted(playbook.customer_tiers, key=lambda t: t.order)
    ]

    assigned = assign_tiers(customers(), contracts(), playbook, AS_OF)
    moves = movements_table(assigned, playbook, "zh")
    assert moves.index.name == label("col_current_tier", "zh")
    assert moves.columns.name == label("col_assigned_tier", "zh")
    assert set(moves.index) <= set(names.values())
    assert movements_table(assigned, playbook).equals(tier_movements(assigned))

    shown = tier_table(assigned, playbook, "zh")
    assert label("col_customer_id", "zh") in shown.columns
    assert set(shown[label("col_current_tier", "zh")]) <= set(names.values())
    movements = {label(f"movement_{m}", "zh") for m in ("up", "down", "same", "new", "unassigned")}
    assert set(shown[label("col_movement", "zh")]) <= movements
    assert set(shown[label("col_paying", "zh")]) <= {label("yes", "zh"), label("no", "zh")}
    counted = assigned.groupby(["current_tier", "movement"]).size().rename("customers").to_frame()
    grouped = tier_table(counted, playbook, "zh")
    assert list(grouped.index.names) == [
        label("col_current_tier", "zh"),
        label("col_movement", "zh"),
    ]
    assert set(grouped.index.get_level_values(0)) <= set(names.values())
    assert tier_table(assigned, playbook) is assigned

    history = tier_health_history(health_tables(), playbook, ["2026-Q2"])
    health = health_table(history, playbook, "zh")
    assert label("col_renewal_pct", "zh") in health.columns
    judged = {names[t] for t in ("strategic", "key")}
    assert set(health[label("col_tier", "zh")]) == judged
    assert label("status_below", "zh") in set(health[label("col_renewal_status", "zh")])


def test_movements_table_in_english(playbook: Playbook) -> None:
    tiers = [t for t in playbook.customer_tiers if t.id != "potential"]
    strict = playbook.model_copy(update={"customer_tiers": tiers})
    table = movements_table(assign_tiers(customers(), contracts(), strict, AS_OF), strict)
    assert table.index.name == label("col_current_tier", "en")
    assert table.columns.name == label("col_assigned_tier", "en")
    assert label("no_tier", "en") in table.columns


def test_compliance_in_chinese(playbook: Playbook) -> None:
    complaints = pd.DataFrame(
        {
            "team_id": ["A", "A"],
            "received_on": [D("2026-04-01"), D("2026-04-01")],
            "resolved_on": [D("2026-04-01"), None],
        }
    )
    out = complaint_compliance(complaints, playbook)
    table = compliance_table(out, "zh")
    assert table.index.name == label("col_team_id", "zh")
    assert table.loc["A", "2026-04"] == 50
    hours = f"{solution_step(playbook).within_hours:g}"
    assert compliance_text(out, playbook, "zh").splitlines() == [
        label("complaint_step", "zh", hours=hours),
        label("complaints_in_time", "zh", within=1, received=2),
    ]
