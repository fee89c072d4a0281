"""GIFT export: every control character escaped, one well-formed question per item."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.course import gift
from tests.lms_cases import CASES, NASTY, nasty_track, quiz_count, track_of

#: An escaped character stands for itself; what is left are the format's own marks.
ESCAPED = re.compile(r"\\.", re.DOTALL)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def questions(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return [b for b in blocks if not b.startswith(("//", "$CATEGORY:"))]


@given(st.text())
def test_escape_leaves_no_bare_control_character(text: str) -> None:
    escaped = gift.escape(text)
    bare = ESCAPED.sub("", escaped)
    assert not set(bare) & set("~=#{}:\\\n")
    assert unescape(escaped) == text.replace("\r\n", "\n")


def test_nasty_texts_keep_the_structure(playbook: Playbook) -> None:
    blocks = questions(gift.build(nasty_track(playbook), "en"))
    assert len(blocks) == 4
    for block in blocks:
        marks = ESCAPED.sub("", block)
        assert marks.startswith("::")
        assert marks.count("::") == 2
        assert marks.count("{") == 1
        assert marks.count("}") == 1
        assert marks.count("####") == 1  # the explanation, once
    single, multi, tf, short = (ESCAPED.sub("", b) for b in blocks)
    _head, answers = single.split("{")
    assert answers.count("=") == 1
    assert answers.count("~") == 1
    assert multi.split("{")[1].count("~%50%") == 2
    assert multi.split("{")[1].count("~%-100%") == 1
    assert "{FALSE####" in tf
    assert re.search(r"\{####[^}]*\}$", short)
    # The text comes back whole from the escaped question.
    assert NASTY in unescape(blocks[0].split("::")[2])


@pytest.mark.parametrize(("track_id", "lang"), CASES)
def test_every_track_exports(playbook: Playbook, track_id: str, lang: Lang) -> None:
    track = track_of(playbook, track_id)
    data = gift.build(track, lang)
    assert not data.startswith(b"\xef\xbb\xbf")
    blocks = questions(data)
    assert len(blocks) == quiz_count(track)
    names = [ESCAPED.sub("", b).split("::")[1] for b in blocks]
    ids = [unescape(b.split("::")[1]).split(" ")[1] for b in blocks]
    assert len(set(names)) == len(names)
    assert ids == [q.id for m in track.modules for q in m.quiz] or sorted(ids) == sorted(
        q.id for m in track.modules for q in m.quiz
    )
    for block in blocks:
        marks = ESCAPED.sub("", block)
        assert marks.count("{") == marks.count("}") == 1
    categories = [b for b in data.decode().split("\n\n") if b.startswith("$CATEGORY:")]
    assert categories
    assert all(c.startswith("$CATEGORY: $course$/top/") for c in categories)


def test_weights_are_moodle_grades() -> None:
    assert gift.weight(1 / 3) == "%33.33333%"
    assert gift.weight(-0.5) == "%-50%"
    assert gift.weight(1.0) == "%100%"
