"""Slide layouts found by what they are, in the default template and in a company's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.course import build_course
from salesplaybook.course.layouts import find_layouts, open_template
from salesplaybook.course.slides import expected_slides
from tests.brand_template import EXPECTED, MARK, NAMES, make_template


def names(path: Path | None) -> dict[str, str | None]:
    deck = open_template(path.read_bytes() if path else None)
    found = find_layouts(deck)
    return {
        "title": found.title.name,
        "section": found.section.name,
        "content": found.content.name,
        "two": found.two.name if found.two else None,
    }


def test_the_default_template() -> None:
    assert names(None) == {
        "title": "Title Slide",
        "section": "Section Header",
        "content": "Title and Content",
        "two": "Two Content",
    }


@pytest.mark.parametrize("typed", [False, True])
def test_a_company_template(tmp_path: Path, typed: bool) -> None:
    assert names(make_template(tmp_path / "brand.pptx", typed=typed)) == EXPECTED


def test_the_template_sample_slides_are_dropped(tmp_path: Path) -> None:
    path = make_template(tmp_path / "brand.pptx")
    assert len(Presentation(str(path)).slides) == 1
    assert len(open_template(path.read_bytes()).slides) == 0


def test_a_template_without_a_content_layout_is_refused(tmp_path: Path) -> None:
    deck = Presentation()
    for layout in deck.slide_layouts:
        layout._element.attrib.pop("type", None)
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT):
                ph.element.getparent().remove(ph.element)
    path = tmp_path / "bare.pptx"
    deck.save(str(path))
    with pytest.raises(SalesplaybookError, match="no layout with a title and a content box"):
        find_layouts(open_template(path.read_bytes()))


def test_not_a_presentation_is_refused(playbook: Playbook, tmp_path: Path) -> None:
    bad = tmp_path / "brand.pptx"
    bad.write_text("not a deck")
    with pytest.raises(SalesplaybookError, match=r"brand\.pptx: not a PowerPoint presentation"):
        build_course(playbook, "newcomer", tmp_path / "pack", template=bad)
    assert not (tmp_path / "pack").exists()
    with pytest.raises(SalesplaybookError, match="cannot read the slide template"):
        build_course(playbook, "newcomer", tmp_path / "pack", template=tmp_path / "missing.pptx")


def test_a_pack_on_a_company_template_uses_its_layouts(playbook: Playbook, tmp_path: Path) -> None:
    template = make_template(tmp_path / "brand.pptx")
    pack = build_course(playbook, "newcomer", tmp_path / "pack", template=template)
    deck = Presentation(str(pack.out / "slides.pptx"))
    track = next(t for t in playbook.tracks if t.id == "newcomer")
    assert len(deck.slides) == expected_slides(track)
    assert deck.slide_width == Presentation(str(template)).slide_width
    assert [m.name for m in deck.slide_masters] == [MARK]
    used = [s.slide_layout.name for s in deck.slides]
    assert set(used) <= set(NAMES.values())
    assert used[0] == EXPECTED["title"]
    assert used[2] == EXPECTED["section"]
    assert used[1] == EXPECTED["content"]
    role_plays = [
        s
        for s in deck.slides
        if s.shapes.title is not None and s.shapes.title.text.startswith("Role-play")
    ]
    assert role_plays
    assert {s.slide_layout.name for s in role_plays} == {EXPECTED["two"]}
    # The company's design is left alone: no band, no background of ours.
    assert not [sh for s in deck.slides for sh in s.shapes if sh.name == "Band"]
