"""Course packs: every track in both languages, what each file holds, and where it may write."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pptx import Presentation
from pptx.oxml.ns import qn

from salesplaybook.content.facts import probation_months
from salesplaybook.content.model import Exercise, Module, Playbook, Text, Track
from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.course import PACK_FILES, CoursePack, build_course, list_tracks
from salesplaybook.course import slides as slides_module
from salesplaybook.course.materials import materials
from salesplaybook.course.timing import plan_session, planned_dates
from salesplaybook.course.tracker import PLACEHOLDER_PERSON
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.folder import read_tables
from salesplaybook.kpi.metrics import derive_metrics

TRACKS = ("newcomer", "growing", "senior")
LANGS: tuple[Lang, ...] = ("en", "zh")
#: The packs of every track in both languages, built once (:func:`packs`).
Packs = dict[tuple[str, Lang], CoursePack]
HTML_FILES = [n for n, _ in PACK_FILES if n.endswith(".html")]
START = date(2026, 9, 7)  # a Monday
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def packs(playbook: Playbook, tmp_path_factory: pytest.TempPathFactory) -> Packs:
    """Every track in both languages, built once for the module's tests."""
    root = tmp_path_factory.mktemp("packs")
    return {
        (t, lang): build_course(playbook, t, root / f"{t}-{lang}", lang=lang, start=START)
        for t in TRACKS
        for lang in LANGS
    }


def track_of(playbook: Playbook, track_id: str) -> Track:
    return next(t for t in playbook.tracks if t.id == track_id)


def soup(pack: CoursePack, name: str) -> BeautifulSoup:
    return BeautifulSoup((pack.out / name).read_text("utf-8"), "html.parser")


def text_of(pack: CoursePack, name: str) -> str:
    return " ".join(soup(pack, name).get_text(" ").split())


def deck_texts(pack: CoursePack) -> list[str]:
    deck = Presentation(str(pack.out / "slides.pptx"))
    texts = []
    for slide in deck.slides:
        texts += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


def with_track(playbook: Playbook, track: Track) -> Playbook:
    tracks = [track if t.id == track.id else t for t in playbook.tracks]
    if track.id not in {t.id for t in playbook.tracks}:
        tracks.append(track)
    return playbook.model_copy(update={"tracks": tracks})


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


# --- the files of a pack ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("track_id", TRACKS)
def test_a_pack_holds_its_files_and_nothing_else(packs: Packs, track_id: str, lang: Lang) -> None:
    pack = packs[track_id, lang]
    assert pack.track_id == track_id
    assert pack.lang == lang
    assert [(f.name, f.kind) for f in pack.files] == list(PACK_FILES)
    assert sorted(p.name for p in pack.out.iterdir()) == sorted(n for n, _ in PACK_FILES)
    for f in pack.files:
        assert f.path == pack.out / f.name
        assert f.path.stat().st_size == f.size > 0


def test_list_tracks_counts_modules_and_minutes(playbook: Playbook) -> None:
    summaries = {s.id: s for s in list_tracks(playbook)}
    assert set(TRACKS) <= set(summaries)
    for track in playbook.tracks:
        s = summaries[track.id]
        assert s.name == track.name
        assert s.stage == track.stage
        assert s.modules == len(track.modules)
        assert s.minutes == sum(m.duration_minutes for m in track.modules)
        assert s.duration_weeks == track.duration_weeks
    assert summaries["newcomer"].duration_weeks is not None


def test_progress_hears_every_file_in_order(playbook: Playbook, tmp_path: Path) -> None:
    heard: list[str] = []
    build_course(playbook, "newcomer", tmp_path / "p", progress=heard.append, start=START)
    assert [m.split()[0] for m in heard] == [n for n, _ in PACK_FILES]


# --- slides ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("track_id", TRACKS)
def test_slides_have_the_expected_shape_notes_and_no_empty_placeholder(
    playbook: Playbook, packs: Packs, track_id: str, lang: Lang
) -> None:
    track = track_of(playbook, track_id)
    deck = Presentation(str(packs[track_id, lang].out / "slides.pptx"))
    per_module = [
        3 + bool(m.topics) + len(m.exercises) + bool(m.quiz) for m in track.modules
    ]  # section, agenda, objectives, topics, one per exercise, quiz
    assert len(deck.slides) == 2 + sum(per_module) == slides_module.expected_slides(track)
    assert deck.slide_width > deck.slide_height
    for number, slide in enumerate(deck.slides, 1):
        assert slide.has_notes_slide, number
        assert slide.notes_slide.notes_text_frame.text.strip(), number
        for ph in slide.placeholders:
            assert ph.has_text_frame, (number, ph.name)
            assert ph.text_frame.text.strip(), (number, ph.name)


