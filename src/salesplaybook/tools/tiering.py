"""Customer tiers by the playbook's rules, the health of each tier, and the complaint protocol's
compliance.

The source (part I (3)) sorts customers into strategic, key and potential tiers, each with its own
service plan, and judges the tiers by their own bars: strategic customers' renewal rate and key
customers' churn rate (part II (3)). The rules that put a customer in a tier live in
``playbooks/customer-tiers.yaml`` (:class:`salesplaybook.content.model.TierRule`), so this module
reads them rather than repeating their numbers; the same goes for the hours of the complaint
protocol.

Everything is a pure DataFrame -> DataFrame function without a loop over rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, get_args

import numpy as np
import pandas as pd

from salesplaybook.content.model import CustomerTier, Playbook, ProtocolStep
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.scorecard import Status, judge
from salesplaybook.views.formatting import threshold_text
from salesplaybook.views.labels import label, shown_ids, yes_no

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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


def _need(table: pd.DataFrame, name: str, *columns: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SalesplaybookError(f"{name}: column {missing[0]!r} is missing")


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce")


def _ordered_tiers(playbook: Playbook) -> list[CustomerTier]:
    tiers = sorted(playbook.customer_tiers, key=lambda t: t.order)
    if not tiers:
        raise SalesplaybookError("the playbook has no customer tiers")
    return tiers


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
    _need(customers, "customers", "customer_id", "tier", "first_contract_on")
    _need(contracts, "contracts", "customer_id", "signed_on", "start_on", "end_on", "value")
    day = pd.Timestamp(as_of).normalize()
    tiers = _ordered_tiers(playbook)

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
    window = (signed > day - pd.DateOffset(months=ANNUAL_MONTHS)) & (signed <= day)
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
                fits &= (first <= day - pd.DateOffset(months=months)).to_numpy()
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
    assigned across, in the playbook's order as the frame gives it. The diagonal is the
    customers whose tier is right; everything else is a review at annual planning."""
    _need(assigned, "assigned tiers", "current_tier", "assigned_tier")
    table = pd.crosstab(
        assigned["current_tier"], assigned["assigned_tier"].fillna("(none)"), dropna=False
    )
    table.index.name = "current tier"
    table.columns.name = "assigned tier"
    return table


def _quarter(period: str) -> pd.Period:
    try:
        return pd.Period(period.replace("-", ""), freq="Q")
    except (ValueError, AttributeError):
        raise SalesplaybookError(
            f"bad period label {period!r}: a period is a quarter written like 2026-Q1"
        ) from None


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
    ``<measure>_bar``.
    """
    customers = tables.get("customers")
    contracts = tables.get("contracts")
    if customers is None or contracts is None:
        raise SalesplaybookError("tier health needs the customers and contracts tables")
    _need(customers, "customers", "customer_id", "tier", "first_contract_on", "churned_on")
    _need(contracts, "contracts", "contract_id", "customer_id", "signed_on", "end_on", "renewal_of")
    quarter = _quarter(period)
    start, end = quarter.start_time, quarter.end_time.normalize()
    tiers = _ordered_tiers(playbook)
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
        judged = [t.id for t in tiers if indicator_id in t.kpis]
        values = out.loc[judged, measure]
        statuses = [judge(indicator, None if np.isnan(v) else float(v))[0] for v in values]
        out[f"{measure}_status"] = pd.Series(statuses, index=judged, dtype=object)
        out[f"{measure}_bar"] = pd.Series(
            threshold_text(indicator, indicator.meets), index=judged, dtype=object
        )
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
    ``"*"``.

    The hours run from ``received_on`` to ``resolved_on``. The tables keep dates, not times, so
    a complaint resolved the next day counts as 24 hours: within a step of a day or more, the same
    or the next day. A complaint not resolved counts as late. Columns: period, team_id, complaints,
    within, share, hours.
    """
    _need(complaints, "complaints", "received_on", "resolved_on")
    hours = solution_step(playbook).within_hours
    received = _dates(complaints["received_on"])
    taken = (_dates(complaints["resolved_on"]) - received).dt.total_seconds() / 3600
    frame = pd.DataFrame(
        {
            "period": received.dt.to_period(freq).astype(str),
            "team_id": (
                complaints["team_id"].astype(object).where(complaints["team_id"].notna(), "")
                if "team_id" in complaints.columns
                else ""
            ),
            "complaints": 1,
            "within": (taken <= hours).astype(int),
        }
    )
    by_team = frame.groupby(["period", "team_id"])[["complaints", "within"]].sum().reset_index()
    whole = frame.groupby("period")[["complaints", "within"]].sum().reset_index()
    whole["team_id"] = "*"
    out = pd.concat([by_team.loc[by_team["team_id"] != ""], whole], ignore_index=True)
    out = out.sort_values(["team_id", "period"], kind="stable").reset_index(drop=True)
    out["share"] = out["within"] / out["complaints"]
    out["hours"] = hours
    return out[["period", "team_id", "complaints", "within", "share", "hours"]]


