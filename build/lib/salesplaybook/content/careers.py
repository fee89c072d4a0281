"""Career tracks: the roles, and the promotion criteria between them as checkable data."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text


class Role(Item):
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


class Criterion(Model):
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


class CareerStep(Model):
    role: Id
    #: What it takes to move into this role from the step before; empty for the entry role.
    criteria: list[Criterion] = Field(default_factory=list)


class CareerTrack(Model):
    id: Id
    name: Text
    description: Text
    steps: list[CareerStep] = Field(min_length=2)

    @property
    def roles(self) -> list[str]:
        return [s.role for s in self.steps]
