"""Saving a scorecard: a new revision for its team and period, never an overwrite.

Concurrency: each save is one transaction that takes the next revision number and inserts the
scorecard with its indicators, dimensions and warnings. Two supervisors saving the same team and
period at once may pick the same number; the unique key ``(team, period, revision)`` lets only
one of them commit, and the other transaction is rolled back and retried with the next number,
so nothing is lost and nothing half-written stays.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError

from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.kpi.results import Scorecard
from salesplaybook.store.database import Store
from salesplaybook.store.schema import (
    ORGANISATION,
    assessment_warnings,
    assessments,
    dimension_results,
    indicator_results,
)
from salesplaybook.store.scope import check_team

#: How often a save is retried when another one took its revision number (or the database
#: reported a lock conflict) before giving up.
ATTEMPTS = 50


@dataclass(frozen=True)
class Provenance:
    """What a scorecard was computed with and who saves it, beside the scorecard itself."""

    package_version: str
    content_hash: str
    inputs_fingerprint: str
    saved_by: str | None = None
    comment: str | None = None
    action_plan: str | None = None


@dataclass(frozen=True)
class Saved:
    """A saved revision; ``revision > 1`` means earlier ones are kept."""

    id: int
    team: str
    period: str
    revision: int
    saved_at: datetime
    saved_by: str

    @property
    def kept_earlier(self) -> bool:
        return self.revision > 1


def team_key(team: str | None) -> str:
    """How a team is keyed in the store (the organisation as a whole is ``"*"``)."""
    return team or ORGANISATION


def save_scorecard(store: Store, card: Scorecard, provenance: Provenance) -> Saved:
    """Records ``card`` as the next revision of its team and period."""
    period = card.period
    if not period:
        raise ChoiceNeeded("a saved assessment needs its period", choice="period")
    team = team_key(card.team)
    by = provenance.saved_by or store.user
    for attempt in range(ATTEMPTS):
        try:
            with store.engine.begin() as connection:
                check_team(store, connection, team)
                return _insert(connection, card, period, team, by, provenance)
        except (IntegrityError, OperationalError) as exc:
            if isinstance(exc, OperationalError) and not _is_conflict(exc):
                raise SalesplaybookError(f"cannot save to {store.where}: {exc.orig}") from None
            time.sleep(random.uniform(0, 0.01 * (attempt + 1)))
    raise SalesplaybookError(
        f"could not save {team} {card.period} to {store.where}: "
        f"{ATTEMPTS} attempts conflicted with other saves"
    )


def _is_conflict(exc: OperationalError) -> bool:
    words = str(exc.orig).lower()
    return "locked" in words or "deadlock" in words or "could not serialize" in words


def _insert(
    connection: Connection,
    card: Scorecard,
    period: str,
    team: str,
    by: str,
    provenance: Provenance,
) -> Saved:
    latest = connection.execute(
        select(func.max(assessments.c.revision)).where(
            (assessments.c.team == team) & (assessments.c.period == period)
        )
    ).scalar_one()
    revision = (latest or 0) + 1
    now = datetime.now(UTC)
    quality = None if card.data_quality is None else json.dumps(card.data_quality.as_dict())
    new_id = connection.execute(
        insert(assessments)
        .values(
            team=team,
            period=period,
            revision=revision,
            saved_at=now,
            saved_by=by,
            package_version=provenance.package_version,
            content_hash=provenance.content_hash,
            inputs_fingerprint=provenance.inputs_fingerprint,
            overall_score=card.overall_score,
            rating=card.rating,
            comment=provenance.comment,
            action_plan=provenance.action_plan,
            data_quality=quality,
        )
        .returning(assessments.c.id)
    ).scalar_one()
    connection.execute(
        insert(indicator_results),
        [
            {
                "assessment_id": new_id,
                "indicator": r.id,
                "position": n,
                "dimension": r.dimension,
                "value": r.value,
                "status": r.status,
                "meets": r.meets,
                "excellent": r.excellent,
                "points": r.points,
                "context_rule_applied": r.context_rule_applied,
                "source": r.source,
                "reason": r.reason,
            }
            for n, r in enumerate(card.indicators)
        ],
    )
    if card.dimensions:
        connection.execute(
            insert(dimension_results),
            [
                {
                    "assessment_id": new_id,
                    "dimension": d.id,
                    "position": n,
                    "weight": d.weight,
                    "score": d.score,
                    "indicators_with_data": d.indicators_with_data,
                    "indicators": d.indicators,
                }
                for n, d in enumerate(card.dimensions)
            ],
        )
    if card.warnings:
        connection.execute(
            insert(assessment_warnings),
            [
                {"assessment_id": new_id, "position": n, "text": text}
                for n, text in enumerate(card.warnings)
            ],
        )
    return Saved(int(new_id), team, period, revision, now, by)
