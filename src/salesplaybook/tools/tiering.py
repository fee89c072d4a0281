"""Customer tiers by the playbook's rules, the health of each tier, and the complaint protocol's
compliance.

The source (part I (3)) sorts customers into strategic, key and potential tiers, each with its own
service plan, and judges the tiers by their own bars: strategic customers' renewal rate and key
customers' churn rate (part II (3)). The rules that put a customer in a tier live in
``playbooks/customer-tiers.yaml`` (:class:`salesplaybook.content.model.TierRule`), so this module
reads them rather than repeating their numbers; the same goes for the hours of the complaint
protocol.

Everything is a pure DataFrame -> DataFrame function without a loop over rows, with machine
column names and ids; :mod:`salesplaybook.views.tiering` shows the frames to readers. Quarters and
month windows are counted by :mod:`salesplaybook.core.periods`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import numpy as np
import pandas as pd

from salesplaybook.content.model import CustomerTier, Playbook, ProtocolStep
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import (
    add_months_to_date,
    month_label,
    month_of,
    parse_period,
    period_label,
    quarter_bounds,
    quarter_of,
)
from salesplaybook.kpi.metrics.columns import NEVER, day_numbers
from salesplaybook.kpi.scorecard import judge

Tables = Mapping[str, pd.DataFrame]

#: Days in a year of relationship (leap years averaged), for ``min_relationship_years``.
DAYS_PER_YEAR: Final = 365.25
#: The window of "annual contract value": contracts signed in this many months up to the date.
ANNUAL_MONTHS: Final = 12
#: The complaint protocol; its step marked ``deadline`` is the promise compliance is measured by.
COMPLAINT_PROTOCOL: Final = "complaint_response_24h"
#: Which measure of :func:`tier_health` each tier indicator judges.
INDICATOR_MEASURES: Final = {
    "strategic_renewal_rate": "renewal_rate",
    "key_account_churn_rate": "churn_rate",
}

TIER_COLUMNS: Final = (
    "customer_id",
    "current_tier",
    "assigned_tier",
    "movement",
    "annual_value",
    "relationship_years",
    "paying",
)

#: The assigned tier of customers no rule fits, in :func:`tier_movements`.
NO_TIER: Final = "(none)"


def require_columns(table: pd.DataFrame, name: str, *columns: str) -> None:
    """Refuse a table (called ``name`` in the message) without one of ``columns``."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SalesplaybookError(f"{name}: column {missing[0]!r} is missing")


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce")


def ordered_tiers(playbook: Playbook) -> list[CustomerTier]:
    """The playbook's customer tiers by their ``order``; a playbook without tiers is an error."""
    tiers = sorted(playbook.customer_tiers, key=lambda t: t.order)
    if not tiers:
        raise SalesplaybookError("the playbook has no customer tiers")
    return tiers


def judged_tiers(playbook: Playbook, indicator_id: str) -> list[str]:
    """The ids of the tiers (in order) that the playbook judges by the indicator (its ``kpis``)."""
    return [t.id for t in ordered_tiers(playbook) if indicator_id in t.kpis]


