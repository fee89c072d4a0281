"""The handouts' pages from the playbook's additions: each track's pack carries what the track
names (ramp plan, qualification, battlecards, rubrics, templates), in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from salesplaybook.content.model import Playbook, Track
from salesplaybook.core.languages import Lang
from salesplaybook.course import build_course
from salesplaybook.course.materials import materials


def handouts(playbook: Playbook, track: Track, lang: Lang, out: Path) -> BeautifulSoup:
    pack = build_course(playbook, track.id, out, lang=lang)
    return BeautifulSoup((pack.out / "handouts.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_pack_hands_out_what_its_track_names(playbook, tmp_path, lang):
    for track in playbook.tracks:
        page = handouts(playbook, track, lang, tmp_path / f"{track.id}-{lang}")
        mats = materials(playbook, track)
        assert [r["data-rubric"] for r in page.select("[data-rubric]")] == track.rubrics
        assert {t["data-template"] for t in page.select("[data-template]")} == set(track.templates)
        cards = {b["data-battlecard"] for b in page.select("[data-battlecard]")}
        assert cards == {b.id for b in mats.battlecards}
        assert len(page.select("[data-ramp]")) == (
            len(playbook.ramp_plan) if track.ramp_plan else 0
        )
        criteria = page.select("[data-qualification]")
        assert len(criteria) == (len(playbook.qualification) if track.qualification else 0)
        for rubric in mats.rubrics:
            sheet = page.select_one(f'[data-rubric="{rubric.id}"]')
            assert sheet is not None
            # one row per criterion, one column per level plus the criterion and the score
            assert len(sheet.select("tbody tr")) == len(rubric.criteria)
            assert len(sheet.select("thead th")) == rubric.max_score + 2
            assert rubric.criteria[0].levels[0].evidence.get(lang) in sheet.get_text()


def test_every_track_uses_some_of_the_additions(playbook):
    # the newcomer works to the ramp plan; the others qualify deals and use the rubrics
    by_stage = {t.stage: t for t in playbook.tracks}
    assert by_stage["newcomer"].ramp_plan
    for stage in ("growing", "senior"):
        assert by_stage[stage].qualification
        assert by_stage[stage].rubrics
    assert all(t.templates for t in playbook.tracks)
