"""Which teams a user may see and write when a store is shared.

A user's own SQLite file has no scopes. On a shared (PostgreSQL) store, while ``team_scopes`` is
empty nobody is restricted (a new store, one administrator setting it up); from the first grant
on, every user sees and writes only the teams granted to them, and a grant of ``"*"`` means
every team (a sales director). Identity is the database role or the deployment's user name
(:attr:`.database.Store.user`); no password is kept here.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, exists, insert, select

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.store.database import Store
from salesplaybook.store.schema import ORGANISATION, team_scopes

#: The grant that opens every team.
EVERY_TEAM = "*"


def visible_teams(store: Store, connection: Connection) -> frozenset[str] | None:
    """The teams ``store.user`` may see, or None when every team is open to them."""
    if not store.shared:
        return None
    if not connection.execute(select(exists().select_from(team_scopes))).scalar_one():
        return None
    rows = connection.execute(
        select(team_scopes.c.team).where(team_scopes.c.user_name == store.user)
    ).scalars()
    teams = frozenset(rows)
    return None if EVERY_TEAM in teams else teams


def check_team(store: Store, connection: Connection, team: str) -> None:
    """Refuses a write (or a read of one team) outside the user's scope."""
    teams = visible_teams(store, connection)
    if teams is not None and team not in teams:
        shown = "the organisation" if team == ORGANISATION else f"team {team!r}"
        raise SalesplaybookError(
            f"{store.user} may not see or write {shown} in this history; ask whoever administers "
            "the shared store to grant it"
        )


def grant(store: Store, user: str, team: str) -> None:
    """Gives ``user`` the team (``"*"``: every team); granting twice is harmless."""
    with store.engine.begin() as connection:
        already = connection.execute(
            select(team_scopes.c.team).where(
                (team_scopes.c.user_name == user) & (team_scopes.c.team == team)
            )
        ).first()
        if already is None:
            connection.execute(insert(team_scopes).values(user_name=user, team=team))


def revoke(store: Store, user: str, team: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            delete(team_scopes).where(
                (team_scopes.c.user_name == user) & (team_scopes.c.team == team)
            )
        )
