"""Prospecting standards: how fast a lead is answered, what marketing and sales agree an MQL and
an SQL are, and the outreach sequences a rep works a lead with. Also the working templates
(discovery call plan, mutual action plan, key-account plan) that the pages ask for."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from salesplaybook.content.supervisor import TemplateSection
from salesplaybook.content.text import Id, Item, Model, Text


class SequenceStep(Model):
    day: int = Field(ge=1)
    channel: Literal["phone", "wechat", "email", "visit", "event", "linkedin"]
    action: Text


class ProspectingStandard(Item):
    from_seed: bool
    kind: Literal["response_time", "definition", "sequence", "rule"]
    name: Text
    standard: Text
    details: list[Text] = Field(default_factory=list)
    measure: Text | None = None
    steps: list[SequenceStep] = Field(default_factory=list)


class WorkingTemplate(Item):
    from_seed: bool
    name: Text
    purpose: Text
    stages: list[Id] = Field(default_factory=list)
    sections: list[TemplateSection] = Field(min_length=1)
