"""The tables of the history, as the latest migration leaves them (SQLAlchemy Core).

Queries are built from these objects, so every value travels as a bound parameter. The
migrations in :mod:`.migrations.versions` are the authority on how a database gets here; a test
checks that upgrading an empty database gives exactly these tables.

- ``assessments``: one row per saved scorecard revision. ``(team, period, revision)`` is unique:
  two supervisors saving the same quarter at once both get a revision, never one overwriting
  the other. ``team`` is ``"*"`` for the whole organisation.
- ``indicator_results``, ``dimension_results``, ``assessment_warnings``: the scorecard as judged
  then (value, status and both bars), so a later change of the playbook's bars does not rewrite
  the past.
- ``recorded_values`` (since revision 0002): indicators typed in by hand; every entry is kept,
  the latest per team, period and indicator counts.
- ``team_scopes`` (since revision 0002): which teams a user (database role or the deployment's
  user name) may see and write; empty means one user's own store, with no restriction.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: The team key of the organisation as a whole (the metrics' own marker for pooled rows).
ORGANISATION = "*"

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team", String(200), nullable=False),
    Column("period", String(20), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("saved_by", String(200), nullable=False),
    Column("package_version", String(50), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("inputs_fingerprint", String(64), nullable=False),
    Column("overall_score", Float, nullable=True),
    Column("rating", String(20), nullable=False),
    Column("comment", Text, nullable=True),
    Column("action_plan", Text, nullable=True),
    Column("data_quality", Text, nullable=True),
    UniqueConstraint("team", "period", "revision", name="uq_assessments_team_period_revision"),
)

indicator_results = Table(
    "indicator_results",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("indicator", String(100), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("dimension", String(100), nullable=False),
    Column("value", Float, nullable=True),
    Column("status", String(20), nullable=False),
    Column("meets", Float, nullable=False),
    Column("excellent", Float, nullable=False),
    Column("points", Float, nullable=True),
    Column("context_rule_applied", Boolean, nullable=False),
    Column("source", Text, nullable=True),
    Column("reason", Text, nullable=True),
)

dimension_results = Table(
    "dimension_results",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("dimension", String(100), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("weight", Float, nullable=False),
    Column("score", Float, nullable=True),
    Column("indicators_with_data", Integer, nullable=False),
    Column("indicators", Integer, nullable=False),
)

assessment_warnings = Table(
    "assessment_warnings",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
)

recorded_values = Table(
    "recorded_values",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team", String(200), nullable=False),
    Column("period", String(20), nullable=False),
    Column("indicator", String(100), nullable=False),
    Column("value", Float, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(200), nullable=False),
    Index("ix_recorded_values_team_period", "team", "period"),
)

team_scopes = Table(
    "team_scopes",
    metadata,
    Column("user_name", String(200), primary_key=True),
    Column("team", String(200), primary_key=True),
)
