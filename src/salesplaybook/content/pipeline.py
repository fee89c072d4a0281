"""Pipeline and forecast: the forecast categories a deal is called in, the probability each sales
stage carries, the coverage the team plans on, and the routines that inspect them every week.

None of this is in the source document; it is the part of the week a B2B team runs on, and the
indicators ``win_rate``, ``pipeline_coverage`` and ``forecast_accuracy`` are measured against it.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from salesplaybook.content.supervisor import Routine
from salesplaybook.content.text import Id, Item, Model, Text


class ForecastCategory(Item):
    from_seed: bool
    order: int = Field(gt=0)
    name: Text
    definition: Text
    #: What must be true (and shown in the CRM) before a deal may be called in this category.
    entry_rules: list[Text] = Field(min_length=1)
    #: Whether the deal's amount counts in the pipeline that coverage is measured on.
    in_coverage: bool
    #: Whether the deal's amount is part of the number the team commits to.
    in_commit: bool


class StageProbability(Model):
    stage: Id
    probability: float = Field(ge=0, le=1)
    rationale: Text


class PipelinePolicy(Item):
    from_seed: bool
    name: Text
    summary: Text
    stage_probabilities: list[StageProbability] = Field(min_length=1)
    #: How coverage is set and read (the bar itself is the indicator's).
    coverage_rules: list[Text] = Field(min_length=1)
    #: What keeps the pipeline honest: dates, next steps, ageing.
    hygiene_rules: list[Text] = Field(min_length=1)
    routines: list[Routine] = Field(min_length=1)

    @model_validator(mode="after")
    def _probabilities_rise(self) -> PipelinePolicy:
        values = [s.probability for s in self.stage_probabilities]
        if values != sorted(values):
            raise ValueError("stage probabilities must not fall from one stage to the next")
        return self
