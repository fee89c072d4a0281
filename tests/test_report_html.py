"""The printable HTML report: self-contained, escaped, every indicator, the data-quality notes."""

from __future__ import annotations

import re

import pytest

from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.scorecard import assess
from salesplaybook.views.book_pages import published_book
from salesplaybook.views.labels import label
from salesplaybook.views.report_html import report_html, write_report_html
from tests.reportcards import HOSTILE, WARNING, card_with_quality


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_indicator_dimension_and_the_quality_notes(playbook, lang):
    card = card_with_quality(playbook)
    page = report_html(card, playbook, lang)
    for ind in playbook.indicators:
        assert ind.name.get(lang) in page
    for dim in playbook.dimensions:
        assert dim.name.get(lang) in page
    assert WARNING in page
    assert "no complaints table" in page
    assert label("report_data_quality", lang) in page
    assert ">120<" in page
    assert ">117<" in page
    assert "no_close_date: 3" in page
    assert page.count("<svg") == len(card.indicators)
    assert f'lang="{"zh-CN" if lang == "zh" else "en"}"' in page
    assert "2026-Q3" in page


def test_content_and_data_are_escaped(playbook):
    page = report_html(card_with_quality(playbook), playbook, "en")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_nothing_is_fetched_from_anywhere(playbook):
    page = report_html(card_with_quality(playbook), playbook, "en")
    # No script, stylesheet, image, font or frame: the only addresses are links to the book.
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert "url(" not in page
    assert "@import" not in page
    assert not re.search(r"\bsrc=", page)
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs
    assert all(h.startswith(published_book()) for h in hrefs)
    assert "@page { size: A4" in page


def test_recommendations_link_to_the_published_book_in_the_reader_language(playbook):
    card = card_with_quality(playbook)
    zh = report_html(card, playbook, "zh")
    assert f'href="{published_book()}zh/book/playbook/' in zh
    en = report_html(card, playbook, "en")
    assert f'href="{published_book()}book/playbook/' in en


def test_a_scorecard_from_values_has_no_quality_table(playbook):
    card = assess(playbook, MetricsInput(values={}))
    page = report_html(card, playbook, "en")
    assert label("report_no_quality", "en") in page
    assert label("data_no_warnings", "en") in page


def test_written_atomically(playbook, tmp_path):
    path = write_report_html(tmp_path / "r.html", card_with_quality(playbook), playbook)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]
    assert HOSTILE not in path.read_text(encoding="utf-8")