def assign_tiers(
    customers: pd.DataFrame,
    contracts: pd.DataFrame,
    playbook: Playbook,
    as_of: str | pd.Timestamp,
) -> pd.DataFrame:
    """Each customer's tier on ``as_of`` by the playbook's rules, beside its current ``tier``.

    The facts a rule checks, all as of ``as_of``:

    - ``annual_value``: the value of the contracts signed in the :data:`ANNUAL_MONTHS` months up
      to and including ``as_of`` (the tier file's "contract value over the last twelve months"):
      after the same day a year earlier, so that two yearly renewals never fall in one window;
    - ``relationship_years``: years since ``first_contract_on`` (or, when it is empty, the
      customer's earliest contract); 0 for a customer who never signed. The rule's minimum is
      checked by the calendar (``first_contract_on`` on or before ``as_of`` minus the years, in
      whole months), so the second anniversary counts as two years;
    - ``paying``: not churned on or before ``as_of``, and a contract signed in the window or
      running on ``as_of``.

    A customer takes the first tier by ``order`` whose rule fits: every field the rule sets must
    hold, minimums inclusive; an empty rule fits everyone (the catch-all); a tier without a rule
    takes nobody by rule. A customer no rule fits has no assigned tier. Customers churned on or
    before ``as_of`` are left out: there is nothing to serve. ``movement`` is ``up``, ``down`` or
    ``same`` by tier order (``unassigned`` when no rule fits). Columns: :data:`TIER_COLUMNS`.
    """
    require_columns(customers, "customers", "customer_id", "tier", "first_contract_on")
    require_columns(
        contracts, "contracts", "customer_id", "signed_on", "start_on", "end_on", "value"
    )
    day = pd.Timestamp(as_of).normalize()
    tiers = ordered_tiers(playbook)

    churned = (
        _dates(customers["churned_on"])
        if "churned_on" in customers.columns
        else pd.Series(pd.NaT, index=customers.index)
    )
    active = customers.loc[~(churned <= day)]
    ids = active["customer_id"].astype(str)

    signed = _dates(contracts["signed_on"])
    started = _dates(contracts["start_on"])
    ended = _dates(contracts["end_on"])
    year_before = pd.Timestamp(add_months_to_date(day.date(), -ANNUAL_MONTHS))
    window = (signed > year_before) & (signed <= day)
    running = (started <= day) & (ended >= day)
    key = contracts["customer_id"].astype(str)
    value = contracts["value"].astype(float)
    annual = value.where(window, 0.0).groupby(key).sum()
    paid_for = (window | running).groupby(key).any()
    earliest = signed.where(signed <= day).groupby(key).min()

    recorded = pd.Series(_dates(active["first_contract_on"]).to_numpy(), index=ids.to_numpy())
    first = recorded.fillna(earliest.reindex(ids.to_numpy()))
    first = first.where(first <= day)
    years = ((day - first).dt.days / DAYS_PER_YEAR).fillna(0.0).to_numpy()
    annual_value = annual.reindex(ids.to_numpy(), fill_value=0.0).to_numpy()
    paying = paid_for.reindex(ids.to_numpy(), fill_value=False).to_numpy(dtype=bool)

    conditions = []
    for tier in tiers:
        fits = np.full(len(ids), tier.rule is not None)
        rule = tier.rule
        if rule is not None:
            if rule.min_annual_value is not None:
                fits &= annual_value >= rule.min_annual_value
            if rule.min_relationship_years is not None:
                # By the calendar, in whole months, so that an anniversary counts in full.
                months = round(rule.min_relationship_years * 12)
                since = pd.Timestamp(add_months_to_date(day.date(), -months))
                fits &= (first <= since).to_numpy()
            if rule.paying is not None:
                fits &= paying == rule.paying
        conditions.append(fits)
    assigned = np.select(conditions, [t.id for t in tiers], default="")

    rank = {t.id: t.order for t in tiers}
    current = active["tier"].astype(str).to_numpy()
    was = pd.Series(current).map(rank).to_numpy(dtype=float)
    now = pd.Series(assigned).map(rank).to_numpy(dtype=float)
    movement = np.select(
        [np.isnan(now), np.isnan(was), now < was, now > was],
        ["unassigned", "new", "up", "down"],
        default="same",
    )
    out = pd.DataFrame(
        {
            "customer_id": ids.to_numpy(),
            "current_tier": current,
            "assigned_tier": pd.Series(assigned).replace("", None).to_numpy(),
            "movement": movement,
            "annual_value": annual_value,
            "relationship_years": years,
            "paying": paying,
        }
    )
    return out[list(TIER_COLUMNS)]


def tier_movements(assigned: pd.DataFrame) -> pd.DataFrame:
    """How many customers each current tier sends to each assigned tier: current tiers down,
    assigned across (:data:`NO_TIER` for customers no rule fits), in the playbook's order as the
    frame gives it. The diagonal is the customers whose tier is right; everything else is a
    review at annual planning."""
    require_columns(assigned, "assigned tiers", "current_tier", "assigned_tier")
    table = pd.crosstab(
        assigned["current_tier"], assigned["assigned_tier"].fillna(NO_TIER), dropna=False
    )
    table.index.name = "current_tier"
    table.columns.name = "assigned_tier"
    return table