def test_chinese_slides_name_an_east_asian_font(packs: Packs) -> None:
    deck = Presentation(str(packs["newcomer", "zh"].out / "slides.pptx"))
    for slide in deck.slides:
        frames = [s.text_frame for s in slide.shapes if s.has_text_frame]
        frames.append(slide.notes_slide.notes_text_frame)
        runs = [r for f in frames for p in f.paragraphs for r in p.runs]
        assert runs
        for run in runs:
            ea = run._r.get_or_add_rPr().find(qn("a:ea"))
            assert ea is not None
            assert ea.get("typeface")


def test_slides_cover_every_module_and_exercise(playbook: Playbook, packs: Packs) -> None:
    for lang in LANGS:
        text = "\n".join(deck_texts(packs["newcomer", lang]))
        for module in track_of(playbook, "newcomer").modules:
            assert module.title.get(lang) in text
            for ex in module.exercises:
                assert ex.title.get(lang) in text
                for question in ex.debrief:
                    assert question.get(lang) in text  # in the speaker notes


# --- the HTML documents ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("track_id", TRACKS)
def test_syllabus_and_guide_show_every_module_in_order(
    playbook: Playbook, packs: Packs, track_id: str, lang: Lang
) -> None:
    track = track_of(playbook, track_id)
    pack = packs[track_id, lang]
    for name in ("syllabus.html", "facilitator-guide.html"):
        page = soup(pack, name)
        shown = [e["data-module"] for e in page.select("[data-module]")]
        assert sorted(shown) == sorted(m.id for m in track.modules), name
        text = text_of(pack, name)
        for module in track.modules:
            assert module.title.get(lang) in text
            assert all(o.get(lang) in text for o in module.objectives)


def test_newcomer_syllabus_runs_by_week_with_totals(playbook: Playbook, packs: Packs) -> None:
    track = track_of(playbook, "newcomer")
    text = text_of(packs["newcomer", "en"], "syllabus.html")
    weeks = sorted({m.week for m in track.modules if m.week})
    assert len(weeks) == track.duration_weeks
    positions = [text.index(f"Week {w} in total") for w in weeks]
    assert positions == sorted(positions)
    for week in weeks:
        minutes = sum(m.duration_minutes for m in track.modules if m.week == week)
        assert f"Week {week} in total {minutes}" in text
    total = sum(m.duration_minutes for m in track.modules)
    assert f"The whole track {total}" in text
    for module in track.modules:
        for ex in module.exercises:
            assert f"{ex.title.en} {ex.duration_minutes}" in text


def test_guide_timing_plans_add_up_to_each_session(playbook: Playbook, packs: Packs) -> None:
    track = track_of(playbook, "newcomer")
    page = soup(packs["newcomer", "en"], "facilitator-guide.html")
    tables = page.select("table.timing")
    assert len(tables) == len(track.modules)
    for module, table in zip(track.modules, tables, strict=True):
        rows = table.select("tbody tr")
        minutes = [int(r.select("td")[1].get_text()) for r in rows[:-1]]
        assert sum(minutes) == module.duration_minutes == int(rows[-1].select("td")[1].get_text())
        for ex in module.exercises:
            assert any(
                ex.title.en in r.get_text() and str(ex.duration_minutes) in r.get_text()
                for r in rows
            )


def test_guide_sets_up_role_plays_with_the_customers_lines(
    playbook: Playbook, packs: Packs
) -> None:
    text = text_of(packs["growing", "en"], "facilitator-guide.html")
    objections = {o.id: o for o in playbook.objections}
    questions = {q.id: q for q in playbook.key_questions}
    role_plays = [
        e
        for m in track_of(playbook, "growing").modules
        for e in m.exercises
        if e.kind == "role_play"
    ]
    assert role_plays
    for ex in role_plays:
        for objection_id in ex.objections:
            for line in objections[objection_id].customer_says:
                assert line.en in text
        for question_id in ex.key_questions:
            assert questions[question_id].question.en in text
        for question in ex.debrief:
            assert question.en in text
    assert "Observer" in text
    assert "Customer" in text
    assert "Rep" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("track_id", TRACKS)
