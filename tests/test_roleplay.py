"""Role-play kits: what a kit holds (``course.roleplay``) and how it is printed and written as a
scoring form (``course.roleplay_html``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from salesplaybook.content.model import Playbook, Text
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import LANGS, Lang
from salesplaybook.course.roleplay import RUBRIC, SCORING_COLUMNS, roleplay_kit
from salesplaybook.course.roleplay_html import build_csv, build_html, kit_files
from salesplaybook.tools.readiness import read_practice, rules_of


def rubric_criteria(playbook: Playbook) -> list[str]:
    return [c.id for r in playbook.rubrics if r.id == RUBRIC for c in r.criteria]


def subjects(playbook: Playbook) -> list[str]:
    return [*(o.id for o in playbook.objections), *(t.id for t in playbook.tracks)]


def test_every_objection_and_track_builds_in_both_languages(playbook: Playbook) -> None:
    for subject in subjects(playbook):
        kit = roleplay_kit(playbook, subject)
        for lang in LANGS:
            files = kit_files(kit, lang)
            page = BeautifulSoup(files["roleplay-kit.html"].decode("utf-8"), "html.parser")
            scenarios = [s.id for s in kit.scenarios]
            for kind in ("customer", "rep", "observer", "scoring"):
                found = [s["data-scenario"] for s in page.select(f"section.roleplay.{kind}")]
                assert found == scenarios, (subject, lang, kind)


def test_a_track_has_the_objections_its_exercises_use_in_order(playbook: Playbook) -> None:
    for track in playbook.tracks:
        used = [o for m in track.modules for e in m.exercises for o in e.objections]
        kit = roleplay_kit(playbook, track.id)
        assert [s.id for s in kit.scenarios] == list(dict.fromkeys(used))
        assert kit.kind == "track"
    objection = playbook.objections[0]
    kit = roleplay_kit(playbook, objection.id)
    assert [s.objection for s in kit.scenarios] == [objection]


def test_the_briefs_carry_the_handbooks_text(playbook: Playbook) -> None:
    objection = playbook.objections[0]
    kit = roleplay_kit(playbook, objection.id)
    for lang in LANGS:
        page = BeautifulSoup(build_html(kit, lang).decode("utf-8"), "html.parser")
        customer = page.select_one("section.customer")
        assert customer is not None
        said = [li.get_text() for li in customer.select("ol")[0].select("li")]
        assert said == [t.get(lang) for t in objection.customer_says]
        convinced = [li.get_text() for li in customer.select("ol")[1].select("li")]
        assert convinced == [t.get(lang) for t in objection.response]
        rep = page.select_one("section.rep")
        assert rep is not None
        assert objection.follow_up.get(lang) in rep.get_text()
        assert objection.script.get(lang) not in rep.get_text()  # the rep works it out


def test_the_time_box_is_the_exercises_length(playbook: Playbook) -> None:
    kit = roleplay_kit(playbook, "growing")
    scenario = kit.scenarios[0]
    assert scenario.exercise is not None
    assert scenario.id in scenario.exercise.objections
    page = BeautifulSoup(build_html(kit, "en").decode("utf-8"), "html.parser")
    rep = page.select_one(f'section.rep[data-scenario="{scenario.id}"]')
    assert rep is not None
    assert f"{scenario.exercise.duration_minutes} min" in rep.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_observer_sheet_lists_exactly_the_rubrics_criteria(
    playbook: Playbook, lang: Lang
) -> None:
    kit = roleplay_kit(playbook, "newcomer")
    rubric = kit.rubric
    page = BeautifulSoup(build_html(kit, lang).decode("utf-8"), "html.parser")
    for sheet in page.select("section.observer"):
        rows = sheet.select("div[data-rubric] tbody tr")
        names = [r.select("td")[0].select_one("strong").get_text() for r in rows]  # type: ignore[union-attr]
        assert names == [c.name.get(lang) for c in rubric.criteria]
        for row, criterion in zip(rows, rubric.criteria, strict=True):
            boxes = row.get_text().count("☐")
            assert boxes == len(criterion.levels)
    for form in page.select("section.scoring"):
        ids = [r.select("td")[0].get_text() for r in form.select("table:not(.sheet-head) tbody tr")]
        assert ids == rubric_criteria(playbook)


def test_the_scoring_form_is_read_back_by_the_readiness_reader(
    playbook: Playbook, tmp_path: Path
) -> None:
    kit = roleplay_kit(playbook, "growing")
    text = build_csv(kit).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(SCORING_COLUMNS)
    assert len(rows) == len(kit.scenarios) * len(kit.rubric.criteria)
    # a trainer fills it in
    top = kit.rubric.max_score
    for i, row in enumerate(rows):
        row.update(person_id=f"P{i % 3:04d}", score=str(1 + i % top), scored_on="2026-11-02")
    filled = tmp_path / "scores.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, list(SCORING_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    rules = rules_of(playbook)  # the readiness index reads the rubric's criteria as they are
    back = read_practice(filled, rules)
    assert list(zip(back["person_id"], back["criterion"], back["scenario"], strict=True)) == [
        (r["person_id"], r["criterion"], r["scenario"]) for r in rows
    ]
    assert back["raw"].tolist() == [float(r["score"]) for r in rows]


def test_hostile_text_is_escaped(playbook: Playbook) -> None:
    evil = "<script>alert('x')</script>"
    formula = '=HYPERLINK("http://x")'
    objection = playbook.objections[0].model_copy(
        update={
            "id": formula,
            "title": Text(en=evil, zh=f"异议 {evil}"),
            "customer_says": [Text(en=f"<b>{evil}</b>", zh=f"客户 {evil}")],
        }
    )
    book = playbook.model_copy(update={"objections": [objection, *playbook.objections[1:]]})
    kit = roleplay_kit(book, formula)
    for lang in LANGS:
        raw = build_html(kit, lang).decode("utf-8")
        page = BeautifulSoup(raw, "html.parser")
        assert not page.select("script, b")
        assert evil in page.get_text()
    cells = [
        row["scenario"] for row in csv.DictReader(io.StringIO(build_csv(kit).decode("utf-8-sig")))
    ]
    assert cells
    assert all(c == "'" + formula for c in cells)


def test_an_unknown_id_is_refused_with_the_closest(playbook: Playbook) -> None:
    with pytest.raises(SalesplaybookError, match="did you mean 'price_too_high'"):
        roleplay_kit(playbook, "price_to_high")
    with pytest.raises(SalesplaybookError, match="did you mean 'growing'"):
        roleplay_kit(playbook, "growin")


def test_the_kit_is_the_same_every_build(playbook: Playbook) -> None:
    kit = roleplay_kit(playbook, "senior")
    assert kit_files(kit, "zh") == kit_files(roleplay_kit(playbook, "senior"), "zh")
