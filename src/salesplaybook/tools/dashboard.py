"""The sales dashboard of the source document and its alerts: DataFrames in, DataFrames out.

The source (part I, (6) data-driven strategy iteration) asks a supervisor to read four numbers
every month or quarter - target attainment, lead conversion, average order value and collection
cycle - and to act on two kinds of signal: a number that moves by more than the playbook's alert
trigger (``alert_trigger`` of the ``anomaly_response_days`` indicator, which times the
response) and a number that falls two months in a row (its own
example: a product line's lead conversion). This module computes the four numbers from the raw
tables of :mod:`salesplaybook.data.schemas` and finds both signals; :mod:`salesplaybook.views.
dashboard` shows them (tables a manager reads, charts, the explorer).

Like :mod:`salesplaybook.kpi.metrics`, every function is a pure DataFrame -> DataFrame function
with no loop over rows, so the command line, a notebook and a test get the same numbers. Its
periods are the KPI engine's: dates become day numbers as the engine reads them
(:mod:`salesplaybook.kpi.metrics.columns`), months and quarters come from
:mod:`salesplaybook.core.periods` and are labelled by it (``2026-01``, ``2026-Q1``), and a
quarter's target is read as the engine reads it, so a quarter's attainment here is the engine's
``sales_attainment`` of that quarter.

Definitions, for a period P (a month by default) and a team (``people.team_id`` of the deal's or
target's person, of the customer's owner for invoices); the organisation's rows (team ``"*"``)
pool every row, and a product line ``"*"`` pools every line:

- ``target_attainment``: amount of the deals won (``closed_on``) in P over the targets of P.
  Targets are quarterly; a month's target is a third of its quarter's, so that a team on a steady
  pace reads 100% every month. Not the worked example's monthly split (uneven in its first
  quarter, for the Spring Festival): that is one plan's seasonality, which the targets table does
  not hold, and the quarter's attainment (``freq="Q"``) is where a plan is judged. Targets have no
  product line, so this is by team only.
- ``lead_conversion``: of the leads *created* in P that have closed, the share won:
  ``won / (won + lost)``. By creation month, because a change in how leads are worked (a stale
  script, a cheaper competitor) shows in the leads that arrive while it lasts; over closed leads
  rather than every lead created, because a lead still open is not a lost one. A month whose leads
  are largely still open is not reported (:data:`MAX_OPEN_SHARE`): lost leads close faster than
  won ones, so its conversion would read as a collapse that is only a wait. Months before the
  first deal in the tables closed are left out for the same reason the other way round: their
  lost leads predate the tables.
- ``average_order_value``: amount won in P over the number of deals won in P (by ``closed_on``).
- ``collection_cycle``: mean days from ``issued_on`` to ``paid_on`` of the invoices paid in P;
  by team only (an invoice has no product line). Lower is better. When there are deals, the
  dashboard starts in the month the first of them closed: earlier invoices belong to sales the
  tables do not hold.

The frame is long: one row per (period, team_id, product_line, metric) with ``value``,
``numerator`` and ``denominator`` (for the collection cycle: total days and invoices paid), so a
reader can always see how many deals a number stands on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

import numpy as np
import pandas as pd

from salesplaybook.content.facts import default_alert_move
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import (
    MONTHS_PER_QUARTER,
    month_label,
    month_of,
    parse_month,
    parse_period,
    period_label,
    quarter_of,
)
from salesplaybook.kpi.metrics.columns import NEVER, as_datetime, day_numbers
from salesplaybook.kpi.metrics.deals import target_quarters
from salesplaybook.kpi.metrics.grid import FloatArray

Tables = Mapping[str, pd.DataFrame]

#: The team id and product line of the pooled rows (the same marker as :data:`metrics.ALL`).
ALL: Final = "*"

#: The four dashboard metrics, in the source's order.
METRICS: Final = (
    "target_attainment",
    "lead_conversion",
    "average_order_value",
    "collection_cycle",
)
#: Which way is better for each metric; a "fall" is a move the bad way.
BETTER: Final = {
    "target_attainment": "higher",
    "lead_conversion": "higher",
    "average_order_value": "higher",
    "collection_cycle": "lower",
}

#: Source, part I (6): "a product line's lead conversion falling two months in a row" (连续两月
#: 下滑): a metric that gets worse this many periods running.
CONSECUTIVE_FALLS: Final = 2
#: Not from the source: a creation month whose leads are more than this share still open is not
#: reported (see the module docstring); a fifth keeps the latest full month in most data.
MAX_OPEN_SHARE: Final = 0.20
#: Not from the source: a number that stands on fewer deals (or invoices) than this is not judged
#: by :func:`alerts`; a conversion over nine leads moves by 20% when one more of them is won.
MIN_COUNT: Final = 10
#: Metrics whose denominator is a count of deals, leads or invoices (attainment's is money).
COUNTED: Final = ("lead_conversion", "average_order_value", "collection_cycle")

FRAME_COLUMNS: Final = (
    "period",
    "team_id",
    "product_line",
    "metric",
    "value",
    "numerator",
    "denominator",
)
ALERT_COLUMNS: Final = (
    "period",
    "team_id",
    "product_line",
    "metric",
    "rule",
    "value",
    "previous",
    "change",
    "worse",
)
#: The dashboard's periods: months (``2026-01``) or quarters (``2026-Q1``), each a period number
#: of :mod:`salesplaybook.core.periods` and its label.
_FREQS: Final[dict[str, Callable[[int], str]]] = {"M": month_label, "Q": period_label}


def _need(tables: Tables, name: str, *columns: str) -> pd.DataFrame | None:
    table = tables.get(name)
    if table is None:
        return None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SalesplaybookError(f"{name}: column {missing[0]!r} is missing")
    return table


def _days(dates: pd.Series) -> FloatArray:
    """Day numbers of a date column as floats, NaN where it is empty or not a date."""
    days = day_numbers(as_datetime(pd.to_datetime(dates, errors="coerce")), missing=NEVER)
    return np.where(days == NEVER, np.nan, days.astype(np.float64))


def _periods(dates: pd.Series, freq: str) -> pd.Series:
    """The month or quarter number (float, NaN for no date) of each date."""
    days = _days(dates)
    known = ~np.isnan(days)
    of = month_of if freq == "M" else quarter_of
    numbers = np.full(len(days), np.nan)
    numbers[known] = of(days[known].astype(np.int64))
    return pd.Series(numbers, index=dates.index)


def _person_team(tables: Tables, person_ids: pd.Series) -> pd.Series:
    people = _need(tables, "people", "person_id", "team_id")
    if people is None:
        raise SalesplaybookError("people: the table is missing (every data folder needs it)")
    team = people.drop_duplicates("person_id").set_index("person_id")["team_id"].astype(str)
    return person_ids.astype(str).map(team)


def _pooled(
    frame: pd.DataFrame, metric: str, by_line: bool, num: str = "num", den: str = "den"
) -> pd.DataFrame:
    """Sums of ``num`` and ``den`` per (period, team, line), with the organisation's and the
    all-lines rows added by pooling, never by averaging ratios."""
    parts = []
    lines = ["line", None] if by_line else [None]
    for team_key in ("team", None):
        for line_key in lines:
            keys = ["period"] + [k for k in (team_key, line_key) if k is not None]
            sums = frame.groupby(keys, observed=True, dropna=True)[[num, den]].sum().reset_index()
            sums["team_id"] = sums[team_key] if team_key else ALL
            sums["product_line"] = sums[line_key] if line_key else ALL
            parts.append(sums[["period", "team_id", "product_line", num, den]])
    out = pd.concat(parts, ignore_index=True).rename(columns={num: "numerator", den: "denominator"})
    out["metric"] = metric
    out["value"] = out["numerator"] / out["denominator"].where(out["denominator"] > 0)
    return out


def _attainment(tables: Tables, freq: str, won: pd.DataFrame) -> pd.DataFrame | None:
    targets = _need(tables, "targets", "person_id", "period", "target")
    if targets is None:
        return None
    numbers, codes = target_quarters(targets["period"])
    dated = codes >= 0  # a target without a period belongs to no period
    quarter = numbers[codes[dated]].astype(np.float64)
    goal = pd.DataFrame(
        {
            "team": _person_team(tables, targets["person_id"]).to_numpy()[dated],
            "den": targets["target"].to_numpy()[dated],
        }
    )
    if freq == "Q":
        goal["period"] = quarter
    else:
        # A quarter's target spread evenly over its months.
        goal = goal.loc[goal.index.repeat(MONTHS_PER_QUARTER)].reset_index(drop=True)
        first = np.repeat(quarter * MONTHS_PER_QUARTER, MONTHS_PER_QUARTER)
        goal["period"] = first + np.tile(np.arange(MONTHS_PER_QUARTER), len(quarter))
        goal["den"] = goal["den"] / MONTHS_PER_QUARTER
    goal["num"] = 0.0
    achieved = won.assign(num=won["amount"], den=0.0)[["period", "team", "num", "den"]]
    return _pooled(pd.concat([goal, achieved], ignore_index=True), "target_attainment", False)


def _collection(tables: Tables, freq: str) -> pd.DataFrame | None:
    invoices = _need(tables, "invoices", "customer_id", "issued_on", "paid_on")
    if invoices is None:
        return None
    paid = invoices.loc[invoices["paid_on"].notna()]
    owner = pd.Series(dtype=object)
    customers = _need(tables, "customers", "customer_id", "owner_id")
    if customers is not None:
        owner = customers.drop_duplicates("customer_id").set_index("customer_id")["owner_id"]
    owners = paid["customer_id"].astype(str).map(owner)
    frame = pd.DataFrame(
        {
            "period": _periods(paid["paid_on"], freq),
            "team": _person_team(tables, owners.fillna("")).to_numpy(),
            "num": _days(paid["paid_on"]) - _days(paid["issued_on"]),
            "den": 1.0,
        }
    )
    frame["team"] = frame["team"].fillna("")  # pooled into "*" but no team of its own
    out = _pooled(frame, "collection_cycle", False)
    return out.loc[out["team_id"] != ""]


def dashboard_frame(tables: Tables, freq: str = "M") -> pd.DataFrame:
    """The four dashboard metrics per period, team and product line (module docstring), as a
    long frame with :data:`FRAME_COLUMNS`; ``period`` is a label like ``2025-06`` (``freq="M"``)
    or ``2025-Q2`` (``freq="Q"``), as :mod:`salesplaybook.core.periods` writes them. Metrics
    whose tables are missing have no rows."""
    if freq not in _FREQS:
        raise SalesplaybookError(f"bad frequency {freq!r}: use 'M' (months) or 'Q' (quarters)")
    deals = _need(
        tables, "deals", "person_id", "product_line", "amount", "stage", "created_on", "closed_on"
    )
    parts: list[pd.DataFrame] = []
    first: float | None = None
    if deals is not None:
        team = _person_team(tables, deals["person_id"]).fillna("")
        line = deals["product_line"].fillna("").astype(str)
        stage = deals["stage"].astype(str)
        is_won, is_lost = stage == "won", stage == "lost"
        closed = _periods(deals["closed_on"], freq)
        won = pd.DataFrame(
            {
                "period": closed,
                "team": team,
                "line": line,
                "amount": deals["amount"].astype(float),
            }
        ).loc[is_won]
        attainment = _attainment(tables, freq, won)
        if attainment is not None:
            parts.append(attainment)

        created = _periods(deals["created_on"], freq)
        leads = pd.DataFrame(
            {
                "period": created,
                "team": team,
                "line": line,
                "num": is_won.astype(float),
                "den": (is_won | is_lost).astype(float),
                "open": (~(is_won | is_lost)).astype(float),
                "all": 1.0,
            }
        )
        first = None if closed.isna().all() else float(closed.min())
        if first is not None:
            leads = leads.loc[leads["period"] >= first]
        conversion = _pooled(leads, "lead_conversion", True)
        open_share = _pooled(leads, "lead_conversion", True, num="open", den="all")
        settled = open_share["value"].to_numpy() <= MAX_OPEN_SHARE
        conversion.loc[~settled, "value"] = np.nan
        parts.append(conversion)

        parts.append(_pooled(won.assign(num=won["amount"], den=1.0), "average_order_value", True))
    collection = _collection(tables, freq)
    if collection is not None:
        if first is not None:
            # The dashboard starts with the deals: invoices before them belong to sales the
            # tables do not hold, and a partial first month would raise a false alert.
            collection = collection.loc[collection["period"] >= first]
        parts.append(collection)
    if not parts:
        return pd.DataFrame(columns=list(FRAME_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    out = out.loc[(out["team_id"] != "") & (out["product_line"] != "")]
    out = out.loc[out["denominator"] > 0]
    out["metric"] = pd.Categorical(out["metric"], categories=list(METRICS))
    out = out.sort_values(["metric", "team_id", "product_line", "period"], kind="stable")
    label = _FREQS[freq]
    out["period"] = out["period"].map(lambda number: label(int(number)))
    out["metric"] = out["metric"].astype(str)
    return out[list(FRAME_COLUMNS)].reset_index(drop=True)


def wide(frame: pd.DataFrame, team: str = ALL, product_line: str = ALL) -> pd.DataFrame:
    """One team's (and line's) four metrics as a table a manager reads: periods down, metrics
    across. Metrics without a value for the line (attainment, collection cycle) come from the
    team's all-lines rows, which is what they mean for a line too."""
    check_frame(frame)
    team_rows = frame.loc[frame["team_id"] == team]
    line_rows = team_rows.loc[team_rows["product_line"] == product_line]
    fallback = team_rows.loc[
        (team_rows["product_line"] == ALL) & ~team_rows["metric"].isin(line_rows["metric"])
    ]
    rows = pd.concat([line_rows, fallback])
    table = rows.pivot_table(index="period", columns="metric", values="value", dropna=False)
    table = table.reindex(columns=[m for m in METRICS if m in table.columns])
    table.columns.name = None
    return table