def test_quiz_has_every_question_and_no_answer(
    playbook: Playbook, packs: Packs, track_id: str, lang: Lang
) -> None:
    items = [q for m in track_of(playbook, track_id).modules for q in m.quiz]
    pack = packs[track_id, lang]
    quiz, key = soup(pack, "quiz.html"), soup(pack, "answer-key.html")
    quiz_text = text_of(pack, "quiz.html")
    assert [e["data-quiz-item"] for e in quiz.select("[data-quiz-item]")] == [q.id for q in items]
    assert [e["data-quiz-item"] for e in key.select("[data-quiz-item]")] == [q.id for q in items]
    assert not quiz.select(".answer")
    for item in items:
        assert item.question.get(lang) in quiz_text
        assert item.explanation.get(lang) not in quiz_text
        if item.model_answer is not None:
            assert item.model_answer.get(lang) not in quiz_text
        for option in item.options:
            assert option.get(lang) in quiz_text
    for element, item in zip(key.select("[data-quiz-item]"), items, strict=True):
        answer = element.select_one(".answer")
        assert answer is not None
        text = " ".join(element.get_text(" ").split())
        assert item.explanation.get(lang) in text
        if item.kind == "short_answer":
            assert item.model_answer is not None
            assert item.model_answer.get(lang) in answer.get_text()
        elif item.kind != "true_false":
            for i in item.answer:
                assert item.options[i].get(lang) in answer.get_text()


def test_handouts_hold_the_cards_questions_and_checklists_the_track_uses(
    playbook: Playbook, packs: Packs
) -> None:
    track = track_of(playbook, "newcomer")
    page = soup(packs["newcomer", "en"], "handouts.html")
    used = {o for m in track.modules for e in m.exercises for o in e.objections}
    assert {e["data-objection"] for e in page.select("[data-objection]")} == used
    assert len(page.select("[data-key-question]")) == len(playbook.key_questions)
    routines = {e["data-routine"] for e in page.select("[data-routine]")}
    assert {"daily_standup", "weekly_report_review"} <= routines
    card = page.select_one("[data-objection]")
    assert card is not None
    for heading in (
        "What the customer says",
        "How to respond",
        "Example script",
        "What not to say",
    ):
        assert heading in card.get_text()


def test_handouts_carry_the_routines_each_track_names(playbook: Playbook) -> None:
    for track in playbook.tracks:
        assert track.routines, track.id
        chosen = materials(playbook, track).routines
        assert [r.id for r in chosen] == [r for r in track.routines if r in {c.id for c in chosen}]
        assert all(r.checklist for r in chosen)


@pytest.mark.parametrize("track_id", TRACKS)
def test_chinese_pack_is_in_chinese(playbook: Playbook, packs: Packs, track_id: str) -> None:
    pack = packs[track_id, "zh"]
    track = track_of(playbook, track_id)
    english = [m.title.en for m in track.modules] + [track.name.en]
    english += [e.title.en for m in track.modules for e in m.exercises]
    for name in HTML_FILES:
        text = text_of(pack, name)
        cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
        assert cjk > 4 * latin, (name, cjk, latin)
        assert not [t for t in english if t in text], name
        root = soup(pack, name).html
        assert root is not None, name
        assert root["lang"] == "zh-CN"
    slides = "\n".join(deck_texts(pack))
    assert len(CJK.findall(slides)) > 4 * len(LATIN.findall(slides))
    assert not [t for t in english if t in slides]
    readme = (pack.out / "README.txt").read_text("utf-8-sig")
    assert len(CJK.findall(readme)) > len(LATIN.findall(readme)) / 2


@pytest.mark.parametrize("name", HTML_FILES)
def test_pages_are_printable_and_self_contained(packs: Packs, name: str) -> None:
    raw = (packs["newcomer", "en"].out / name).read_text("utf-8")
    page = BeautifulSoup(raw, "html.parser")
    style = "".join(s.get_text() for s in page.select("style"))
    assert re.search(r"@page\s*{[^}]*size:\s*A4", style)
    assert "break-inside: avoid" in style
    assert not page.select("script, link, img, iframe")
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", raw)
    assert "@import" not in style
    assert "url(" not in style
    assert not re.search(r"&amp;(lt|gt|amp|quot|#x27|#\d+);", raw)  # nothing is escaped twice


