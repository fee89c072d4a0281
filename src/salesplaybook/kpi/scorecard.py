"""The scorecard: each indicator against the playbook's bars, dimension and overall scores, and
what to work on.

Statuses
    ``excellent`` when the value reaches the excellent bar (also under the source document's
    market context rule), ``meets`` when it reaches the meets bar, ``below`` otherwise, and
    ``no_data`` when no value was given. ``leaders_developed`` is judged per team member: its
    bars are per ``per_members`` members and scale with ``team_size``.

Points and scores (documented because a supervisor's rating depends on them)
    An indicator earns 100 points when excellent, 70 when it meets the bar, and up to 40 when
    below, in proportion to how close it comes to the meets bar (value / bar when higher is
    better, bar / value when lower is better). A dimension's score is the mean of its indicators'
    points; an overall score is the mean of the dimension scores weighted by the dimension
    weights in the playbook. Indicators without data are left out, not counted as zero; a
    dimension without any data is left out of the overall score. Points never fall as a value
    gets better, so no score can fall when one indicator improves.

Rating
    ``excellent`` at 85 or more, ``meets`` at 65 or more, ``below`` under 65: an organisation
    that meets every bar rates ``meets``; one that is excellent on half of them rates
    ``excellent``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from salesplaybook.content.model import Indicator, Playbook, Text, Threshold
from salesplaybook.core.languages import LANGS
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.views.formatting import threshold_text

Status = Literal["excellent", "meets", "below", "no_data"]

POINTS_EXCELLENT = 100.0
POINTS_MEETS = 70.0
POINTS_BELOW_MAX = 40.0
RATING_EXCELLENT = 85.0
RATING_MEETS = 65.0


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


@dataclass(frozen=True)
class DimensionResult:
    id: str
    weight: float
    score: float | None
    indicators_with_data: int
    indicators: int


@dataclass(frozen=True)
class RecommendedItem:
    kind: str
    id: str
    title: Text
    page: str
    anchor: str


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

    def indicator(self, indicator_id: str) -> IndicatorResult:
        return next(i for i in self.indicators if i.id == indicator_id)


def _reaches(value: float, t: Threshold, bar: float) -> bool:
    return {
        ">=": value >= bar,
        ">": value > bar,
        "<=": value <= bar,
        "<": value < bar,
    }[t.op]


def bars(indicator: Indicator, team_size: int | None) -> tuple[float, float]:
    """The meets and excellent bars, scaled to the team for per-member indicators."""
    scale = 1.0
    if indicator.per_members and team_size:
        scale = team_size / indicator.per_members
    return indicator.meets.value * scale, indicator.excellent.value * scale


def judge(
    indicator: Indicator,
    value: float | None,
    team_size: int | None = None,
    market_trend: str | None = None,
    competitor_attainment: float | None = None,
) -> tuple[Status, bool]:
    """The status of one value, and whether the market context rule decided it."""
    if value is None:
        return "no_data", False
    meets_bar, excellent_bar = bars(indicator, team_size)
    if _reaches(value, indicator.excellent, excellent_bar):
        return "excellent", False
    rule = indicator.context_rule
    if (
        rule is not None
        and market_trend == rule.market_trend
        and competitor_attainment is not None
        and value >= rule.min_value
        and value > competitor_attainment
    ):
        return rule.status, True
    if _reaches(value, indicator.meets, meets_bar):
        return "meets", False
    return "below", False


def points(indicator: Indicator, value: float, status: Status, team_size: int | None) -> float:
    if status == "excellent":
        return POINTS_EXCELLENT
    if status == "meets":
        return POINTS_MEETS
    meets_bar, _ = bars(indicator, team_size)
    if indicator.better == "higher":
        closeness = value / meets_bar if meets_bar > 0 else 0.0
    else:
        closeness = meets_bar / value if value > 0 and meets_bar > 0 else 0.0
    return POINTS_BELOW_MAX * min(max(closeness, 0.0), 1.0)


def _rating(score: float | None) -> Status:
    if score is None:
        return "no_data"
    if score >= RATING_EXCELLENT:
        return "excellent"
    return "meets" if score >= RATING_MEETS else "below"


def assess(playbook: Playbook, inputs: MetricsInput, recommend_items: int = 5) -> Scorecard:
    results = []
    for ind in playbook.indicators:
        value = inputs.values.get(ind.id)
        status, by_context = judge(
            ind, value, inputs.team_size, inputs.market_trend, inputs.competitor_attainment
        )
        meets_bar, excellent_bar = bars(ind, inputs.team_size)
        pts = None if value is None else points(ind, value, status, inputs.team_size)
        results.append(
            IndicatorResult(
                ind.id,
                ind.dimension,
                value,
                status,
                meets_bar,
                excellent_bar,
                pts,
                by_context,
                inputs.sources.get(ind.id),
            )
        )
    dimensions = []
    for dim in playbook.dimensions:
        mine = [r for r in results if r.dimension == dim.id]
        scored = [r.points for r in mine if r.points is not None]
        score = sum(scored) / len(scored) if scored else None
        dimensions.append(DimensionResult(dim.id, dim.weight, score, len(scored), len(mine)))
    weighted = [(d.weight, d.score) for d in dimensions if d.score is not None]
    total_weight = sum(w for w, _ in weighted)
    overall = sum(w * s for w, s in weighted) / total_weight if weighted else None
    from salesplaybook.kpi.recommend import recommend

    return Scorecard(
        period=inputs.period,
        team=inputs.team,
        indicators=results,
        dimensions=dimensions,
        overall_score=overall,
        rating=_rating(overall),
        recommendations=recommend(playbook, results, recommend_items),
    )


def _round(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(x, digits)


def scorecard_json(card: Scorecard, playbook: Playbook) -> dict[str, Any]:
    """The contract's JSON shape, with the labels a person reads beside the numbers."""
    names = {i.id: i for i in playbook.indicators}
    indicators = []
    for r in card.indicators:
        ind = names[r.id]
        indicators.append(
            {
                "id": r.id,
                "dimension": r.dimension,
                "name": ind.name.model_dump(),
                "value": r.value,
                "status": r.status,
                "meets": _round(r.meets),
                "excellent": _round(r.excellent),
                "better": ind.better,
                "points": _round(r.points, 1),
                "context_rule_applied": r.context_rule_applied,
                "source": r.source,
                "label": {
                    lang: {
                        "meets": threshold_text(ind, ind.meets, lang),
                        "excellent": threshold_text(ind, ind.excellent, lang),
                    }
                    for lang in LANGS
                },
            }
        )
    dims = {d.id: d for d in playbook.dimensions}
    return {
        "period": card.period,
        "team": card.team,
        "indicators": indicators,
        "dimensions": [
            {
                "id": d.id,
                "name": dims[d.id].name.model_dump(),
                "weight": d.weight,
                "score": _round(d.score, 1),
                "indicators_with_data": d.indicators_with_data,
                "indicators": d.indicators,
            }
            for d in card.dimensions
        ],
        "overall": {
            "score": _round(card.overall_score, 1),
            "rating": card.rating,
            "indicators_with_data": sum(1 for r in card.indicators if r.value is not None),
            "indicators": len(card.indicators),
        },
        "recommendations": [
            {
                "indicator": rec.indicator,
                "status": rec.status,
                "items": [
                    {
                        "kind": it.kind,
                        "id": it.id,
                        "title": it.title.model_dump(),
                        "page": it.page,
                        "anchor": it.anchor,
                    }
                    for it in rec.items
                ],
            }
            for rec in card.recommendations
        ],
    }
