"""Where the book shows each kind of playbook content, so that a recommendation (a kind and an
id, :class:`salesplaybook.kpi.results.RecommendedItem`) can link to it.

tests/test_site.py checks every item's anchor on these pages, so this cannot drift from the
book's pages.
"""

from __future__ import annotations

import functools
from typing import Final

from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.bundle import shipped
from salesplaybook.core.languages import Lang

#: The page of each kind of content (its path from the book's root, without ``.html``) and the
#: anchor prefix of its items.
PAGES: Final[dict[str, tuple[str, str]]] = {
    "module": ("book/playbook/training", "module"),
    "routine_area": ("book/playbook/supervisor-role", "area"),
    "protocol": ("", "protocol"),  # protocols stand on the page of their subject: see below
    "objection": ("book/playbook/objections", "objection"),
    "key_question": ("book/playbook/key-questions", "key-question"),
    "process_stage": ("book/playbook/sales-process", "stage"),
    "customer_tier": ("book/playbook/customer-tiers", "tier"),
    "target_example": ("book/playbook/targets", "target-example"),
    "stage_gate": ("book/playbook/qualification", "gate"),
    "qualification": ("book/playbook/qualification", "qualification"),
    "pipeline": ("book/playbook/pipeline", "pipeline"),
    "forecast_category": ("book/playbook/pipeline", "forecast"),
    "rubric": ("book/playbook/coaching-rubrics", "rubric"),
    "battlecard": ("book/playbook/battlecards", "battlecard"),
    "working_template": ("book/playbook/templates", "working-template"),
    "ramp_phase": ("book/playbook/ramp-plan", "ramp"),
    "win_loss": ("book/playbook/win-loss", "win-loss"),
    "loss_reason": ("book/playbook/win-loss", "loss-reason"),
    "renewal_step": ("book/playbook/renewals", "renewal"),
    "discount_authority": ("book/playbook/renewals", "discount"),
    "prospecting": ("book/playbook/prospecting", "prospecting"),
}
#: Protocols shown on the page of their subject; any other is on the supervisor's page.
PROTOCOL_PAGES: Final = {
    "complaint_response_24h": "book/playbook/customer-tiers",
    "risk_review": "book/playbook/targets",
}
_OTHER_PROTOCOLS: Final = "book/playbook/supervisor-role"


def page_of(kind: str, item_id: str) -> tuple[str, str]:
    """The page (from the book's root, without ``.html``) and the anchor of an item."""
    page, prefix = PAGES[kind]
    if kind == "protocol":
        page = PROTOCOL_PAGES.get(item_id, _OTHER_PROTOCOLS)
    return page, anchor_id(prefix, item_id)


def item_href(kind: str, item_id: str, book_root: str = "") -> str:
    """The link to an item from a page ``book_root`` away from the book's root (``../`` from a
    notebook)."""
    page, anchor = page_of(kind, item_id)
    return f"{book_root}{page}.html#{anchor}"


@functools.cache
def published_book() -> str:
    """The published book's address, ending in ``/``: ``html_baseurl`` in ``_config.yml``, the one
    place it is written (shipped with the package, so an installed product knows it too)."""
    import yaml

    config = shipped("_config.yml")
    assert config is not None, "_config.yml ships with the package"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    url = str(settings["sphinx"]["config"]["html_baseurl"])
    return url if url.endswith("/") else url + "/"


def published_href(kind: str, item_id: str, lang: Lang = "en") -> str:
    """The address of an item in the published book's edition of ``lang`` (the Chinese edition
    stands under ``zh/``)."""
    return item_href(kind, item_id, published_book() + ("zh/" if lang == "zh" else ""))
