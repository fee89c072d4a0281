"""Moodle XML export: well-formed, the elements Moodle's importer needs, grades it accepts."""

from __future__ import annotations

import pytest
from lxml import etree

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.course import moodle
from tests.lms_cases import CASES, NASTY, nasty_track, quiz_count, track_of

#: Moodle's grade fractions (question_bank::fraction_options_full), in percent.
MOODLE_GRADES = {
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
    "0",
}


def grade_ok(fraction: str) -> bool:
    return fraction.lstrip("-") in MOODLE_GRADES


def parse(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    assert root.tag == "quiz"
    return root


def check_question(q: etree._Element) -> None:
    qtype = q.get("type")
    assert q.findtext("name/text")
    assert q.findtext("questiontext/text")
    assert q.findtext("generalfeedback/text")
    answers = q.findall("answer")
    fractions = [a.get("fraction", "") for a in answers]
    assert all(grade_ok(f) for f in fractions), fractions
    if qtype == "truefalse":
        assert [a.findtext("text") for a in answers] == ["true", "false"]
        assert sorted(fractions) == ["0", "100"]
    elif qtype == "multichoice":
        assert len(answers) >= 2
        positive = sum(float(f) for f in fractions if float(f) > 0)
        assert positive == pytest.approx(100, abs=0.01)
        if q.findtext("single") == "true":
            assert fractions.count("100") == 1
    else:
        assert qtype == "essay"
        assert not answers
        assert q.findtext("graderinfo/text")


@pytest.mark.parametrize(("track_id", "lang"), CASES)
def test_every_track_exports(playbook: Playbook, track_id: str, lang: Lang) -> None:
    track = track_of(playbook, track_id)
    root = parse(moodle.build(track, lang))
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert len(questions) == quiz_count(track)
    ids = [q.findtext("idnumber") for q in questions]
    assert len(set(ids)) == len(ids)
    assert set(ids) == {item.id for m in track.modules for item in m.quiz}
    for q in questions:
        check_question(q)
    first = root.find("question")
    assert first is not None
    assert first.get("type") == "category"
    assert (first.findtext("category/text") or "").startswith("$course$/top/")


def test_nasty_texts_come_back_whole(playbook: Playbook) -> None:
    root = parse(moodle.build(nasty_track(playbook), "en"))
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert [q.get("type") for q in questions] == [
        "multichoice",
        "multichoice",
        "truefalse",
        "essay",
    ]
    for q in questions:
        check_question(q)
        assert q.findtext("questiontext/text") == NASTY
    single, multi, tf, _ = questions
    assert single.findtext("single") == "true"
    assert multi.findtext("single") == "false"
    assert [a.get("fraction") for a in multi.findall("answer")] == ["50", "50", "-100"]
    assert [a.get("fraction") for a in tf.findall("answer")] == ["0", "100"]


def test_fraction() -> None:
    assert moodle.fraction(1 / 3) == "33.33333"
    assert moodle.fraction(-1 / 7) == "-14.28571"
    assert moodle.fraction(1.0) == "100"
