"""The KPI indicators, derived from the raw tables of :mod:`salesplaybook.data.schemas`.

Pure functions of the tables, in the style of pandera's checks: DataFrames in, a DataFrame out,
nothing printed and nothing read from disk, so the command line, a notebook and a test all get the
same numbers (the caller passes what the playbook says, such as the probation length).
:func:`team_metrics` gives every team and the whole organisation for many quarters at once;
:func:`derive_metrics` gives one of those rows as the scorecard wants it.

How it stays fast on large tables: every table is reduced to a few integer arrays (day numbers,
quarter numbers, team codes) and every indicator is a sum of weights per (quarter, team) cell,
taken with ``numpy.bincount``. A state "at a date" (receivables outstanding at the end of a
quarter, members active at its start) is an interval per row, added once at the first quarter it
covers and removed after the last, then accumulated along the quarters. No row is visited by
Python code, and each id column is hashed once.

Definitions, for a quarter P from its first day (start) to its last day (end); "trailing year" is
the four quarters ending with P:

- Team membership is ``people.team_id``. Other tables reach a team through ``person_id``, the
  customer's ``owner_id`` or their own ``team_id``, as each indicator says. A person is *active*
  at a date when ``hired_on <= date`` and ``left_on`` is empty or later than the date.
- The organisation's row (team ``"*"``) pools every row of the tables, including rows no team
  can be given (a customer without an owner, a person or team missing from ``people``): it is the
  organisation's number, not an average of its teams. Ratios pool numerators and denominators;
  they are never averages of the teams' ratios.
- A value is NaN (and absent from :class:`DerivedMetrics`) when its denominator is zero; an
  indicator whose tables are missing is not a column at all. A count is 0, not NaN, when its
  table is there and nothing happened.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import FIRST_YEAR, LAST_YEAR, parse_period, period_label

Tables = Mapping[str, pd.DataFrame]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: The team id of the organisation-wide row.
ALL: Final = "*"

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
)

#: Roles a member is "developed" into: the management and the expert track above sales rep.
LEADER_ROLES: Final = ("team_lead", "supervisor", "industry_consultant", "solution_expert")

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

#: An empty "until" date (left_on, paid_on, churned_on, ...) means "not yet": a day number far
#: beyond any real date makes "empty or later than d" a plain ``> d`` comparison.
_NEVER: Final = 10**8
_MAX_LISTED = 12


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


# --- periods ---------------------------------------------------------------------------------


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
        dates = _as_datetime(table[column])
        earliest, latest = dates.min(), dates.max()
        if not isinstance(earliest, pd.Timestamp) or not isinstance(latest, pd.Timestamp):
            continue  # no dates at all
        first = int(_quarters(_days(earliest))[0])
        last = int(_quarters(_days(latest))[0])
        low = first if low is None else min(low, first)
        high = last if high is None else max(high, last)
    return None if low is None or high is None else (low, high)


# --- conversions -----------------------------------------------------------------------------


def _as_datetime(values: pd.Series) -> pd.Series:
    """Dates as naive datetime64: tables arrive coerced, but hand-built ones may hold strings."""
    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        values = pd.to_datetime(values)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    return values


def _days(values: pd.Series | pd.Timestamp, missing: int = _NEVER) -> IntArray:
    """Day numbers (days since 1970-01-01); an empty date becomes ``missing``."""
    if isinstance(values, pd.Timestamp):
        return np.array([values.to_datetime64()]).astype("datetime64[D]").astype(np.int64)
    raw = _as_datetime(values).to_numpy().astype("datetime64[D]")
    days = raw.astype(np.int64)
    return np.where(np.isnat(raw), np.int64(missing), days)


def _quarters(days: IntArray) -> IntArray:
    """Quarter numbers of day numbers; "never" falls far outside any grid."""
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return months // 3


def _quarter_starts(quarters: IntArray) -> IntArray:
    return (quarters * 3).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def _add_months(days: IntArray, months: int) -> IntArray:
    """``days`` plus whole months, clipped to the end of a shorter month (Jan 31 + 1 = Feb 28),
    as a contract's probation clause reads."""
    dates = days.astype("datetime64[D]")
    month = dates.astype("datetime64[M]")
    day_of_month = dates - month.astype("datetime64[D]")
    target = month + months
    last_day = (target + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
    shifted = np.minimum(target.astype("datetime64[D]") + day_of_month, last_day)
    return np.asarray(shifted.astype(np.int64), dtype=np.int64)


def _flag(values: pd.Series) -> BoolArray:
    """A nullable flag as plain booleans: an empty flag is not set."""
    return np.asarray(values.to_numpy(dtype=bool, na_value=False), dtype=bool)


def _numbers(values: pd.Series) -> FloatArray:
    return np.asarray(values.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64)


def _equals(values: pd.Series, text: str) -> BoolArray:
    return _flag(values == text)


def _lookup(index: pd.Index, values: pd.Series) -> IntArray:
    """Positions of ``values`` in a unique ``index``; -1 where absent (or empty)."""
    return np.asarray(index.get_indexer(pd.Index(values, copy=False)), dtype=np.int64)


# --- the (quarter, team) grid ----------------------------------------------------------------


@dataclass
class _Grid:
    """Quarters ``first .. first + n - 1`` (three before the earliest asked-for quarter, so that
    trailing years and previous quarters are inside) by team buckets ``0 .. T``; bucket T holds
    rows no team can be given, which only the organisation's row counts."""

    first: int
    n: int
    teams: list[str]
    starts: IntArray = field(init=False)
    ends: IntArray = field(init=False)

    def __post_init__(self) -> None:
        quarters = self.first + np.arange(self.n + 1, dtype=np.int64)
        bounds = _quarter_starts(quarters)
        self.starts = bounds[:-1]
        self.ends = bounds[1:] - 1

    @property
    def buckets(self) -> int:
        return len(self.teams) + 1

    def inside(self, quarters: IntArray) -> BoolArray:
        offset = quarters - self.first
        return np.asarray((offset >= 0) & (offset < self.n), dtype=bool)

    def events(
        self, quarters: IntArray, teams: IntArray, weights: FloatArray | BoolArray | None = None
    ) -> FloatArray:
        """Sum of ``weights`` (or a count) per (quarter, team) cell of rows in ``quarters``."""
        keep = self.inside(quarters)
        cells = (quarters[keep] - self.first) * self.buckets + teams[keep]
        w = None if weights is None else np.asarray(weights, dtype=np.float64)[keep]
        counts = np.bincount(cells, weights=w, minlength=self.n * self.buckets)
        return np.asarray(counts, dtype=np.float64).reshape(self.n, self.buckets)

    def spans(
        self, low: IntArray, high: IntArray, teams: IntArray, weights: FloatArray | None = None
    ) -> FloatArray:
        """Sum of ``weights`` per cell over rows counted in grid quarters ``low <= k < high``."""
        low = np.clip(low, 0, self.n)
        high = np.clip(high, 0, self.n)
        keep = low < high
        size = (self.n + 1) * self.buckets
        w = None if weights is None else np.asarray(weights, dtype=np.float64)[keep]
        opened = np.bincount(low[keep] * self.buckets + teams[keep], weights=w, minlength=size)
        closed = np.bincount(high[keep] * self.buckets + teams[keep], weights=w, minlength=size)
        delta = (opened - closed).reshape(self.n + 1, self.buckets)
        return np.asarray(np.cumsum(delta, axis=0)[: self.n], dtype=np.float64)

    def at(
        self,
        dates: IntArray,
        low: IntArray,
        high: IntArray,
        teams: IntArray,
        weights: FloatArray | None = None,
    ) -> FloatArray:
        """Sum of ``weights`` per cell over rows whose day interval ``[low, high]`` contains the
        quarter's date (``dates``: one ascending day per grid quarter, e.g. its end)."""
        first = np.searchsorted(dates, low, side="left").astype(np.int64)
        after = np.searchsorted(dates, high, side="right").astype(np.int64)
        return self.spans(first, after, teams, weights)

    def trailing(self, cells: FloatArray) -> FloatArray:
        """The sum over the four quarters ending with each quarter (a trailing year)."""
        padded = np.vstack([np.zeros((4, self.buckets)), cells])
        total = np.cumsum(padded, axis=0)
        return np.asarray(total[4:] - total[:-4], dtype=np.float64)

    def offsets(self, quarters: IntArray) -> IntArray:
        return np.asarray(quarters - self.first, dtype=np.int64)

    # Results: organisation first (every bucket pooled), then the teams in order.

    def total(self, cells: FloatArray) -> FloatArray:
        return np.concatenate([cells.sum(axis=1, keepdims=True), cells[:, :-1]], axis=1)

    def ratio(self, numerator: FloatArray, denominator: FloatArray) -> FloatArray:
        return _divide(self.total(numerator), self.total(denominator))

    def mean(
        self, quarters: IntArray, teams: IntArray, values: FloatArray | BoolArray
    ) -> FloatArray:
        """The mean of ``values`` over the rows of each (quarter, team) cell; NaN for a cell
        without rows (a share when ``values`` are flags).

        Several indicators are such a mean, and it has to be pooled the same way for all of
        them: the sum and the count are totalled first and divided last, so the organisation's
        mean is over all its rows (those without a team too), never a mean of its teams'
        means. One method keeps that rule in one place."""
        return self.ratio(self.events(quarters, teams, values), self.events(quarters, teams))


def _divide(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def _previous(cells: FloatArray) -> FloatArray:
    shifted = np.full(cells.shape, np.nan)
    shifted[1:] = cells[:-1]
    return shifted


class _Context:
    """What every indicator needs: the grid, and who belongs to which team. Ids are hashed once
    per table; people and customers become positions, and positions become team codes."""

    def __init__(self, tables: Tables, quarters: list[int], probation_months: int) -> None:
        self.tables = tables
        self.probation_months = probation_months
        people = tables["people"]
        for column in ("person_id", "team_id", "hired_on", "left_on"):
            _need(tables, "people", column)
        self.people = people.drop_duplicates("person_id") if len(people) else people
        teams = sorted(str(t) for t in pd.unique(self.people["team_id"].dropna()))
        if ALL in teams:
            raise SalesplaybookError(f"people: team id {ALL!r} is kept for the whole organisation")
        self.grid = _Grid(min(quarters) - 3, max(quarters) - min(quarters) + 4, teams)
        self.team_index = pd.Index(teams, dtype=object)
        self.unassigned = len(teams)
        self.person_index = pd.Index(self.people["person_id"])
        #: Team code per person position, with "no team" appended for position -1.
        self.person_team = self._with_unassigned(self.team_codes(self.people["team_id"]))
        customers = tables.get("customers")
        if customers is not None and len(customers):
            _need(tables, "customers", "customer_id")
            _need(tables, "customers", "owner_id")
            customers = customers.drop_duplicates("customer_id")
            self.customers: pd.DataFrame | None = customers
            self.customer_index = pd.Index(customers["customer_id"])
            owners = _lookup(self.person_index, customers["owner_id"])
            self.customer_team = self._with_unassigned(self.person_team[owners])
        else:
            self.customers = customers
            self.customer_index = pd.Index([], dtype=object)
            self.customer_team = np.array([self.unassigned], dtype=np.int64)

    def _with_unassigned(self, codes: IntArray) -> IntArray:
        return np.append(codes, np.int64(self.unassigned))

    def table(self, name: str, *columns: str) -> pd.DataFrame | None:
        """The table if the caller gave it (checking the columns an indicator needs), else None."""
        table = self.tables.get(name)
        if table is None:
            return None
        for column in columns:
            _need(self.tables, name, column)
        return table

    def team_codes(self, team_ids: pd.Series) -> IntArray:
        codes = _lookup(self.team_index, team_ids)
        return np.where(codes < 0, np.int64(self.unassigned), codes)

    def person_positions(self, person_ids: pd.Series) -> IntArray:
        return _lookup(self.person_index, person_ids)

    def person_teams(self, person_ids: pd.Series) -> IntArray:
        return self.person_team[self.person_positions(person_ids)]

    def customer_teams(self, customer_ids: pd.Series) -> IntArray:
        return self.customer_team[_lookup(self.customer_index, customer_ids)]


def _need(tables: Tables, name: str, column: str) -> None:
    if column not in tables[name].columns:
        raise SalesplaybookError(f"{name}: column {column!r} is missing")


# --- the indicators, table by table ----------------------------------------------------------

Results = dict[str, FloatArray]


def _people_metrics(ctx: _Context) -> Results:
    """team_size, new_hire_confirmation_rate, core_attrition_rate (people only).

    - team_size: members active at the end of P.
    - new_hire_confirmation_rate: people whose probation (hired_on + probation_months,
      the playbook's, clipped to the month's end) ends in P; the share of them with
      ``confirmed_on`` on or before the end of P. Someone who left during probation counts as
      not confirmed: the indicator judges the hiring, and a hire who left was not a good one.
    - core_attrition_rate: core members active at the start of the trailing year who left
      within it (by the end of P), over those core members.
    """
    grid, people = ctx.grid, ctx.people
    hired = _days(people["hired_on"])
    left = _days(people["left_on"])
    teams = ctx.person_team[:-1]
    out: Results = {"team_size": grid.total(grid.at(grid.ends, hired, left - 1, teams))}

    if "confirmed_on" in people.columns:
        confirmed = _days(people["confirmed_on"])
        probation_end = _add_months(hired, ctx.probation_months)
        quarter = _quarters(probation_end)
        inside = grid.inside(quarter)
        on_time = np.zeros(len(people), dtype=bool)
        on_time[inside] = confirmed[inside] <= grid.ends[grid.offsets(quarter[inside])]
        out["new_hire_confirmation_rate"] = grid.mean(quarter, teams, on_time)

    if "is_core" in people.columns:
        core = _flag(people["is_core"])
        year_starts = _quarter_starts(grid.first - 3 + np.arange(grid.n, dtype=np.int64))
        c_hired, c_left, c_teams = hired[core], left[core], teams[core]
        at_start = grid.at(year_starts, c_hired, c_left - 1, c_teams)
        # Left within the trailing year: active at its start (start in [hired, left - 1]) and
        # left by the end of P (end >= left): two intervals over the quarters, intersected.
        first = np.maximum(
            np.searchsorted(year_starts, c_hired, side="left"),
            np.searchsorted(grid.ends, c_left, side="left"),
        ).astype(np.int64)
        after = np.searchsorted(year_starts, c_left - 1, side="right").astype(np.int64)
        out["core_attrition_rate"] = grid.ratio(grid.spans(first, after, c_teams), at_start)
    return out


def _deal_metrics(ctx: _Context) -> Results:
    """sales_attainment, core_product_share, member_attainment_rate, deal_cycle_reduction.

    Only deals in stage ``won`` with ``closed_on`` in P count, for the deal's ``person_id``.

    - sales_attainment: won amount / the sum of ``targets.target`` of P (needs targets).
    - core_product_share: won amount with ``is_core_product`` / won amount.
    - member_attainment_rate: people with a target above 0 in P (targets summed per person)
      whose own won amount in P reaches it, over the people with such a target.
    - deal_cycle_reduction: (mean cycle of the previous quarter - mean cycle of P) / the
      previous quarter's, a cycle being ``closed_on - created_on`` in days; NaN when either
      quarter won nothing or the previous mean is 0 days.
    """
    deals = ctx.table("deals", "person_id", "stage", "amount", "closed_on")
    if deals is None:
        return {}
    grid = ctx.grid
    won_rows = deals.loc[_equals(deals["stage"], "won")]
    closed = _days(won_rows["closed_on"])
    quarter = _quarters(closed)
    inside = grid.inside(quarter)
    won_rows, closed, quarter = won_rows.loc[inside], closed[inside], quarter[inside]
    positions = ctx.person_positions(won_rows["person_id"])
    teams = ctx.person_team[positions]
    amount = _numbers(won_rows["amount"])
    won = grid.events(quarter, teams, amount)
    out: Results = {}

    if "is_core_product" in won_rows.columns:
        core = amount * _flag(won_rows["is_core_product"])
        out["core_product_share"] = grid.ratio(grid.events(quarter, teams, core), won)

    if "created_on" in won_rows.columns:
        cycle = (closed - _days(won_rows["created_on"])).astype(np.float64)
        mean = grid.mean(quarter, teams, cycle)
        before = _previous(mean)
        out["deal_cycle_reduction"] = _divide(before - mean, before)

    targets = ctx.table("targets", "person_id", "period", "target")
    if targets is not None:
        labels, label_codes = _factorized_periods(targets["period"])
        t_quarter = labels[label_codes]
        t_positions = ctx.person_positions(targets["person_id"])
        target = _numbers(targets["target"])
        t_cells = grid.events(t_quarter, ctx.person_team[t_positions], target)
        out["sales_attainment"] = grid.ratio(won, t_cells)
        out["member_attainment_rate"] = _member_attainment(
            ctx,
            (targets["person_id"], t_positions, t_quarter, target),
            (won_rows["person_id"], positions, quarter, amount),
        )
    return out


def _factorized_periods(labels: pd.Series) -> tuple[IntArray, IntArray]:
    """Quarter numbers of a period column, parsing each distinct label once."""
    codes, uniques = pd.factorize(labels)
    try:
        quarters = [parse_period(label) for label in uniques]
    except SalesplaybookError as exc:
        raise SalesplaybookError(f"targets: {exc}") from None
    # An empty label (code -1) lands on the extra "never" entry.
    table = np.array([*quarters, _NEVER], dtype=np.int64)
    return table, np.asarray(codes, dtype=np.int64)


#: Person ids, their positions in people (-1: not there), quarters and amounts of some rows.
_PersonRows = tuple[pd.Series, IntArray, IntArray, FloatArray]


def _member_attainment(ctx: _Context, targets: _PersonRows, won: _PersonRows) -> FloatArray:
    """Per (person, quarter) cell: the target and the won amount; then per team the members on
    target. People with a target but no ``people`` row still count for the organisation."""
    grid = ctx.grid
    known = len(ctx.person_index)
    t_ids, t_positions, t_quarter, target = targets
    w_ids, w_positions, w_quarter, w_amount = won
    strangers = t_positions < 0
    extra = pd.Index(pd.unique(t_ids[strangers].dropna()))
    if len(extra):
        t_positions = t_positions.copy()
        t_positions[strangers] = _shifted(_lookup(extra, t_ids[strangers]), known)
        unknown = w_positions < 0
        w_positions = w_positions.copy()
        w_positions[unknown] = _shifted(_lookup(extra, w_ids[unknown]), known)
    persons = known + len(extra)
    cells = persons * grid.n

    keep = grid.inside(t_quarter) & (t_positions >= 0)
    at = t_positions[keep] * grid.n + grid.offsets(t_quarter[keep])
    goal = np.bincount(at, weights=target[keep], minlength=cells)
    keep = w_positions >= 0
    at = w_positions[keep] * grid.n + grid.offsets(w_quarter[keep])
    achieved = np.bincount(at, weights=w_amount[keep], minlength=cells)
    has_target = goal > 0
    on_target = has_target & (achieved >= goal)

    person_team = np.concatenate(
        [ctx.person_team[:-1], np.full(len(extra), ctx.unassigned, dtype=np.int64)]
    )
    cell_bucket = np.tile(np.arange(grid.n, dtype=np.int64), persons) * grid.buckets + np.repeat(
        person_team, grid.n
    )

    def per_team(weights: BoolArray) -> FloatArray:
        counts = np.bincount(cell_bucket, weights=weights, minlength=grid.n * grid.buckets)
        return np.asarray(counts, dtype=np.float64).reshape(grid.n, grid.buckets)

    return grid.ratio(per_team(on_target), per_team(has_target))


def _shifted(positions: IntArray, by: int) -> IntArray:
    return np.where(positions < 0, positions, positions + by)


def _role_metrics(ctx: _Context) -> Results:
    """leaders_developed: role changes in the trailing year into one of :data:`LEADER_ROLES`,
    counted for the person's team. A count, not a rate: the scorecard scales its bar by
    team_size."""
    changes = ctx.table("role_changes", "person_id", "changed_on", "to_role")
    if changes is None:
        return {}
    grid = ctx.grid
    promoted = _flag(changes["to_role"].isin(LEADER_ROLES))
    rows = changes.loc[promoted]
    quarter = _quarters(_days(rows["changed_on"]))
    cells = grid.events(quarter, ctx.person_teams(rows["person_id"]))
    return {"leaders_developed": grid.total(grid.trailing(cells))}


def _training_metrics(ctx: _Context) -> Results:
    """training_completion_rate: trainings planned in P with ``completed_on`` on or before the
    end of P, over the trainings planned in P (a module finished late counts for no quarter)."""
    trainings = ctx.table("trainings", "person_id", "planned_on", "completed_on")
    if trainings is None:
        return {}
    grid = ctx.grid
    quarter = _quarters(_days(trainings["planned_on"]))
    inside = grid.inside(quarter)
    rows, quarter = trainings.loc[inside], quarter[inside]
    teams = ctx.person_teams(rows["person_id"])
    done = _days(rows["completed_on"]) <= grid.ends[grid.offsets(quarter)]
    return {"training_completion_rate": grid.mean(quarter, teams, done)}


def _customer_metrics(ctx: _Context) -> Results:
    """key_account_churn_rate, potential_conversion_rate, for the customer owner's team. The
    tier is the customer's current ``tier`` (the tables keep no tier history).

    - key_account_churn_rate: key customers active at the start of P (``first_contract_on`` on
      or before it, ``churned_on`` empty or after it) that churned in P, over those.
    - potential_conversion_rate: potential customers without a first contract before P
      (``first_contract_on`` empty or in P or later) whose first contract falls in P, over
      those. A customer whose ``tier_since`` (the start of its incubation) is after the start
      of P was not yet a potential customer then and counts for neither. A first contract on
      P's first day converts in P, so every conversion is also in the denominator. A prospect
      dropped from incubation (``churned_on``) on or before the start of P counts for neither.
    """
    customers = ctx.customers
    if customers is None:
        return {}
    for column in ("tier", "first_contract_on", "churned_on"):
        _need(ctx.tables, "customers", column)
    grid = ctx.grid
    teams = ctx.customer_team[:-1]
    first = _days(customers["first_contract_on"])
    churned = _days(customers["churned_on"])
    out: Results = {}

    key = _equals(customers["tier"], "key")
    k_first, k_churned, k_teams = first[key], churned[key], teams[key]
    active = grid.at(grid.starts, k_first, k_churned - 1, k_teams)
    quarter = _quarters(k_churned)
    inside = grid.inside(quarter)
    start = grid.starts[grid.offsets(quarter[inside])]
    lost = np.zeros(len(k_first), dtype=bool)
    lost[inside] = (k_first[inside] <= start) & (k_churned[inside] > start)
    out["key_account_churn_rate"] = grid.ratio(grid.events(quarter, k_teams, lost), active)

    potential = _equals(customers["tier"], "potential")
    p_first, p_teams = first[potential], teams[potential]
    if "tier_since" in customers.columns:
        since = _days(customers["tier_since"], missing=-_NEVER)[potential]
    else:
        since = np.full(len(p_first), -_NEVER, dtype=np.int64)
    # A prospect dropped from incubation (churned_on) before P is no longer one to convert.
    until = np.minimum(p_first, churned[potential] - 1)
    prospects = grid.at(grid.starts, since, until, p_teams)
    quarter = _quarters(p_first)
    inside = grid.inside(quarter)
    converted = np.zeros(len(p_first), dtype=bool)
    converted[inside] = since[inside] <= grid.starts[grid.offsets(quarter[inside])]
    out["potential_conversion_rate"] = grid.ratio(
        grid.events(quarter, p_teams, converted), prospects
    )
    return out


def _contract_metrics(ctx: _Context) -> Results:
    """strategic_renewal_rate, repeat_business_share. A contract belongs to its customer's
    owner's team (the account's team, who renews and grows it), or to the team of the contract's
    own ``person_id`` when the customer has no known owner.

    - strategic_renewal_rate: counted per customer, as the source counts it (续约率 of strategic
      customers): strategic customers with a contract ending in P that renewed (a contract whose
      ``renewal_of`` is one of those, signed by the end of P), over the strategic customers with
      a contract ending in P. Per customer rather than per contract, so that an add-on order
      that ends with the main contract does not count as a lost renewal. A renewal signed after
      P does not rescue P. Needs the customers table.
    - repeat_business_share: value of the contracts signed in P that come from an existing
      customer (one with an earlier first contract, by ``customers.first_contract_on`` or an
      earlier ``signed_on`` in contracts; a renewal always does) or from a referral, over the
      value of all contracts signed in P.
    """
    contracts = ctx.table("contracts", "contract_id", "customer_id", "signed_on", "value")
    if contracts is None:
        return {}
    grid = ctx.grid
    positions = _lookup(ctx.customer_index, contracts["customer_id"])
    teams = ctx.customer_team[positions]
    if "person_id" in contracts.columns:
        orphan = teams == ctx.unassigned
        teams[orphan] = ctx.person_teams(contracts["person_id"][orphan])
    signed = _days(contracts["signed_on"])
    value = _numbers(contracts["value"])
    quarter = _quarters(signed)
    renewal_of = contracts["renewal_of"] if "renewal_of" in contracts.columns else None
    out: Results = {}

    # Earliest contract per customer; customers missing from the customers table get positions
    # after the known ones, so the contracts alone still say who came back.
    known = len(ctx.customer_index)
    strangers = positions < 0
    codes, _ = pd.factorize(contracts["customer_id"][strangers])
    keys = positions.copy()
    keys[strangers] = np.where(codes < 0, -1, known + codes)
    earliest = np.full(known + int(codes.max(initial=-1)) + 1, _NEVER, dtype=np.int64)
    if ctx.customers is not None and "first_contract_on" in ctx.customers.columns:
        earliest[:known] = _days(ctx.customers["first_contract_on"])
    has_key = keys >= 0
    np.minimum.at(earliest, keys[has_key], signed[has_key])
    repeat = np.zeros(len(contracts), dtype=bool)
    repeat[has_key] = earliest[keys[has_key]] < signed[has_key]
    if renewal_of is not None:
        repeat |= _flag(renewal_of.notna())
    if "referral" in contracts.columns:
        repeat |= _flag(contracts["referral"])
    out["repeat_business_share"] = grid.ratio(
        grid.events(quarter, teams, value * repeat), grid.events(quarter, teams, value)
    )

    if ctx.customers is not None and "end_on" in contracts.columns:
        _need(ctx.tables, "customers", "tier")
        strategic_customer = np.append(_equals(ctx.customers["tier"], "strategic"), False)
        end_quarter = _quarters(_days(contracts["end_on"]))
        due = strategic_customer[positions] & grid.inside(end_quarter)
        d_quarter, d_teams = end_quarter[due], teams[due]
        renewed_on = np.full(len(d_quarter), _NEVER, dtype=np.int64)
        if renewal_of is not None:
            renewals = _flag(renewal_of.notna())
            r_codes, r_ids = pd.factorize(renewal_of[renewals])
            first_renewal = np.full(len(r_ids), _NEVER, dtype=np.int64)
            np.minimum.at(first_renewal, r_codes, signed[renewals])
            found = _lookup(pd.Index(r_ids), contracts["contract_id"][due])
            renewed_on = np.append(first_renewal, _NEVER)[found]
        renewed = renewed_on <= grid.ends[grid.offsets(d_quarter)]
        per_customer = (
            pd.DataFrame({"c": positions[due], "q": d_quarter, "t": d_teams, "r": renewed})
            .groupby(["c", "q"], sort=False)
            .agg(t=("t", "first"), r=("r", "max"))
        )
        c_quarter = per_customer.index.get_level_values("q").to_numpy()
        c_teams = per_customer["t"].to_numpy()
        out["strategic_renewal_rate"] = grid.ratio(
            grid.events(c_quarter, c_teams, per_customer["r"].to_numpy()),
            grid.events(c_quarter, c_teams),
        )
    return out


def _invoice_metrics(ctx: _Context) -> Results:
    """overdue_receivables_ratio at the end of P, for the customer owner's team: outstanding
    invoices are issued by the end and unpaid at it (``paid_on`` empty or later); the overdue
    ones among them were due before the end. Overdue amount / outstanding amount."""
    invoices = ctx.table("invoices", "customer_id", "issued_on", "due_on", "amount", "paid_on")
    if invoices is None:
        return {}
    grid = ctx.grid
    issued = _days(invoices["issued_on"])
    unpaid_until = _days(invoices["paid_on"]) - 1
    # Only invoices still open at some quarter end of the grid need a team (hashing is the cost).
    open_at_some_end = (issued <= grid.ends[-1]) & (unpaid_until >= grid.ends[0])
    invoices = invoices.loc[open_at_some_end]
    issued, unpaid_until = issued[open_at_some_end], unpaid_until[open_at_some_end]
    teams = ctx.customer_teams(invoices["customer_id"])
    amount = _numbers(invoices["amount"])
    overdue_from = np.maximum(issued, _days(invoices["due_on"]) + 1)
    outstanding = grid.at(grid.ends, issued, unpaid_until, teams, amount)
    overdue = grid.at(grid.ends, overdue_from, unpaid_until, teams, amount)
    return {"overdue_receivables_ratio": grid.ratio(overdue, outstanding)}


def _survey_metrics(ctx: _Context) -> Results:
    """csat_score: the mean score of the surveys of P, for the customer owner's team."""
    surveys = ctx.table("surveys", "customer_id", "surveyed_on", "score")
    if surveys is None:
        return {}
    grid = ctx.grid
    quarter = _quarters(_days(surveys["surveyed_on"]))
    inside = grid.inside(quarter)
    surveys, quarter = surveys.loc[inside], quarter[inside]
    teams = ctx.customer_teams(surveys["customer_id"])
    score = _numbers(surveys["score"])
    return {"csat_score": grid.mean(quarter, teams, score)}


def _complaint_metrics(ctx: _Context) -> Results:
    """process_complaints: complaints received in P whose root cause is ``process``, for their
    ``team_id``, or the customer owner's team when it has none (or an unknown one)."""
    complaints = ctx.table("complaints", "received_on", "root_cause")
    if complaints is None:
        return {}
    grid = ctx.grid
    rows = complaints.loc[_equals(complaints["root_cause"], "process")]
    quarter = _quarters(_days(rows["received_on"]))
    if "team_id" in rows.columns:
        teams = ctx.team_codes(rows["team_id"])
    else:
        teams = np.full(len(rows), ctx.unassigned, dtype=np.int64)
    if "customer_id" in rows.columns:
        orphan = teams == ctx.unassigned
        teams[orphan] = ctx.customer_teams(rows["customer_id"][orphan])
    return {"process_complaints": grid.total(grid.events(quarter, teams))}


def _yearly_count(ctx: _Context, table: str, date: str, indicator: str) -> Results:
    rows = ctx.table(table, "team_id", date)
    if rows is None:
        return {}
    grid = ctx.grid
    cells = grid.events(_quarters(_days(rows[date])), ctx.team_codes(rows["team_id"]))
    return {indicator: grid.total(grid.trailing(cells))}


def _project_metrics(ctx: _Context) -> Results:
    """cross_dept_projects: projects delivered in the trailing year, by ``team_id``; a project
    without ``delivered_on`` is not delivered."""
    return _yearly_count(ctx, "projects", "delivered_on", "cross_dept_projects")


def _toolkit_metrics(ctx: _Context) -> Results:
    """toolkits_delivered: toolkits published in the trailing year, by ``team_id``."""
    return _yearly_count(ctx, "toolkits", "published_on", "toolkits_delivered")


def _alert_metrics(ctx: _Context) -> Results:
    """anomaly_response_days: the mean of working days (``numpy.busday_count``, Monday to
    Friday, no holiday calendar) from ``raised_on`` to ``analysed_on`` over the alerts raised in
    P, by ``team_id``. An alert still open at the end of P counts up to the day after the end of
    P, one more than if it had been analysed on the last day, so leaving it open never looks
    better than closing it. An ``analysed_on`` before ``raised_on`` counts as 0."""
    alerts = ctx.table("alerts", "team_id", "raised_on", "analysed_on")
    if alerts is None:
        return {}
    grid = ctx.grid
    raised = _days(alerts["raised_on"])
    quarter = _quarters(raised)
    inside = grid.inside(quarter)
    rows, raised, quarter = alerts.loc[inside], raised[inside], quarter[inside]
    until = np.minimum(_days(rows["analysed_on"]), grid.ends[grid.offsets(quarter)] + 1)
    days = np.busday_count(raised.astype("datetime64[D]"), until.astype("datetime64[D]"))
    elapsed = np.maximum(days, 0).astype(np.float64)
    teams = ctx.team_codes(rows["team_id"])
    return {"anomaly_response_days": grid.mean(quarter, teams, elapsed)}


def _experiment_metrics(ctx: _Context) -> Results:
    """strategy_lift: over the experiments concluded in P, by ``team_id``, leads and
    conversions pooled per arm: (variant conversion rate) / (control conversion rate) - 1.
    Pooling weighs each experiment by its leads, so a tiny pilot cannot swing the quarter. NaN
    when an arm has no leads or the control converted none."""
    columns = ("control_leads", "control_converted", "variant_leads", "variant_converted")
    experiments = ctx.table("experiments", "team_id", "concluded_on", *columns)
    if experiments is None:
        return {}
    grid = ctx.grid
    quarter = _quarters(_days(experiments["concluded_on"]))
    teams = ctx.team_codes(experiments["team_id"])
    c_leads, c_won, v_leads, v_won = (
        grid.total(grid.events(quarter, teams, _numbers(experiments[c]))) for c in columns
    )
    return {"strategy_lift": _divide(_divide(v_won, v_leads), _divide(c_won, c_leads)) - 1}


def _usage_metrics(ctx: _Context) -> Results:
    """toolkit_usage_rate: members active at the end of P who used any toolkit in P, over the
    members active at the end of P. Usage by someone not in ``people`` is not a member's."""
    usage = ctx.table("toolkit_usage", "person_id", "used_on")
    if usage is None:
        return {}
    grid, people = ctx.grid, ctx.people
    quarter = _quarters(_days(usage["used_on"]))
    inside = grid.inside(quarter)
    positions = ctx.person_positions(usage["person_id"][inside])
    quarter = quarter[inside]
    member = positions >= 0
    used = np.zeros(len(ctx.person_index) * grid.n, dtype=bool)
    used[positions[member] * grid.n + grid.offsets(quarter[member])] = True
    cells = np.flatnonzero(used)  # each (member, quarter) with any use, once
    person, offset = cells // grid.n, cells % grid.n
    hired, left = _days(people["hired_on"]), _days(people["left_on"])
    end = grid.ends[offset]
    active = (hired[person] <= end) & (left[person] > end)
    users = grid.events(grid.first + offset, ctx.person_team[person], active)
    members = grid.at(grid.ends, hired, left - 1, ctx.person_team[:-1])
    return {"toolkit_usage_rate": grid.ratio(users, members)}


_DERIVATIONS: tuple[Callable[[_Context], Results], ...] = (
    _people_metrics,
    _deal_metrics,
    _role_metrics,
    _training_metrics,
    _customer_metrics,
    _contract_metrics,
    _invoice_metrics,
    _survey_metrics,
    _complaint_metrics,
    _project_metrics,
    _toolkit_metrics,
    _alert_metrics,
    _experiment_metrics,
    _usage_metrics,
)


# --- public API ------------------------------------------------------------------------------


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
    (:func:`salesplaybook.content.facts.probation_months`). See the module docstring and each
    ``_*_metrics`` function for the definitions.
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
    ctx = _Context(tables, quarters, probation_months)
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
    _need(tables, "people", "team_id")
    teams = sorted(str(t) for t in pd.unique(people["team_id"].dropna()))
    if team is not None and team != ALL and team not in teams:
        close = difflib.get_close_matches(team, teams, n=1)
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
    rows = market.loc[_flag(market["period"] == period)]
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
