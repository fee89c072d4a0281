"""The career check as readers see it: the ``--json`` shape, the terminal's text, the details,
the notebook's tables and chart, in both languages."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data import sample
from salesplaybook.tools.career import (
    CriterionCheck,
    check_person,
    history_from_tables,
    on_target_streak,
    read_history,
    team_view,
)
from salesplaybook.views.career import (
    _Names,
    career_check_json,
    career_check_text,
    criterion_detail,
    ladder_table,
    person_line,
    streak_chart,
    team_summary,
    team_table,
    training_gaps,
)
from salesplaybook.views.labels import label
from tests.test_career import read_history_frame


def write(tmp_path, text):
    path = tmp_path / "history.csv"
    path.write_text(text, encoding="utf-8")
    return path


def streak_history(need: int) -> str:
    """P1 misses once and then is on target ``need`` quarters running, up to 2026-Q2."""
    quarters = pd.period_range(end=pd.Period("2026Q2", freq="Q"), periods=need + 1, freq="Q")
    rows = ["person_id,period,target,actual,role"]
    for i, quarter in enumerate(quarters):
        rows.append(f"P1,{quarter.year}-Q{quarter.quarter},100,{90 if i == 0 else 100},sales_rep")
    return "\n".join(rows) + "\n"


def streak_needed(playbook) -> int:
    """The seed rule's streak for team lead, as the playbook sets it (never copied here)."""
    criteria = [c for t in playbook.career_tracks for s in t.steps for c in s.criteria]
    return int(next(c for c in criteria if c.id == "lead_quarters_on_target").min)


def test_json_has_the_contracts_shape_with_english_details(tmp_path, playbook):
    need = streak_needed(playbook)
    result = check_person(playbook, read_history(write(tmp_path, streak_history(need))), "P1")
    data = career_check_json(result)
    assert set(data) == {"person_id", "current_role", "on_target_streak", "tracks"}
    assert data["current_role"] == "sales_rep"
    assert data["on_target_streak"] == need
    tracks = {t["track"]: t for t in data["tracks"]}
    assert tracks["management"]["next_role"] == "team_lead"
    assert tracks["management"]["eligible"] is True
    criteria = {c["id"]: c for c in tracks["management"]["criteria"]}
    assert criteria["lead_quarters_on_target"]["met"] is True
    assert criteria["lead_panel_interview"] == {
        "id": "lead_panel_interview",
        "met": None,
        "detail": "judged by a person",
    }
    assert set(tracks["management"]["criteria"][0]) == {"id", "met", "detail"}
    assert "not yet" not in career_check_text(result).splitlines()[1]


def test_english_details_say_what_the_data_says(playbook):
    history = pd.DataFrame(
        {
            "person_id": ["P1", "P1"],
            "period": ["2026-Q1", "2026-Q2"],
            "quarter": [224, 225],
            "target": [1.0, 1.0],
            "actual": [1.0, 2.0],
            "role": ["sales_rep", "sales_rep"],
        }
    )
    people = pd.DataFrame(
        {
            "person_id": ["P1"],
            "role": ["sales_rep"],
            "hired_on": [pd.Timestamp("2026-05-01")],
            "confirmed_on": [pd.NaT],
            "left_on": [pd.NaT],
            "name": ["A"],
        }
    )
    result = check_person(playbook, history, "P1", people)
    management = next(t for t in result.tracks if t.track == "management")
    met = {c.id: c for c in management.criteria}
    need = int(
        next(
            c.min
            for t in playbook.career_tracks
            for s in t.steps
            for c in s.criteria
            if c.id == "lead_probation_confirmed"
        )
    )
    detail = criterion_detail(met["lead_probation_confirmed"])
    assert f"still in the {need}-month probation" in detail
    assert criterion_detail(met["lead_growing_track"]) == "no trainings table given"


@pytest.fixture(scope="module")
def sample_check():
    from salesplaybook.content.loader import load_playbook

    playbook = load_playbook()
    tables = sample.generate()
    history = history_from_tables(tables)
    people = tables["people"]
    rep = people.loc[people["role"] == "sales_rep", "person_id"].iloc[0]
    result = check_person(
        playbook, history, rep, people, tables["trainings"], role_changes=tables["role_changes"]
    )
    view = team_view(playbook, history, people, tables["trainings"], tables["role_changes"])
    return playbook, history, result, view


def test_details_read_the_same_in_english_and_are_translated(sample_check):
    playbook, _, result, _ = sample_check
    checks = [c for t in result.tracks for c in t.criteria]
    for c in checks:  # the English detail needs no playbook: ids are English
        assert criterion_detail(c, "en") == criterion_detail(c, "en", playbook)
    streak = next(c for c in checks if c.check == "on_target_streak")
    assert criterion_detail(streak, "zh", playbook) == label("detail_streak", "zh", **streak.facts)
    track = next(c for c in checks if c.check == "track_completed")
    growing = next(t for t in playbook.tracks if t.id == track.training_track)
    assert growing.name.zh in criterion_detail(track, "zh", playbook)


def test_a_shared_names_instance_gives_the_same_details(sample_check):
    playbook, _, result, _ = sample_check
    for lang in ("en", "zh"):
        names = _Names(playbook, lang)
        for c in (c for t in result.tracks for c in t.criteria):
            assert criterion_detail(c, lang, playbook, names) == criterion_detail(c, lang, playbook)


