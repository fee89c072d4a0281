"""Who sells where and when, what each person is expected to sell, and how deals find a seller:
the rosters, the targets and the ``targets`` table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.data.sample.arrays import Groups
from salesplaybook.data.sample.constants import (
    IC,
    KIND_SUPERVISOR,
    LEAD,
    REGION_POTENTIAL,
    SE,
    SEASON,
    YEAR,
    Arr,
)
from salesplaybook.data.sample.people import role_at
from salesplaybook.data.sample.state import Organisation, Rosters, Targets
from salesplaybook.data.sample.writer import frame


def make_rosters(org: Organisation) -> Rosters:
    """Who sells where and when: the rosters deals are handed out from."""
    cal, people, teams = org.cal, org.people, org.teams
    n_months, n_q = len(cal.m_start), cal.n_quarters
    left = np.where(np.isnan(people.left), np.inf, people.left)
    seller = people.kind != KIND_SUPERVISOR
    in_span = np.arange(n_months) < cal.n_months
    # After the span, only people still in post can be handed deals.
    active = (people.hired[:, None] <= cal.m_end[None, :]) & (left[:, None] >= cal.m_start)
    active &= (in_span[None, :] | np.isinf(left)[:, None]) & seller[:, None]
    role_m = role_at(org, cal.m_start)
    tenure_m = (cal.m_start[None, :] - people.hired[:, None]) / YEAR
    senior_m = np.isin(role_m, [LEAD, IC, SE]) | (tenure_m >= 3)
    person, month = np.nonzero(active)
    key = people.team[person] * n_months + month
    sel = senior_m[person, month]

    # Days in post per quarter; a quarter with 30 days or more carries a target.
    first = np.maximum(people.hired[:, None], cal.q_start[None, :n_q])
    last = np.minimum(np.fmin(people.left, cal.end)[:, None], cal.q_end[None, :n_q])
    days_in = np.maximum(last - first + 1, 0) * seller[:, None]
    # Turns are taken by those with a target, and after the span by those still in post.
    n_turn = n_q + 2
    in_post = seller & np.isnan(people.left)
    turns = np.concatenate([days_in >= 30, np.repeat(in_post[:, None], 2, axis=1)], 1)
    t_person, t_quarter = np.nonzero(turns)
    return Rosters(
        n_months=n_months,
        team=Groups(key, person, teams.n * n_months),
        senior=Groups(key[sel], person[sel], teams.n * n_months),
        anyone=Groups(month, person, n_months),
        supervisors=np.flatnonzero(people.kind == KIND_SUPERVISOR),
        days_in=days_in,
        n_turn_quarters=n_turn,
        turns=Groups(people.team[t_person] * n_turn + t_quarter, t_person, teams.n * n_turn),
    )


def pick_person(org: Organisation, team: Arr, days: Arr, senior: bool = False) -> Arr:
    """Someone of the team who sells in the month of each day (at random), else anyone who
    does, else a supervisor: a deal always has a person."""
    rosters = org.rosters
    n_months = rosters.n_months
    month = np.clip(org.cal.month_of(days), 0, n_months - 1)
    u = org.rng.random(len(days))
    key = np.maximum(team, 0) * n_months + month
    person = np.full(len(days), -1, dtype=np.int64)
    if senior:
        person = np.where(team >= 0, rosters.senior.pick(key, u), -1)
    person = np.where(person < 0, np.where(team >= 0, rosters.team.pick(key, u), -1), person)
    person = np.where(person < 0, rosters.anyone.pick(month, u), person)
    fallback = rosters.supervisors[np.floor(u * len(rosters.supervisors)).astype(np.int64)]
    return np.where(person < 0, fallback, person)


def take_turns(org: Organisation, team: Arr, days: Arr) -> tuple[Arr, Arr]:
    """Persons for deals closing on ``days``, in turn within each team and quarter, and
    each day moved into the person's time in post within that quarter."""
    cal, rng, people = org.cal, org.rng, org.people
    n_turn = org.rosters.n_turn_quarters
    quarter = np.clip(cal.quarter_of(days), 0, n_turn - 1)
    key = np.maximum(team, 0) * n_turn + quarter
    order = np.lexsort((rng.random(len(key)), key))
    sorted_key = key[order]
    rank = np.arange(len(key)) - np.searchsorted(sorted_key, sorted_key, side="left")
    shift = rng.integers(0, 1 << 30, org.teams.n * n_turn)
    person = np.empty(len(key), dtype=np.int64)
    person[order] = org.rosters.turns.cycle(sorted_key, rank, shift[sorted_key])
    person = np.where((person < 0) | (team < 0), pick_person(org, team, days), person)
    lo = np.maximum(people.hired[person], cal.q_start[quarter])
    hi = np.fmin(people.left[person], cal.q_end[quarter])
    return person, np.clip(days, lo, np.maximum(hi, lo))


def set_targets(org: Organisation) -> Targets:
    """Each quarter's target of each person, and what the person will achieve, by design."""
    rng, cal, people = org.rng, org.cal, org.people
    n_q = cal.n_quarters
    q_start = cal.q_start[:n_q]
    role_q = role_at(org, q_start)
    tenure = (q_start[None, :] - people.hired[:, None]) / YEAR
    stage_q = np.select([tenure < 1, tenure < 3], [0, 1], 2)
    # A quarter's target: by role and stage, the region's potential, the season (a light
    # Q1, a heavy Q4), growth, a ramp for newcomers, and the days in post.
    rep_base = np.array([130_000.0, 200_000.0, 270_000.0])[stage_q]
    base = np.select(
        [role_q == LEAD, role_q == IC, role_q == SE],
        [170_000.0, 300_000.0, 350_000.0],
        rep_base,
    )
    tenure_mid = tenure + 45 / YEAR
    ramp = np.select([tenure_mid < 0.25, tenure_mid < 0.5], [0.45, 0.7], 1.0)
    season = SEASON[cal.quarter_in_year()]
    growth = 1.06 ** (np.arange(n_q) / 4)
    days_in = org.rosters.days_in
    share = days_in / (cal.q_end[:n_q] - q_start + 1)
    potential = REGION_POTENTIAL[people.region][:, None]
    target = base * potential * season * growth * ramp * share
    target = np.round(target / 1000) * 1000
    has = (days_in >= 30) & (target > 0)

    # What each person will achieve, by design: skill, team and market, with noise.
    stage_adj = np.array([0.95, 1.0, 1.03])[stage_q]
    team_f = org.teams.attainment[np.maximum(people.team, 0)][:, None]
    noise = np.exp(rng.normal(0, 0.09, size=target.shape))
    skill = np.exp(0.12 * people.skill)[:, None]
    attainment = 1.02 * skill * stage_adj * team_f * org.market.factor * noise
    person, quarter = np.nonzero(has)
    return Targets(
        person=person,
        quarter=quarter,
        value=target[has],
        attainment=attainment[has],
        stage=stage_q,
    )


def targets_table(org: Organisation) -> pd.DataFrame:
    targets, names = org.targets, org.names
    data = {
        "person_id": names.person_ids[targets.person],
        "period": np.array(org.cal.periods, dtype=object)[targets.quarter],
        "target": targets.value,
    }
    order = np.lexsort((names.person_rank[targets.person], targets.quarter))
    return frame("targets", data, order)
