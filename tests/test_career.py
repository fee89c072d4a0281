from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import sample
from salesplaybook.tools.career import (
    career_check_json,
    career_check_text,
    check_person,
    history_from_tables,
    missing_modules,
    on_target_streak,
    read_history,
    team_view,
)


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "history.csv"
    path.write_bytes(text.encode(encoding))
    return path


HISTORY = (
    "person_id,period,target,actual,role\n"
    "P1,2025-Q4,100,90,sales_rep\n"
    'P1,2026-Q1,100,"1,100",sales_rep\n'
    "P1,2026-Q2,100,100,sales_rep\n"
    "P2,2025-Q4,100,120,sales_rep\n"
    "P2,2026-Q2,100,130,sales_rep\n"
)


def test_read_history_and_streak(tmp_path):
    history = read_history(write(tmp_path, HISTORY, "utf-8-sig"))
    assert list(history.columns) == ["person_id", "period", "quarter", "target", "actual", "role"]
    assert on_target_streak(history, "P1") == 2
    assert on_target_streak(history, "P2") == 1  # 2026-Q1 is missing: the streak restarts


def test_streak_counts_only_up_to_the_latest_quarter(tmp_path):
    text = "person_id,period,target,actual\nP1,2026-Q1,1,2\nP1,2026-Q2,1,0\n"
    assert on_target_streak(read_history(write(tmp_path, text)), "P1") == 0


def streak_needed(playbook) -> int:
    """The seed rule's streak for team lead, as the playbook sets it (never copied here)."""
    criteria = [c for t in playbook.career_tracks for s in t.steps for c in s.criteria]
    rule = next(c for c in criteria if c.id == "lead_quarters_on_target")
    return int(rule.min)


def streak_history(on_target: dict[str, int], last: str = "2026Q2") -> str:
    """A history in which each person misses once and then is on target ``n`` quarters running,
    up to ``last``."""
    rows = ["person_id,period,target,actual,role"]
    for person, n in on_target.items():
        quarters = pd.period_range(end=pd.Period(last, freq="Q"), periods=n + 1, freq="Q")
        for i, quarter in enumerate(quarters):
            rows.append(
                f"{person},{quarter.year}-Q{quarter.quarter},100,{90 if i == 0 else 100},sales_rep"
            )
    return "\n".join(rows) + "\n"


def test_seed_rule_makes_a_rep_eligible_for_team_lead(tmp_path, playbook):
    need = streak_needed(playbook)
    history = write(tmp_path, streak_history({"P1": need}))
    result = check_person(playbook, read_history(history), "P1")
    data = career_check_json(result)
    assert set(data) == {"person_id", "current_role", "on_target_streak", "tracks"}
    assert data["current_role"] == "sales_rep" and data["on_target_streak"] == need
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
    assert criteria["lead_probation_confirmed"]["met"] is None  # no people table given
    assert set(tracks["management"]["criteria"][0]) == {"id", "met", "detail"}
    assert "not yet" not in career_check_text(result).splitlines()[1]


def test_one_quarter_short_is_not_enough(tmp_path, playbook):
    history = write(tmp_path, streak_history({"P2": streak_needed(playbook) - 1}))
    data = career_check_json(check_person(playbook, read_history(history), "P2"))
    assert all(t["eligible"] is False for t in data["tracks"])


def test_people_and_trainings_decide_probation_and_tracks(playbook):
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
    growing = next(t for t in playbook.tracks if t.id == "growing")
    done = [m.id for m in growing.modules][:-1]
    trainings = pd.DataFrame(
        {
            "person_id": ["P1"] * len(done),
            "module_id": done,
            "completed_on": [pd.Timestamp("2026-04-01")] * len(done),
        }
    )
    result = check_person(playbook, history, "P1", people, trainings)
    management = next(t for t in result.tracks if t.track == "management")
    met = {c.id: c for c in management.criteria}
    assert met["lead_probation_confirmed"].met is False
    assert "still in the 3-month probation" in met["lead_probation_confirmed"].detail
    assert met["lead_growing_track"].met is False
    assert missing_modules(result) == {"growing": [growing.modules[-1].id]}
    assert not management.eligible


