from __future__ import annotations

from docutils import nodes

from salesplaybook.core.anchors import anchor_id


def test_an_item_id_becomes_a_hyphenated_anchor():
    assert anchor_id("objection", "price_too_high") == "objection-price-too-high"
    assert anchor_id("key-question", "budget") == "key-question-budget"


def test_sphinx_keeps_the_anchor_as_it_is():
    """Sphinx normalises ids with make_id; an anchor must come out unchanged, or links break."""
    for kind, item_id in [("kpi", "sales_attainment"), ("module-section", "m1_intro2")]:
        anchor = anchor_id(kind, item_id)
        assert nodes.make_id(anchor) == anchor
