"""What goes into a role-play kit: one scenario per objection of the handbook, with the
call-review rubric an observer scores it by.

A kit is asked for by an objection id (one scenario) or a track id (a scenario for every
objection its modules' exercises use, in the order the track meets them). Everything a brief
says comes from the playbook: the customer's persona from the objection's category, the
situation from the stages where it arises, what they say in order from the handbook's phrasings,
what would convince them from the handbook's response steps; the time box is the length of the
exercise that practises the objection. Nothing is made up per build, so two builds of one kit are
the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesplaybook.content.model import (
    Exercise,
    Objection,
    ObjectionCategory,
    Playbook,
    ProcessStage,
    Rubric,
)
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.suggest import unknown

#: The rubric an observer scores a role-play by.
RUBRIC = "call_review"

#: The columns of the scoring form, the layout ``salesplaybook readiness --practice`` reads.
SCORING_COLUMNS = ("person_id", "criterion", "score", "scenario", "scored_on")


@dataclass(frozen=True)
class Scenario:
    #: The objection's id, which is also the scoring form's ``scenario``.
    id: str
    objection: Objection
    category: ObjectionCategory | None
    stages: tuple[ProcessStage, ...]
    #: The exercise that practises the objection (the track's, else the first in the playbook
    #: that uses it); None when no exercise does.
    exercise: Exercise | None


@dataclass(frozen=True)
class RoleplayKit:
    #: The objection or track id the kit was asked for.
    subject: str
    #: ``objection`` or ``track``.
    kind: str
    scenarios: tuple[Scenario, ...]
    rubric: Rubric


def _exercises(playbook: Playbook, track_id: str | None = None) -> list[Exercise]:
    return [
        e
        for t in playbook.tracks
        if track_id is None or t.id == track_id
        for m in t.modules
        for e in m.exercises
    ]


def _rubric(playbook: Playbook) -> Rubric:
    for rubric in playbook.rubrics:
        if rubric.id == RUBRIC:
            return rubric
    raise SalesplaybookError(f"the playbook has no rubric {RUBRIC!r} (playbooks/rubrics.yaml)")


def _scenario(playbook: Playbook, objection: Objection, own: list[Exercise]) -> Scenario:
    uses = [e for e in [*own, *_exercises(playbook)] if objection.id in e.objections]
    category = next((c for c in playbook.objection_categories if c.id == objection.category), None)
    stages = tuple(s for s in playbook.process_stages if s.id in objection.stages)
    return Scenario(objection.id, objection, category, stages, uses[0] if uses else None)


def roleplay_kit(playbook: Playbook, subject: str) -> RoleplayKit:
    """The kit for ``subject``, an objection id or a track id (a track whose exercises use no
    objection has no scenario); anything else is refused with the closest known id."""
    objections = {o.id: o for o in playbook.objections}
    tracks = [t.id for t in playbook.tracks]
    rubric = _rubric(playbook)
    if subject in objections:
        scenario = _scenario(playbook, objections[subject], [])
        return RoleplayKit(subject, "objection", (scenario,), rubric)
    if subject in tracks:
        own = _exercises(playbook, subject)
        ids = list(dict.fromkeys(o for e in own for o in e.objections))
        scenarios = tuple(_scenario(playbook, objections[o], own) for o in ids)
        return RoleplayKit(subject, "track", scenarios, rubric)
    raise SalesplaybookError(unknown("objection or track", subject, [*tracks, *objections]))


def scoring_rows(kit: RoleplayKit, person: str = "<person_id>") -> list[dict[str, str]]:
    """The scoring form: one row per scenario and rubric criterion, score and date to fill in."""
    return [
        {
            "person_id": person,
            "criterion": c.id,
            "score": "",
            "scenario": s.id,
            "scored_on": "",
        }
        for s in kit.scenarios
        for c in kit.rubric.criteria
    ]
