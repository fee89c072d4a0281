"""The course pack's own order of quiz options (course.shuffle): stable, balanced, faithful."""

from __future__ import annotations

from collections import Counter

import pytest

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import LANGS, Lang
from salesplaybook.course.quiz import build_answer_key
from salesplaybook.course.shuffle import arrange_quiz

#: No answer position may hold more than this share of a pack's single-choice answers.
MAX_POSITION_SHARE = 0.40


@pytest.mark.parametrize("lang", LANGS)
def test_no_answer_position_over_its_share_in_any_pack(playbook: Playbook, lang: Lang) -> None:
    for track in playbook.tracks:
        arranged = arrange_quiz(track, lang)
        places = Counter(q.answer[0] for q in arranged.values() if q.kind == "single_choice")
        total = sum(places.values())
        assert total, track.id
        assert max(places.values()) / total <= MAX_POSITION_SHARE, (track.id, lang, places)


def test_the_order_is_stable_and_differs_by_language(playbook: Playbook) -> None:
    track = playbook.tracks[0]
    first = arrange_quiz(track, "en")
    assert first == arrange_quiz(track, "en")
    zh = arrange_quiz(track, "zh")
    assert [q.answer for q in first.values()] != [q.answer for q in zh.values()]


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_answer_stays_right(playbook: Playbook, lang: Lang) -> None:
    for track in playbook.tracks:
        arranged = arrange_quiz(track, lang)
        for module in track.modules:
            for item in module.quiz:
                shown = arranged[item.id]
                if not item.options:  # true/false and short answers are shown as written
                    assert shown == item
                    continue
                right = {item.options[i].en for i in item.answer}
                assert {shown.options[i].en for i in shown.answer} == right
                assert sorted(o.en for o in shown.options) == sorted(o.en for o in item.options)


def test_the_answer_key_shows_the_arranged_letters(playbook: Playbook) -> None:
    track = playbook.tracks[0]
    arranged = arrange_quiz(track, "en")
    item = next(q for q in arranged.values() if q.kind == "single_choice")
    letter = chr(ord("A") + item.answer[0])
    html = build_answer_key(track, "en").decode("utf-8")
    assert f"{letter}. {item.options[item.answer[0]].en}" in html
