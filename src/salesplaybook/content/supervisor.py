"""The supervisor role: responsibility areas with their routines and templates, the protocols,
and the glossary."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text

Cadence = Literal["daily", "weekly", "monthly", "quarterly", "yearly", "as_needed"]


class Routine(Model):
    id: Id
    name: Text
    cadence: Cadence
    duration_minutes: int = Field(gt=0)
    agenda: list[Text] = Field(min_length=1)
    checklist: list[Text] = Field(default_factory=list)
    #: Review rubrics the routine scores with (the coaching routine's call and ride-along rubric).
    rubrics: list[Id] = Field(default_factory=list)


class TemplateSection(Model):
    heading: Text
    prompts: list[Text] = Field(min_length=1)


class Template(Model):
    id: Id
    name: Text
    purpose: Text
    sections: list[TemplateSection] = Field(min_length=1)


class Responsibility(Item):
    order: int = Field(gt=0)
    name: Text
    summary: Text
    practices: list[Text] = Field(min_length=1)
    routines: list[Routine] = Field(default_factory=list)
    templates: list[Template] = Field(default_factory=list)


class ProtocolStep(Model):
    within_hours: float = Field(ge=0)
    action: Text
    owner: Text
    #: The step whose time is the protocol's promise to the customer (a solution within its time);
    #: compliance is measured against it.
    deadline: bool = False


class Protocol(Item):
    name: Text
    #: How prose elsewhere names the protocol ("the risk review"), so ``check`` can compare what
    #: it says about the protocol's rhythm with ``cadence``.
    cited_as: Text | None = None
    #: How often the protocol runs as a routine, when it does (besides its triggers).
    cadence: Cadence | None = None
    purpose: Text
    steps: list[ProtocolStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_deadline(self) -> Protocol:
        if sum(s.deadline for s in self.steps) > 1:
            raise ValueError("only one step can be the protocol's deadline")
        return self

    def deadline_step(self) -> ProtocolStep | None:
        return next((s for s in self.steps if s.deadline), None)


class GlossaryTerm(Model):
    id: Id
    term: Text
    definition: Text
