"""Teams and people: who is in post at the start, who is hired, confirmed, promoted and leaves,
and the ``people`` and ``role_changes`` tables."""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from salesplaybook.core import periods
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample.arrays import largest_remainder, take
from salesplaybook.data.sample.calendar import busday, workday
from salesplaybook.data.sample.constants import (
    GIVEN,
    IC,
    KIND_HIRE,
    KIND_INITIAL,
    KIND_LEAD,
    KIND_SUPERVISOR,
    LEAD,
    REGION_TEAM_SHARE,
    REGIONS,
    REP,
    SE,
    SUP,
    SURNAMES,
    YEAR,
    Arr,
)
from salesplaybook.data.sample.state import Careers, Organisation, People, Teams
from salesplaybook.data.sample.writer import frame


def form_teams(org: Organisation) -> Teams:
    rng = org.rng
    n_teams = max(1, round(org.reps / 9))
    n_regions = min(len(REGIONS), n_teams)
    per_region = 1 + largest_remainder(n_teams - n_regions, REGION_TEAM_SHARE[:n_regions])
    width = max(2, len(str(n_teams)))
    # Teams differ: some sell better, confirm more of their hires, train more, ...
    z = rng.normal(size=(9, n_teams))
    return Teams(
        n=n_teams,
        n_regions=n_regions,
        region=np.repeat(np.arange(n_regions), per_region),
        ids=np.array([f"T{i + 1:0{width}d}" for i in range(n_teams)], dtype=object),
        attainment=np.exp(0.05 * z[0]),
        confirm=np.clip(0.80 + 0.08 * z[1], 0.5, 0.97),
        training=np.clip(0.93 + 0.035 * z[2], 0.75, 0.995),
        conversion=np.exp(0.08 * z[3]),
        csat=0.08 * z[4],
        complaints=np.exp(0.3 * z[5]),
        usage=np.clip(0.85 + 0.07 * z[6], 0.55, 0.99),
        projects=np.exp(0.25 * z[7]),
        late=np.exp(0.35 * z[8]),
    )


