"""Issue 13: the world's expected figures (:mod:`tests.world.truth`, plain loops over its
records) agree with the engine on data the engine already reads: a world without planted
problems, as canonical tables, with the people in no team given a team of their own. So when an
export of the same world gives other figures, the data path is what differs, not the
definitions."""

from __future__ import annotations

import csv
import shutil

import pytest

from tests.realworld import OTHER_PERIOD, PERIOD, assess, differences, truth
from tests.world import Folder, Folders


@pytest.fixture(scope="module")
def teamed(world_folders: Folders, tmp_path_factory: pytest.TempPathFactory) -> Folder:
    source = world_folders.get("canonical", "clean", plant=False)
    path = tmp_path_factory.mktemp("teamed") / "data"
    shutil.copytree(source.path, path)
    people = path / "people.csv"
    with people.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["team_id"] = row["team_id"] or "T00"
    with people.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Folder(**{**source.__dict__, "path": path, "planted": {}})


@pytest.mark.parametrize(
    ("period", "team"),
    [(PERIOD, None), (PERIOD, "T02"), (OTHER_PERIOD, "T01"), ("2026-Q3", "T03")],
)
def test_the_truth_is_what_the_engine_computes_from_clean_tables(
    world_folders: Folders, teamed: Folder, period: str, team: str | None
):
    run = assess(teamed, period, team)
    assert run.exit_code == 0, run.stderr
    figures = truth(world_folders.world(plant=False), period, team)
    assert differences(teamed, figures, run) == []
    assert sum(value is not None for value in figures.values()) >= 4, figures


def test_the_world_is_the_trial_of_the_issue(world_folders: Folders):
    """3 teams, 15 reps at a time, 8 quarters, about 600 deals in three currencies, every
    planted problem in place."""
    world = world_folders.world()
    teams = {p.team_id for p in world.people if p.team_id}
    assert teams == {"T01", "T02", "T03"}
    assert len(world.periods) == 8
    assert 550 <= len(world.deals) <= 700
    assert {d.currency for d in world.deals} == {"CNY", "USD", "EUR"}
    for period in world.periods:
        assert sum(t.period == period and t.person in world.people for t in world.targets) == 15
    planted = world.planted
    assert planted.unknown_owner_deals
    assert planted.outside_team_deals
    assert planted.no_close_date_deals
    assert planted.typo_target >= 0
