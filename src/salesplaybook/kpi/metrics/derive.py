"""The indicators of a team, per quarter, from the raw tables: :func:`team_metrics` gives every
team and the whole organisation for many quarters at once; :func:`derive_metrics` gives one of
those rows as the scorecard wants it. The periods the tables can speak for are
:func:`data_periods`; those a review starts from, :func:`default_periods`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import (
    FIRST_YEAR,
    LAST_YEAR,
    parse_period,
    period_label,
    quarter_of,
)
from salesplaybook.core.suggest import closest
from salesplaybook.kpi.metrics.columns import as_datetime, day_numbers, flags
from salesplaybook.kpi.metrics.context import ALL, Context, Results, Tables, need
from salesplaybook.kpi.metrics.customers import (
    contract_metrics,
    customer_metrics,
    invoice_metrics,
)
from salesplaybook.kpi.metrics.deals import deal_metrics
from salesplaybook.kpi.metrics.events import (
    alert_metrics,
    complaint_metrics,
    experiment_metrics,
    project_metrics,
    survey_metrics,
    toolkit_metrics,
    usage_metrics,
)
from salesplaybook.kpi.metrics.people import people_metrics, role_metrics, training_metrics
from salesplaybook.kpi.metrics.pipeline import pipeline_metrics

#: Indicator ids in the playbook's order (``playbooks/kpis.yaml``); the columns keep this order.
INDICATORS: Final = (
    "sales_attainment",
    "core_product_share",
    "overdue_receivables_ratio",
    "member_attainment_rate",
    "new_hire_confirmation_rate",
    "core_attrition_rate",
    "leaders_developed",
    "training_completion_rate",
    "strategic_renewal_rate",
    "key_account_churn_rate",
    "potential_conversion_rate",
    "csat_score",
    "repeat_business_share",
    "deal_cycle_reduction",
    "process_complaints",
    "cross_dept_projects",
    "anomaly_response_days",
    "strategy_lift",
    "toolkits_delivered",
    "toolkit_usage_rate",
    "win_rate",
    "pipeline_coverage",
    "forecast_accuracy",
)

#: The date that places a row of each activity table in time; their span is the data's span.
EVENT_DATES: Final = {
    "deals": "closed_on",
    "invoices": "issued_on",
    "contracts": "signed_on",
    "surveys": "surveyed_on",
    "complaints": "received_on",
    "trainings": "planned_on",
    "projects": "delivered_on",
    "alerts": "raised_on",
    "experiments": "concluded_on",
    "toolkits": "published_on",
    "toolkit_usage": "used_on",
    "role_changes": "changed_on",
}


@dataclass(frozen=True)
class DerivedMetrics:
    """One team's (or the organisation's) indicator values for one quarter, ready to score."""

    period: str
    #: None for the whole organisation.
    team: str | None
    #: Indicator id -> value, only for indicators the tables gave a value for.
    values: dict[str, float]
    #: Active members at the end of the period (scales the leaders_developed bar).
    team_size: int | None
    #: ``market_trend`` and ``competitor_attainment`` of the period, when the market table has it.
    context: dict[str, str | float] = field(default_factory=dict)


_MAX_LISTED = 12


def data_periods(tables: Tables) -> list[str]:
    """Every quarter the tables have something to say about, oldest first: the quarters of the
    targets, and every quarter from the earliest to the latest dated event of the activity
    tables (:data:`EVENT_DATES`). With neither, the span of the people's hire and leaving dates,
    so a people-only folder still has periods (team size, confirmations, attrition)."""
    quarters = set(_target_quarters(tables))
    span = _event_span(tables, EVENT_DATES.items())
    if span is None and not quarters:
        span = _event_span(
            tables, [("people", "hired_on"), ("people", "confirmed_on"), ("people", "left_on")]
        )
    if span is not None:
        # Dates may reach beyond the years a period can be in (a deal closing in 2250); their
        # quarters are not periods.
        first, last = parse_period(f"{FIRST_YEAR}-Q1"), parse_period(f"{LAST_YEAR}-Q4")
        quarters.update(range(max(span[0], first), min(span[1], last) + 1))
    return [period_label(q) for q in sorted(quarters)]


def default_periods(tables: Tables) -> list[str]:
    """The periods :func:`team_metrics` reports when not told: the quarters that have targets,
    since attainment is what a review starts from; without targets, :func:`data_periods`."""
    quarters = sorted(set(_target_quarters(tables)))
    return [period_label(q) for q in quarters] if quarters else data_periods(tables)


def _target_quarters(tables: Tables) -> list[int]:
    targets = tables.get("targets")
    if targets is None or "period" not in targets.columns or targets.empty:
        return []
    labels = pd.unique(targets["period"].dropna())
    try:
        return [parse_period(label) for label in labels]
    except SalesplaybookError as exc:
        raise SalesplaybookError(f"targets: {exc}") from None


def _event_span(tables: Tables, columns: Iterable[tuple[str, str]]) -> tuple[int, int] | None:
    low, high = None, None
    for name, column in columns:
        table = tables.get(name)
        if table is None or column not in table.columns:
            continue
        dates = as_datetime(table[column])
        earliest, latest = dates.min(), dates.max()
        if not isinstance(earliest, pd.Timestamp) or not isinstance(latest, pd.Timestamp):
            continue  # no dates at all
        first = int(quarter_of(day_numbers(earliest))[0])
        last = int(quarter_of(day_numbers(latest))[0])
        low = first if low is None else min(low, first)
        high = last if high is None else max(high, last)
    return None if low is None or high is None else (low, high)


#: Every family of indicators, each a function of the shared context.
_DERIVATIONS: tuple[Callable[[Context], Results], ...] = (
    people_metrics,
    deal_metrics,
    role_metrics,
    training_metrics,
    customer_metrics,
    contract_metrics,
    invoice_metrics,
    survey_metrics,
    complaint_metrics,
    project_metrics,
    toolkit_metrics,
    alert_metrics,
    experiment_metrics,
    usage_metrics,
    pipeline_metrics,
)


def team_metrics(
    tables: Tables, periods: list[str] | None = None, *, probation_months: int
) -> pd.DataFrame:
    """Every indicator the tables can give, per quarter, for every team and the organisation.

    One row per (period, team_id), indexed so: per period the organisation's row (team_id
    ``"*"``) first, then the teams of ``people.team_id`` in sorted order, every team in every
    period (a team with nobody active has team_size 0). Columns: the indicator ids the tables
    can give, in the playbook's order, then ``team_size``. ``periods`` defaults to
    :func:`default_periods`; a label that is not a quarter like ``2026-Q1`` raises
    :class:`SalesplaybookError`. ``probation_months`` is the playbook's
    (:func:`salesplaybook.content.facts.probation_months`). See :mod:`salesplaybook.kpi.metrics`
    and each ``*_metrics`` function for the definitions.
    """
    if "people" not in tables:
        raise SalesplaybookError("the people table is required to derive metrics")
    if probation_months < 0:
        raise SalesplaybookError(f"probation_months must be 0 or more, not {probation_months}")
    labels = default_periods(tables) if periods is None else list(dict.fromkeys(periods))
    quarters = [parse_period(label) for label in labels]
    if not quarters:
        index = pd.MultiIndex.from_arrays([[], []], names=["period", "team_id"])
        return pd.DataFrame({"team_size": pd.Series([], dtype=np.int64)}, index=index)
    ctx = Context(tables, quarters, probation_months)
    results: Results = {}
    for derive in _DERIVATIONS:
        results.update(derive(ctx))
    rows = ctx.grid.offsets(np.array(quarters, dtype=np.int64))
    index = pd.MultiIndex.from_product(
        [labels, [ALL, *ctx.grid.teams]], names=["period", "team_id"]
    )
    data: dict[str, npt.NDArray[np.generic]] = {
        indicator: results[indicator][rows].ravel()
        for indicator in INDICATORS
        if indicator in results
    }
    data["team_size"] = np.rint(results["team_size"][rows].ravel()).astype(np.int64)
    return pd.DataFrame(data, index=index)


def derive_metrics(
    tables: Tables, period: str, team: str | None = None, *, probation_months: int
) -> DerivedMetrics:
    """One team's (``team``) or the organisation's (None) indicators for ``period``, with the
    market context of that period, as the scorecard takes them.

    A period the tables know nothing about (:func:`data_periods`) or a team that is not in
    ``people.team_id`` is an error that names the closest known one, so a typo is not mistaken
    for a team without data. ``probation_months`` is as for :func:`team_metrics`.
    """
    if "people" not in tables:
        raise SalesplaybookError("the people table is required to derive metrics")
    parse_period(period)
    known_periods = data_periods(tables)
    if period not in known_periods:
        raise SalesplaybookError(
            f"no data for period {period}: the tables have data for "
            + _period_range(known_periods, _nearest_period(period, known_periods))
        )
    people = tables["people"]
    need(tables, "people", "team_id")
    teams = sorted(str(t) for t in pd.unique(people["team_id"].dropna()))
    if team is not None and team != ALL and team not in teams:
        close = closest(team, teams)
        raise SalesplaybookError(
            f"unknown team {team!r}: the teams in people are "
            + _listing(teams, close[0] if close else None)
        )
    frame = team_metrics(tables, [period], probation_months=probation_months)
    position = frame.index.get_indexer(pd.Index([(period, team or ALL)]))[0]
    row = frame.iloc[int(position)]
    values = {
        indicator: float(row[indicator])
        for indicator in INDICATORS
        if indicator in row.index and pd.notna(row[indicator])
    }
    return DerivedMetrics(
        period=period,
        team=None if team in (None, ALL) else team,
        values=values,
        team_size=int(row["team_size"]),
        context=_market_context(tables, period),
    )


def _market_context(tables: Tables, period: str) -> dict[str, str | float]:
    market = tables.get("market")
    if market is None or "period" not in market.columns:
        return {}
    rows = market.loc[flags(market["period"] == period)]
    if rows.empty:
        return {}
    row = rows.iloc[0]
    context: dict[str, str | float] = {}
    if "market_trend" in rows.columns and pd.notna(row["market_trend"]):
        context["market_trend"] = str(row["market_trend"])
    if "competitor_attainment" in rows.columns and pd.notna(row["competitor_attainment"]):
        context["competitor_attainment"] = float(row["competitor_attainment"])
    return context


def _nearest_period(period: str, known: list[str]) -> str | None:
    if not known:
        return None
    wanted = parse_period(period)
    return min(known, key=lambda label: abs(parse_period(label) - wanted))


def _period_range(known: list[str], closest: str | None) -> str:
    if not known:
        return "no period"
    count = f"{len(known)} quarter{'s' if len(known) != 1 else ''}"
    return f"{count} from {known[0]} to {known[-1]} (closest: {closest})"


def _listing(items: list[str], closest: str | None) -> str:
    if not items:
        return "nothing"
    shown = ", ".join(items[:_MAX_LISTED])
    if len(items) > _MAX_LISTED:
        shown += f", ... ({len(items)} in all)"
    return shown + (f" (closest: {closest})" if closest else "")
