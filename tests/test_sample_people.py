"""People: every stage and role, hires, leavers and both career tracks."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.content import facts
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample import generate
from tests.sampleorg import END


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_every_stage_and_role(tables: dict[str, pd.DataFrame]) -> None:
    people = tables["people"]
    assert set(people.stage) == set(datamodel.STAGES)
    assert set(people.role) == set(datamodel.ROLES)
    assert people.groupby("region").role.apply(lambda r: (r == "supervisor").sum()).eq(1).all()
    teams = people[people.team_id.str.startswith("T")]
    assert teams.groupby("team_id").role.apply(lambda r: (r == "team_lead").any()).all()
    in_post = teams[teams.left_on.isna()].groupby("team_id").size()
    assert in_post.between(5, 15).all()
    assert 8 <= in_post.mean() <= 12


def test_hires_leavers_and_promotions(tables: dict[str, pd.DataFrame], playbook) -> None:
    people, changes = tables["people"], tables["role_changes"]
    start = pd.Timestamp("2024-10-01")
    hires = people[people.hired_on >= start]
    probation = pd.DateOffset(months=facts.probation_months(playbook))  # the career criterion's
    probation_over = hires[hires.hired_on + probation <= END]
    assert probation_over.confirmed_on.notna().any()  # some confirmed ...
    assert probation_over.confirmed_on.isna().any()  # ... some not
    confirmed = hires.dropna(subset=["confirmed_on"])
    assert (confirmed.confirmed_on >= confirmed.hired_on + probation).all()
    leavers = people.dropna(subset=["left_on"])
    assert leavers.is_core.any()
    assert not leavers.is_core.all()
    assert {"team_lead", "industry_consultant", "solution_expert"} <= set(changes.to_role)
    assert changes.changed_on.between(start, END).all()
    final = changes.sort_values("changed_on").groupby("person_id").to_role.last()
    assert (people.set_index("person_id").role[final.index] == final).all()
