"""The rest of the framework's tables, at realistic rates: surveys, complaints, trainings,
cross-department projects, alerts, script experiments, toolkits and their use."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample.arrays import Dated, ids, take, within_group
from salesplaybook.data.sample.calendar import add_busdays, workday
from salesplaybook.data.sample.constants import (
    ALERT_METRICS,
    DEPARTMENT_P,
    DEPARTMENTS,
    KIND_INITIAL,
    KIND_LEAD,
    PRODUCT_LINES,
    STRATEGIC,
    YEAR,
    Arr,
)
from salesplaybook.data.sample.state import Organisation
from salesplaybook.data.sample.writer import frame


def surveys_table(org: Organisation) -> pd.DataFrame:
    rng, cal, customers = org.rng, org.cal, org.customers
    asked_p = np.array([1.0, 0.6, 0.15])[customers.tier]
    parts: list[tuple[Arr, Arr, Arr]] = []
    for q in range(cal.n_quarters):  # a loop over quarters
        # The survey runs in the quarter's last month, among the day's paying customers.
        day = workday(rng, cal.q_end[q] - 25, cal.q_end[q] - 3, customers.n)
        churned = customers.churned
        paying = (customers.first <= day) & (np.isnan(churned) | (churned > day))
        asked = np.flatnonzero(paying & (rng.random(customers.n) < asked_p))
        parts.append((asked, day[asked], np.full(len(asked), q)))
    cust, day, quarter = (np.concatenate([p[i] for p in parts]) for i in range(3))
    mood = (
        4.62
        + org.teams.csat[customers.team[cust]]
        + np.where(customers.tier[cust] == STRATEGIC, 0.08, 0.0)
        - np.where(quarter == org.market.declining, 0.12, 0.0)
        + rng.normal(0, 0.7, len(cust))
    )
    data = {
        "customer_id": org.names.customer_ids[cust],
        "surveyed_on": day,
        "score": np.clip(np.round(mood), 1, 5),
    }
    return frame("surveys", data, np.lexsort((org.names.customer_rank[cust], day)))


def _per_team_quarter(org: Organisation, rate: Arr) -> tuple[Arr, Arr]:
    """Poisson counts per (team, quarter) of ``rate``, as rows: (team, quarter)."""
    counts = org.rng.poisson(rate).ravel()
    n_q, n_teams = org.cal.n_quarters, org.teams.n
    team = np.repeat(np.repeat(np.arange(n_teams), n_q), counts)
    quarter = np.repeat(np.tile(np.arange(n_q), n_teams), counts)
    return team, quarter


def complaints_table(org: Organisation) -> pd.DataFrame:
    rng, cal, people, customers = org.rng, org.cal, org.people, org.customers
    n_q = cal.n_quarters
    in_post = (people.kind == KIND_INITIAL) | (people.kind == KIND_LEAD)
    size = np.bincount(people.team[in_post], minlength=org.teams.n) / 10
    # Process complaints: a few per team and quarter, fewer as the process improves.
    process = 2.3 - 0.9 * np.arange(n_q) / max(n_q - 1, 1)
    others = np.array([0.0, 1.1, 0.9, 0.5, 0.4])
    rate = (size * org.teams.complaints)[:, None] * (process + others.sum())[None, :]
    team, quarter = _per_team_quarter(org, rate)
    n = len(team)
    p_process = process[quarter] / (process[quarter] + others.sum())
    other = rng.choice(len(others), size=n, p=others / others.sum())
    cause = np.where(rng.random(n) < p_process, 0, other)
    received = workday(rng, cal.q_start[quarter], cal.q_end[quarter], n)
    # Most are resolved within a day or two, as the complaint protocol asks.
    delay = rng.choice(8, size=n, p=[0.35, 0.4, 0.12, 0.05, 0.03, 0.02, 0.02, 0.01])
    resolved = received + delay
    paying = np.flatnonzero(~np.isnan(customers.first))
    picked = Dated(customers.team[paying], customers.first[paying], cal.start).pick(
        rng, team, received
    )
    named = (picked >= 0) & (rng.random(n) < 0.9)  # a few complaints are anonymous
    customer = np.full(n, -1, dtype=np.int64)
    customer[named] = paying[picked[named]]
    order = np.lexsort((team, received))
    data = {
        "complaint_id": ids("CP", n, 5),
        "customer_id": take(org.names.customer_ids, customer)[order],
        "team_id": org.teams.ids[team][order],
        "received_on": received[order],
        "resolved_on": np.where(resolved <= cal.end, resolved, np.nan)[order],
        "root_cause": np.array(datamodel.ROOT_CAUSES, dtype=object)[cause][order],
    }
    return frame("complaints", data)


def trainings_table(org: Organisation) -> pd.DataFrame:
    rng, cal, people = org.rng, org.cal, org.people
    track_modules = org.facts.track_modules
    tracks = [np.array(track_modules[s], dtype=object) for s in datamodel.STAGES]
    modules = np.concatenate(tracks)
    n_new, n_grow, n_senior = (len(t) for t in tracks)

    # New hires take the newcomer track within their first three weeks.
    hires = np.flatnonzero(people.hired >= cal.start - 21)
    h_person = np.repeat(hires, n_new)
    h_module = np.tile(np.arange(n_new), len(hires))
    h_planned = add_busdays(people.hired[h_person], 2 * h_module)

    # Then every quarter by stage: the growing track two modules at a time, the senior track
    # one; newcomers past their first weeks start on the growing track.
    person, quarter = np.nonzero(org.rosters.days_in > 0)
    stage = org.targets.stage[person, quarter]
    tenure = (cal.q_start[quarter] - people.hired[person]) / YEAR
    n_mod = np.where(stage == 1, 2, np.where((stage == 0) & (tenure < 0.1), 0, 1))
    row = np.repeat(np.arange(len(person)), n_mod)
    turn = person[row] + 2 * quarter[row] + within_group(n_mod)
    r_module = np.where(stage[row] == 2, n_new + n_grow + turn % n_senior, n_new + turn % n_grow)
    r_planned = workday(rng, cal.q_start[quarter[row]] + 5, cal.q_end[quarter[row]] - 10, len(row))

    who = np.concatenate([h_person, person[row]])
    module = np.concatenate([h_module, r_module])
    planned = np.concatenate([h_planned, r_planned])
    left = np.fmin(people.left[who], cal.end)
    keep = (planned <= left) & (planned >= people.hired[who])
    team = np.maximum(people.team[who], 0)
    p_done = np.where(module < n_new, 0.97, org.teams.training[team])
    done = rng.random(len(module)) < p_done
    completed = add_busdays(planned, rng.geometric(0.4, len(module)) - 1)
    completed = np.where(done & (completed <= left), completed, np.nan)
    idx = np.flatnonzero(keep)
    idx = idx[np.lexsort((module[idx], org.names.person_rank[who[idx]], planned[idx]))]
    data = {
        "person_id": org.names.person_ids[who[idx]],
        "module_id": modules[module[idx]],
        "planned_on": planned[idx],
        "completed_on": completed[idx],
    }
    return frame("trainings", data)


def projects_table(org: Organisation) -> pd.DataFrame:
    rng, cal = org.rng, org.cal
    rate = np.repeat((0.85 * org.teams.projects)[:, None], cal.n_quarters, axis=1)
    team, quarter = _per_team_quarter(org, rate)
    n = len(team)
    delivered = workday(rng, cal.q_start[quarter], cal.q_end[quarter], n)
    in_progress = (quarter >= cal.n_quarters - 2) & (rng.random(n) < 0.2)
    department = rng.choice(len(DEPARTMENTS), size=n, p=DEPARTMENT_P)
    order = np.lexsort((team, delivered))
    data = {
        "project_id": ids("PR", n, 4),
        "team_id": org.teams.ids[team][order],
        "department": np.array(DEPARTMENTS, dtype=object)[department][order],
        "delivered_on": np.where(in_progress, np.nan, delivered)[order],
    }
    return frame("projects", data)


def alerts_table(org: Organisation) -> pd.DataFrame:
    rng, cal = org.rng, org.cal
    team, quarter = _per_team_quarter(org, np.full((org.teams.n, cal.n_quarters), 1.2))
    n = len(team)
    raised = workday(rng, cal.q_start[quarter], cal.q_end[quarter], n)
    metric = np.array(ALERT_METRICS, dtype=object)[rng.integers(len(ALERT_METRICS), size=n)]
    response = rng.choice(6, size=n, p=[0.12, 0.45, 0.25, 0.1, 0.05, 0.03])
    # The planted anomaly: raised once the month's numbers are in, analysed 3 working days
    # later (slower than the seed's two days).
    a_team, a_line, a_month = org.anomaly
    a_raised = add_busdays(cal.m_start[a_month + 1 : a_month + 2], np.array([1]))
    team = np.append(team, a_team)
    raised = np.append(raised, a_raised)
    metric = np.append(metric, f"lead_conversion:{PRODUCT_LINES[a_line]}")
    analysed = add_busdays(raised, np.append(response, 3))
    keep = np.flatnonzero(raised <= cal.end)
    order = keep[np.lexsort((team[keep], raised[keep]))]
    data = {
        "alert_id": ids("AL", len(order), 4),
        "team_id": org.teams.ids[team][order],
        "metric": metric[order],
        "raised_on": raised[order],
        "analysed_on": np.where(analysed <= cal.end, analysed, np.nan)[order],
    }
    return frame("alerts", data)


def experiments_table(org: Organisation) -> pd.DataFrame:
    rng, cal = org.rng, org.cal
    team, quarter = _per_team_quarter(org, np.full((org.teams.n, cal.n_quarters), 0.25))
    if len(team) == 0:  # every organisation has tried at least one new script
        team = np.array([int(rng.integers(org.teams.n))])
        quarter = np.array([cal.n_quarters - 1])
    n = len(team)
    concluded = workday(rng, cal.q_start[quarter] + 30, cal.q_end[quarter], n)
    control_leads = rng.integers(120, 400, n)
    variant_leads = np.round(control_leads * rng.uniform(0.9, 1.1, n)).astype(np.int64)
    control_rate = rng.uniform(0.18, 0.32, n)
    # Most new scripts help, some a lot, some not at all.
    variant_rate = np.clip(control_rate * (1 + rng.normal(0.16, 0.12, n)), 0.01, 0.95)
    order = np.lexsort((team, concluded))
    data = {
        "experiment_id": ids("EX", n, 3),
        "team_id": org.teams.ids[team][order],
        "concluded_on": concluded[order],
        "control_leads": control_leads[order],
        "control_converted": rng.binomial(control_leads, control_rate)[order],
        "variant_leads": variant_leads[order],
        "variant_converted": rng.binomial(variant_leads, variant_rate)[order],
    }
    return frame("experiments", data)


def toolkit_tables(org: Organisation) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng, cal, people, teams = org.rng, org.cal, org.people, org.teams
    start, end = cal.start, cal.end
    # Every team has at least one toolkit from before the span, and publishes more.
    n_before = 1 + rng.poisson(0.6, teams.n)
    n_during = rng.poisson(2.3 * cal.n_quarters / 4, teams.n)
    all_teams = np.arange(teams.n)
    team = np.concatenate([np.repeat(all_teams, n_before), np.repeat(all_teams, n_during)])
    during = np.repeat([False, True], [n_before.sum(), n_during.sum()])
    published = workday(
        rng, np.where(during, start, start - 365), np.where(during, end, start - 1), len(team)
    )
    order = np.lexsort((team, published))
    team, published = team[order], published[order]
    toolkit_ids = ids("TK", len(team), 3)
    toolkits = frame(
        "toolkits",
        {"toolkit_id": toolkit_ids, "team_id": teams.ids[team], "published_on": published},
    )

    # Most members use one of their team's toolkits in a quarter, a few times.
    person, quarter = np.nonzero(org.rosters.days_in > 0)
    p_team = people.team[person]
    uses = rng.random(len(person)) < teams.usage[p_team]
    n_uses = np.where(uses, 1 + rng.poisson(1.2, len(person)), 0)
    row = np.repeat(np.arange(len(person)), n_uses)
    u_person, u_quarter, u_team = person[row], quarter[row], p_team[row]
    lo = np.maximum(cal.q_start[u_quarter], people.hired[u_person])
    hi = np.minimum(cal.q_end[u_quarter], np.fmin(people.left[u_person], end))
    used = np.floor(lo + rng.random(len(row)) * (hi - lo + 1))
    pick = Dated(team, published, start).pick(rng, u_team, used)
    idx = np.flatnonzero(pick >= 0)
    idx = idx[np.lexsort((org.names.person_rank[u_person[idx]], used[idx]))]
    usage = frame(
        "toolkit_usage",
        {
            "person_id": org.names.person_ids[u_person[idx]],
            "toolkit_id": toolkit_ids[pick[idx]],
            "used_on": used[idx],
        },
    )
    return toolkits, usage
