"""Who may apply for the next role: the career tracks' criteria checked against the data.

The seed's rule is concrete (a sales rep on target for a number of consecutive quarters may apply
for team lead), and the playbook writes every promotion criterion as data
(:class:`salesplaybook.content.model.Criterion`). This module checks those criteria for one person,
so a supervisor can answer "am I eligible?" with the same facts for everyone, and see for the whole
team who is ready for what.

Not every criterion is a fact in the data. A criterion judged on the team's scorecard
(``kpi_status``) or by a panel (``assessment``) is listed with ``met`` None: it neither blocks nor
grants eligibility, but the person sees that it is still ahead. A criterion whose data was not
given (no people table for the probation check, no trainings for a track) is None as well, with a
reason that says what is missing. ``eligible`` means no criterion is known to fail.

A check holds facts (a reason id and the values behind it), never words, so that one check reads
in either language: :mod:`salesplaybook.views.career` words it. Months and quarters are counted by
:mod:`salesplaybook.core.periods`, as the KPI engine counts them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.content.model import CareerTrack, Criterion, Playbook
from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.core.periods import (
    parse_period,
    period_label,
    quarter_bounds,
    quarter_of,
    whole_months_between,
)
from salesplaybook.core.suggest import closest, hint
from salesplaybook.data.rowfiles import cell_problem, number_cell, read_rows

HISTORY_COLUMNS = ("person_id", "period", "target", "actual")


# --- The history of targets and results --------------------------------------------------------


def read_history(path: Path | str, roles: Collection[str] | None = None) -> pd.DataFrame:
    """A history CSV (``person_id,period,target,actual`` and optionally ``role``) as a frame with
    the columns ``person_id, period, quarter, target, actual, role``, sorted by person and
    quarter. ``quarter`` is the period's number (:func:`salesplaybook.core.periods.parse_period`).

    Numbers may be written as spreadsheets show them ("1,234", "¥98,000"). A bad period, a
    negative or non-numeric amount, or the same person and period twice is an error naming the
    file, the row and the column. With ``roles`` (the playbook's role ids), a role that is not one
    of them is such an error too, with the closest id offered.
    """
    path = Path(path)
    records: list[dict[str, Any]] = []
    seen: dict[tuple[str, int], int] = {}
    for row in read_rows(path, HISTORY_COLUMNS, ("role",)):
        person = row.cells["person_id"]
        if not person:
            raise cell_problem(path, row, "person_id", "the person id is empty")
        try:
            quarter = parse_period(row.cells["period"])
        except SalesplaybookError as err:
            raise cell_problem(path, row, "period", str(err)) from err
        if (person, quarter) in seen:
            raise cell_problem(
                path,
                row,
                "period",
                f"{person} has {row.cells['period']} twice (first on row {seen[person, quarter]})",
            )
        seen[person, quarter] = row.line
        role = row.cells.get("role") or None
        if role is not None and roles is not None and role not in roles:
            raise cell_problem(path, row, "role", f"unknown role {role!r}; {hint(role, roles)}")
        records.append(
            {
                "person_id": person,
                "period": period_label(quarter),
                "quarter": quarter,
                "target": number_cell(path, row, "target"),
                "actual": number_cell(path, row, "actual"),
                "role": role,
            }
        )
    if not records:
        raise SalesplaybookError(f"{display_path(path)}: no rows: the history is empty")
    return _history_frame(pd.DataFrame.from_records(records))


def _history_frame(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.sort_values(["person_id", "quarter"], kind="stable").reset_index(drop=True)
    frame["target"] = frame["target"].astype(float)
    frame["actual"] = frame["actual"].astype(float)
    frame["quarter"] = frame["quarter"].astype("int64")
    return frame[["person_id", "period", "quarter", "target", "actual", "role"]]


def history_from_tables(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The history of every person with a target, from raw tables (the sample's or a CRM's):
    per person and quarter the summed target, and as ``actual`` the amount of the deals won
    (stage ``won``) with ``closed_on`` in that quarter, the same rule the KPI engine uses for
    attainment. ``role`` is the person's current role from ``people``."""
    targets = tables["targets"]
    if targets.empty:
        raise SalesplaybookError("the targets table is empty: there is no history to check")
    target = targets.assign(quarter=[parse_period(p) for p in targets["period"]])
    target = target.groupby(["person_id", "quarter"])["target"].sum().reset_index()
    deals = tables["deals"]
    won = deals.loc[
        (deals["stage"] == "won").fillna(False).astype(bool) & deals["closed_on"].notna()
    ]
    closed = pd.to_datetime(won["closed_on"]).to_numpy().astype("datetime64[D]")
    actual = (
        won.assign(quarter=quarter_of(closed.astype(np.int64)))
        .groupby(["person_id", "quarter"])["amount"]
        .sum()
        .rename("actual")
        .reset_index()
    )
    frame = target.merge(actual, on=["person_id", "quarter"], how="left")
    frame["actual"] = frame["actual"].fillna(0.0)
    frame["person_id"] = frame["person_id"].astype(str)
    frame["period"] = [period_label(int(q)) for q in frame["quarter"]]
    people = tables.get("people")
    roles: dict[str, str] = {}
    if people is not None:
        roles = dict(zip(people["person_id"].astype(str), people["role"].astype(str), strict=True))
    frame["role"] = [roles.get(p) for p in frame["person_id"]]
    return _history_frame(frame)


def on_target_streak(history: pd.DataFrame, person_id: str) -> int:
    """Consecutive on-target quarters (actual >= target) that end at the person's latest quarter;
    a quarter missing from the history breaks the streak, as a quarter off target does."""
    rows = history.loc[history["person_id"] == person_id].sort_values("quarter")
    streak = 0
    expected: int | None = None
    for quarter, target, actual in zip(
        reversed(rows["quarter"].tolist()),
        reversed(rows["target"].tolist()),
        reversed(rows["actual"].tolist()),
        strict=True,
    ):
        if (expected is not None and quarter != expected) or actual < target:
            break
        streak += 1
        expected = quarter - 1
    return streak


def attainment(history: pd.DataFrame, person_id: str) -> pd.DataFrame:
    """The person's quarters in order, with ``attainment`` (actual over target; NaN where the
    target is zero, as the ratio has no value) and ``on_target`` as :func:`on_target_streak`
    decides it (actual >= target, so a zero target is met)."""
    mine = history.loc[history["person_id"] == person_id].sort_values("quarter")
    ratio = (mine["actual"] / mine["target"]).replace([np.inf, -np.inf], np.nan)
    return mine.assign(attainment=ratio, on_target=mine["actual"] >= mine["target"])


# --- Checking one person -----------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionCheck:
    id: str
    check: str
    #: True or False when the data decides it; None when a person or the scorecard does, or the
    #: data that would decide it was not given.
    met: bool | None
    #: Why: the id of the reason (``detail_streak``, ``detail_probation``, ...; the views word it
    #: as the label of that key) and the facts it is filled with.
    reason: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    #: For ``track_completed``: the training track and its modules not yet completed.
    training_track: str | None = None
    missing_modules: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrackCheck:
    track: str
    #: The next role on this track; None when the current role is not on it or is its top.
    next_role: str | None
    eligible: bool
    criteria: list[CriterionCheck]


@dataclass(frozen=True)
class CareerCheck:
    person_id: str
    current_role: str
    on_target_streak: int
    latest_period: str
    tracks: list[TrackCheck]


@dataclass(frozen=True)
class _Facts:
    """What the criteria of one person are checked against."""

    person_id: str
    role: str
    streak: int
    latest_period: str
    as_of: date
    person: pd.Series | None  # the person's row of ``people``; None without a people table
    role_since: tuple[date, str] | None  # when the current role began, and how (a reason id)
    completed: set[str] | None  # completed module ids; None without a trainings table


def check_person(
    playbook: Playbook,
    history: pd.DataFrame,
    person_id: str,
    people: pd.DataFrame | None = None,
    trainings: pd.DataFrame | None = None,
    as_of: str | None = None,
    role_changes: pd.DataFrame | None = None,
) -> CareerCheck:
    """Check every career track's next step for one person.

    ``as_of`` is a date (``2026-09-30``) or a quarter (``2026-Q3``, meaning its last day); by
    default the last day of the person's latest quarter in the history, so that the same files
    give the same answer on any day. ``people`` gives the current role, hire and confirmation
    dates; ``role_changes`` when the current role began; ``trainings`` completed modules.
    """
    person_id = str(person_id).strip()
    rows = history.loc[history["person_id"] == person_id]
    if rows.empty:
        raise SalesplaybookError(_unknown_person(person_id, history["person_id"].unique().tolist()))
    latest = int(rows["quarter"].max())
    day = _as_of_date(as_of) if as_of is not None else quarter_bounds(latest)[1]
    person = _person_row(people, person_id)
    role = _current_role(playbook, rows, person)
    facts = _Facts(
        person_id=person_id,
        role=role,
        streak=on_target_streak(history, person_id),
        latest_period=period_label(latest),
        as_of=day,
        person=person,
        role_since=_role_since(person_id, role, person, role_changes, day),
        completed=_completed(trainings, person_id, day),
    )
    tracks = [_check_track(playbook, track, facts) for track in playbook.career_tracks]
    return CareerCheck(person_id, role, facts.streak, facts.latest_period, tracks)


def _unknown_person(person_id: str, known: list[str]) -> str:
    close = closest(person_id, sorted(map(str, known)), n=3, cutoff=0.0)
    hint = f"; closest ids: {', '.join(close)}" if close else ""
    return f"person {person_id!r} is not in the history{hint}"


def _as_of_date(text: str) -> date:
    try:
        return quarter_bounds(parse_period(text))[1]
    except SalesplaybookError as err:
        if re.fullmatch(r"\d{4}-Q[1-4]", text):  # a quarter, but of a year out of range
            raise SalesplaybookError(f"as of {text!r}: {err}") from None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise SalesplaybookError(
            f"as of {text!r}: not a date like 2026-09-30 or a quarter like 2026-Q3"
        ) from err


def _day(value: object) -> date | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def _person_row(people: pd.DataFrame | None, person_id: str) -> pd.Series | None:
    if people is None:
        return None
    match = people.loc[people["person_id"].astype(str) == person_id]
    return None if match.empty else match.iloc[0]


def _current_role(playbook: Playbook, rows: pd.DataFrame, person: pd.Series | None) -> str:
    """The role in the latest history row; else the people table's; else the entry role that
    both career tracks share (a history without roles is a history of sales reps)."""
    if "role" in rows.columns:
        latest = rows.sort_values("quarter")["role"].iloc[-1]
        if isinstance(latest, str) and latest:
            return latest
    if person is not None and isinstance(person.get("role"), str):
        return str(person["role"])
    entry = {t.steps[0].role for t in playbook.career_tracks}
    return entry.pop() if len(entry) == 1 else "sales_rep"


def _role_since(
    person_id: str,
    role: str,
    person: pd.Series | None,
    role_changes: pd.DataFrame | None,
    as_of: date,
) -> tuple[date, str] | None:
    if role_changes is not None and not role_changes.empty:
        mine = role_changes.loc[
            (role_changes["person_id"].astype(str) == person_id)
            & (role_changes["to_role"].astype(str) == role)
        ]
        days = [d for d in map(_day, mine["changed_on"]) if d is not None and d <= as_of]
        if days:
            return max(days), "detail_tenure_change"
    if person is not None:
        hired = _day(person.get("hired_on"))
        if hired is not None:
            return hired, "detail_tenure_hire"
    return None


def _completed(trainings: pd.DataFrame | None, person_id: str, as_of: date) -> set[str] | None:
    if trainings is None:
        return None
    mine = trainings.loc[trainings["person_id"].astype(str) == person_id]
    done = set()
    for module, completed in zip(mine["module_id"], mine["completed_on"], strict=True):
        day = _day(completed)
        if day is not None and day <= as_of:
            done.add(str(module))
    return done


def _check_track(playbook: Playbook, track: CareerTrack, facts: _Facts) -> TrackCheck:
    roles = track.roles
    if facts.role not in roles or roles.index(facts.role) == len(roles) - 1:
        return TrackCheck(track.id, None, False, [])
    step = track.steps[roles.index(facts.role) + 1]
    checks = [_check(playbook, c, facts) for c in step.criteria]
    eligible = all(c.met is not False for c in checks)
    return TrackCheck(track.id, step.role, eligible, checks)


def _check(playbook: Playbook, criterion: Criterion, facts: _Facts) -> CriterionCheck:
    met, reason, values = _evaluate(playbook, criterion, facts)
    if criterion.check == "track_completed" and criterion.track is not None:
        done = facts.completed or set()
        todo = [m for m in _track_modules(playbook, criterion.track) if m not in done]
        missing = tuple(todo) if met is False else ()
        return CriterionCheck(
            criterion.id, criterion.check, met, reason, values, criterion.track, missing
        )
    return CriterionCheck(criterion.id, criterion.check, met, reason, values)


def _evaluate(
    playbook: Playbook, c: Criterion, facts: _Facts
) -> tuple[bool | None, str, dict[str, Any]]:
    """Whether the criterion is met, and the reason id and the facts behind it."""
    need = int(c.min) if c.min is not None else 0
    if c.check == "on_target_streak":
        values = {"streak": facts.streak, "period": facts.latest_period, "need": need}
        return facts.streak >= need, "detail_streak", values
    if c.check == "tenure_months":
        if facts.role_since is None:
            return None, "detail_no_dates", {}
        since, how = facts.role_since
        months = whole_months_between(since, facts.as_of)
        values = {"months": months, "role": facts.role, "since": since.isoformat(), "need": need}
        return months >= need, how, values
    if c.check == "probation_passed":
        if facts.person is None:
            return None, "detail_no_people", {}
        confirmed = _day(facts.person.get("confirmed_on"))
        if confirmed is not None and confirmed <= facts.as_of:
            return True, "detail_confirmed", {"date": confirmed.isoformat()}
        hired = _day(facts.person.get("hired_on"))
        if hired is not None and whole_months_between(hired, facts.as_of) < need:
            return False, "detail_probation", {"need": need, "date": hired.isoformat()}
        return False, "detail_not_confirmed", {}
    if c.check == "track_completed":
        modules = _track_modules(playbook, c.track or "")
        if facts.completed is None:
            return None, "detail_no_trainings", {}
        missing = tuple(m for m in modules if m not in facts.completed)
        values = {
            "done": len(modules) - len(missing),
            "total": len(modules),
            "track": c.track,
            "missing": missing,
        }
        return not missing, "detail_track_missing" if missing else "detail_track", values
    if c.check == "kpi_status":
        return None, "detail_kpi", {}
    return None, "detail_assessment", {}


def _track_modules(playbook: Playbook, track_id: str) -> list[str]:
    for track in playbook.tracks:
        if track.id == track_id:
            return [m.id for m in track.modules]
    raise SalesplaybookError(
        f"career criterion names the training track {track_id!r}, which the playbook does not have"
    )


def missing_modules(result: CareerCheck) -> dict[str, list[str]]:
    """Training modules that would close the gaps, by training track, from every unmet
    ``track_completed`` criterion of the person's next steps (each module once)."""
    out: dict[str, list[str]] = {}
    for t in result.tracks:
        for c in t.criteria:
            if c.training_track is not None and c.missing_modules:
                have = out.setdefault(c.training_track, [])
                have += [m for m in c.missing_modules if m not in have]
    return out


# --- The whole team ----------------------------------------------------------------------------


def team_view(
    playbook: Playbook,
    history: pd.DataFrame,
    people: pd.DataFrame,
    trainings: pd.DataFrame | None = None,
    role_changes: pd.DataFrame | None = None,
    as_of: str | None = None,
) -> pd.DataFrame:
    """Who is eligible for what: one row per person still employed with a next step on some
    track, and per track that step, whether they may apply, and the criteria still failing or
    open. Sorted so that the eligible come first."""
    records = []
    ids = set(history["person_id"].astype(str))
    for _, person in people.iterrows():
        pid = str(person["person_id"])
        if pid not in ids or _day(person.get("left_on")) is not None:
            continue
        result = check_person(
            playbook, history, pid, people, trainings, as_of=as_of, role_changes=role_changes
        )
        for t in result.tracks:
            if t.next_role is None:
                continue
            records.append(
                {
                    "person_id": pid,
                    "name": person.get("name", pid),
                    "role": result.current_role,
                    "streak": result.on_target_streak,
                    "track": t.track,
                    "next_role": t.next_role,
                    "eligible": t.eligible,
                    "not_met": ", ".join(c.id for c in t.criteria if c.met is False),
                    "open": ", ".join(c.id for c in t.criteria if c.met is None),
                }
            )
    columns = [
        "person_id",
        "name",
        "role",
        "streak",
        "track",
        "next_role",
        "eligible",
        "not_met",
        "open",
    ]
    frame = pd.DataFrame.from_records(records, columns=columns)
    return frame.sort_values(
        ["eligible", "streak", "person_id", "track"],
        ascending=[False, False, True, True],
        kind="stable",
    ).reset_index(drop=True)