def hire(org: Organisation) -> People:
    """Everyone in post at the start, and everyone hired during the span."""
    rng, cal, reps, teams = org.rng, org.cal, org.reps, org.teams
    n_teams = teams.n
    start, end = cal.start, cal.end
    years = cal.n_quarters / 4

    # Sellers in post when the span starts, at every career stage.
    min_size = max(1, int(0.8 * reps / n_teams))
    spread = rng.multinomial(reps - min_size * n_teams, np.full(n_teams, 1 / n_teams))
    sizes = min_size + spread
    init_team = np.repeat(np.arange(n_teams), sizes)
    stage = rng.choice(3, size=reps, p=[0.28, 0.42, 0.30])
    u = rng.random(reps)
    senior_tenure = np.minimum(3 + rng.exponential(3.0, reps), 20)
    init_tenure = np.select([stage == 0, stage == 1], [0.15 + 0.85 * u, 1 + 2 * u], senior_tenure)
    u = rng.random(reps)
    init_role = np.where(
        (init_tenure >= 5) & (u < 0.10),
        SE,
        np.where((init_tenure >= 3) & (u < 0.36), IC, REP),
    )
    # The expert track has people on it from the start: the longest-serving become its
    # first solution expert and consultant when chance gave it none.
    by_tenure = np.argsort(-init_tenure, kind="stable")
    for rank, role in enumerate((SE, IC)):
        if reps >= 5 and not (init_role == role).any():
            init_role[by_tenure[rank]] = role
    init_skill = rng.normal(size=reps)
    lead_tenure = 3 + rng.exponential(3.0, n_teams)
    lead_skill = rng.normal(0.4, 0.8, n_teams)
    sup_tenure = 6 + rng.exponential(4.0, teams.n_regions)
    sup_skill = rng.normal(0.6, 0.6, teams.n_regions)

    n_sup = teams.n_regions
    kind = np.repeat([KIND_INITIAL, KIND_LEAD, KIND_SUPERVISOR], [reps, n_teams, n_sup])
    tenure = np.concatenate([init_tenure, lead_tenure, sup_tenure])
    hired = busday(start - np.round(tenure * YEAR))
    team = np.concatenate([init_team, np.arange(n_teams), np.full(n_sup, -1)])
    role0 = np.concatenate([init_role, np.full(n_teams, LEAD), np.full(n_sup, SUP)])
    skill = np.concatenate([init_skill, lead_skill, sup_skill])
    # Core members: leaders, experts and the best experienced sellers.
    tenure_at_start = (start - hired) / YEAR
    core = np.isin(role0, [LEAD, SUP, IC, SE]) | (
        (kind == KIND_INITIAL) & (skill >= 0.75) & (tenure_at_start >= 1)
    )
    confirmed, left = _fates(org, hired, team, kind, core)
    # At least one team lead leaves, so that the management track sees a promotion.
    leads = np.flatnonzero(kind == KIND_LEAD)
    lead_pick = int(rng.integers(len(leads)))
    forced_day = workday(rng, start + 0.3 * (end - start), start + 0.7 * (end - start), 1)
    if cal.n_quarters >= 2 and np.isnan(left[leads]).all():
        left[leads[lead_pick]] = forced_day[0]

    # Hires: most leavers are replaced within weeks in their own team (and so are the
    # replacements who leave), and a few teams grow.
    n_growth = int(rng.poisson(0.05 * reps * years))
    growth_team = rng.choice(n_teams, size=n_growth, p=sizes / sizes.sum())
    growth_day = workday(rng, start, end - 7, n_growth)
    parts = [(kind, hired, team, role0, skill, core, confirmed, left)]
    batch_team, batch_left = team, left
    new_team, new_day = growth_team, growth_day
    for _ in range(3):  # a loop over generations of hires, not over people
        gone = np.flatnonzero(~np.isnan(batch_left) & (batch_team >= 0))
        gone = gone[rng.random(len(gone)) < 0.85]
        day = busday(batch_left[gone] + 15 + np.floor(45 * rng.random(len(gone))))
        ok = day <= end - 7
        h_team = np.concatenate([new_team, batch_team[gone][ok]]).astype(np.int64)
        h_day = np.concatenate([new_day, day[ok]])
        n_h = len(h_team)
        h_kind, h_core = np.full(n_h, KIND_HIRE), np.zeros(n_h, dtype=bool)
        h_confirmed, h_left = _fates(org, h_day, h_team, h_kind, h_core)
        h_skill = rng.normal(-0.1, 1.0, n_h)
        parts.append(
            (h_kind, h_day, h_team, np.full(n_h, REP), h_skill, h_core, h_confirmed, h_left)
        )
        batch_team, batch_left = h_team, h_left
        new_team, new_day = np.zeros(0, dtype=np.int64), np.zeros(0)
    kind, hired, team, role0, skill, core, confirmed, left = (
        np.concatenate([part[i] for part in parts]) for i in range(8)
    )
    region = np.where(team >= 0, teams.region[np.maximum(team, 0)], -1)
    region[kind == KIND_SUPERVISOR] = np.arange(n_sup)

    # Both outcomes of probation occur whenever at least two probations end in the span.
    probation_end = periods.add_months(hired, org.facts.probation_months)
    in_span = np.flatnonzero((probation_end >= start) & (probation_end <= end))
    passed = ~np.isnan(confirmed[in_span])
    if len(in_span) >= 2 and passed.all():
        fail = in_span[-1]
        confirmed[fail] = np.nan
        left[fail] = max(hired[fail], busday(probation_end[fail : fail + 1], "backward")[0])
    if len(in_span) >= 2 and not passed.any():
        confirmed[in_span[0]] = busday(probation_end[in_span[:1]])[0]
        left[in_span[0]] = np.nan

    return People(
        n=len(kind),
        kind=kind,
        team=team,
        region=region,
        role0=role0,
        skill=skill,
        hired=hired,
        confirmed=confirmed,
        left=left,
        core=core,
    )


