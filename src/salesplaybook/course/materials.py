"""What a track draws on from the rest of the playbook: objections, key questions, routines.

A module names the objections and key questions its exercises use by id; the pack prints them in
full (the customer's lines for a role-play, the cards for the handouts), so the pack resolves
the ids once here and every document shows the same selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesplaybook.content.model import (
    Battlecard,
    Exercise,
    Indicator,
    KeyQuestion,
    Objection,
    ObjectionCategory,
    Playbook,
    QualificationCriterion,
    RampPhase,
    Routine,
    Rubric,
    StageGate,
    Track,
    WorkingTemplate,
)


@dataclass(frozen=True)
class Materials:
    playbook: Playbook
    track: Track
    #: Objections the track's exercises use, in the handbook's order (grouped by category).
    objections: tuple[Objection, ...]
    #: Every key question, by number, when any exercise uses one; a learner needs the whole set.
    key_questions: tuple[KeyQuestion, ...]
    #: Routines with a checklist that learners of the track's stage follow.
    routines: tuple[Routine, ...]
    #: The playbook's additions the track hands out (issue 15); empty when it names none.
    rubrics: tuple[Rubric, ...] = ()
    templates: tuple[WorkingTemplate, ...] = ()
    #: Battlecards the track names or its exercises use.
    battlecards: tuple[Battlecard, ...] = ()
    qualification: tuple[QualificationCriterion, ...] = ()
    stage_gates: tuple[StageGate, ...] = ()
    ramp_plan: tuple[RampPhase, ...] = ()

    def objection(self, objection_id: str) -> Objection:
        return next(o for o in self.playbook.objections if o.id == objection_id)

    def key_question(self, question_id: str) -> KeyQuestion:
        return next(q for q in self.playbook.key_questions if q.id == question_id)

    def category(self, objection: Objection) -> ObjectionCategory | None:
        return next(
            (c for c in self.playbook.objection_categories if c.id == objection.category), None
        )

    def indicators(self, ids: list[str]) -> list[Indicator]:
        known = {i.id: i for i in self.playbook.indicators}
        return [known[i] for i in ids if i in known]


def exercises(track: Track) -> list[Exercise]:
    return [e for m in track.modules for e in m.exercises]


def materials(playbook: Playbook, track: Track) -> Materials:
    used = {o for e in exercises(track) for o in e.objections}
    uses_questions = any(e.key_questions for e in exercises(track))
    routines = {r.id: r for resp in playbook.responsibilities for r in resp.routines}
    wanted = track.routines
    return Materials(
        playbook=playbook,
        track=track,
        objections=tuple(o for o in playbook.objections if o.id in used),
        key_questions=tuple(sorted(playbook.key_questions, key=lambda q: q.number))
        if uses_questions
        else (),
        routines=tuple(routines[r] for r in wanted if r in routines and routines[r].checklist),
        rubrics=tuple(r for r in playbook.rubrics if r.id in track.rubrics),
        templates=tuple(t for t in playbook.templates if t.id in track.templates),
        battlecards=tuple(b for b in playbook.battlecards if b.id in _battlecards(track)),
        qualification=tuple(sorted(playbook.qualification, key=lambda c: c.order))
        if track.qualification
        else (),
        stage_gates=tuple(playbook.stage_gates) if track.qualification else (),
        ramp_plan=tuple(sorted(playbook.ramp_plan, key=lambda p: p.order))
        if track.ramp_plan
        else (),
    )


def _battlecards(track: Track) -> set[str]:
    """Battlecards the track names, and those its exercises use."""
    return set(track.battlecards) | {b for e in exercises(track) for b in e.battlecards}
