"""Worked examples of splitting a target level by level (the amounts are computed)."""

from __future__ import annotations

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text


class SplitPart(Model):
    id: Id
    name: Text
    weight: float = Field(ge=0)
    note: Text | None = None


class SplitStep(Model):
    id: Id
    #: The part of an earlier step whose amount this step splits; empty for the whole total.
    of: Id | None = None
    title: Text
    #: Why the weights are what they are: the reasoning a supervisor would give the team.
    basis: Text
    parts: list[SplitPart] = Field(min_length=1)

    @model_validator(mode="after")
    def _weights_split_something(self) -> SplitStep:
        if not any(p.weight > 0 for p in self.parts):
            raise ValueError("every weight is zero: nothing can be split")
        return self


class TargetExample(Item):
    """A worked example of splitting a target, level by level; the amounts are computed."""

    title: Text
    description: Text
    total: int = Field(gt=0)
    currency: Text
    steps: list[SplitStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _steps_split_earlier_parts(self) -> TargetExample:
        seen: set[str] = set()
        for step in self.steps:
            if step.of is not None and step.of not in seen:
                raise ValueError(
                    f"step {step.id!r} splits {step.of!r}, which is not a part of an earlier step"
                )
            seen.update(p.id for p in step.parts)
        return self
