"""Saved scorecards: one row per revision, with each indicator, dimension and warning.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(200), nullable=False),
        sa.Column("package_version", sa.String(50), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("inputs_fingerprint", sa.String(64), nullable=False),
        sa.Column("overall_score", sa.Float, nullable=True),
        sa.Column("rating", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text, nullable=True),
        sa.Column("action_plan", sa.Text, nullable=True),
        sa.UniqueConstraint(
            "team", "period", "revision", name="uq_assessments_team_period_revision"
        ),
    )
    op.create_table(
        "indicator_results",
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("indicator", sa.String(100), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("dimension", sa.String(100), nullable=False),
        sa.Column("value", sa.Float, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("meets", sa.Float, nullable=False),
        sa.Column("excellent", sa.Float, nullable=False),
        sa.Column("points", sa.Float, nullable=True),
        sa.Column("context_rule_applied", sa.Boolean, nullable=False),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
    )
    op.create_table(
        "dimension_results",
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("dimension", sa.String(100), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("weight", sa.Float, nullable=False),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("indicators_with_data", sa.Integer, nullable=False),
        sa.Column("indicators", sa.Integer, nullable=False),
    )
    op.create_table(
        "assessment_warnings",
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("assessment_warnings", "dimension_results", "indicator_results", "assessments"):
        op.drop_table(table)
