"""Where the history lives and how it is opened: SQLite in the user's data folder unless a URL
is given (``SALESPLAYBOOK_DB`` or the caller's), upgraded to the latest schema on opening.

Identity: the store keeps no passwords. On a shared PostgreSQL store the user is the database
role the connection logs in as (or the name the deployment authenticated, passed by the app);
on a SQLite file it is the operating system's user name.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.store.location import ENV_VAR as ENV_VAR  # re-exported: where it lives
from salesplaybook.store.location import FILE_NAME as FILE_NAME
from salesplaybook.store.location import configured_url as configured_url
from salesplaybook.store.location import default_path as default_path
from salesplaybook.store.location import is_configured as is_configured

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@dataclass
class Store:
    """An open history store; :attr:`user` is who reads and writes through it."""

    engine: Engine
    url: str
    user: str

    @property
    def shared(self) -> bool:
        """A server database several people use (team scopes apply), not one user's file."""
        return self.engine.dialect.name != "sqlite"

    @property
    def where(self) -> str:
        """Where the history is, for the user to read (the password left out)."""
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return parsed.database or ":memory:"
        return parsed.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SalesplaybookError(f"database URL {url!r} is not a URL") from None
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, future=True)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise SalesplaybookError(
            f"database URL {parsed.render_as_string(hide_password=True)}: no driver ({exc}); "
            "PostgreSQL needs salesplaybook[postgres]"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def upgrade(engine: Engine) -> None:
    """Brings the schema to the latest revision; each revision only adds, so no history is lost.
    Concurrent openers are serialised by the database (a PostgreSQL advisory lock)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(7301955)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_store(url: str | None = None, user: str | None = None) -> Store:
    """Opens (and creates or upgrades) the store at ``url`` (see :func:`configured_url`)."""
    resolved = configured_url(url)
    engine = _engine(resolved)
    try:
        upgrade(engine)
        if user is None:
            user = _database_user(engine)
    except OperationalError as exc:
        engine.dispose()
        where = make_url(resolved).render_as_string(hide_password=True)
        raise SalesplaybookError(f"cannot open the history at {where}: {exc.orig}") from None
    return Store(engine, resolved, user)


def _database_user(engine: Engine) -> str:
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            return str(connection.execute(text("SELECT current_user")).scalar_one())
    return os_user()


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
