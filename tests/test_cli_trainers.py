"""``course export`` (and the trainers' other commands) on the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner, Result

from salesplaybook.cli import main


def text_of(page: BeautifulSoup, selector: str) -> str:
    found = page.select_one(selector)
    assert found is not None, selector
    return found.get_text()


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("fmt", "name"), [("moodle-xml", "q.xml"), ("gift", "q.txt"), ("qti", "q.zip")]
)
def test_course_export_writes_the_file(tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / "lms" / name
    result = run("course", "export", "newcomer", "--format", fmt, "--out", str(out), "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "qti":
        assert "imsmanifest.xml" in zipfile.ZipFile(out).namelist()


def test_course_export_keeps_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "quiz.txt"
    out.write_text("mine")
    result = run("course", "export", "newcomer", "--format", "gift", "--out", str(out))
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_text() == "mine"
    forced = run("course", "export", "newcomer", "--format", "gift", "--out", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_text().startswith("// newcomer")


def test_course_export_refuses_an_unknown_track(tmp_path: Path) -> None:
    result = run("course", "export", "nosuch", "--format", "gift", "--out", str(tmp_path / "q"))
    assert result.exit_code == 2
    assert "newcomer" in result.output


def test_course_build_with_a_template(tmp_path: Path) -> None:
    from pptx import Presentation

    from tests.brand_template import EXPECTED, make_template

    template = make_template(tmp_path / "brand.pptx")
    out = tmp_path / "pack"
    result = run("course", "build", "senior", "--out", str(out), "--template", str(template))
    assert result.exit_code == 0, result.output
    deck = Presentation(str(out / "slides.pptx"))
    assert deck.slides[0].slide_layout.name == EXPECTED["title"]


def test_readiness_command(playbook, tmp_path: Path) -> None:
    import json

    from salesplaybook.data.sample import generate
    from salesplaybook.tools.readiness import rules_of
    from salesplaybook.tools.readiness_sample import sample_results

    quiz, practice = sample_results(rules_of(playbook), generate()["people"])
    quiz.head(20).to_csv(tmp_path / "q.csv", index=False)
    practice.head(20).to_csv(tmp_path / "p.csv", index=False)
    args = ["readiness", "--quiz", str(tmp_path / "q.csv"), "--practice", str(tmp_path / "p.csv")]
    shown = run(*args, "--lang", "zh")
    assert shown.exit_code == 0, shown.output
    assert "测验" in shown.output
    data = json.loads(run(*args, "--json").output)
    assert data["people"]
    assert data["index"] == rules_of(playbook).id
    (tmp_path / "bad.csv").write_text("person_id,criterion,score\np1,charm,3\n")
    bad = run(
        "readiness", "--quiz", str(tmp_path / "q.csv"), "--practice", str(tmp_path / "bad.csv")
    )
    assert bad.exit_code == 2
    assert "bad.csv: row 2: column 'criterion'" in bad.output


def test_certificates_and_verify(playbook, tmp_path: Path) -> None:

    track = next(t for t in playbook.tracks if t.id == "senior")
    rows = ["person_id,module_id,completed_on"]
    rows += [f"P1,{m.id},2026-11-0{i + 1}" for i, m in enumerate(track.modules)]
    (tmp_path / "t.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "people.csv").write_text("person_id,name\nP1,Wang Fang\n")
    out = tmp_path / "certs"
    result = run(
        "course",
        "certificates",
        "senior",
        "--tracker",
        str(tmp_path / "t.csv"),
        "--out",
        str(out),
        "--lang",
        "zh",
        "--people",
        str(tmp_path / "people.csv"),
    )
    assert result.exit_code == 0, result.output
    page = BeautifulSoup((out / "certificate-P1.html").read_text("utf-8"), "html.parser")
    assert text_of(page, ".learner") == "Wang Fang"
    code = text_of(page, ".code")
    day = f"2026-11-0{len(track.modules)}"
    ok = run("course", "verify", code, "--learner", "P1", "--track", "senior", "--date", day)
    assert ok.exit_code == 0
    assert "valid" in ok.output
    wrong = run("course", "verify", code, "--learner", "P2", "--track", "senior", "--date", day)
    assert wrong.exit_code == 1