def tier_health(tables: Tables, playbook: Playbook, period: str) -> pd.DataFrame:
    """Renewal and churn of each tier in a quarter (``2026-Q2``), judged against the bars of the
    indicators the playbook attaches to the tier (its ``kpis``): the strategic tier by
    ``strategic_renewal_rate``, the key tier by ``key_account_churn_rate``. The other rates are
    shown without a status: the source sets no bar for them, but a manager compares the tiers.

    The same definitions as :mod:`salesplaybook.kpi.metrics`, applied to every tier (the customer's
    current ``tier``; the tables keep no tier history):

    - churn: customers active at the start of P (``first_contract_on`` on or before it,
      ``churned_on`` empty or after it) who churned in P, over those;
    - renewal: customers with a contract ending in P that renewed it (a contract whose
      ``renewal_of`` is one of those, signed by the end of P), over those customers.

    One row per tier in the playbook's order, with the counts behind each rate, and per judged
    indicator its ``<measure>_status`` (``excellent``, ``meets``, ``below``, ``no_data``) and
    ``<measure>_bar``, the value of the indicator's meets bar.
    """
    customers = tables.get("customers")
    contracts = tables.get("contracts")
    if customers is None or contracts is None:
        raise SalesplaybookError("tier health needs the customers and contracts tables")
    require_columns(
        customers, "customers", "customer_id", "tier", "first_contract_on", "churned_on"
    )
    require_columns(
        contracts, "contracts", "contract_id", "customer_id", "signed_on", "end_on", "renewal_of"
    )
    start, end = (pd.Timestamp(day) for day in quarter_bounds(parse_period(period)))
    tiers = ordered_tiers(playbook)
    order = [t.id for t in tiers]

    first = _dates(customers["first_contract_on"])
    churned = _dates(customers["churned_on"])
    tier = pd.Categorical(customers["tier"].astype(str), categories=order)
    at_start = (first <= start) & ~(churned <= start)
    lost = at_start & (churned <= end)
    counts = pd.DataFrame({"tier": tier, "at_start": at_start, "churned": lost})
    churn = counts.groupby("tier", observed=False)[["at_start", "churned"]].sum()

    ends = _dates(contracts["end_on"])
    due = contracts.loc[(ends >= start) & (ends <= end)]
    renewals = contracts.loc[_dates(contracts["signed_on"]) <= end, "renewal_of"].dropna()
    renewed = due["contract_id"].astype(str).isin(renewals.astype(str))
    per_customer = renewed.groupby(due["customer_id"].astype(str)).any()
    customer_tier = customers.drop_duplicates("customer_id").set_index(
        customers["customer_id"].astype(str)
    )["tier"]
    renewal = pd.DataFrame(
        {
            "tier": pd.Categorical(
                per_customer.index.map(customer_tier.to_dict()).astype(str), categories=order
            ),
            "due": True,
            "renewed": per_customer.to_numpy(),
        }
    )
    renew = renewal.groupby("tier", observed=False)[["due", "renewed"]].sum()

    out = pd.concat([churn, renew], axis=1).reindex(order).fillna(0).astype(int)
    out["churn_rate"] = out["churned"] / out["at_start"].where(out["at_start"] > 0)
    out["renewal_rate"] = out["renewed"] / out["due"].where(out["due"] > 0)
    for indicator_id, measure in INDICATOR_MEASURES.items():
        indicator = playbook.indicator(indicator_id)
        judged = judged_tiers(playbook, indicator_id)
        values = out.loc[judged, measure]
        statuses = [judge(indicator, None if np.isnan(v) else float(v))[0] for v in values]
        out[f"{measure}_status"] = pd.Series(statuses, index=judged, dtype=object)
        out[f"{measure}_bar"] = pd.Series(indicator.meets.value, index=judged, dtype=float)
    out.index.name = "tier"
    return out.reset_index()