def test_missing_modules_are_listed_in_the_editions_way(playbook):
    track = playbook.tracks[0]
    first, second = track.modules[0], track.modules[1]
    facts = {"done": 0, "total": 2, "track": track.id, "missing": (first.id, second.id)}
    check = CriterionCheck("c", "track_completed", False, "detail_track_missing", facts)
    assert f"{first.id}, {second.id}" in criterion_detail(check, "en", playbook)
    zh = criterion_detail(check, "zh", playbook)
    assert f"{first.title.zh}{label('list_sep', 'zh')}{second.title.zh}" in zh


def test_text_in_chinese(sample_check):
    playbook, _, result, _ = sample_check
    text = career_check_text(result, "zh", playbook)
    rep = next(r for r in playbook.roles if r.id == result.current_role)
    assert text.splitlines()[0].startswith(f"{result.person_id}：{rep.name.zh}")
    for track in playbook.career_tracks:
        assert track.name.zh in text
    assert label("col_open", "zh") in text
    assert "sales_rep" not in text
    assert "management" not in text
    assert career_check_text(result).splitlines()[0].startswith(f"{result.person_id}: sales_rep")


def test_person_line(sample_check):
    playbook, _, result, _ = sample_check
    role = next(r for r in playbook.roles if r.id == result.current_role)
    assert person_line(result, "zh", playbook, name="A") == label(
        "career_person",
        "zh",
        person=f"{result.person_id} A",
        role=role.name.zh,
        streak=result.on_target_streak,
        period=result.latest_period,
    )


def test_ladder_and_gaps_in_chinese(sample_check):
    playbook, _, result, _ = sample_check
    ladder = ladder_table(result, playbook, "zh")
    assert list(ladder.columns) == [
        label(k, "zh")
        for k in (
            "col_track",
            "col_next_role",
            "col_eligible",
            "col_criterion",
            "status",
            "col_detail",
        )
    ]
    descriptions = {
        c.description.zh for t in playbook.career_tracks for s in t.steps for c in s.criteria
    }
    assert set(ladder[label("col_criterion", "zh")]) <= descriptions
    assert set(ladder[label("col_eligible", "zh")]) <= {label("yes", "zh"), label("no", "zh")}
    en = ladder_table(result, playbook)
    assert set(en["criterion"]) == {c.id for t in result.tracks for c in t.criteria}
    gaps = training_gaps(result, playbook, "zh")
    titles = {m.title.zh for t in playbook.tracks for m in t.modules}
    assert len(gaps)
    assert set(gaps[label("col_title", "zh")]) <= titles
    # The Chinese table names the track and the module, with no English id in it.
    assert list(gaps.columns) == [label("col_training_track", "zh"), label("col_title", "zh")]
    assert set(gaps[label("col_training_track", "zh")]) <= {t.name.zh for t in playbook.tracks}
    ids = {m.id for t in playbook.tracks for m in t.modules}
    assert not ids & set(gaps.to_numpy().ravel())
    # The English one keeps the module ids its pages use, beside the titles.
    en = training_gaps(result, playbook)
    assert list(en.columns) == ["training track", "module", "title"]
    assert set(en["module"]) <= ids
    english = {m.id: m.title.en for t in playbook.tracks for m in t.modules}
    assert en["title"].tolist() == [english[m] for m in en["module"]]
    assert en["title"].tolist() != gaps[label("col_title", "zh")].tolist()
    assert len(en) == len(gaps)


def test_team_tables_in_chinese(sample_check):
    playbook, _, _, view = sample_check
    summary = team_summary(view, playbook, "zh")
    assert list(summary.columns) == [label("col_eligible", "zh"), label("col_checked", "zh")]
    assert set(summary.index.get_level_values(0)) <= {t.name.zh for t in playbook.career_tracks}
    assert team_summary(view, playbook).to_numpy().tolist() == summary.to_numpy().tolist()
    table = team_table(view, playbook, "zh")
    assert label("col_not_met", "zh") in table.columns
    assert set(table[label("col_role", "zh")]) <= {r.name.zh for r in playbook.roles}
    assert team_table(view, playbook) is view  # the English table is the view itself


def test_streak_chart_in_chinese(sample_check):
    _, history, result, _ = sample_check
    (ax,) = streak_chart(history, result.person_id, "zh").axes
    assert ax.get_title() == label("streak_title", "zh")
    assert ax.get_ylabel() == label("streak_axis", "zh")
    assert len(ax.patches) == (history["person_id"] == result.person_id).sum()


def test_streak_chart_agrees_with_the_streak_when_a_target_is_zero():
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    history = read_history_frame(
        [
            ("P1", "2025-Q3", 100.0, 50.0),  # below
            ("P1", "2025-Q4", 0.0, 0.0),  # no target, nothing sold: on target (0 >= 0)
            ("P1", "2026-Q1", 0.0, 40.0),  # no target, something sold: on target
            ("P1", "2026-Q2", 100.0, 150.0),  # on target
        ]
    )
    assert on_target_streak(history, "P1") == 3
    (ax,) = streak_chart(history, "P1").axes
    bars = [bar for bar in ax.patches if isinstance(bar, Rectangle)]
    assert len(bars) == len(ax.patches)
    heights = [bar.get_height() for bar in bars]
    assert all(pd.notna(h) and abs(h) != float("inf") for h in heights)
    assert heights == pytest.approx([50.0, 0.0, 150.0, 150.0])  # 0/0 as 0, x/0 as the tallest
    colours = [to_hex(bar.get_facecolor()) for bar in ax.patches]
    on, off = "#1f6f8b", "#c0504d"
    assert colours == [off, on, on, on]
    # The blue bars that end the chart are the streak.
    trailing = len(colours) - max(i + 1 for i, c in enumerate(colours) if c == off)
    assert trailing == on_target_streak(history, "P1")
