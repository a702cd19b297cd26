"""Several officials at once: a field's revision is the id of its latest history row.

Every change already appends a history row, and every write to an application first locks its row
(SQLite: the one writer; PostgreSQL: ``SELECT … FOR UPDATE``), so history ids of one application
grow in commit order. That makes them the per-field version an edit carries ("I changed this field
as of revision N") and the change counter an open window polls. This index makes "the latest row of
this field" one index probe instead of a scan of the application's history.

Revision ID: 0005
Revises: 0003 (re-chained after 0004 at merge)
Create Date: 2026-12-02
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_history_field", "history", ["app_id", "kind", "field", "id"])


def downgrade() -> None:
    op.drop_index("ix_history_field", table_name="history")
