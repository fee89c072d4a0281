"""Where the history lives, without opening it: ``assess`` asks whether there is a history at
all before anything imports the database layer (SQLAlchemy alone is a fifth of a second of
every command's start)."""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that points every command at a shared store.
ENV_VAR = "SALESPLAYBOOK_DB"
FILE_NAME = "history.sqlite"


def default_path() -> Path:
    """The SQLite file used when nothing is configured: the user's data folder, so there is
    nothing to set up and nothing written beside the user's own files."""
    from platformdirs import user_data_path

    return user_data_path("salesplaybook", appauthor=False) / FILE_NAME


def configured_url(url: str | None = None) -> str:
    """The store's URL: the caller's, else ``SALESPLAYBOOK_DB``, else the default SQLite file."""
    chosen = url or os.environ.get(ENV_VAR) or ""
    if chosen:
        return chosen
    return f"sqlite:///{default_path()}"


def is_configured(url: str | None = None) -> bool:
    """Whether a store exists to read recorded values from: one named, or the default file."""
    return bool(url or os.environ.get(ENV_VAR)) or default_path().exists()