def test_content_text_is_escaped(playbook: Playbook, tmp_path: Path) -> None:
    evil = "<script>alert('x')</script>"
    track = track_of(playbook, "newcomer")
    first = track.modules[0]
    module = first.model_copy(
        update={
            "title": Text(en=f"{evil} Product", zh=f"{evil} 产品"),
            "objectives": [Text(en=f"Know <b>{evil}</b>", zh=f"掌握 {evil}"), *first.objectives],
            "exercises": [
                first.exercises[0].model_copy(
                    update={"instructions": Text(en=f"Do {evil} & more", zh=f"做 {evil}")}
                ),
                *first.exercises[1:],
            ],
        }
    )
    item = first.quiz[0]
    module = module.model_copy(
        update={"quiz": [item.model_copy(update={"explanation": Text(en=evil, zh=f"解析 {evil}")})]}
    )
    book = with_track(playbook, track.model_copy(update={"modules": [module, *track.modules[1:]]}))
    for lang in LANGS:
        pack = build_course(book, "newcomer", tmp_path / lang, lang=lang, start=START)
        for name in HTML_FILES:
            raw = (pack.out / name).read_text("utf-8")
            page = BeautifulSoup(raw, "html.parser")
            assert not page.select("script, b"), name
            assert "<script>" not in raw
        assert evil in text_of(pack, "syllabus.html")
        assert "&lt;script&gt;" in (pack.out / "facilitator-guide.html").read_text("utf-8")
        assert evil in text_of(pack, "answer-key.html")
        assert any(evil in t for t in deck_texts(pack))


def test_a_new_track_without_stage_or_weeks_builds(playbook: Playbook, tmp_path: Path) -> None:
    base = track_of(playbook, "growing")
    module = Module(
        id="refresher_short",
        title=Text(en="A short refresher", zh="简短复习"),
        summary=Text(en="A refresher.", zh="复习。"),
        duration_minutes=30,
        objectives=[Text(en="Remember the basics.", zh="记住基本要点。")],
        exercises=[
            Exercise(
                id="refresher_short_drill",
                kind="drill",
                title=Text(en="Quick drill", zh="快速练习"),
                instructions=Text(en="Practise.", zh="练习。"),
                duration_minutes=45,  # longer than the session: the plan must say so
            )
        ],
    )
    track = base.model_copy(
        update={
            "id": "refresher",
            "stage": None,
            "modules": [module],
            "cadence": None,
            "routines": [],
        }
    )
    pack = build_course(with_track(playbook, track), "refresher", tmp_path / "r", start=START)
    deck = Presentation(str(pack.out / "slides.pptx"))
    assert len(deck.slides) == 2 + 3 + 1  # title, sessions; section, agenda, objectives; exercise
    guide = text_of(pack, "facilitator-guide.html")
    assert "15 min more than the session's 30 min" in guide
    assert not soup(pack, "handouts.html").select("[data-routine]")


# --- the timing plan -------------------------------------------------------------------------


def test_every_session_plan_fills_the_session_exactly(playbook: Playbook) -> None:
    for track in playbook.tracks:
        for module in track.modules:
            plan = plan_session(module)
            assert plan.minutes == module.duration_minutes, module.id
            assert plan.overrun == 0
            assert plan.blocks[0].start == 0
            for before, after in zip(plan.blocks, plan.blocks[1:], strict=False):
                assert before.end == after.start
            kinds = [b.kind for b in plan.blocks]
            assert kinds[0] == "intro"
            assert kinds[-1] == "wrap_up"
            assert kinds.count("topic") == len(module.topics)
            assert [b.exercise for b in plan.blocks if b.exercise] == module.exercises
            assert [b.minutes for b in plan.blocks if b.exercise] == [
                e.duration_minutes for e in module.exercises
            ]
            assert ("quiz" in kinds) == bool(module.quiz)


def test_a_tight_session_shrinks_the_other_blocks(playbook: Playbook) -> None:
    module = track_of(playbook, "newcomer").modules[0]
    tight = module.model_copy(
        update={"duration_minutes": sum(e.duration_minutes for e in module.exercises) + 12}
    )
    plan = plan_session(tight)
    assert plan.minutes == tight.duration_minutes
    assert plan.overrun == 0


def test_planned_dates_follow_the_weeks(playbook: Playbook) -> None:
    track = track_of(playbook, "newcomer")
    dates = planned_dates(track, START)
    for module in track.modules:
        day = dates[module.id]
        assert day.weekday() < 5
        assert (day - START).days // 7 == (module.week or 1) - 1


