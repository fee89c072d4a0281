"""Indicator values typed in by hand (satisfaction score, process complaints, toolkits
delivered...), per team and period. Every entry is kept; the latest per indicator counts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import func, insert, select

from salesplaybook.core.periods import parse_period
from salesplaybook.store.database import Store
from salesplaybook.store.saving import team_key
from salesplaybook.store.schema import recorded_values
from salesplaybook.store.scope import check_team


def record_values(
    store: Store,
    team: str | None,
    period: str,
    values: Mapping[str, float],
    by: str | None = None,
) -> int:
    """Keeps ``values`` (already checked against the playbook) for the team and period; returns
    how many were recorded."""
    parse_period(period)
    key = team_key(team)
    now = datetime.now(UTC)
    with store.engine.begin() as connection:
        check_team(store, connection, key)
        connection.execute(
            insert(recorded_values),
            [
                {
                    "team": key,
                    "period": period,
                    "indicator": indicator,
                    "value": float(value),
                    "recorded_at": now,
                    "recorded_by": by or store.user,
                }
                for indicator, value in values.items()
            ],
        )
    return len(values)


def recorded_for(store: Store, period: str, team: str | None) -> dict[str, float]:
    """The latest value typed in for each indicator of the team and period."""
    frame = recorded_frame(store, period, team)
    return dict(zip(frame["indicator"].astype(str), frame["value"].astype(float), strict=True))


def recorded_frame(store: Store, period: str, team: str | None) -> pd.DataFrame:
    """The latest entry per indicator: ``indicator, value, recorded_at, recorded_by``."""
    key = team_key(team)
    latest = (
        select(func.max(recorded_values.c.id).label("id"))
        .where((recorded_values.c.team == key) & (recorded_values.c.period == period))
        .group_by(recorded_values.c.indicator)
        .subquery()
    )
    query = (
        select(
            recorded_values.c.indicator,
            recorded_values.c.value,
            recorded_values.c.recorded_at,
            recorded_values.c.recorded_by,
        )
        .join(latest, latest.c.id == recorded_values.c.id)
        .order_by(recorded_values.c.indicator)
    )
    with store.engine.connect() as connection:
        check_team(store, connection, key)
        rows = connection.execute(query).all()
    return pd.DataFrame(rows, columns=["indicator", "value", "recorded_at", "recorded_by"])
