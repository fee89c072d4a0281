"""The pipeline and forecast indicators (playbook additions, not the source's): win rate,
pipeline coverage and forecast accuracy, per quarter P and team, on the engine's grid.

- ``win_rate``: deals closed in P (``closed_on`` in P) that were won, over those won or lost:
  ``won / (won + lost)``, counted by deal. Open deals and other stages are left out: a deal still
  being worked is neither a win nor a loss.
- ``pipeline_coverage``: at the start of P, the open pipeline expected to close in P over P's
  target (the standard "coverage" a forecast call reads). Open at the start: ``created_on`` on
  or before the start and ``closed_on`` empty or after it; expected in P: ``expected_close_on``
  in P (a deal without it is not counted). Nothing is won at the start of P, so the remaining
  target is the whole target. Needs ``deals.expected_close_on`` and ``targets``.
- ``forecast_accuracy``: from a ``forecasts`` table (``person_id``, ``period`` like 2026-Q1,
  ``amount``, ``category``): the amount forecast for P in the ``commit`` category (every row
  when the table has no category) against the amount won in P, ``1 - |won - forecast| /
  forecast``, floored at 0 (a forecast off by more than itself is simply wrong). Per team the
  forecasts and wins of its people are pooled first.

Each indicator is absent when its tables or columns are missing, NaN where its denominator is 0.
Thresholds are the playbook's (``playbooks/kpis.yaml``), never this module's.
"""

from __future__ import annotations

import numpy as np

from salesplaybook.core.periods import quarter_of
from salesplaybook.kpi.metrics.columns import day_numbers, equals, numbers
from salesplaybook.kpi.metrics.context import Context, Results
from salesplaybook.kpi.metrics.deals import target_quarters
from salesplaybook.kpi.metrics.grid import divide

#: The forecast category whose amount is the forecast judged (commit / best case / pipeline /
#: omitted are the categories; only commit is a promise).
COMMIT = "commit"


def pipeline_metrics(ctx: Context) -> Results:
    deals = ctx.table("deals", "person_id", "stage", "amount", "closed_on")
    if deals is None:
        return {}
    grid = ctx.grid
    out: Results = {}
    closed, quarter = ctx.closed_quarters(deals)
    counted = grid.inside(quarter)  # rows no cell of the grid counts need no team
    targets = ctx.table("targets", "person_id", "period", "target")
    coverage = (
        targets is not None and "expected_close_on" in deals.columns and "created_on" in deals
    )
    if coverage:
        expected = quarter_of(day_numbers(deals["expected_close_on"]))
        counted |= grid.inside(expected)
    teams = ctx.person_teams_at(deals["person_id"], counted)
    won, lost = ctx.deal_outcomes(deals)
    decided = grid.events(quarter, teams, won | lost)
    out["win_rate"] = grid.ratio(grid.events(quarter, teams, won), decided)
    amount = numbers(deals["amount"])
    won_amount = grid.events(quarter, teams, amount * won)

    if coverage:
        assert targets is not None
        labels, codes = target_quarters(targets["period"])
        goal = grid.events(
            labels[codes], ctx.person_teams(targets["person_id"]), numbers(targets["target"])
        )
        inside = grid.inside(expected)
        start = np.full(len(deals), np.iinfo(np.int64).max, dtype=np.int64)
        start[inside] = grid.starts[grid.offsets(expected[inside])]
        created = day_numbers(deals["created_on"])
        open_at_start = inside & (created <= start) & (closed > start)
        pipeline = grid.events(expected, teams, amount * open_at_start)
        out["pipeline_coverage"] = grid.ratio(pipeline, goal)

    forecasts = ctx.table("forecasts", "person_id", "period", "amount")
    if forecasts is not None:
        rows = forecasts
        if "category" in forecasts.columns:
            rows = forecasts.loc[equals(forecasts["category"], COMMIT)]
        labels, codes = target_quarters(rows["period"])
        promised = grid.events(
            labels[codes], ctx.person_teams(rows["person_id"]), numbers(rows["amount"])
        )
        forecast, actual = grid.total(promised), grid.total(won_amount)
        miss = divide(np.abs(actual - forecast), forecast)
        out["forecast_accuracy"] = np.where(np.isnan(miss), np.nan, np.maximum(0.0, 1.0 - miss))
    return out
