"""Deal qualification: MEDDPICC-style criteria, each scored 0-2 on the evidence the rep can show,
and the stage gates of the sales process that ask for a minimum score.

The ten key questions tell a rep what to ask; the qualification scorecard tells the supervisor
whether the answers are good enough to move the deal on.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, NonEmpty, Text

#: The scale every criterion is scored on.
SCORES = (0, 1, 2)


class ScoreLevel(Model):
    score: int = Field(ge=0, le=2)
    description: Text


class QualificationCriterion(Item):
    from_seed: bool
    order: int = Field(gt=0)
    #: The criterion's letter in MEDDPICC (M, E, D, D, P, I, C, C).
    letter: NonEmpty = Field(max_length=2)
    name: Text
    question: Text
    good_evidence: list[Text] = Field(min_length=1)
    warning_signs: list[Text] = Field(min_length=1)
    levels: list[ScoreLevel]
    #: A test the criterion must pass (the champion test), when it has one.
    tests: list[Text] = Field(default_factory=list)
    key_questions: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _levels_cover_the_scale(self) -> QualificationCriterion:
        if tuple(level.score for level in self.levels) != SCORES:
            raise ValueError("levels must describe the scores 0, 1 and 2, in that order")
        return self


class GateRequirement(Model):
    criterion: Id
    min_score: int = Field(ge=1, le=2)


class StageGate(Item):
    from_seed: bool
    #: The stage a deal may only leave when the gate is passed.
    stage: Id
    name: Text
    min_total: int = Field(ge=0)
    required: list[GateRequirement] = Field(min_length=1)
    reviewer: Text
    note: Text
