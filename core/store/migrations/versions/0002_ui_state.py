"""Per-application UI state (e.g. the last wizard page) and a history index by time.

The GUI reopens an application where the official left it; "as it was at time T" looks history up
by time. Both came after the first schema.

Revision ID: 0002
Revises: 0001
Create Date: 2024-01-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("ui_state", sa.Text))
    op.create_index("ix_history_app_at", "history", ["app_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_history_app_at", table_name="history")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("ui_state")
