"""A row-by-row baseline of :func:`salesplaybook.kpi.metrics.team_metrics`, for the benchmark only.

This is the version one writes first: records as dicts, plain Python loops, sums kept in dicts
keyed by (period, team). It gives the same numbers as the vectorised module for the indicators
in :data:`INDICATORS` (tests/test_metrics.py checks it), so the benchmark compares like with like.
Do not use it for anything else.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, cast

import pandas as pd

ALL = "*"
INDICATORS = (
    "sales_attainment",
    "core_product_share",
    "overdue_receivables_ratio",
    "member_attainment_rate",
    "csat_score",
    "deal_cycle_reduction",
    "process_complaints",
)

Key = tuple[str, str]


def quarter_of(date: Any) -> str | None:
    if date is None or pd.isna(date):
        return None
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def quarter_end(period: str) -> pd.Timestamp:
    year, quarter = int(period[:4]), int(period[-1])
    return pd.Timestamp(year, 3 * quarter, 1) + pd.offsets.MonthEnd(0)


def previous_quarter(period: str) -> str:
    year, quarter = int(period[:4]), int(period[-1])
    return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"


def is_set(flag: Any) -> bool:
    return flag is not None and not pd.isna(flag) and bool(flag)


def records(tables: Mapping[str, pd.DataFrame], name: str) -> list[dict[str, Any]] | None:
    table = tables.get(name)
    if table is None:
        return None
    return cast("list[dict[str, Any]]", table.to_dict("records"))


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else math.nan


def team_metrics(
    tables: Mapping[str, pd.DataFrame], periods: list[str] | None = None
) -> pd.DataFrame:
    people = records(tables, "people") or []
    team_of: dict[str, str] = {p["person_id"]: p["team_id"] for p in people}
    teams = sorted(set(team_of.values()))
    targets = records(tables, "targets")
    if periods is None:
        periods = sorted({t["period"] for t in targets or []})
    wanted = set(periods)

    def add(sums: dict[Key, float], period: str, team: str | None, value: float) -> None:
        sums[(period, ALL)] += value
        if team is not None:
            sums[(period, team)] += value

    owner_team: dict[str, str | None] = {}
    for customer in records(tables, "customers") or []:
        owner = customer["owner_id"]
        owner_team[customer["customer_id"]] = None if pd.isna(owner) else team_of.get(owner)

    values: dict[str, dict[Key, float]] = {}
    deals = records(tables, "deals")
    if deals is not None:
        won: dict[Key, float] = defaultdict(float)
        core: dict[Key, float] = defaultdict(float)
        cycle_days: dict[Key, float] = defaultdict(float)
        cycle_count: dict[Key, float] = defaultdict(float)
        won_by_person: dict[Key, float] = defaultdict(float)
        for deal in deals:
            if deal["stage"] != "won":
                continue
            period = quarter_of(deal["closed_on"])
            if period is None:
                continue
            team = team_of.get(deal["person_id"])
            add(won, period, team, deal["amount"])
            if is_set(deal["is_core_product"]):
                add(core, period, team, deal["amount"])
            add(cycle_days, period, team, (deal["closed_on"] - deal["created_on"]).days)
            add(cycle_count, period, team, 1)
            won_by_person[(period, deal["person_id"])] += deal["amount"]
        values["core_product_share"] = {
            key: ratio(core[key], won[key]) for key in won if key[0] in wanted
        }
        reduction: dict[Key, float] = {}
        for period in periods:
            for team in [ALL, *teams]:
                now = ratio(cycle_days[(period, team)], cycle_count[(period, team)])
                before_key = (previous_quarter(period), team)
                before = ratio(cycle_days[before_key], cycle_count[before_key])
                reduction[(period, team)] = ratio(before - now, before)
        values["deal_cycle_reduction"] = reduction

        if targets is not None:
            goal: dict[Key, float] = defaultdict(float)
            goal_by_person: dict[Key, float] = defaultdict(float)
            for target in targets:
                add(goal, target["period"], team_of.get(target["person_id"]), target["target"])
                goal_by_person[(target["period"], target["person_id"])] += target["target"]
            values["sales_attainment"] = {
                key: ratio(won[key], goal[key]) for key in goal if key[0] in wanted
            }
            with_target: dict[Key, float] = defaultdict(float)
            on_target: dict[Key, float] = defaultdict(float)
            for (period, person), amount in goal_by_person.items():
                if amount > 0:
                    team = team_of.get(person)
                    add(with_target, period, team, 1)
                    if won_by_person[(period, person)] >= amount:
                        add(on_target, period, team, 1)
            values["member_attainment_rate"] = {
                key: ratio(on_target[key], count)
                for key, count in with_target.items()
                if key[0] in wanted
            }

    surveys = records(tables, "surveys")
    if surveys is not None:
        score: dict[Key, float] = defaultdict(float)
        answers: dict[Key, float] = defaultdict(float)
        for survey in surveys:
            period = quarter_of(survey["surveyed_on"])
            if period is None:
                continue
            team = owner_team.get(survey["customer_id"])
            add(score, period, team, survey["score"])
            add(answers, period, team, 1)
        values["csat_score"] = {
            key: ratio(score[key], count) for key, count in answers.items() if key[0] in wanted
        }

    invoices = records(tables, "invoices")
    if invoices is not None:
        overdue_ratio: dict[Key, float] = {}
        for period in periods:
            end = quarter_end(period)
            outstanding: dict[Key, float] = defaultdict(float)
            overdue: dict[Key, float] = defaultdict(float)
            for invoice in invoices:
                paid = invoice["paid_on"]
                if invoice["issued_on"] > end or (not pd.isna(paid) and paid <= end):
                    continue
                team = owner_team.get(invoice["customer_id"])
                add(outstanding, period, team, invoice["amount"])
                if invoice["due_on"] < end:
                    add(overdue, period, team, invoice["amount"])
            for key, amount in outstanding.items():
                overdue_ratio[key] = ratio(overdue[key], amount)
        values["overdue_receivables_ratio"] = overdue_ratio

    complaints = records(tables, "complaints")
    if complaints is not None:
        counted: dict[Key, float] = defaultdict(float)
        for complaint in complaints:
            period = quarter_of(complaint["received_on"])
            if complaint["root_cause"] != "process" or period not in wanted:
                continue
            team = complaint["team_id"]
            if pd.isna(team) or team not in teams:
                customer = complaint["customer_id"]
                team = None if pd.isna(customer) else owner_team.get(customer)
            add(counted, period, team, 1)
        values["process_complaints"] = {
            (period, team): counted[(period, team)] for period in periods for team in [ALL, *teams]
        }

    index = pd.MultiIndex.from_tuples(
        [(period, team) for period in periods for team in [ALL, *teams]],
        names=["period", "team_id"],
    )
    return pd.DataFrame(
        {
            indicator: [values[indicator].get(key, math.nan) for key in index]
            for indicator in INDICATORS
            if indicator in values
        },
        index=index,
    )