# --- the completion tracker ------------------------------------------------------------------


def read_tracker(pack: CoursePack) -> pd.DataFrame:
    return pd.read_csv(pack.out / "completion-tracker.csv", encoding="utf-8-sig", dtype=str)


@pytest.mark.parametrize("lang", LANGS)
def test_tracker_has_the_trainings_columns_and_validates_once_filled(
    playbook: Playbook, packs: Packs, lang: Lang
) -> None:
    pack = packs["newcomer", lang]
    frame = read_tracker(pack)
    canonical = list(datamodel.columns("trainings"))
    assert list(frame.columns[: len(canonical)]) == canonical
    assert list(frame["module_id"]) == [m.id for m in track_of(playbook, "newcomer").modules]
    assert set(frame["person_id"]) == {PLACEHOLDER_PERSON}
    assert frame["completed_on"].isna().all()
    filled = frame.assign(completed_on=frame["planned_on"])
    datamodel.Trainings.validate(filled)


def test_filled_tracker_feeds_the_training_completion_rate(
    playbook: Playbook, tmp_path: Path
) -> None:
    pack = build_course(
        playbook, "newcomer", tmp_path / "pack", lang="zh", start=START, learners=["P1", "P2"]
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "people.csv").write_text(
        "person_id,team_id,role,hired_on\nP1,T1,sales_rep,2026-09-01\nP2,T1,sales_rep,2026-09-01\n",
        "utf-8",
    )
    with open(pack.out / "completion-tracker.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 * len(track_of(playbook, "newcomer").modules)
    done = 0
    for i, row in enumerate(rows):
        if i % 2 == 0:
            row["completed_on"] = row["planned_on"]
            done += 1
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (data / "trainings.csv").write_text(out.getvalue(), "utf-8")
    tables = read_tables(data)
    assert list(tables["trainings"].columns[:4]) == list(datamodel.columns("trainings"))
    derived = derive_metrics(tables, "2026-Q3", probation_months=probation_months(playbook))
    assert derived.values["training_completion_rate"] == pytest.approx(done / len(rows))


# --- safety ----------------------------------------------------------------------------------


def test_refuses_a_non_empty_folder_without_force(playbook: Playbook, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    (out / "my-notes.txt").write_text("mine", "utf-8")
    with pytest.raises(ChoiceNeeded, match=r"not empty.*my-notes\.txt") as refused:
        build_course(playbook, "newcomer", out)
    assert refused.value.choice == "force"  # the command line names its option, not the library
    assert "--force" not in str(refused.value)
    assert [p.name for p in out.iterdir()] == ["my-notes.txt"]


def test_an_existing_empty_folder_is_fine(playbook: Playbook, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    pack = build_course(playbook, "senior", out, start=START)
    assert len(list(out.iterdir())) == len(pack.files) == len(PACK_FILES)


def test_force_overwrites_only_the_packs_files(playbook: Playbook, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    (out / "my-notes.txt").write_text("mine", "utf-8")
    (out / "syllabus.html").write_text("stale", "utf-8")
    build_course(playbook, "newcomer", out, force=True, start=START)
    assert (out / "my-notes.txt").read_text("utf-8") == "mine"
    assert (out / "syllabus.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    expected = {n for n, _ in PACK_FILES} | {"my-notes.txt"}
    assert {p.name for p in out.iterdir()} == expected  # no temporary file left


@pytest.mark.parametrize(
    "track_id", ["../x", "..", "newcomer/../../x", "/etc/passwd", "tracks\\newcomer", "~/x"]
)
def test_a_path_is_not_a_track_id(playbook: Playbook, tmp_path: Path, track_id: str) -> None:
    with pytest.raises(SalesplaybookError, match="looks like a path, not a track id") as exc:
        build_course(playbook, track_id, tmp_path / "pack")
    assert all(t in str(exc.value) for t in TRACKS)
    assert not any(tmp_path.iterdir())


def test_unknown_track_names_the_known_ones_and_the_closest(
    playbook: Playbook, tmp_path: Path
) -> None:
    with pytest.raises(SalesplaybookError) as exc:
        build_course(playbook, "newcommer", tmp_path / "pack")
    message = str(exc.value)
    assert "unknown track 'newcommer'" in message
    assert "did you mean 'newcomer'?" in message
    assert all(t in message for t in TRACKS)
    with pytest.raises(SalesplaybookError, match="did you mean 'newcomer'"):
        build_course(playbook, "tracks/newcomer.yaml", tmp_path / "pack")
    assert not any(tmp_path.iterdir())


def test_out_may_not_be_a_file(playbook: Playbook, tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    out.write_text("x", "utf-8")
    with pytest.raises(SalesplaybookError, match="is a file, not a folder"):
        build_course(playbook, "newcomer", out, force=True)
    assert out.read_text("utf-8") == "x"


def test_unknown_language_is_refused(playbook: Playbook, tmp_path: Path) -> None:
    with pytest.raises(SalesplaybookError, match="unknown language 'fr'"):
        build_course(playbook, "newcomer", tmp_path / "pack", lang="fr")  # type: ignore[arg-type]


def test_never_writes_outside_the_folder(playbook: Playbook, tmp_path: Path) -> None:
    (tmp_path / "neighbour.txt").write_text("keep", "utf-8")
    before = snapshot(tmp_path)
    pack = build_course(playbook, "senior", tmp_path / "a" / "pack", lang="zh", start=START)
    after = snapshot(tmp_path)
    new = set(after) - set(before)
    assert all(p == "a" or p.startswith(("a/pack", f"a{os.sep}pack")) for p in new)
    assert {k: after[k] for k in before} == before
    assert pack.out == (tmp_path / "a" / "pack").resolve()


def test_refuses_to_write_through_a_link_that_leaves_the_folder(
    playbook: Playbook, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text("not yours", "utf-8")
    out = tmp_path / "pack"
    out.mkdir()
    (out / "quiz.html").symlink_to(outside)
    with pytest.raises(SalesplaybookError, match="outside the folder"):
        build_course(playbook, "newcomer", out, force=True)
    assert outside.read_text("utf-8") == "not yours"
    assert [p.name for p in out.iterdir()] == ["quiz.html"]


def test_a_failed_build_leaves_nothing(
    playbook: Playbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(slides_module, "build", broken)
    with pytest.raises(RuntimeError):
        build_course(playbook, "newcomer", tmp_path / "pack")
    assert not any(tmp_path.iterdir())


def test_a_repeated_learner_is_refused(playbook: Playbook, tmp_path: Path) -> None:
    """--learner p1 --learner p1 used to write p1's tracker rows twice."""
    with pytest.raises(SalesplaybookError, match="learner 'p1' is given twice"):
        build_course(playbook, "newcomer", tmp_path / "pack", learners=["p1", "p2", "p1"])
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("start", [date(9999, 12, 31), date(1, 1, 1), date(2200, 1, 1)])
def test_a_start_outside_the_years_is_refused(
    playbook: Playbook, tmp_path: Path, start: date
) -> None:
    """9999-12-31 was an OverflowError while planning the tracker's dates."""
    with pytest.raises(SalesplaybookError, match=r"start .*must be in the years 1900 to 2199"):
        build_course(playbook, "newcomer", tmp_path / "pack", start=start)
    assert not any(tmp_path.iterdir())


def test_a_start_in_the_last_month_of_the_years_builds(playbook: Playbook, tmp_path: Path) -> None:
    """The edge of the years above: a track that starts then plans its dates without overflow."""
    build_course(playbook, "newcomer", tmp_path / "pack", start=date(2199, 12, 1))


def test_a_folder_that_cannot_be_written_is_a_clean_error(
    playbook: Playbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OSError tracebacks before: a folder below a file, a folder that cannot be written."""
    (tmp_path / "afile.txt").write_text("x", "utf-8")
    out = tmp_path / "afile.txt" / "sub"
    with pytest.raises(SalesplaybookError, match=r"afile.txt/sub: cannot write \(.*afile.txt is a"):
        build_course(playbook, "newcomer", out, start=START)

    def no_folder(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "mkdir", no_folder)
    with pytest.raises(SalesplaybookError, match=r"pack: cannot write \(Operation not permitted\)"):
        build_course(playbook, "newcomer", tmp_path / "pack", start=START)
    assert [p.name for p in tmp_path.iterdir()] == ["afile.txt"]


def test_readme_describes_every_file(packs: Packs) -> None:
    for lang in LANGS:
        readme = (packs["newcomer", lang].out / "README.txt").read_text("utf-8-sig")
        for name, _ in PACK_FILES:
            assert f"\n{name}" in readme.replace("\r\n", "\n")
        assert "trainings.csv" in readme
        assert PLACEHOLDER_PERSON in readme
