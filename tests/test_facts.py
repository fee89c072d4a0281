"""Facts other layers read from the playbook: the values the playbook's own files state."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from salesplaybook.content import facts
from salesplaybook.core.errors import SalesplaybookError

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("newcomer", "growing", "senior")


def test_probation_is_the_career_criterion(playbook) -> None:
    stated = [
        criterion.min
        for track in playbook.career_tracks
        for step in track.steps
        for criterion in step.criteria
        if criterion.check == "probation_passed"
    ]
    assert stated
    assert facts.probation_months(playbook) == stated[0]


def test_track_modules_are_the_tracks_files(playbook) -> None:
    from_files: dict[str, tuple[str, ...]] = {}
    for path in sorted((ROOT / "playbooks" / "tracks").glob("*.yaml")):
        for track in yaml.safe_load(path.read_text(encoding="utf-8"))["tracks"]:
            if track.get("stage"):
                from_files[track["stage"]] = tuple(m["id"] for m in track["modules"])
    assert facts.track_modules(playbook, STAGES) == {s: from_files[s] for s in STAGES}
    assert list(facts.track_modules(playbook, STAGES[::-1])) == list(STAGES[::-1])


def test_a_stage_without_a_track_is_named(playbook) -> None:
    with pytest.raises(SalesplaybookError, match="no training track for veteran"):
        facts.track_modules(playbook, (*STAGES, "veteran"))
    without = playbook.model_copy(
        update={"tracks": [t for t in playbook.tracks if t.stage != "growing"]}
    )
    with pytest.raises(SalesplaybookError, match=r"no training track for growing$"):
        facts.track_modules(without, STAGES)


def test_declining_floor_is_the_context_rule(playbook) -> None:
    rule = playbook.indicator("sales_attainment").context_rule
    assert rule.market_trend == "declining"
    assert facts.declining_floor(playbook) == rule.min_value


def test_no_context_rule_is_an_error(playbook) -> None:
    indicators = [
        i.model_copy(update={"context_rule": None}) if i.id == "sales_attainment" else i
        for i in playbook.indicators
    ]
    without = playbook.model_copy(update={"indicators": indicators})
    with pytest.raises(SalesplaybookError, match="no context rule for a declining market"):
        facts.declining_floor(without)
