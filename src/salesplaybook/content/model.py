"""The content model: what a playbook item may hold, checked by pydantic.

The models live in one module per part of the playbook (:mod:`.kpis`, :mod:`.careers`,
:mod:`.training`, :mod:`.handbook`, :mod:`.customers`, :mod:`.supervisor`, :mod:`.targets`,
:mod:`.pipeline`, :mod:`.qualification`, :mod:`.competition`, :mod:`.coaching`,
:mod:`.commercial`, :mod:`.prospecting`, on
the building blocks of :mod:`.text`); this module assembles the whole :class:`Playbook` and is
where the other layers import them from. References between items (an objection's category, a
module's KPIs) are plain ids; :mod:`salesplaybook.content.loader` checks that they point
somewhere, because only the whole playbook knows what exists.
"""

from __future__ import annotations

from typing import get_args

from pydantic import Field

from salesplaybook.content.careers import CareerStep, CareerTrack, CheckKind, Criterion, Role
from salesplaybook.content.coaching import RampPhase, Rubric, RubricCriterion, RubricLevel
from salesplaybook.content.commercial import (
    DiscountAuthority,
    DiscountBand,
    LossReason,
    RenewalStep,
    WinLossReview,
)
from salesplaybook.content.competition import Battlecard
from salesplaybook.content.customers import (
    CustomerTier,
    Department,
    DurationRange,
    Handoff,
    ProcessStage,
    ServiceItem,
    TierRule,
)
from salesplaybook.content.handbook import KeyQuestion, Objection, ObjectionCategory
from salesplaybook.content.kpis import (
    AlertTrigger,
    ContextRule,
    Dimension,
    Indicator,
    Threshold,
    Unit,
)
from salesplaybook.content.pipeline import ForecastCategory, PipelinePolicy, StageProbability
from salesplaybook.content.prospecting import ProspectingStandard, SequenceStep, WorkingTemplate
from salesplaybook.content.qualification import (
    GateRequirement,
    QualificationCriterion,
    ScoreLevel,
    StageGate,
)
from salesplaybook.content.readiness import Competency, Readiness, ReadinessLevel, SourceWeights
from salesplaybook.content.supervisor import (
    GlossaryTerm,
    Protocol,
    ProtocolStep,
    Responsibility,
    Routine,
    Template,
    TemplateSection,
)
from salesplaybook.content.targets import SplitPart, SplitStep, TargetExample
from salesplaybook.content.terms import Term
from salesplaybook.content.text import Id, Item, Model, NonEmpty, Text
from salesplaybook.content.training import Exercise, Module, QuizItem, Track

__all__ = [
    "SECTIONS",
    "AlertTrigger",
    "Battlecard",
    "CareerStep",
    "CareerTrack",
    "CheckKind",
    "Competency",
    "ContextRule",
    "Criterion",
    "CustomerTier",
    "Department",
    "Dimension",
    "DiscountAuthority",
    "DiscountBand",
    "DurationRange",
    "Exercise",
    "ForecastCategory",
    "GateRequirement",
    "GlossaryTerm",
    "Handoff",
    "Id",
    "Indicator",
    "Item",
    "KeyQuestion",
    "LossReason",
    "Model",
    "Module",
    "NonEmpty",
    "Objection",
    "ObjectionCategory",
    "PipelinePolicy",
    "Playbook",
    "ProcessStage",
    "ProspectingStandard",
    "Protocol",
    "ProtocolStep",
    "QualificationCriterion",
    "QuizItem",
    "RampPhase",
    "Readiness",
    "ReadinessLevel",
    "RenewalStep",
    "Responsibility",
    "Role",
    "Routine",
    "Rubric",
    "RubricCriterion",
    "RubricLevel",
    "ScoreLevel",
    "SequenceStep",
    "ServiceItem",
    "SourceWeights",
    "SplitPart",
    "SplitStep",
    "StageGate",
    "StageProbability",
    "TargetExample",
    "Template",
    "TemplateSection",
    "Term",
    "Text",
    "Threshold",
    "TierRule",
    "Track",
    "Unit",
    "WinLossReview",
    "WorkingTemplate",
]


class Playbook(Model):
    """The whole playbook: each field is a section, a list of items of one model, which content
    files hold under the field's name (a section may be spread over several files)."""

    dimensions: list[Dimension] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    career_tracks: list[CareerTrack] = Field(default_factory=list)
    tracks: list[Track] = Field(default_factory=list)
    objection_categories: list[ObjectionCategory] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)
    key_questions: list[KeyQuestion] = Field(default_factory=list)
    customer_tiers: list[CustomerTier] = Field(default_factory=list)
    process_stages: list[ProcessStage] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    protocols: list[Protocol] = Field(default_factory=list)
    target_examples: list[TargetExample] = Field(default_factory=list)
    glossary: list[GlossaryTerm] = Field(default_factory=list)
    readiness: list[Readiness] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    # The playbook's additions to the source (issue 15): pipeline and forecast, qualification,
    # battlecards, coaching rubrics, working templates, ramp plan, win/loss, renewals, discount
    # authority and prospecting.
    forecast_categories: list[ForecastCategory] = Field(default_factory=list)
    pipeline: list[PipelinePolicy] = Field(default_factory=list)
    qualification: list[QualificationCriterion] = Field(default_factory=list)
    stage_gates: list[StageGate] = Field(default_factory=list)
    battlecards: list[Battlecard] = Field(default_factory=list)
    rubrics: list[Rubric] = Field(default_factory=list)
    templates: list[WorkingTemplate] = Field(default_factory=list)
    ramp_plan: list[RampPhase] = Field(default_factory=list)
    loss_reasons: list[LossReason] = Field(default_factory=list)
    win_loss: list[WinLossReview] = Field(default_factory=list)
    renewal: list[RenewalStep] = Field(default_factory=list)
    discount_authority: list[DiscountAuthority] = Field(default_factory=list)
    prospecting: list[ProspectingStandard] = Field(default_factory=list)

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def indicators_of(self, dimension_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.dimension == dimension_id]


def _item_model(section: str) -> type[Model]:
    (item,) = get_args(Playbook.model_fields[section].annotation)
    if not (isinstance(item, type) and issubclass(item, Model)):
        raise TypeError(f"Playbook.{section} must be a list of content items")
    return item


#: Top-level keys a content file may hold (the playbook's fields, in its order), each with the
#: model of its items.
SECTIONS: dict[str, type[Model]] = {name: _item_model(name) for name in Playbook.model_fields}