def _fates(org: Organisation, hired: Arr, team: Arr, kind: Arr, core: Arr) -> tuple[Arr, Arr]:
    """When people are confirmed and when they leave: probation lasts the playbook's
    ``probation_months`` (those in post at the start passed it if it ended), then a yearly
    hazard, lower for core members and leads; supervisors stay."""
    rng, cal = org.rng, org.cal
    start, end, n = cal.start, cal.end, len(hired)
    probation_end = periods.add_months(hired, org.facts.probation_months)
    confirm_p = np.where(team >= 0, org.teams.confirm[np.maximum(team, 0)], 1.0)
    confirm_p = np.where(probation_end < start, 1.0, confirm_p)
    finished = probation_end <= end
    passed = finished & (rng.random(n) < confirm_p)
    confirmed = np.where(passed, busday(probation_end), np.nan)
    gone = busday(probation_end - np.floor(rng.random(n) * 10), "backward")
    left = np.where(finished & ~passed, np.maximum(gone, hired), np.nan)
    hazard = np.select([kind == KIND_SUPERVISOR, kind == KIND_LEAD, core], [0.0, 0.09, 0.12], 0.15)
    at_risk = np.where(np.isnan(confirmed), start, np.maximum(start, confirmed))
    leave_in = rng.exponential(1.0, n) / np.maximum(hazard, 1e-9) * YEAR
    leaves = passed & (hazard > 0) & (at_risk + leave_in <= end)
    leave_day = busday(np.where(leaves, at_risk + leave_in, end))
    leave_day = np.minimum(leave_day, busday(np.full(n, end), "backward"))
    return confirmed, np.where(leaves, leave_day, left)


def active_on(people: People, person: Arr, days: Arr) -> Arr:
    """Whether each person is in post on each day."""
    left = people.left[person]
    return np.asarray((people.hired[person] <= days) & (np.isnan(left) | (days <= left)))


def promote(org: Organisation) -> Careers:
    """Both career tracks: promotions on the expert track, successions on the management track.
    Makes everyone who ends in a leading or expert role a core member."""
    rng, cal, people, teams = org.rng, org.cal, org.people, org.teams
    n, start, end = people.n, cal.start, cal.end
    years = cal.n_quarters / 4
    tenure_at_start = (start - people.hired) / YEAR
    left = people.left

    # Expert track: reps become industry consultants, consultants solution experts; about
    # one or two a year in a team of ten, against the seed's bar of two.
    eligible = (
        (people.kind == KIND_INITIAL)
        & (people.role0 == REP)
        & (tenure_at_start >= 1.5)
        & (people.skill > -0.5)
    )
    p_ic = min(0.6, 1.1 * teams.n * years / max(1, int(eligible.sum())))
    day_ic = workday(rng, start + 0.05 * (end - start), start + 0.95 * (end - start), n)
    stays_ic = np.isnan(left) | (day_ic < left - 20)
    to_ic = eligible & stays_ic & (rng.random(n) < p_ic)
    p_se = min(0.5, 0.12 * years)
    day_se = workday(rng, start + 0.05 * (end - start), start + 0.95 * (end - start), n)
    eligible_se = (people.kind == KIND_INITIAL) & (people.role0 == IC)
    stays_se = np.isnan(left) | (day_se < left - 20)
    to_se = eligible_se & stays_se & (rng.random(n) < p_se)

    # Management track: when a team lead leaves, the team's best rep takes over. Leads who
    # leave are few (a loop over them, not over people); a successor may leave in turn.
    order = np.argsort(people.team, kind="stable")
    bounds = np.searchsorted(people.team[order], np.arange(teams.n + 1))
    members = [order[bounds[t] : bounds[t + 1]] for t in range(teams.n)]
    is_lead = people.role0 == LEAD
    queue = [
        (float(left[p]), int(people.team[p]), int(p))
        for p in np.flatnonzero(is_lead & ~np.isnan(left))
    ]
    heapq.heapify(queue)
    successions: list[tuple[int, float, int]] = []
    while queue:
        gone_on, t, _ = heapq.heappop(queue)
        day = float(busday(np.array([gone_on + 1]))[0])
        if day > end:
            continue
        cand = members[t]
        can = (
            np.isin(people.kind[cand], [KIND_INITIAL, KIND_HIRE])
            & (people.confirmed[cand] <= day)
            & (np.isnan(left[cand]) | (left[cand] > day + 30))
            & ~is_lead[cand]
            & np.isin(people.role0[cand], [REP, IC])
            & ~(to_se[cand] & (day_se[cand] <= day))
        )
        # Experienced people first; in a young team, whoever can.
        ok = can & (day - people.hired[cand] >= 1.5 * YEAR)
        ok = ok if ok.any() else can
        if not ok.any():
            continue
        best = int(cand[np.flatnonzero(ok)[np.argmax(people.skill[cand][ok])]])
        was_ic = people.role0[best] == IC or (to_ic[best] and day_ic[best] <= day)
        to_ic[best] &= day_ic[best] <= day  # no expert promotion after becoming lead
        to_se[best] &= day_se[best] <= day
        is_lead[best] = True
        successions.append((best, day, IC if was_ic else REP))
        if not np.isnan(left[best]):
            heapq.heappush(queue, (float(left[best]), t, best))

    # Each step of the expert track happens at least once where someone can take it.
    for chosen, can in ((to_ic, eligible & stays_ic), (to_se, eligible_se & stays_se)):
        can &= ~is_lead
        if not chosen.any() and can.any():
            chosen[np.flatnonzero(can)[np.argmax(people.skill[can])]] = True
    who_ic, who_se = np.flatnonzero(to_ic), np.flatnonzero(to_se)
    succ = np.array(successions, dtype=float).reshape(-1, 3)
    who_lead = succ[:, 0].astype(np.int64)
    role = people.role0.copy()
    for who, to in ((who_ic, IC), (who_se, SE), (who_lead, LEAD)):
        role[who] = to  # for any one person the three happen in this order
    people.core = people.core | np.isin(role, [LEAD, SUP, IC, SE])
    return Careers(
        person=np.concatenate([who_ic, who_se, who_lead]),
        day=np.concatenate([day_ic[who_ic], day_se[who_se], succ[:, 1]]),
        from_role=np.concatenate(
            [np.full(len(who_ic), REP), np.full(len(who_se), IC), succ[:, 2].astype(np.int64)]
        ),
        to_role=np.repeat([IC, SE, LEAD], [len(who_ic), len(who_se), len(succ)]),
        role=role,
    )


