"""The career check's facts: the history, the streak, each criterion's met and reason, the team
view. How they read (text, JSON, tables, chart) is tested in ``test_views_career.py``."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import add_months_to_date
from salesplaybook.data import sample
from salesplaybook.tools.career import (
    attainment,
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
    assert result.current_role == "sales_rep"
    assert result.on_target_streak == need
    tracks = {t.track: t for t in result.tracks}
    assert tracks["management"].next_role == "team_lead"
    assert tracks["management"].eligible is True
    criteria = {c.id: c for c in tracks["management"].criteria}
    assert criteria["lead_quarters_on_target"].met is True
    assert criteria["lead_quarters_on_target"].facts == {
        "streak": need,
        "period": "2026-Q2",
        "need": need,
    }
    panel = criteria["lead_panel_interview"]
    assert (panel.met, panel.reason, dict(panel.facts)) == (None, "detail_assessment", {})
    probation = criteria["lead_probation_confirmed"]
    assert (probation.met, probation.reason) == (None, "detail_no_people")  # no people table


def test_one_quarter_short_is_not_enough(tmp_path, playbook):
    history = write(tmp_path, streak_history({"P2": streak_needed(playbook) - 1}))
    result = check_person(playbook, read_history(history), "P2")
    assert all(t.eligible is False for t in result.tracks)


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
    probation = met["lead_probation_confirmed"]
    assert probation.reason == "detail_probation"
    assert probation.facts == {"need": criterion_min(playbook, probation.id), "date": "2026-05-01"}
    assert met["lead_growing_track"].met is False
    assert missing_modules(result) == {"growing": [growing.modules[-1].id]}
    assert not management.eligible


def criterion_min(playbook, criterion_id: str) -> int:
    """A criterion's minimum as the playbook sets it (never copied here)."""
    criteria = [c for t in playbook.career_tracks for s in t.steps for c in s.criteria]
    return int(next(c for c in criteria if c.id == criterion_id).min)


def test_tenure_counts_whole_months_as_the_kpi_engine_does(playbook):
    """A month that ends on a shorter month's last day counts in full (Jan 31 + 1 month = Feb 28,
    as the KPI engine's probation and :func:`salesplaybook.core.periods.whole_months_between`
    count). The old count of its own (day of month compared) left such a month out."""
    need = criterion_min(playbook, "supervisor_tenure_as_lead")
    # A start whose ``need``-th month is shorter than its day: the end is that month's last day.
    days = (date.fromordinal(date(2024, 1, 1).toordinal() + i) for i in range(366))
    start = next(d for d in days if add_months_to_date(d, need).day < d.day)
    end = add_months_to_date(start, need)
    history = pd.DataFrame(
        {
            "person_id": ["L1"],
            "period": ["2026-Q1"],
            "quarter": [224],
            "target": [1.0],
            "actual": [1.0],
            "role": ["team_lead"],
        }
    )
    changes = pd.DataFrame(
        {"person_id": ["L1"], "to_role": ["team_lead"], "changed_on": [pd.Timestamp(start)]}
    )

    def tenure(as_of: date):
        result = check_person(playbook, history, "L1", as_of=str(as_of), role_changes=changes)
        management = next(t for t in result.tracks if t.track == "management")
        return next(c for c in management.criteria if c.id == "supervisor_tenure_as_lead")

    done = tenure(end)
    assert done.met is True
    assert done.facts["months"] == need
    assert done.reason == "detail_tenure_change"
    assert done.facts["since"] == start.isoformat()
    short = tenure(date.fromordinal(end.toordinal() - 1))
    assert short.met is False
    assert short.facts["months"] == need - 1


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
    assert kpi.met is None
    assert kpi.reason == "detail_kpi"
    expert = next(t for t in result.tracks if t.track == "expert")
    assert expert.next_role is None
    assert not expert.eligible


def test_history_from_tables_matches_won_deals():
    tables = sample.generate()
    history = history_from_tables(tables)
    assert set(history["person_id"]) == set(tables["targets"]["person_id"])
    assert history["target"].sum() == pytest.approx(tables["targets"]["target"].sum())
    assert (history["actual"] >= 0).all()


def test_history_from_tables_counts_a_deal_in_the_quarter_it_closed():
    tables = sample.generate()
    history = history_from_tables(tables).set_index(["person_id", "period"])
    deals = tables["deals"]
    won = deals.loc[(deals["stage"] == "won") & deals["closed_on"].notna()]
    quarter = pd.to_datetime(won["closed_on"]).dt.to_period("Q")
    label = quarter.dt.year.astype(str) + "-Q" + quarter.dt.quarter.astype(str)
    expected = won.groupby([won["person_id"], label])["amount"].sum()
    actual = history["actual"]
    for key, amount in zip(expected.index, expected, strict=True):
        if key in history.index:
            assert actual.loc[key] == pytest.approx(amount), key


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


def test_attainment_agrees_with_the_streak_when_a_target_is_zero():
    history = read_history_frame(
        [
            ("P1", "2025-Q3", 100.0, 50.0),  # below
            ("P1", "2025-Q4", 0.0, 0.0),  # no target, nothing sold: on target (0 >= 0)
            ("P1", "2026-Q1", 0.0, 40.0),  # no target, something sold: on target
            ("P1", "2026-Q2", 100.0, 150.0),  # on target
        ]
    )
    assert on_target_streak(history, "P1") == 3
    got = attainment(history, "P1")
    assert got["on_target"].tolist() == [False, True, True, True]
    ratio = got["attainment"].tolist()
    assert ratio[0] == 0.5
    assert ratio[3] == 1.5
    assert pd.isna(ratio[1])  # no ratio of a zero target
    assert pd.isna(ratio[2])


def read_history_frame(rows):
    from salesplaybook.core.periods import parse_period
    from salesplaybook.tools.career import _history_frame

    frame = pd.DataFrame(rows, columns=["person_id", "period", "target", "actual"])
    frame["quarter"] = [parse_period(p) for p in frame["period"]]
    frame["role"] = None
    return _history_frame(frame)
