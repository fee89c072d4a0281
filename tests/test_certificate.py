"""Completion certificates: who gets one, the code, escaping, and the refusals."""

from __future__ import annotations

import base64
import hashlib
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from salesplaybook.content.model import Playbook, Track
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.course.certificate import (
    certificate_files,
    completions,
    file_name,
    verification_code,
    verify,
)


@pytest.fixture(scope="module")
def track(playbook: Playbook) -> Track:
    return next(t for t in playbook.tracks if t.id == "newcomer")


def text_of(page: BeautifulSoup, selector: str) -> str:
    found = page.select_one(selector)
    assert found is not None, selector
    return found.get_text()


def tracker(path: Path, track: Track, learners: dict[str, int]) -> Path:
    """A tracker where each learner has completed their first n modules (on days 1..n)."""
    rows = ["person_id,module_id,planned_on,completed_on,quiz_score,module_title"]
    for person, done in learners.items():
        for i, m in enumerate(track.modules):
            day = f"2026-10-{i + 1:02d}" if i < done else ""
            rows.append(f'"{person}",{m.id},2026-09-07,{day},,x')
    rows.append("p1,some_other_track_module,2026-09-07,2026-09-01,,x")
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def test_the_code_is_the_documented_hash() -> None:
    day = date(2026, 10, 7)
    text = "salesplaybook-certificate|p1|newcomer|2026-10-07"
    expected = base64.b32encode(hashlib.sha256(text.encode()).digest()).decode()[:10]
    assert verification_code("p1", "newcomer", day) == f"{expected[:5]}-{expected[5:]}"
    code = verification_code("p1", "newcomer", day)
    assert verify(code, "p1", "newcomer", day)
    assert verify(code.lower().replace("-", " "), "p1", "newcomer", day)
    assert not verify(code, "p2", "newcomer", day)
    assert not verify(code, "p1", "growing", day)
    assert not verify(code, "p1", "newcomer", date(2026, 10, 8))


def test_only_who_completed_every_module(track: Track, tmp_path: Path) -> None:
    n = len(track.modules)
    path = tracker(tmp_path / "t.csv", track, {"p2": n, "p1": n, "p3": n - 1})
    found = completions(track, path)
    assert [c.person_id for c in found] == ["p1", "p2"]
    assert found[0].completed_on == date(2026, 10, n)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_certificates_escape_and_carry_the_code(track: Track, tmp_path: Path, lang: str) -> None:
    n = len(track.modules)
    person = "<script>alert(1)</script>"
    path = tracker(tmp_path / "t.csv", track, {person: n})
    files = certificate_files(track, path, lang, {person: "Li & <b>Na</b>"})  # type: ignore[arg-type]
    assert list(files) == [file_name(person)]
    assert "/" not in file_name(person)
    assert "<" not in file_name(person)
    html = files[file_name(person)].decode()
    assert "<script>" not in html
    assert "<b>Na</b>" not in html
    page = BeautifulSoup(html, "html.parser")
    assert text_of(page, ".learner") == "Li & <b>Na</b>"
    code = verification_code(person, track.id, date(2026, 10, n))
    assert text_of(page, ".code") == code
    assert track.name.get(lang) in page.get_text()  # type: ignore[arg-type]
    assert "size: A4 landscape" in html


def test_a_bad_date_is_refused(track: Track, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"person_id,module_id,completed_on\np1,{track.modules[0].id},30/09/2026\n")
    with pytest.raises(SalesplaybookError, match=r"t\.csv: row 2: column .completed_on."):
        completions(track, path)
