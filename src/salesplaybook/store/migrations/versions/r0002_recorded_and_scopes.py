"""Hand-entered indicator values, team scopes for a shared store, and the data quality summary
saved with a scorecard (existing rows keep theirs empty).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("data_quality", sa.Text, nullable=True))
    op.create_table(
        "recorded_values",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("indicator", sa.String(100), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_recorded_values_team_period", "recorded_values", ["team", "period"])
    op.create_table(
        "team_scopes",
        sa.Column("user_name", sa.String(200), primary_key=True),
        sa.Column("team", sa.String(200), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("team_scopes")
    op.drop_index("ix_recorded_values_team_period", "recorded_values")
    op.drop_table("recorded_values")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("data_quality")
