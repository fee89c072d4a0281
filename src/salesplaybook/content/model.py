"""The content model: what a playbook item may hold, checked by pydantic.

Every model forbids unknown keys, so a misspelt key in a YAML file is an error with its line,
not a silently ignored field. References between items (an objection's category, a module's
KPIs) are plain ids here; :mod:`salesplaybook.content.loader` checks that they point somewhere,
because only the whole playbook knows what exists.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from salesplaybook.core.languages import Lang

#: Ids are snake_case so that they are safe in URLs, file names and anchors, and never a path.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


_CJK_GAP = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s+[\u4e00-\u9fff]")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A human-readable text in both editions; neither may be left out."""

    en: NonEmpty
    zh: NonEmpty

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh

    @model_validator(mode="after")
    def _zh_is_translated(self) -> Text:
        # A long English sentence pasted into `zh` is the usual way a translation goes missing.
        if len(self.en) > 24 and self.en == self.zh:
            raise ValueError("zh is a copy of en: the Chinese text is missing")
        if _CJK_GAP.search(self.zh):
            raise ValueError(
                "zh has a space between Chinese characters (a folded YAML block joins its lines "
                "with spaces: write the text on one line or use a literal block, |)"
            )
        return self


class _Item(_Model):
    id: Id
    #: Indicator ids this piece of content moves; the scorecard recommends content by them.
    kpis: list[Id] = Field(default_factory=list)


# --- KPI framework -----------------------------------------------------------------------------


class Dimension(_Model):
    id: Id
    name: Text
    description: Text
    #: Share of the overall score; the weights of all dimensions add up to 1.
    weight: float = Field(gt=0, le=1)


class Threshold(_Model):
    op: Literal[">=", ">", "<=", "<"]
    value: float = Field(ge=0)
    #: True when the source document states this bar; False for a playbook default.
    from_seed: bool = False
    note: Text | None = None


class ContextRule(_Model):
    """The seed's rule that judges attainment against the market, not the plan alone."""

    market_trend: Literal["declining", "stable", "growing"]
    min_value: float = Field(ge=0)
    must_beat: Literal["competitor_attainment"]
    status: Literal["excellent", "meets"]
    from_seed: bool = False
    description: Text


Unit = Literal["ratio", "score", "count", "working_days"]


class Indicator(_Model):
    id: Id
    dimension: Id
    name: Text
    description: Text
    unit: Unit
    #: Period a count or rate is measured over, when the bar depends on it.
    period: Literal["quarter", "year"] | None = None
    #: For a count judged per N team members (leaders developed: 2 per 10 members).
    per_members: int | None = Field(default=None, gt=0)
    #: Upper end of a score's scale (5 for a satisfaction score out of 5).
    scale_max: float | None = Field(default=None, gt=0)
    #: True for a ratio that is a share of a whole and so cannot exceed 1.
    share_of_whole: bool = False
    better: Literal["higher", "lower"]
    meets: Threshold
    excellent: Threshold
    formula: Text
    data_source: Text
    context_rule: ContextRule | None = None

    @model_validator(mode="after")
    def _bars_are_ordered(self) -> Indicator:
        higher = self.better == "higher"
        for t in (self.meets, self.excellent):
            if higher != t.op.startswith(">"):
                raise ValueError(
                    f"better is {self.better!r} but a threshold uses {t.op!r}: "
                    "a higher-is-better bar needs >= or >, a lower-is-better one <= or <"
                )
        if higher and self.excellent.value < self.meets.value:
            raise ValueError("the excellent bar is below the meets bar")
        if not higher and self.excellent.value > self.meets.value:
            raise ValueError("the excellent bar is above the meets bar")
        if self.unit == "score" and self.scale_max is None:
            raise ValueError("a score needs scale_max")
        return self


# --- Career tracks -----------------------------------------------------------------------------


class Role(_Item):
    name: Text
    description: Text
    competencies: list[Text] = Field(min_length=1)
    responsibilities: list[Text] = Field(default_factory=list)


CheckKind = Literal[
    "on_target_streak",  # min: consecutive quarters on target, ending at the latest quarter
    "tenure_months",  # min: months in the current role
    "probation_passed",  # confirmed after probation (min: months of probation)
    "track_completed",  # track: a training track finished
    "kpi_status",  # indicator: that indicator meets its bar or better
    "assessment",  # judged by a person (a panel, a manager); the data shows no verdict
]


