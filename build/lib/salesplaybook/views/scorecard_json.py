"""The scorecard as the command line's ``--json`` prints it: the contract's shape, with the
labels a person reads beside the numbers and the book page of every recommended item."""

from __future__ import annotations

from typing import Any

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import LANGS
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.book_pages import page_of
from salesplaybook.views.formatting import threshold_text


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
                "reason": r.reason,
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
                "items": [_item(it.kind, it.id, it.title.model_dump()) for it in rec.items],
            }
            for rec in card.recommendations
        ],
        "warnings": list(card.warnings),
        "data_quality": card.data_quality.as_dict() if card.data_quality else None,
    }


def _item(kind: str, item_id: str, title: dict[str, str]) -> dict[str, Any]:
    page, anchor = page_of(kind, item_id)
    return {"kind": kind, "id": item_id, "title": title, "page": page, "anchor": anchor}
