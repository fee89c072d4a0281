"""The rest of the framework: surveys, complaints, trainings, experiments, toolkits."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from salesplaybook.content import facts
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample import generate
from tests.sampleorg import ROOT, quarter_label


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_surveys_and_complaints(tables: dict[str, pd.DataFrame]) -> None:
    scores = tables["surveys"].score
    assert scores.isin([1, 2, 3, 4, 5]).all()
    assert scores.ge(4).mean() >= 0.8
    complaints = tables["complaints"]
    process = complaints[complaints.root_cause == "process"]
    per_team_quarter = process.groupby([process.team_id, quarter_label(process.received_on)])
    assert 1 <= per_team_quarter.size().mean() <= 4


def test_trainings_use_the_playbook_modules(tables: dict[str, pd.DataFrame], playbook) -> None:
    from_tracks: dict[str, set[str]] = {}
    for path in sorted((ROOT / "playbooks" / "tracks").glob("*.yaml")):
        for track in yaml.safe_load(path.read_text(encoding="utf-8"))["tracks"]:
            from_tracks[track["stage"]] = {m["id"] for m in track["modules"]}
    modules = facts.track_modules(playbook, datamodel.STAGES)
    assert {stage: set(ids) for stage, ids in modules.items()} == from_tracks
    trainings = tables["trainings"]
    assert set(trainings.module_id) <= set().union(*from_tracks.values())
    assert 0.85 <= trainings.completed_on.notna().mean() < 1


def test_experiments_and_toolkits(tables: dict[str, pd.DataFrame]) -> None:
    experiments = tables["experiments"]
    variant = experiments.variant_converted.sum() / experiments.variant_leads.sum()
    control = experiments.control_converted.sum() / experiments.control_leads.sum()
    assert variant > control  # new scripts help, on the whole
    usage = tables["toolkit_usage"].merge(tables["toolkits"], on="toolkit_id")
    assert (usage.used_on >= usage.published_on).all()
    user_team = usage.person_id.map(tables["people"].set_index("person_id").team_id)
    assert (user_team == usage.team_id).all()
    projects = tables["projects"]
    assert projects.department.nunique() >= 3