def test_kpi_criteria_are_open(playbook):
    tables = sample.generate()
    history = history_from_tables(tables)
    lead = tables["people"].loc[tables["people"]["role"] == "team_lead", "person_id"].iloc[0]
    result = check_person(
        playbook,
        history,
        lead,
        tables["people"],
        tables["trainings"],
        role_changes=tables["role_changes"],
    )
    management = next(t for t in result.tracks if t.track == "management")
    assert management.next_role == "supervisor"
    kpi = next(c for c in management.criteria if c.check == "kpi_status")
    assert kpi.met is None and kpi.detail == "judged on the team's scorecard"
    expert = next(t for t in result.tracks if t.track == "expert")
    assert expert.next_role is None and not expert.eligible


def test_history_from_tables_matches_won_deals():
    tables = sample.generate()
    history = history_from_tables(tables)
    assert set(history["person_id"]) == set(tables["targets"]["person_id"])
    assert history["target"].sum() == pytest.approx(tables["targets"]["target"].sum())
    assert (history["actual"] >= 0).all()


def test_team_view(playbook):
    tables = sample.generate()
    view = team_view(
        playbook,
        history_from_tables(tables),
        tables["people"],
        tables["trainings"],
        tables["role_changes"],
    )
    assert {"person_id", "track", "next_role", "eligible"} <= set(view.columns)
    assert view["eligible"].iloc[0] or not view["eligible"].any()
    left = tables["people"].loc[tables["people"]["left_on"].notna(), "person_id"]
    assert not set(view["person_id"]) & set(left)


def test_unknown_person_names_the_closest(tmp_path, playbook):
    with pytest.raises(SalesplaybookError, match="'P3' is not in the history; closest ids: P2, P1"):
        check_person(playbook, read_history(write(tmp_path, HISTORY)), "P3")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("person_id,period,target\nP1,2026-Q1,1\n", "row 1: missing column 'actual'"),
        ("person_id,period,target,actual\nP1,2026-5,1,1\n", "row 2: column 'period': bad period"),
        ("person_id,period,target,actual\nP1,2026-Q1,-1,1\n", "row 2: column 'target'.*negative"),
        (
            "person_id,period,target,actual\nP1,2026-Q1,1,x\n",
            "row 2: column 'actual'.*not a number",
        ),
        ("person_id,period,target,actual\nP1,2026-Q1,1,1\nP1,2026-Q1,2,2\n", "row 3.*twice"),
        ("person_id,period,target,actual\n", "no rows"),
    ],
)
def test_bad_history(tmp_path, text, message):
    with pytest.raises(SalesplaybookError, match=f"history.csv: {message}"):
        read_history(write(tmp_path, text))


def test_bad_as_of(tmp_path, playbook):
    with pytest.raises(SalesplaybookError, match="as of"):
        check_person(playbook, read_history(write(tmp_path, HISTORY)), "P1", as_of="soon")


def test_a_period_outside_the_years_is_a_clean_error(tmp_path, playbook):
    """0000-Q1 was a ValueError (year 0) when the quarter's last day was computed."""
    text = "person_id,period,target,actual\nP1,2026-Q1,1,1\nP1,0000-Q1,1,1\n"
    with pytest.raises(
        SalesplaybookError,
        match=r"history.csv: row 3: column 'period': .*'0000-Q1': the year must be from 1900",
    ):
        read_history(write(tmp_path, text))
    history = read_history(write(tmp_path, HISTORY))
    with pytest.raises(
        SalesplaybookError, match=r"as of '0000-Q1': .*the year must be from 1900 to 2199"
    ):
        check_person(playbook, history, "P1", as_of="0000-Q1")


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
    from salesplaybook.tools.career import criterion_detail
    from salesplaybook.views.labels import label

    playbook, _, result, _ = sample_check
    checks = [c for t in result.tracks for c in t.criteria]
    for c in checks:
        assert criterion_detail(c, "en") == c.detail
    streak = next(c for c in checks if c.check == "on_target_streak")
    assert criterion_detail(streak, "zh", playbook) == label("detail_streak", "zh", **streak.facts)
    track = next(c for c in checks if c.check == "track_completed")
    growing = next(t for t in playbook.tracks if t.id == track.training_track)
    assert growing.name.zh in criterion_detail(track, "zh", playbook)


