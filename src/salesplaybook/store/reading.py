"""Reading the history back as DataFrames (for :mod:`salesplaybook.tools.history` and the
views), within the reader's team scope, and a saved scorecard as it was judged then."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import pandas as pd
from sqlalchemy import Connection, Select, func, select

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import parse_period
from salesplaybook.kpi.judge import rating
from salesplaybook.kpi.results import DimensionResult, IndicatorResult, Scorecard, Status
from salesplaybook.store.database import Store
from salesplaybook.store.saving import team_key
from salesplaybook.store.schema import (
    ORGANISATION,
    assessment_warnings,
    assessments,
    dimension_results,
    indicator_results,
)
from salesplaybook.store.scope import check_team, visible_teams

ASSESSMENT_COLUMNS = [
    "id",
    "team",
    "period",
    "revision",
    "saved_at",
    "saved_by",
    "overall_score",
    "rating",
    "comment",
    "action_plan",
    "package_version",
    "content_hash",
    "inputs_fingerprint",
]
INDICATOR_COLUMNS = [
    "team",
    "period",
    "revision",
    "indicator",
    "dimension",
    "position",
    "value",
    "status",
    "meets",
    "excellent",
    "points",
    "source",
]
DIMENSION_COLUMNS = ["team", "period", "revision", "dimension", "position", "weight", "score"]


@dataclass(frozen=True)
class Selection:
    """Which saved assessments to read: a team (None: every team the reader may see; the
    organisation is ``"*"``), a range of periods (inclusive), every revision or the latest."""

    team: str | None = None
    start: str | None = None
    end: str | None = None
    all_revisions: bool = False

    def __post_init__(self) -> None:
        for label in (self.start, self.end):
            if label is not None:
                parse_period(label)


def _chosen(store: Store, connection: Connection, selection: Selection) -> Select[Any]:
    """The ids of the selected assessments, as a subquery-able select."""
    query = select(assessments.c.id)
    if selection.team is not None:
        check_team(store, connection, selection.team)
        query = query.where(assessments.c.team == selection.team)
    teams = visible_teams(store, connection)
    if teams is not None:
        query = query.where(assessments.c.team.in_(sorted(teams)))
    if selection.start is not None:
        query = query.where(assessments.c.period >= selection.start)
    if selection.end is not None:
        query = query.where(assessments.c.period <= selection.end)
    if not selection.all_revisions:
        newest = (
            select(
                assessments.c.team,
                assessments.c.period,
                func.max(assessments.c.revision).label("revision"),
            )
            .group_by(assessments.c.team, assessments.c.period)
            .subquery()
        )
        query = query.join(
            newest,
            (newest.c.team == assessments.c.team)
            & (newest.c.period == assessments.c.period)
            & (newest.c.revision == assessments.c.revision),
        )
    return query


def assessments_frame(store: Store, selection: Selection = Selection()) -> pd.DataFrame:
    """One row per saved assessment (revision), by team, period and revision."""
    with store.engine.connect() as connection:
        ids = _chosen(store, connection, selection).subquery()
        query = (
            select(*(assessments.c[c] for c in ASSESSMENT_COLUMNS))
            .where(assessments.c.id.in_(select(ids.c.id)))
            .order_by(assessments.c.team, assessments.c.period, assessments.c.revision)
        )
        rows = connection.execute(query).all()
    return pd.DataFrame(rows, columns=ASSESSMENT_COLUMNS)


def indicators_frame(store: Store, selection: Selection = Selection()) -> pd.DataFrame:
    """Every indicator of the selected assessments, long: as judged when saved."""
    columns = [assessments.c.team, assessments.c.period, assessments.c.revision]
    columns += [indicator_results.c[c] for c in INDICATOR_COLUMNS[3:]]
    with store.engine.connect() as connection:
        ids = _chosen(store, connection, selection).subquery()
        query = (
            select(*columns)
            .join(assessments, assessments.c.id == indicator_results.c.assessment_id)
            .where(assessments.c.id.in_(select(ids.c.id)))
            .order_by(
                assessments.c.team,
                assessments.c.period,
                assessments.c.revision,
                indicator_results.c.position,
            )
        )
        rows = connection.execute(query).all()
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def dimensions_frame(store: Store, selection: Selection = Selection()) -> pd.DataFrame:
    """Every dimension score of the selected assessments, long."""
    columns = [assessments.c.team, assessments.c.period, assessments.c.revision]
    columns += [dimension_results.c[c] for c in DIMENSION_COLUMNS[3:]]
    with store.engine.connect() as connection:
        ids = _chosen(store, connection, selection).subquery()
        query = (
            select(*columns)
            .join(assessments, assessments.c.id == dimension_results.c.assessment_id)
            .where(assessments.c.id.in_(select(ids.c.id)))
            .order_by(
                assessments.c.team,
                assessments.c.period,
                assessments.c.revision,
                dimension_results.c.position,
            )
        )
        rows = connection.execute(query).all()
    return pd.DataFrame(rows, columns=DIMENSION_COLUMNS)


def load_scorecard(
    store: Store, team: str | None, period: str, revision: int | None = None
) -> Scorecard:
    """A saved scorecard as judged then (its recommendations are not stored: the views ask the
    playbook of today for them)."""
    key = team_key(team)
    selection = Selection(team=key, start=period, end=period, all_revisions=revision is not None)
    frame = assessments_frame(store, selection)
    if revision is not None:
        frame = frame.loc[frame["revision"] == revision]
    if frame.empty:
        who = "the organisation" if key == ORGANISATION else f"team {key}"
        raise SalesplaybookError(f"no saved assessment of {who} for {period}")
    row = frame.iloc[-1]
    assessment_id = int(row["id"])
    with store.engine.connect() as connection:
        indicators = connection.execute(
            select(indicator_results)
            .where(indicator_results.c.assessment_id == assessment_id)
            .order_by(indicator_results.c.position)
        ).all()
        dimensions = connection.execute(
            select(dimension_results)
            .where(dimension_results.c.assessment_id == assessment_id)
            .order_by(dimension_results.c.position)
        ).all()
        warnings = connection.execute(
            select(assessment_warnings.c.text)
            .where(assessment_warnings.c.assessment_id == assessment_id)
            .order_by(assessment_warnings.c.position)
        ).scalars()
        texts = tuple(str(t) for t in warnings)
    overall = None if pd.isna(row["overall_score"]) else float(row["overall_score"])
    return Scorecard(
        period=period,
        team=None if key == ORGANISATION else key,
        indicators=[
            IndicatorResult(
                r.indicator,
                r.dimension,
                r.value,
                cast(Status, r.status),
                r.meets,
                r.excellent,
                r.points,
                bool(r.context_rule_applied),
                r.source,
                r.reason,
            )
            for r in indicators
        ],
        dimensions=[
            DimensionResult(d.dimension, d.weight, d.score, d.indicators_with_data, d.indicators)
            for d in dimensions
        ],
        overall_score=overall,
        rating=rating(overall),
        warnings=texts,
    )