class Criterion(_Model):
    """One promotion criterion, as data a program can check."""

    id: Id
    check: CheckKind
    min: float | None = Field(default=None, ge=0)
    track: Id | None = None
    indicator: Id | None = None
    from_seed: bool = False
    description: Text

    @model_validator(mode="after")
    def _params_fit_check(self) -> Criterion:
        need = {
            "on_target_streak": "min",
            "tenure_months": "min",
            "probation_passed": "min",
            "track_completed": "track",
            "kpi_status": "indicator",
        }.get(self.check)
        if need is not None and getattr(self, need) is None:
            raise ValueError(f"check {self.check!r} needs {need!r}")
        return self


class CareerStep(_Model):
    role: Id
    #: What it takes to move into this role from the step before; empty for the entry role.
    criteria: list[Criterion] = Field(default_factory=list)


class CareerTrack(_Model):
    id: Id
    name: Text
    description: Text
    steps: list[CareerStep] = Field(min_length=2)

    @property
    def roles(self) -> list[str]:
        return [s.role for s in self.steps]


# --- Onboarding and training tracks ------------------------------------------------------------


class QuizItem(_Model):
    id: Id
    kind: Literal["single_choice", "multiple_choice", "true_false", "short_answer"]
    question: Text
    options: list[Text] = Field(default_factory=list)
    #: Indices (from 0) of the right options; for true_false 0 is true and 1 is false.
    answer: list[int] = Field(default_factory=list)
    #: For short answers: what a good answer contains.
    model_answer: Text | None = None
    explanation: Text

    @model_validator(mode="after")
    def _answer_fits(self) -> QuizItem:
        if self.kind == "short_answer":
            if self.model_answer is None:
                raise ValueError("a short_answer item needs model_answer")
            return self
        n = 2 if self.kind == "true_false" else len(self.options)
        if self.kind != "true_false" and n < 2:
            raise ValueError("a choice item needs at least two options")
        if not self.answer:
            raise ValueError("answer is missing")
        bad = [a for a in self.answer if not 0 <= a < n]
        if bad:
            raise ValueError(f"answer {bad} points past the {n} options")
        if self.kind in ("single_choice", "true_false") and len(self.answer) != 1:
            raise ValueError(f"a {self.kind} item has exactly one answer")
        return self


class Exercise(_Model):
    id: Id
    kind: Literal["role_play", "case_study", "drill", "discussion", "field_task"]
    title: Text
    instructions: Text
    duration_minutes: int = Field(gt=0)
    objections: list[Id] = Field(default_factory=list)
    key_questions: list[Id] = Field(default_factory=list)
    debrief: list[Text] = Field(default_factory=list)


class Module(_Item):
    title: Text
    summary: Text
    #: Week of the track in which the module runs (the newcomer track spans three weeks).
    week: int | None = Field(default=None, gt=0)
    duration_minutes: int = Field(gt=0)
    objectives: list[Text] = Field(min_length=1)
    topics: list[Text] = Field(default_factory=list)
    exercises: list[Exercise] = Field(default_factory=list)
    quiz: list[QuizItem] = Field(default_factory=list)
    facilitator_notes: list[Text] = Field(default_factory=list)


class Track(_Model):
    id: Id
    name: Text
    description: Text
    stage: Literal["newcomer", "growing", "senior"] | None = None
    audience: Text
    #: How long the whole track takes, in weeks, when it has a fixed schedule.
    duration_weeks: int | None = Field(default=None, gt=0)
    cadence: Text | None = None
    #: Routines (of the supervisor's responsibilities) whose checklists learners of this track
    #: follow in their own work; the course pack's handouts carry them.
    routines: list[Id] = Field(default_factory=list)
    modules: list[Module] = Field(min_length=1)


# --- Objections and key questions --------------------------------------------------------------


class ObjectionCategory(_Model):
    id: Id
    name: Text
    description: Text


class Objection(_Item):
    category: Id
    title: Text
    #: What the customer says, in a few typical phrasings.
    customer_says: list[Text] = Field(min_length=1)
    #: What usually lies behind the words.
    behind: list[Text] = Field(min_length=1)
    #: The steps of the response.
    response: list[Text] = Field(min_length=1)
    script: Text
    follow_up: Text
    avoid: list[Text] = Field(min_length=1)
    stages: list[Id] = Field(default_factory=list)