def test_a_shared_names_instance_gives_the_same_details(sample_check):
    from salesplaybook.tools.career import _Names, criterion_detail

    playbook, _, result, _ = sample_check
    for lang in ("en", "zh"):
        names = _Names(playbook, lang)
        for c in (c for t in result.tracks for c in t.criteria):
            assert criterion_detail(c, lang, playbook, names) == criterion_detail(c, lang, playbook)


def test_missing_modules_are_listed_in_the_editions_way(playbook):
    from salesplaybook.tools.career import CriterionCheck, criterion_detail
    from salesplaybook.views.labels import label

    track = playbook.tracks[0]
    first, second = track.modules[0], track.modules[1]
    facts = {"done": 0, "total": 2, "track": track.id, "missing": (first.id, second.id)}
    check = CriterionCheck(
        "c", "track_completed", False, "", reason="detail_track_missing", facts=facts
    )
    assert f"{first.id}, {second.id}" in criterion_detail(check, "en", playbook)
    zh = criterion_detail(check, "zh", playbook)
    assert f"{first.title.zh}{label('list_sep', 'zh')}{second.title.zh}" in zh


def test_text_in_chinese(sample_check):
    from salesplaybook.views.labels import label

    playbook, _, result, _ = sample_check
    text = career_check_text(result, "zh", playbook)
    rep = next(r for r in playbook.roles if r.id == result.current_role)
    assert text.splitlines()[0].startswith(f"{result.person_id}：{rep.name.zh}")
    for track in playbook.career_tracks:
        assert track.name.zh in text
    assert label("criterion_open", "zh") in text
    assert "sales_rep" not in text and "management" not in text
    assert career_check_text(result).splitlines()[0].startswith(f"{result.person_id}: sales_rep")


def test_person_line(sample_check):
    from salesplaybook.tools.career import person_line
    from salesplaybook.views.labels import label

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
    from salesplaybook.tools.career import ladder_table, training_gaps
    from salesplaybook.views.labels import label

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
    assert len(gaps) and set(gaps[label("col_title", "zh")]) <= titles
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
    from salesplaybook.tools.career import team_summary, team_table
    from salesplaybook.views.labels import label

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
    from salesplaybook.tools.career import streak_chart
    from salesplaybook.views.labels import label

    _, history, result, _ = sample_check
    (ax,) = streak_chart(history, result.person_id, "zh").axes
    assert ax.get_title() == label("streak_title", "zh")
    assert ax.get_ylabel() == label("streak_axis", "zh")
    assert len(ax.patches) == (history["person_id"] == result.person_id).sum()


def test_streak_chart_agrees_with_the_streak_when_a_target_is_zero():
    from matplotlib.colors import to_hex

    from salesplaybook.tools.career import streak_chart

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
    heights = [bar.get_height() for bar in ax.patches]
    assert all(pd.notna(h) and abs(h) != float("inf") for h in heights)
    assert heights == pytest.approx([50.0, 0.0, 150.0, 150.0])  # 0/0 as 0, x/0 as the tallest
    colours = [to_hex(bar.get_facecolor()) for bar in ax.patches]
    on, off = "#1f6f8b", "#c0504d"
    assert colours == [off, on, on, on]
    # The blue bars that end the chart are the streak.
    trailing = len(colours) - max(i + 1 for i, c in enumerate(colours) if c == off)
    assert trailing == on_target_streak(history, "P1")


def read_history_frame(rows):
    from salesplaybook.core.periods import parse_period
    from salesplaybook.tools.career import _history_frame

    frame = pd.DataFrame(rows, columns=["person_id", "period", "target", "actual"])
    frame["quarter"] = [parse_period(p) for p in frame["period"]]
    frame["role"] = None
    return _history_frame(frame)
