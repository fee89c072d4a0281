"""The indicators of the deals (and targets): attainment, core product share, members on target,
deal cycle reduction."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import parse_period
from salesplaybook.kpi.metrics.columns import NEVER, day_numbers, flags, lookup, numbers
from salesplaybook.kpi.metrics.context import Context, Results
from salesplaybook.kpi.metrics.grid import BoolArray, FloatArray, IntArray, divide, previous


def deal_metrics(ctx: Context) -> Results:
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
    # Won deals closed in the grid's quarters, found before any column is copied: the rows
    # are taken once, and only the columns used.
    closed, quarter = ctx.closed_quarters(deals)
    counted = ctx.deal_outcomes(deals)[0] & grid.inside(quarter)
    used = ("person_id", "amount", "is_core_product", "created_on")
    won_rows = deals.loc[counted, [c for c in used if c in deals.columns]]
    closed, quarter = closed[counted], quarter[counted]
    positions = ctx.person_positions(won_rows["person_id"])
    teams = ctx.person_team[positions]
    amount = numbers(won_rows["amount"])
    won = grid.events(quarter, teams, amount)
    out: Results = {}

    if "is_core_product" in won_rows.columns:
        core = amount * flags(won_rows["is_core_product"])
        out["core_product_share"] = grid.ratio(grid.events(quarter, teams, core), won)

    if "created_on" in won_rows.columns:
        cycle = (closed - day_numbers(won_rows["created_on"])).astype(np.float64)
        mean = grid.mean(quarter, teams, cycle)
        before = previous(mean)
        out["deal_cycle_reduction"] = divide(before - mean, before)

    targets = ctx.table("targets", "person_id", "period", "target")
    if targets is not None:
        labels, label_codes = target_quarters(targets["period"])
        t_quarter = labels[label_codes]
        t_positions = ctx.person_positions(targets["person_id"])
        target = numbers(targets["target"])
        t_cells = grid.events(t_quarter, ctx.person_team[t_positions], target)
        out["sales_attainment"] = grid.ratio(won, t_cells)
        out["member_attainment_rate"] = _member_attainment(
            ctx,
            (targets["person_id"], t_positions, t_quarter, target),
            (won_rows["person_id"], positions, quarter, amount),
        )
    return out


def target_quarters(labels: pd.Series) -> tuple[IntArray, IntArray]:
    """Quarter numbers of a targets' period column, parsing each distinct label once: the
    quarter of each distinct label, and each row's code into it. An empty label's code points
    at an extra "never" entry, a quarter outside any grid."""
    codes, uniques = pd.factorize(labels)
    try:
        quarters = [parse_period(label) for label in uniques]
    except SalesplaybookError as exc:
        raise SalesplaybookError(f"targets: {exc}") from None
    # An empty label (code -1) lands on the extra "never" entry.
    table = np.array([*quarters, NEVER], dtype=np.int64)
    return table, np.asarray(codes, dtype=np.int64)


#: Person ids, their positions in people (-1: not there), quarters and amounts of some rows.
_PersonRows = tuple[pd.Series, IntArray, IntArray, FloatArray]


def _member_attainment(ctx: Context, targets: _PersonRows, won: _PersonRows) -> FloatArray:
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
        t_positions[strangers] = _shifted(lookup(extra, t_ids[strangers]), known)
        unknown = w_positions < 0
        w_positions = w_positions.copy()
        w_positions[unknown] = _shifted(lookup(extra, w_ids[unknown]), known)
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