def solution_step(playbook: Playbook, protocol_id: str = COMPLAINT_PROTOCOL) -> ProtocolStep:
    """The step of the complaint protocol by which the customer must have a solution."""
    protocol = next((p for p in playbook.protocols if p.id == protocol_id), None)
    if protocol is None:
        raise SalesplaybookError(f"the playbook has no protocol {protocol_id!r}")
    step = protocol.deadline_step()
    if step is None:
        raise SalesplaybookError(f"protocol {protocol_id!r}: no step is marked as its deadline")
    return step


def complaint_compliance(
    complaints: pd.DataFrame, playbook: Playbook, freq: str = "M"
) -> pd.DataFrame:
    """The share of complaints resolved within the complaint protocol's solution step (its hours
    read from the playbook), by team and month of receipt, with the organisation as team
    ``"*"``. ``period`` is the label of the month or quarter (``freq`` ``"M"`` or ``"Q"``):
    ``2026-04``, ``2026-Q2``; a complaint without a date of receipt is in no period.

    The hours run from ``received_on`` to ``resolved_on``. The tables keep dates, not times, so
    a complaint resolved the next day counts as 24 hours: within a step of a day or more, the same
    or the next day. A complaint not resolved counts as late. Columns: period, team_id, complaints,
    within, share, hours.
    """
    require_columns(complaints, "complaints", "received_on", "resolved_on")
    hours = solution_step(playbook).within_hours
    received = _dates(complaints["received_on"])
    taken = (_dates(complaints["resolved_on"]) - received).dt.total_seconds() / 3600
    frame = pd.DataFrame(
        {
            "period": _period_labels(received, freq),
            "team_id": (
                complaints["team_id"].astype(object).where(complaints["team_id"].notna(), "")
                if "team_id" in complaints.columns
                else ""
            ),
            "complaints": 1,
            "within": (taken <= hours).astype(int),
        }
    )
    frame = frame.loc[frame["period"].notna()]
    by_team = frame.groupby(["period", "team_id"])[["complaints", "within"]].sum().reset_index()
    whole = frame.groupby("period")[["complaints", "within"]].sum().reset_index()
    whole["team_id"] = "*"
    out = pd.concat([by_team.loc[by_team["team_id"] != ""], whole], ignore_index=True)
    out = out.sort_values(["team_id", "period"], kind="stable").reset_index(drop=True)
    out["share"] = out["within"] / out["complaints"]
    out["hours"] = hours
    return out[["period", "team_id", "complaints", "within", "share", "hours"]]


#: How ``freq`` numbers a day and labels the number: months ``2026-04``, quarters ``2026-Q2``.
_FREQS: Final = {"M": (month_of, month_label), "Q": (quarter_of, period_label)}


def _period_labels(dates: pd.Series, freq: str) -> pd.Series:
    """The month or quarter label of each date (``freq``), None where there is no date."""
    if freq not in _FREQS:
        raise SalesplaybookError(f"freq must be 'M' (months) or 'Q' (quarters), not {freq!r}")
    number_of, label_of = _FREQS[freq]
    days = day_numbers(dates, missing=NEVER)
    known = days != NEVER
    numbers, which = np.unique(number_of(days[known]), return_inverse=True)
    labels = np.full(len(days), None, dtype=object)
    labels[known] = np.array([label_of(int(n)) for n in numbers], dtype=object)[which]
    return pd.Series(labels, index=dates.index, dtype=object)


def tier_health_history(tables: Tables, playbook: Playbook, periods: list[str]) -> pd.DataFrame:
    """:func:`tier_health` for several quarters, one frame with a ``period`` column first."""
    parts = [tier_health(tables, playbook, p).assign(period=p) for p in periods]
    if not parts:
        raise SalesplaybookError("tier health history: no periods given")
    out = pd.concat(parts, ignore_index=True)
    return out[["period", *(c for c in out.columns if c != "period")]]
