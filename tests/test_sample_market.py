"""The market: exactly one declining quarter, where attainment drops."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data.sample import generate
from tests.sampleorg import PERIODS, attainment, quarter_label


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_exactly_one_declining_quarter_where_attainment_drops(
    tables: dict[str, pd.DataFrame], playbook
) -> None:
    market = tables["market"].set_index("period")
    declining = market.index[market.market_trend == "declining"]
    assert len(declining) == 1
    bad = declining[0]
    assert set(market.market_trend.drop(bad)) <= {"stable", "growing"}
    org = attainment(tables)
    before = PERIODS[PERIODS.index(bad) - 1]
    rule = playbook.indicator("sales_attainment").context_rule
    assert rule.market_trend == "declining"
    # The context rule has a case to judge: at least its min_value, and beats the competitors.
    assert rule.min_value <= org[bad] <= 0.9 < org[before]
    assert org[bad] == org.min()
    competitor = market.competitor_attainment[bad]
    assert 0 < org[bad] - competitor < 0.1
    won = tables["deals"].query("stage == 'won'")
    volume = won.groupby(quarter_label(won.closed_on)).size()
    assert volume[bad] < volume[before]
