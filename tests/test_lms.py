"""The LMS export's shared part: numbering, categories, the format and language refused."""

from __future__ import annotations

import pytest

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.course.export import export_quiz
from salesplaybook.course.lms import FORMATS, category_path, lms_items
from tests.lms_cases import track_of


def test_items_are_numbered_as_on_the_printed_quiz(playbook: Playbook) -> None:
    track = track_of(playbook, "newcomer")
    items = lms_items(track, "en")
    assert items[0].number == "1.1"
    with_quiz = [m for m in track.modules if m.quiz]
    assert items[len(with_quiz[0].quiz)].number.endswith(".1")
    short = [i for i in items if i.item.kind == "short_answer"]
    assert short
    assert all(i.key and not i.options for i in short)


def test_category_path_has_no_stray_slash(playbook: Playbook) -> None:
    track = track_of(playbook, "newcomer")
    assert category_path(track, "en", "a/b").count("/") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_quiz(playbook: Playbook, fmt: str) -> None:
    assert export_quiz(playbook, "growing", fmt, "zh")


def test_refusals(playbook: Playbook) -> None:
    with pytest.raises(SalesplaybookError, match="unknown quiz format"):
        export_quiz(playbook, "newcomer", "scorm")
    with pytest.raises(SalesplaybookError, match="track"):
        export_quiz(playbook, "nosuch", "gift")
