"""What the sample takes from the playbook, read once, or given."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.content import facts
from salesplaybook.content.loader import load_playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample import generate, organisation
from tests.sampleorg import attainment


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_the_playbook_is_the_source_and_is_read_once(
    tables: dict[str, pd.DataFrame], playbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = []

    def counting():
        loads.append(1)
        return load_playbook()

    monkeypatch.setattr(organisation, "load_playbook", counting)
    given = generate(
        track_modules=facts.track_modules(playbook, datamodel.STAGES),
        probation_months=facts.probation_months(playbook),
        declining_floor=facts.declining_floor(playbook),
    )
    assert loads == []  # everything given: the playbook is not read
    for name, frame in given.items():
        pd.testing.assert_frame_equal(frame, tables[name], check_exact=True, obj=name)
    generate(reps=10, quarters=2)
    assert loads == [1]


def test_a_longer_probation_and_a_lower_floor(playbook) -> None:
    t = generate(probation_months=6, declining_floor=0.7)
    people = t["people"]
    confirmed = people[people.hired_on >= pd.Timestamp("2024-10-01")].dropna(
        subset=["confirmed_on"]
    )
    assert len(confirmed) > 0
    assert (confirmed.confirmed_on >= confirmed.hired_on + pd.DateOffset(months=6)).all()
    market = t["market"].set_index("period")
    bad = market.index[market.market_trend == "declining"][0]
    org = attainment(t)
    assert 0.7 <= org[bad] < playbook.indicator("sales_attainment").context_rule.min_value
    assert org[bad] == org.min()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"probation_months": -1}, "probation_months must be at least 0"),
        ({"probation_months": 3.0}, "probation_months must be a whole number"),
        ({"declining_floor": True}, "declining_floor must be a number"),
        ({"declining_floor": "0.8"}, "declining_floor must be a number"),
        ({"declining_floor": 0.95}, "declining_floor must be from 0 to 0.9"),
        ({"declining_floor": -0.1}, "declining_floor must be from 0 to 0.9"),
    ],
)
def test_bad_playbook_facts(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(SalesplaybookError, match=message):
        generate(**kwargs)  # type: ignore[arg-type]