def role_at(org: Organisation, days: Arr) -> Arr:
    """Each person's role on each of ``days``: shape (people, days)."""
    careers = org.careers
    roles = np.repeat(org.people.role0[:, None], len(days), axis=1)
    for to in (IC, SE, LEAD):  # the order in which they can happen to one person
        sel = careers.to_role == to
        person, day = careers.person[sel], careers.day[sel]
        hit = days[None, :] >= day[:, None]
        rows = np.repeat(person[:, None], len(days), axis=1)
        cols = np.repeat(np.arange(len(days))[None, :], len(person), axis=0)
        roles[rows[hit], cols[hit]] = to
    return roles


def people_table(org: Organisation) -> pd.DataFrame:
    rng, cal, people, names = org.rng, org.cal, org.people, org.names
    n = people.n
    full_names = SURNAMES[rng.integers(len(SURNAMES), size=n)] + " "
    full_names = full_names + GIVEN[rng.integers(len(GIVEN), size=n)]
    tenure = (np.fmin(people.left, cal.end) - people.hired) / YEAR
    stage = np.select([tenure < 1, tenure < 3], [0, 1], 2)
    regions = np.array(REGIONS, dtype=object)
    team_id = np.where(people.team >= 0, take(org.teams.ids, people.team), regions[people.region])
    data = {
        "person_id": names.person_ids,
        "name": full_names,
        "team_id": team_id,
        "region": regions[people.region],
        "role": np.array(datamodel.ROLES, dtype=object)[org.careers.role],
        "stage": np.array(datamodel.STAGES, dtype=object)[stage],
        "hired_on": people.hired,
        "confirmed_on": people.confirmed,
        "left_on": people.left,
        "is_core": people.core,
    }
    return frame("people", data, names.person_order)


def role_changes_table(org: Organisation) -> pd.DataFrame:
    careers, names = org.careers, org.names
    roles = np.array(datamodel.ROLES, dtype=object)
    data = {
        "person_id": names.person_ids[careers.person],
        "changed_on": careers.day,
        "from_role": roles[careers.from_role],
        "to_role": roles[careers.to_role],
    }
    order = np.lexsort((names.person_rank[careers.person], careers.day))
    return frame("role_changes", data, order)
