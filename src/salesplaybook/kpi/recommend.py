"""What to work on: for each indicator below its bar, the playbook content that moves it.

The links come from the content itself (every piece declares the indicators it moves in its
``kpis``). Most useful first: the indicators furthest below their bar lead; for each, training
modules come first (they build the skill), then the supervisor's routines and protocols (they
change how the team works), then the handbook items (objections, key questions) and the process
and tier guides; within a kind, a piece that also moves other weak indicators comes before one
that moves only this one, and a focused piece (few indicators) before a broad one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from salesplaybook.content.model import Playbook, Text

if TYPE_CHECKING:
    from salesplaybook.kpi.scorecard import IndicatorResult, Recommendation, RecommendedItem

#: Where each kind of content is rendered in the book, and the anchor prefix of its items.
#: tests/test_site.py checks every item's anchor on these pages, so this cannot drift.
PAGES: dict[str, tuple[str, str]] = {
    "module": ("book/playbook/training", "module"),
    "routine_area": ("book/playbook/supervisor-role", "area"),
    "protocol": ("", "protocol"),  # protocols stand on the page of their subject: see below
    "objection": ("book/playbook/objections", "objection"),
    "key_question": ("book/playbook/key-questions", "key-question"),
    "process_stage": ("book/playbook/sales-process", "stage"),
    "customer_tier": ("book/playbook/customer-tiers", "tier"),
    "target_example": ("book/playbook/targets", "target-example"),
}
PROTOCOL_PAGES = {
    "complaint_response_24h": "book/playbook/customer-tiers",
    "risk_review": "book/playbook/targets",
}
KIND_ORDER = list(PAGES)


def _candidates(playbook: Playbook) -> Iterator[tuple[str, str, Text, list[str]]]:
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


def page_of(kind: str, item_id: str) -> tuple[str, str]:
    page, prefix = PAGES[kind]
    if kind == "protocol":
        page = PROTOCOL_PAGES.get(item_id, "book/playbook/supervisor-role")
    return page, f"{prefix}-{item_id.replace('_', '-')}"


def recommend(
    playbook: Playbook, results: Sequence[IndicatorResult], per_indicator: int = 5
) -> list[Recommendation]:
    from salesplaybook.kpi.scorecard import Recommendation, RecommendedItem

    below = sorted(
        (r for r in results if r.status == "below"), key=lambda r: (r.points or 0.0, r.id)
    )
    weak = {r.id for r in below}
    candidates = list(_candidates(playbook))
    out = []
    for result in below:
        matching = [c for c in candidates if result.id in c[3]]
        matching.sort(
            key=lambda c: (
                KIND_ORDER.index(c[0]),
                -len(weak.intersection(c[3])),
                len(c[3]),
                c[1],
            )
        )
        items: list[RecommendedItem] = []
        for kind, item_id, title, _ in matching[:per_indicator]:
            page, anchor = page_of(kind, item_id)
            items.append(RecommendedItem(kind, item_id, title, page, anchor))
        out.append(Recommendation(result.id, result.status, items))
    return out
