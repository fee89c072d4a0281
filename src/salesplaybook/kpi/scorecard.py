"""The scorecard: each indicator against the playbook's bars (:mod:`.judge`), dimension and
overall scores, and what to work on (:mod:`.recommend`).

Scores (documented because a supervisor's rating depends on them)
    A dimension's score is the mean of its indicators' points; an overall score is the mean of
    the dimension scores weighted by the dimension weights in the playbook. Indicators without
    data are left out, not counted as zero; a dimension without any data is left out of the
    overall score. Points never fall as a value gets better, so no score can fall when one
    indicator improves. How a value earns its points and how a score is rated:
    :mod:`salesplaybook.kpi.judge`.
"""

from __future__ import annotations

from salesplaybook.content.model import Playbook
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.judge import (
    POINTS_BELOW_MAX,
    POINTS_EXCELLENT,
    POINTS_MEETS,
    RATING_EXCELLENT,
    RATING_MEETS,
    bars,
    judge,
    points,
    rating,
)
from salesplaybook.kpi.recommend import recommend
from salesplaybook.kpi.results import (
    DimensionResult,
    IndicatorResult,
    Recommendation,
    RecommendedItem,
    Scorecard,
    Status,
)

# What a scorecard is made of and how a value is judged, importable from here too.
__all__ = [
    "POINTS_BELOW_MAX",
    "POINTS_EXCELLENT",
    "POINTS_MEETS",
    "RATING_EXCELLENT",
    "RATING_MEETS",
    "DimensionResult",
    "IndicatorResult",
    "Recommendation",
    "RecommendedItem",
    "Scorecard",
    "Status",
    "assess",
    "bars",
    "judge",
    "points",
]


def assess(playbook: Playbook, inputs: MetricsInput, recommend_items: int = 5) -> Scorecard:
    """The scorecard of ``inputs``, with up to ``recommend_items`` pieces of content to work on
    per indicator below its bar."""
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
                inputs.reasons.get(ind.id) if value is None else None,
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
    return Scorecard(
        period=inputs.period,
        team=inputs.team,
        indicators=results,
        dimensions=dimensions,
        overall_score=overall,
        rating=rating(overall),
        recommendations=recommend(playbook, results, recommend_items),
        warnings=inputs.warnings,
        data_quality=inputs.data_quality,
    )
