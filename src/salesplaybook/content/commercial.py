"""Win/loss, renewals and discount authority: the loss-reason codes and the quarterly review that
reads them, the renewal playbook, and who may approve which discount."""

from __future__ import annotations

from pydantic import Field, model_validator

from salesplaybook.content.supervisor import Routine
from salesplaybook.content.text import Item, Model, NonEmpty, Text


class LossReason(Item):
    from_seed: bool
    code: NonEmpty = Field(max_length=8)
    name: Text
    definition: Text
    #: What must be on record for the code to be used (so "price" is not the default answer).
    evidence: Text
    prevention: Text


class WinLossReview(Item):
    from_seed: bool
    name: Text
    purpose: Text
    sample_rules: list[Text] = Field(min_length=1)
    interview_questions: list[Text] = Field(min_length=1)
    routine: Routine
    outputs: list[Text] = Field(min_length=1)


class RenewalStep(Item):
    from_seed: bool
    #: Days before the contract ends when the step starts.
    days_before: int = Field(ge=0)
    name: Text
    actions: list[Text] = Field(min_length=1)
    owner: Text
    risk_signals: list[Text] = Field(default_factory=list)


class DiscountBand(Model):
    #: The largest discount off list price this approver may grant (0.1 = 10 %).
    up_to: float = Field(gt=0, le=1)
    approver: Text
    turnaround_hours: int = Field(gt=0)
    conditions: list[Text] = Field(min_length=1)


class DiscountAuthority(Item):
    from_seed: bool
    name: Text
    basis: Text
    bands: list[DiscountBand] = Field(min_length=1)
    deal_desk: list[Text] = Field(min_length=1)
    rules: list[Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _bands_rise(self) -> DiscountAuthority:
        limits = [b.up_to for b in self.bands]
        if limits != sorted(set(limits)):
            raise ValueError("bands must be listed from the smallest discount to the largest")
        return self
