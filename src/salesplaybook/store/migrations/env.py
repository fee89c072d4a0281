"""Alembic's environment: runs the migrations on the connection the store hands over (never on a
URL of its own, so the same transaction and credentials are used)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
