"""Issue 13, property style: over several small ground-truth worlds (:mod:`tests.world`, a
different seed each, some with the planted problems and some without), in several export kinds
(canonical files untouched, the others with their mapping file, so each must give a scorecard),
no run returns an indicator different from the world's own figures without a warning; a world
without planted problems gives exactly its figures."""

from __future__ import annotations

import random

import pytest

from tests.realworld import assess, differences, truth
from tests.world import Folders
from tests.world.org import TEAMS

#: (seed, kind, variant): canonical files untouched, the exports with their mapping file.
CASES = (
    (11, "canonical", "clean"),
    (12, "hubspot", "mapped"),
    (13, "chinese_gbk", "mapped"),
    (14, "european", "mapped"),
    (15, "salesforce_report", "mapped"),
    (16, "chinese_xlsx", "mapped"),
)


@pytest.mark.parametrize(("seed", "kind", "variant"), CASES)
def test_no_indicator_differs_from_the_truth_without_a_warning(
    world_folders: Folders, seed: int, kind: str, variant: str
):
    """Two draws per world: the organisation in one quarter, a team in another. Each run gives
    exactly the world's figures (the rows the data path leaves out are left out of the truth
    too), and a world with planted problems always says so."""
    plant = seed % 2 == 0
    world = world_folders.world(seed, 1, plant)
    folder = world_folders.get(kind, variant, seed, 1, plant)
    rng = random.Random(seed)
    for team in (None, rng.choice(list(TEAMS))):
        period = rng.choice(world.periods)
        run = assess(folder, period, team)
        assert run.exit_code == 0, run.stderr
        wrong = differences(folder, truth(world, period, team), run)
        assert not wrong or run.doc["warnings"], wrong  # never wrong without a warning
        assert wrong == [], (period, team)
        assert bool(run.doc["warnings"]) == plant, run.doc["warnings"]