def tier_health_history(tables: Tables, playbook: Playbook, periods: list[str]) -> pd.DataFrame:
    """:func:`tier_health` for several quarters, one frame with a ``period`` column first."""
    parts = [tier_health(tables, playbook, p).assign(period=p) for p in periods]
    if not parts:
        raise SalesplaybookError("tier health history: no periods given")
    out = pd.concat(parts, ignore_index=True)
    return out[["period", *(c for c in out.columns if c != "period")]]


def tier_health_chart(history: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> Figure:
    """One panel per judged indicator (strategic renewal, key churn): the tier's rate by quarter
    against the playbook's meets bar, quarters that miss it in red. A supervisor sees at once
    whether a miss is one bad quarter or a trend."""
    from matplotlib.figure import Figure

    _need(history, "tier health history", "period", "tier")
    fig = Figure(figsize=(9, 3.4), layout="constrained")
    axes = fig.subplots(1, len(INDICATOR_MEASURES), squeeze=False).ravel()
    for ax, (indicator_id, measure) in zip(axes, INDICATOR_MEASURES.items(), strict=True):
        indicator = playbook.indicator(indicator_id)
        judged = [t.id for t in _ordered_tiers(playbook) if indicator_id in t.kpis]
        rows = history.loc[history["tier"].isin(judged)]
        labels = list(rows["period"].astype(str))
        values = rows[measure].to_numpy(dtype=float) * 100
        missed = (rows[f"{measure}_status"] == "below").to_numpy()
        colours = np.where(missed, "#c0392b", "#1f6f8b")
        ax.bar(range(len(labels)), np.nan_to_num(values), color=colours)
        for x in np.flatnonzero(np.isnan(values)):
            ax.text(
                x,
                0,
                label("no_data_short", lang),
                ha="center",
                va="bottom",
                fontsize="x-small",
                color="#555555",
            )
        ax.axhline(indicator.meets.value * 100, color="#555555", linestyle="--", linewidth=1)
        ax.text(
            len(labels) - 0.5,
            indicator.meets.value * 100,
            label("tier_bar", lang, bar=threshold_text(indicator, indicator.meets, lang)),
            va="bottom",
            ha="right",
            fontsize="small",
        )
        ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize="small")
        ax.set_ylabel("%")
        ax.set_title(indicator.name.get(lang), fontsize="medium", loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(label("tier_health_title", lang))
    return fig


# --- For readers: the notebook's tables ---------------------------------------------------------

#: The status ids a ``*_status`` column holds; each reads as its ``status_*`` label.
_STATUSES: Final = frozenset(get_args(Status))

#: The label of each column (and index level) the tables of this module show.
_COLUMN_LABELS: Final = {
    "customer_id": "col_customer_id",
    "current_tier": "col_current_tier",
    "assigned_tier": "col_assigned_tier",
    "movement": "col_movement",
    "annual_value": "col_annual_value",
    "relationship_years": "col_relationship_years",
    "paying": "col_paying",
    "customers": "col_customers",
    "period": "col_period",
    "tier": "col_tier",
    "team_id": "col_team_id",
    "due": "col_due",
    "renewed": "col_renewed",
    "renewal_rate_status": "col_renewal_status",
    "at_start": "col_at_start",
    "churned": "col_churned",
    "churn_rate_status": "col_churn_status",
}


def _shown_values(name: object, playbook: Playbook, lang: Lang) -> Callable[[Any], Any] | None:
    """How the values of the column (or index level) ``name`` read in ``lang``, if they are ids."""
    if name in ("current_tier", "assigned_tier", "tier"):
        tiers = shown_ids(((t.id, t.name) for t in playbook.customer_tiers), lang)
        return lambda v: tiers.get(v, v) if isinstance(v, str) else v
    if name == "movement":
        return lambda v: label(f"movement_{v}", lang) if isinstance(v, str) else v
    if name == "paying":
        return lambda v: yes_no(v, lang)
    if isinstance(name, str) and name.endswith("_status"):
        return lambda v: label(f"status_{v}", lang) if v in _STATUSES else v
    return None


def tier_table(frame: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """A table of this module (:func:`assign_tiers`, :func:`tier_health`, a count of them) as a
    reader sees it. The English edition shows the frame as it is, with the ids and column names
    its pages refer to; the Chinese one shows Chinese headers, tier names, movements, statuses
    and 是/否."""
    if lang == "en":
        return frame
    shown = frame.copy()
    for column in shown.columns:
        convert = _shown_values(column, playbook, lang)
        if convert is not None:
            shown[column] = shown[column].map(convert)
    names = list(shown.index.names)
    for level, name in enumerate(names):
        convert = _shown_values(name, playbook, lang)
        if convert is not None:
            shown = shown.rename(index=convert, level=level if len(names) > 1 else None)
    shown = shown.rename(
        columns={c: label(k, lang) for c, k in _COLUMN_LABELS.items() if c in shown.columns}
    )
    shown.index.names = [
        label(_COLUMN_LABELS[n], lang) if n in _COLUMN_LABELS else n for n in names
    ]
    return shown


def rules_table(playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """The tier rules, one row per tier in order: the minimum annual value and years, and
    whether a tier takes paying customers (empty where the rule does not ask)."""
    names = shown_ids(((t.id, t.name) for t in playbook.customer_tiers), lang)
    rows = [
        {
            label("col_tier", lang): names[t.id],
            label("col_order", lang): t.order,
            label("col_min_annual_value", lang): t.rule.min_annual_value if t.rule else None,
            label("col_min_years", lang): t.rule.min_relationship_years if t.rule else None,
            label("col_paying", lang): yes_no(t.rule.paying, lang) if t.rule else None,
        }
        for t in _ordered_tiers(playbook)
    ]
    return pd.DataFrame(rows).set_index(label("col_tier", lang))


def movements_table(assigned: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """:func:`tier_movements` as a reader sees it: current tiers down, assigned tiers across."""
    table = tier_movements(assigned)
    names = shown_ids(((t.id, t.name) for t in playbook.customer_tiers), lang)
    table = table.rename(index=names, columns={**names, "(none)": label("no_tier", lang)})
    table.index.name = label("col_current_tier", lang)
    table.columns.name = label("col_assigned_tier", lang)
    return table


def health_table(history: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """Of a :func:`tier_health_history`, the tiers the playbook judges (by an indicator of
    :data:`INDICATOR_MEASURES`): each quarter's counts, rates in percent and statuses."""
    judged = [
        t.id for t in _ordered_tiers(playbook) if any(i in t.kpis for i in INDICATOR_MEASURES)
    ]
    columns = [
        "period",
        "tier",
        "due",
        "renewed",
        "renewal_rate",
        "renewal_rate_status",
        "at_start",
        "churned",
        "churn_rate",
        "churn_rate_status",
    ]
    shown = history.loc[history["tier"].isin(judged), columns]
    shown = shown.assign(
        renewal_rate=(shown["renewal_rate"] * 100).round(1),
        churn_rate=(shown["churn_rate"] * 100).round(1),
    ).rename(
        columns={
            "renewal_rate": label("col_renewal_pct", lang),
            "churn_rate": label("col_churn_pct", lang),
        }
    )
    return tier_table(shown.reset_index(drop=True), playbook, lang)


def compliance_table(complaints: pd.DataFrame, lang: Lang = "en") -> pd.DataFrame:
    """Of a :func:`complaint_compliance`, the percentage in time by team (rows; ``*`` the whole
    organisation) and period (columns)."""
    table = complaints.pivot_table(index="team_id", columns="period", values="share")
    table = (table * 100).round(0)
    table.index.name = label("col_team_id", lang)
    table.columns.name = label("col_period", lang)
    return table


def compliance_text(complaints: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> str:
    """Two lines: the hours of the protocol's solution step, and how many of the whole
    organisation's complaints got their solution in time."""
    hours = solution_step(playbook).within_hours
    whole = complaints.loc[complaints["team_id"] == "*"]
    return "\n".join(
        [
            label("complaint_step", lang, hours=f"{hours:g}"),
            label(
                "complaints_in_time",
                lang,
                within=int(whole["within"].sum()),
                received=int(whole["complaints"].sum()),
            ),
        ]
    )
