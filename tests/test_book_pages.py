"""Where the book shows each kind of recommended content (the anchors themselves are checked on
the built site by tests/test_site.py)."""

from __future__ import annotations

import pytest

from salesplaybook.kpi.recommend import KIND_ORDER, candidates
from salesplaybook.views.book_pages import PAGES, PROTOCOL_PAGES, item_href, page_of


def test_every_kind_that_can_be_recommended_has_a_page():
    assert set(KIND_ORDER) == set(PAGES)


def test_every_candidate_has_a_page_and_an_anchor(playbook):
    seen = set()
    for kind, item_id, _, _ in candidates(playbook):
        page, anchor = page_of(kind, item_id)
        assert page.startswith("book/"), (kind, item_id)
        assert "_" not in anchor, (kind, item_id)
        assert item_id.replace("_", "-") in anchor
        seen.add(kind)
    assert seen == set(KIND_ORDER)


@pytest.mark.parametrize(("protocol", "page"), sorted(PROTOCOL_PAGES.items()))
def test_protocols_stand_on_the_page_of_their_subject(protocol, page):
    assert page_of("protocol", protocol)[0] == page


def test_other_protocols_are_on_the_supervisors_page():
    assert page_of("protocol", "no_such_protocol")[0] == PAGES["routine_area"][0]


def test_a_link_from_a_notebook():
    assert item_href("module", "growing_large_deal_strategy", "../") == (
        "../book/playbook/training.html#module-growing-large-deal-strategy"
    )