class KeyQuestion(_Item):
    number: int = Field(gt=0)
    question: Text
    purpose: Text
    when: Text
    good_answer: Text
    red_flags: list[Text] = Field(min_length=1)
    follow_up: Text
    stages: list[Id] = Field(default_factory=list)


# --- Customer tiers and the sales process ------------------------------------------------------


class ServiceItem(_Model):
    activity: Text
    cadence: Text
    owner: Text


class TierRule(_Model):
    """Machine-checkable entry rule of a tier; a customer takes the first tier whose rule fits."""

    min_annual_value: float | None = Field(default=None, ge=0)
    min_relationship_years: float | None = Field(default=None, ge=0)
    paying: bool | None = None


class CustomerTier(_Item):
    order: int = Field(gt=0)
    name: Text
    description: Text
    criteria: list[Text] = Field(min_length=1)
    rule: TierRule | None = None
    service_plan: list[ServiceItem] = Field(min_length=1)
    goals: list[Text] = Field(default_factory=list)


Department = Literal["marketing", "product", "after_sales", "legal", "finance", "delivery"]


class Handoff(_Model):
    to: Department
    what: Text


class DurationRange(_Model):
    min_days: int = Field(ge=0)
    max_days: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> DurationRange:
        if self.max_days < self.min_days:
            raise ValueError("max_days is below min_days")
        return self


class ProcessStage(_Item):
    order: int = Field(gt=0)
    name: Text
    description: Text
    entry_criteria: list[Text] = Field(min_length=1)
    exit_criteria: list[Text] = Field(min_length=1)
    artefacts: list[Text] = Field(min_length=1)
    typical_duration: DurationRange
    stall_points: list[Text] = Field(min_length=1)
    handoffs: list[Handoff] = Field(default_factory=list)


# --- The supervisor role, protocols and the glossary -------------------------------------------


class Routine(_Model):
    id: Id
    name: Text
    cadence: Literal["daily", "weekly", "monthly", "quarterly", "yearly", "as_needed"]
    duration_minutes: int = Field(gt=0)
    agenda: list[Text] = Field(min_length=1)
    checklist: list[Text] = Field(default_factory=list)


class TemplateSection(_Model):
    heading: Text
    prompts: list[Text] = Field(min_length=1)


class Template(_Model):
    id: Id
    name: Text
    purpose: Text
    sections: list[TemplateSection] = Field(min_length=1)


class Responsibility(_Item):
    order: int = Field(gt=0)
    name: Text
    summary: Text
    practices: list[Text] = Field(min_length=1)
    routines: list[Routine] = Field(default_factory=list)
    templates: list[Template] = Field(default_factory=list)


class ProtocolStep(_Model):
    within_hours: float = Field(ge=0)
    action: Text
    owner: Text
    #: The step whose time is the protocol's promise to the customer (a solution within its time);
    #: compliance is measured against it.
    deadline: bool = False


class Protocol(_Item):
    name: Text
    purpose: Text
    steps: list[ProtocolStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_deadline(self) -> Protocol:
        if sum(s.deadline for s in self.steps) > 1:
            raise ValueError("only one step can be the protocol's deadline")
        return self

    def deadline_step(self) -> ProtocolStep | None:
        return next((s for s in self.steps if s.deadline), None)


class SplitPart(_Model):
    id: Id
    name: Text
    weight: float = Field(ge=0)
    note: Text | None = None


class SplitStep(_Model):
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


class TargetExample(_Item):
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


class GlossaryTerm(_Model):
    id: Id
    term: Text
    definition: Text


# --- The whole playbook ------------------------------------------------------------------------

#: Top-level keys a content file may hold, each a list of items of one model.
SECTIONS: dict[str, type[BaseModel]] = {
    "dimensions": Dimension,
    "indicators": Indicator,
    "roles": Role,
    "career_tracks": CareerTrack,
    "tracks": Track,
    "objection_categories": ObjectionCategory,
    "objections": Objection,
    "key_questions": KeyQuestion,
    "customer_tiers": CustomerTier,
    "process_stages": ProcessStage,
    "responsibilities": Responsibility,
    "protocols": Protocol,
    "target_examples": TargetExample,
    "glossary": GlossaryTerm,
}


class Playbook(_Model):
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

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def indicators_of(self, dimension_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.dimension == dimension_id]
