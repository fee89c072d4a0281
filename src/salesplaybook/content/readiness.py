"""The readiness index's rules: which competencies, what counts towards each, how the sources
are weighted and where the levels start. They are content, so a company sets them in
``playbooks/readiness.yaml`` and the code only applies them."""

from __future__ import annotations

import itertools

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text


class ReadinessLevel(Model):
    id: Id
    name: Text
    #: The lowest score (0 to 1) of the level.
    min_score: float = Field(ge=0, le=1)
    description: Text


class SourceWeights(Model):
    """How much each source counts in a competency's score; a source without data for a person
    and competency drops out and the others are weighted among themselves."""

    quiz: float = Field(ge=0)
    practice: float = Field(ge=0)
    kpi: float = Field(ge=0)

    @model_validator(mode="after")
    def _some_weight(self) -> SourceWeights:
        if self.quiz + self.practice + self.kpi <= 0:
            raise ValueError("at least one source needs a weight above 0")
        return self


class Competency(Model):
    id: Id
    name: Text
    description: Text
    #: Weight of the competency in a person's overall score (relative to the others).
    weight: float = Field(gt=0)
    #: Training modules whose quiz results count towards this competency.
    modules: list[Id] = Field(default_factory=list)
    #: Ids of the practice criteria (role-play and call-review scoring) that count towards it.
    criteria: list[Id] = Field(default_factory=list)
    #: Per-person KPI results that count towards it (``sales_attainment``).
    indicators: list[Id] = Field(default_factory=list)


class Readiness(Item):
    name: Text
    description: Text
    sources: SourceWeights
    #: The practice scoring form's scale: the lowest and the highest score a criterion can get.
    practice_min: float
    practice_max: float
    competencies: list[Competency] = Field(min_length=1)
    levels: list[ReadinessLevel] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Readiness:
        if self.practice_max <= self.practice_min:
            raise ValueError("practice_max must be above practice_min")
        mins = [level.min_score for level in self.levels]
        if mins[0] != 0 or any(b <= a for a, b in itertools.pairwise(mins)):
            raise ValueError("levels must start at min_score 0 and rise")
        for field in ("modules", "criteria", "indicators"):
            seen: dict[str, str] = {}
            for c in self.competencies:
                for ref in getattr(c, field):
                    if field != "indicators" and ref in seen:
                        raise ValueError(
                            f"{field[:-1] if field != 'criteria' else 'criterion'} {ref!r} "
                            f"counts towards both {seen[ref]!r} and {c.id!r}"
                        )
                    seen[ref] = c.id
        ids = [c.id for c in self.competencies]
        if len(set(ids)) != len(ids):
            raise ValueError("competency ids must be unique")
        return self
