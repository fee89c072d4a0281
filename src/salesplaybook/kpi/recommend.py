"""What to work on: for each indicator below its bar, the playbook content that moves it.

The links come from the content itself (every piece declares the indicators it moves in its
``kpis``). Most useful first: the indicators furthest below their bar lead; for each, training
modules come first (they build the skill), then the supervisor's routines and protocols (they
change how the team works), then the handbook items (objections, key questions) and the process
and tier guides; within a kind, a piece that also moves other weak indicators comes before one
that moves only this one, and a focused piece (few indicators) before a broad one.

An item is its kind and id; where the book shows it is :mod:`salesplaybook.views.book_pages`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from salesplaybook.content.model import Playbook, Text
from salesplaybook.kpi.results import IndicatorResult, Recommendation, RecommendedItem

#: Every kind of content that can be recommended, most useful first (module docstring).
KIND_ORDER: Final = (
    "module",
    "routine_area",
    "protocol",
    "objection",
    "key_question",
    "process_stage",
    "customer_tier",
    "target_example",
    # the playbook's additions (issue 15), after the source's content so that what the source
    # recommends keeps its place
    "stage_gate",
    "qualification",
    "pipeline",
    "forecast_category",
    "rubric",
    "battlecard",
    "working_template",
    "ramp_phase",
    "win_loss",
    "loss_reason",
    "renewal_step",
    "discount_authority",
    "prospecting",
)


def candidates(playbook: Playbook) -> Iterator[tuple[str, str, Text, list[str]]]:
    """Every piece of content that can be recommended: its kind, id, title and the indicators
    it moves."""
    for track in playbook.tracks:
        for module in track.modules:
            yield "module", module.id, module.title, module.kpis
    for area in playbook.responsibilities:
        yield "routine_area", area.id, area.name, area.kpis
    for protocol in playbook.protocols:
        yield "protocol", protocol.id, protocol.name, protocol.kpis
    for obj in playbook.objections:
        yield "objection", obj.id, obj.title, obj.kpis
    for q in playbook.key_questions:
        yield "key_question", q.id, q.question, q.kpis
    for stage in playbook.process_stages:
        yield "process_stage", stage.id, stage.name, stage.kpis
    for tier in playbook.customer_tiers:
        yield "customer_tier", tier.id, tier.name, tier.kpis
    for example in playbook.target_examples:
        yield "target_example", example.id, example.title, example.kpis
    yield from _additions(playbook)


#: The additions' kinds: (kind, playbook section, the field that is the item's title).
_ADDED: Final = (
    ("stage_gate", "stage_gates", "name"),
    ("qualification", "qualification", "name"),
    ("pipeline", "pipeline", "name"),
    ("forecast_category", "forecast_categories", "name"),
    ("rubric", "rubrics", "name"),
    ("battlecard", "battlecards", "competitor"),
    ("working_template", "templates", "name"),
    ("ramp_phase", "ramp_plan", "name"),
    ("win_loss", "win_loss", "name"),
    ("loss_reason", "loss_reasons", "name"),
    ("renewal_step", "renewal", "name"),
    ("discount_authority", "discount_authority", "name"),
    ("prospecting", "prospecting", "name"),
)


def _additions(playbook: Playbook) -> Iterator[tuple[str, str, Text, list[str]]]:
    for kind, section, title in _ADDED:
        for item in getattr(playbook, section):
            yield kind, item.id, getattr(item, title), item.kpis


def recommend(
    playbook: Playbook, results: Sequence[IndicatorResult], per_indicator: int = 5
) -> list[Recommendation]:
    """For each indicator below its bar, furthest below first, up to ``per_indicator`` pieces of
    content that move it (module docstring)."""
    below = sorted(
        (r for r in results if r.status == "below"), key=lambda r: (r.points or 0.0, r.id)
    )
    weak = {r.id for r in below}
    pieces = list(candidates(playbook))
    out = []
    for result in below:
        matching = [c for c in pieces if result.id in c[3]]
        matching.sort(
            key=lambda c: (
                KIND_ORDER.index(c[0]),
                -len(weak.intersection(c[3])),
                len(c[3]),
                c[1],
            )
        )
        items = [
            RecommendedItem(kind, item_id, title)
            for kind, item_id, title, _ in matching[:per_indicator]
        ]
        out.append(Recommendation(result.id, result.status, items))
    return out
