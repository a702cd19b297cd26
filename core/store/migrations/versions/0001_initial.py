"""First schema: applications, values, lists, evidence, history.

Revision ID: 0001
Revises:
Create Date: 2024-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _app_fk() -> sa.Column:
    return sa.Column("app_id", sa.String(36), sa.ForeignKey("applications.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("jurisdiction", sa.String(32), nullable=False),
        sa.Column("campaign", sa.Integer, nullable=False),
        sa.Column("rules", sa.String(64), nullable=False),
        sa.Column("form", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer, nullable=False),
        sa.Column("format_version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("changed", sa.String(40), nullable=False),
        sa.Column("deleted_at", sa.String(40)),
        sa.Column("extra", sa.Text, nullable=False),
    )
    op.create_table(
        "app_values",
        _app_fk(),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("app_id", "key"),
    )
    op.create_table(
        "app_lists",
        _app_fk(),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("rows", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("app_id", "name"),
    )
    op.create_table(
        "evidence_blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored", sa.String(40), nullable=False),
    )
    op.create_table(
        "evidence_chunks",
        sa.Column("sha256", sa.String(64), sa.ForeignKey("evidence_blobs.sha256", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("seq", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("sha256", "seq"),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        _app_fk(),
        sa.Column("target", sa.String(255), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("evidence_blobs.sha256"), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("attached", sa.String(40), nullable=False),
        sa.UniqueConstraint("app_id", "target", "sha256", name="uq_attachment"),
    )
    op.create_table(
        "history",
        sa.Column("id", sa.Integer, primary_key=True),
        _app_fk(),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("field", sa.String(255)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
    )
    op.create_index("ix_history_app", "history", ["app_id", "id"])


def downgrade() -> None:
    for table in ("history", "attachments", "evidence_chunks", "evidence_blobs", "app_lists", "app_values",
                  "applications"):
        op.drop_table(table)