def check_frame(frame: pd.DataFrame) -> None:
    """Refuse a frame that is not a :func:`dashboard_frame` (a column missing)."""
    missing = [
        c for c in ("period", "team_id", "product_line", "metric", "value") if c not in frame
    ]
    if missing:
        raise SalesplaybookError(f"dashboard frame: column {missing[0]!r} is missing")


def alerts(
    frame: pd.DataFrame, min_count: int = MIN_COUNT, move: float | None = None
) -> pd.DataFrame:
    """Every signal of the source's two rules in a :func:`dashboard_frame`, oldest first:

    - ``moved``: the value moved more than ``move`` from the period before (by default the
      playbook's alert trigger, :func:`~salesplaybook.content.facts.default_alert_move`),
      either way (a sudden rise can be a data error or a one-off worth understanding too);
    - ``fell_twice``: the value got worse (down, or up for the collection cycle) for
      :data:`CONSECUTIVE_FALLS` periods running; flagged at the period that completes the run.

    "The period before" is the calendar period before: after a gap (no value) there is no
    comparison. ``worse`` says whether the move was the bad way, so a list can be filtered to
    problems. A value standing on fewer than ``min_count`` deals, leads or invoices is left out
    (:data:`MIN_COUNT`), as a gap. Columns: :data:`ALERT_COLUMNS`."""
    check_frame(frame)
    if move is None:
        move = default_alert_move()
    if "denominator" in frame.columns:
        thin = frame["metric"].isin(COUNTED) & (frame["denominator"] < min_count)
        frame = frame.loc[~thin]
    frame = frame.loc[frame["value"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=list(ALERT_COLUMNS))
    keys = ["team_id", "product_line", "metric"]
    table = frame.pivot_table(index=keys, columns="period", values="value", dropna=False)
    # Complete the calendar, so that a missing month breaks a comparison instead of bridging it.
    freq = _freq_of(table.columns)
    parse = parse_period if freq == "Q" else parse_month
    numbers = [parse(str(label)) for label in table.columns]
    table.columns = pd.Index(numbers)
    full = np.arange(min(numbers), max(numbers) + 1)
    table = table.reindex(columns=full)
    labels = np.array([_FREQS[freq](int(number)) for number in full], dtype=object)
    values = table.to_numpy(dtype=float)
    previous = np.full_like(values, np.nan)
    previous[:, 1:] = values[:, :-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(previous != 0, values / previous - 1, np.nan)
    metrics = table.index.get_level_values("metric")
    sign = np.where(np.asarray(metrics) == "collection_cycle", -1.0, 1.0)[:, None]
    worse = (values - previous) * sign < 0
    falls = worse.copy()
    for k in range(1, CONSECUTIVE_FALLS):
        shifted = np.zeros_like(worse)
        shifted[:, k:] = worse[:, :-k]
        falls &= shifted
    moved = np.abs(change) > move

    parts = []
    for rule, mask in (("moved", moved), ("fell_twice", falls)):
        rows, cols = np.nonzero(mask)
        part = table.index[rows].to_frame(index=False)
        part["period"] = labels[cols]
        part["rule"] = rule
        part["value"] = values[rows, cols]
        part["previous"] = previous[rows, cols]
        part["change"] = change[rows, cols]
        part["worse"] = worse[rows, cols]
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(["period", "team_id", "product_line", "metric", "rule"], kind="stable")
    return out[list(ALERT_COLUMNS)].reset_index(drop=True)


def _freq_of(labels: pd.Index) -> str:
    sample = str(labels[0]) if len(labels) else ""
    return "Q" if "Q" in sample else "M"
