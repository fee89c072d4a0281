"""Trends over the saved assessments, and the director's view of all teams in one period.

Computed from the long frames :mod:`salesplaybook.store.reading` returns (one row per team,
period and indicator, as judged when saved), so these functions know nothing of databases.

The two alerts are the source's: a number that moves by more than the move threshold from one
quarter to the next, and a number that gets worse a given number of quarters running (part I (6),
"falling two months in a row", applied quarter on quarter here because assessments are
quarterly). Both are read where the team dashboard reads them (the playbook's alert trigger,
:func:`salesplaybook.content.facts.alert_move`, and :data:`~.dashboard.CONSECUTIVE_FALLS`),
through :func:`alert_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from salesplaybook.content.model import Playbook
from salesplaybook.core.periods import parse_period
from salesplaybook.kpi.metrics import ALL
from salesplaybook.kpi.recommend import recommend
from salesplaybook.kpi.results import IndicatorResult, Recommendation, Status

TREND_COLUMNS = [
    "team",
    "period",
    "indicator",
    "dimension",
    "value",
    "status",
    "meets",
    "excellent",
    "source",
    "previous",
    "change",
    "relative_change",
    "worse",
    "worse_streak",
    "moved_alert",
    "streak_alert",
]


@dataclass(frozen=True)
class AlertRules:
    #: A relative move larger than this (0.2 is 20 %) between two quarters is an alert.
    move_threshold: float
    #: This many quarters in a row getting worse is an alert.
    consecutive_worse: int


def alert_rules(playbook: Playbook) -> AlertRules:
    """The two alert thresholds: the move from the playbook's alert trigger (on the indicator
    that times the response to it), the run of falls as the dashboard counts it, so the history
    and the dashboard raise the same alerts."""
    from salesplaybook.content.facts import alert_move
    from salesplaybook.tools.dashboard import CONSECUTIVE_FALLS

    return AlertRules(float(alert_move(playbook)), int(CONSECUTIVE_FALLS))


def trends(indicators: pd.DataFrame, playbook: Playbook) -> pd.DataFrame:
    """Each indicator of each team quarter on quarter: the change from the previous quarter
    (none when that quarter was not saved), whether it got worse, for how many quarters running,
    and the two alerts. ``indicators`` is the long frame of the latest revisions."""
    rules = alert_rules(playbook)
    frame = indicators.loc[:, [c for c in TREND_COLUMNS[:9] if c in indicators.columns]].copy()
    if frame.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    quarters = {p: parse_period(p) for p in frame["period"].unique()}
    frame["_q"] = frame["period"].map(quarters).astype(np.int64)
    frame = frame.sort_values(["team", "indicator", "_q"], kind="stable").reset_index(drop=True)
    lower = {i.id for i in playbook.indicators if i.better == "lower"}
    sign = np.where(frame["indicator"].isin(lower), -1.0, 1.0)
    groups = frame.groupby(["team", "indicator"], sort=False)
    follows = (frame["_q"] - groups["_q"].shift(1)) == 1
    value = frame["value"].astype(float)
    previous = groups["value"].shift(1).astype(float).where(follows)
    change = value - previous
    frame["previous"] = previous
    frame["change"] = change
    frame["relative_change"] = (change / previous.abs()).where(previous != 0)
    worse = pd.Series(change.to_numpy() * sign < 0, index=frame.index)  # NaN: not worse
    frame["worse"] = worse
    # Quarters running that got worse: a cumulative count reset at every quarter that did not.
    run_id = (~worse).groupby([frame["team"], frame["indicator"]]).cumsum()
    frame["worse_streak"] = (
        worse.astype(np.int64).groupby([frame["team"], frame["indicator"], run_id]).cumsum()
    )
    frame["moved_alert"] = (frame["relative_change"].abs() > rules.move_threshold).fillna(False)
    frame["streak_alert"] = frame["worse_streak"] >= rules.consecutive_worse
    return frame.drop(columns="_q").sort_values(["team", "period"], kind="stable")[TREND_COLUMNS]


def alerts(trend: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`trends` that raise an alert, latest period first."""
    raised = trend.loc[trend["moved_alert"] | trend["streak_alert"]]
    return raised.sort_values(["period", "team", "indicator"], ascending=[False, True, True])


@dataclass(frozen=True)
class DirectorView:
    """All teams of one period side by side."""

    period: str
    #: One row per team, best first: ``rank, team, overall_score, rating, below`` (how many
    #: indicators are below their bar) and ``below_indicators`` (their ids, furthest below first).
    ranking: pd.DataFrame
    #: Team x dimension scores, in the ranking's order.
    dimensions: pd.DataFrame
    #: Team x indicator status, in the ranking's order.
    statuses: pd.DataFrame
    #: Team x indicator value.
    values: pd.DataFrame
    #: The content each team should work on (the scorecard's recommendations).
    recommendations: dict[str, list[Recommendation]]


def director_view(
    period: str,
    assessments: pd.DataFrame,
    dimensions: pd.DataFrame,
    indicators: pd.DataFrame,
    playbook: Playbook,
    per_indicator: int = 3,
) -> DirectorView:
    """The director's view of ``period`` from the latest saved assessment of each team (frames
    from :mod:`salesplaybook.store.reading`); the organisation as a whole (team ``"*"``) is not
    a team to rank and is left out."""
    mine = assessments.loc[(assessments["period"] == period) & (assessments["team"] != ALL)]
    inds = indicators.loc[(indicators["period"] == period) & (indicators["team"] != ALL)]
    below = inds.loc[inds["status"] == "below"].sort_values(["team", "points", "indicator"])
    below_ids = below.groupby("team")["indicator"].agg(list)
    ranking = mine.loc[:, ["team", "overall_score", "rating"]].copy()
    ranking["below"] = ranking["team"].map(below_ids.map(len)).fillna(0).astype(np.int64)
    listed = below_ids.to_dict()
    ranking["below_indicators"] = [list(listed.get(t, [])) for t in ranking["team"]]
    ranking = ranking.sort_values(
        ["overall_score", "below", "team"], ascending=[False, True, True], na_position="last"
    ).reset_index(drop=True)
    ranking.insert(0, "rank", np.arange(1, len(ranking) + 1))
    order = list(ranking["team"])
    dims = dimensions.loc[(dimensions["period"] == period) & (dimensions["team"] != ALL)]
    dim_order = [d.id for d in playbook.dimensions]
    ind_order = [i.id for i in playbook.indicators]
    dim_wide = dims.pivot(index="team", columns="dimension", values="score")
    dim_wide = dim_wide.reindex(index=order, columns=dim_order)
    statuses = inds.pivot(index="team", columns="indicator", values="status")
    statuses = statuses.reindex(index=order, columns=ind_order)
    values = inds.pivot(index="team", columns="indicator", values="value")
    values = values.reindex(index=order, columns=ind_order)
    recommendations = {
        str(team): recommend(playbook, _results(rows), per_indicator)
        for team, rows in inds.groupby("team", sort=False)
    }
    return DirectorView(period, ranking, dim_wide, statuses, values, recommendations)


def _results(rows: pd.DataFrame) -> list[IndicatorResult]:
    records: list[dict[Any, Any]] = rows.to_dict("records")
    return [
        IndicatorResult(
            str(r["indicator"]),
            str(r["dimension"]),
            None if pd.isna(r["value"]) else float(r["value"]),
            cast(Status, r["status"]),
            float(r["meets"]),
            float(r["excellent"]),
            None if pd.isna(r["points"]) else float(r["points"]),
        )
        for r in records
    ]
