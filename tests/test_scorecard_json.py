"""The scorecard as ``assess --json`` prints it: the contract's shape, the labels beside the
numbers, and every recommended item with its page and anchor in the book."""

from __future__ import annotations

from salesplaybook.core.languages import LANGS
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.scorecard import assess
from salesplaybook.views.book_pages import page_of
from salesplaybook.views.formatting import threshold_text
from salesplaybook.views.scorecard_json import scorecard_json


def test_json_shape(playbook):
    card = assess(playbook, MetricsInput(values={"csat_score": 4.0}, period="2026-Q3"))
    doc = scorecard_json(card, playbook)
    assert set(doc) >= {"period", "indicators", "dimensions", "overall", "recommendations"}
    first = doc["indicators"][0]
    assert {"id", "dimension", "value", "status", "meets", "excellent"} <= set(first)
    assert {"id", "score"} <= set(doc["dimensions"][0])
    assert {"score", "rating"} <= set(doc["overall"])
    csat = next(i for i in doc["indicators"] if i["id"] == "csat_score")
    assert csat["status"] in ("below", "meets", "excellent")


def test_labels_are_the_bars_as_each_edition_writes_them(playbook):
    card = assess(playbook, MetricsInput(values={}))
    doc = scorecard_json(card, playbook)
    for shown, ind in zip(doc["indicators"], playbook.indicators, strict=True):
        assert set(shown["label"]) == set(LANGS)
        for lang in LANGS:
            assert shown["label"][lang]["meets"] == threshold_text(ind, ind.meets, lang)
            assert shown["label"][lang]["excellent"] == threshold_text(ind, ind.excellent, lang)


def test_recommended_items_carry_their_place_in_the_book(playbook):
    values = {i.id: 0.0 for i in playbook.indicators if i.better == "higher"}
    card = assess(playbook, MetricsInput(values=values, team_size=10))
    doc = scorecard_json(card, playbook)
    items = [item for rec in doc["recommendations"] for item in rec["items"]]
    assert items
    for item in items:
        assert list(item) == ["kind", "id", "title", "page", "anchor"]
        assert (item["page"], item["anchor"]) == page_of(item["kind"], item["id"])
        assert set(item["title"]) == set(LANGS)
