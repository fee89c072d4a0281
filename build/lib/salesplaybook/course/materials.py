"""What a track draws on from the rest of the playbook: objections, key questions, routines.

A module names the objections and key questions its exercises use by id; the pack prints them in
full (the customer's lines for a role-play, the cards for the handouts), so the pack resolves
the ids once here and every document shows the same selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesplaybook.content.model import (
    Exercise,
    Indicator,
    KeyQuestion,
    Objection,
    ObjectionCategory,
    Playbook,
    Routine,
    Track,
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
    )
