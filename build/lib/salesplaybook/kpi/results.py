"""What an assessment produces: each indicator judged, each dimension scored, the scorecard as a
whole and what to work on. Plain dataclasses, shared by the judging, the recommendations and the
scorecard, and read by the views; nothing here computes or formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from salesplaybook.content.model import Text
from salesplaybook.data.quality import DataQuality

Status = Literal["excellent", "meets", "below", "no_data"]


@dataclass(frozen=True)
class IndicatorResult:
    id: str
    dimension: str
    value: float | None
    status: Status
    meets: float
    excellent: float
    points: float | None
    context_rule_applied: bool = False
    source: str | None = None
    #: Why the indicator is ``no_data`` (which input is missing), never a silent 0.
    reason: str | None = None


@dataclass(frozen=True)
class DimensionResult:
    id: str
    weight: float
    score: float | None
    indicators_with_data: int
    indicators: int


@dataclass(frozen=True)
class RecommendedItem:
    """A piece of playbook content to work on, by its ``kind`` (``module``, ``objection``, ...)
    and ``id``; where the book shows it is the views' business
    (:mod:`salesplaybook.views.book_pages`)."""

    kind: str
    id: str
    title: Text


@dataclass(frozen=True)
class Recommendation:
    indicator: str
    status: Status
    items: list[RecommendedItem]


@dataclass(frozen=True)
class Scorecard:
    period: str | None
    team: str | None
    indicators: list[IndicatorResult]
    dimensions: list[DimensionResult]
    overall_score: float | None
    rating: Status
    recommendations: list[Recommendation] = field(default_factory=list)
    #: What the user must read before trusting the numbers (one English line each).
    warnings: tuple[str, ...] = ()
    #: Rows read, used and left out per table, when the scorecard comes from a data folder.
    data_quality: DataQuality | None = None

    def indicator(self, indicator_id: str) -> IndicatorResult:
        return next(i for i in self.indicators if i.id == indicator_id)
