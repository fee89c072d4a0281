"""Customer tiers with their service plans, and the sales process from lead to collection."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text


class ServiceItem(Model):
    activity: Text
    cadence: Text
    owner: Text
    #: The routine the activity happens in, when it has one (the pipeline meeting).
    routine: Id | None = None


class TierRule(Model):
    """Machine-checkable entry rule of a tier; a customer takes the first tier whose rule fits."""

    min_annual_value: float | None = Field(default=None, ge=0)
    min_relationship_years: float | None = Field(default=None, ge=0)
    paying: bool | None = None


class CustomerTier(Item):
    order: int = Field(gt=0)
    name: Text
    description: Text
    criteria: list[Text] = Field(min_length=1)
    rule: TierRule | None = None
    service_plan: list[ServiceItem] = Field(min_length=1)
    goals: list[Text] = Field(default_factory=list)


Department = Literal["marketing", "product", "after_sales", "legal", "finance", "delivery"]


class Handoff(Model):
    to: Department
    what: Text


class DurationRange(Model):
    min_days: int = Field(ge=0)
    max_days: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> DurationRange:
        if self.max_days < self.min_days:
            raise ValueError("max_days is below min_days")
        return self


class ProcessStage(Item):
    order: int = Field(gt=0)
    name: Text
    description: Text
    entry_criteria: list[Text] = Field(min_length=1)
    exit_criteria: list[Text] = Field(min_length=1)
    artefacts: list[Text] = Field(min_length=1)
    typical_duration: DurationRange
    stall_points: list[Text] = Field(min_length=1)
    handoffs: list[Handoff] = Field(default_factory=list)
