"""Coaching and ramp-up: the review rubrics a supervisor scores calls and ride-alongs (陪访) with,
and the new hire's 30/60/90-day ramp plan that ends in the confirmation decision (转正)."""

from __future__ import annotations

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text


class RubricLevel(Model):
    score: int = Field(ge=1)
    label: Text
    #: What the reviewer saw or heard that puts the criterion at this level.
    evidence: Text


class RubricCriterion(Model):
    id: Id
    name: Text
    look_for: Text
    levels: list[RubricLevel] = Field(min_length=2)
    kpis: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _levels_count_up(self) -> RubricCriterion:
        if [lv.score for lv in self.levels] != list(range(1, len(self.levels) + 1)):
            raise ValueError("levels must be scored 1, 2, 3 ... in order")
        return self


class Rubric(Item):
    from_seed: bool
    name: Text
    purpose: Text
    how_to_use: list[Text] = Field(min_length=1)
    criteria: list[RubricCriterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_scale(self) -> Rubric:
        sizes = {len(c.levels) for c in self.criteria}
        if len(sizes) > 1:
            raise ValueError("every criterion of a rubric must use the same number of levels")
        ids = [c.id for c in self.criteria]
        if len(set(ids)) != len(ids):
            raise ValueError("criterion ids must be unique within the rubric")
        return self

    @property
    def max_score(self) -> int:
        return len(self.criteria[0].levels)


class RampPhase(Item):
    from_seed: bool
    order: int = Field(gt=0)
    name: Text
    start_day: int = Field(ge=1)
    end_day: int = Field(ge=1)
    goals: list[Text] = Field(min_length=1)
    activities: list[Text] = Field(min_length=1)
    #: The share of a fully ramped rep's quota expected in this phase.
    quota_share: float = Field(ge=0, le=1)
    ramp_targets: list[Text] = Field(min_length=1)
    review: list[Text] = Field(min_length=1)
    #: True for the phase whose review is the probation decision (转正).
    decides_confirmation: bool = False

    @model_validator(mode="after")
    def _days_ordered(self) -> RampPhase:
        if self.end_day < self.start_day:
            raise ValueError("end_day is before start_day")
        return self
