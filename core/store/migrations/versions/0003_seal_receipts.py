"""Sealing and receipts: a human-readable number per application and a table of package exports.

``applications.number`` (e.g. ``2023-007``) is assigned once, per campaign, from ``app_numbers``
(the last number handed out per campaign), so a number is never given twice, even after deletes.
Existing rows are numbered here in the order they were created. ``receipts`` keeps every export
of a submission package (time, package path and SHA-256, certificate fingerprint, signer, the
hash of the data signed): the lasting 报送记录.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_numbers",
        sa.Column("campaign", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer, nullable=False),
    )
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("number", sa.String(32)))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, campaign FROM applications ORDER BY created, id")).all()
    last: dict[int, int] = {}
    for app_id, campaign in rows:
        last[campaign] = last.get(campaign, 0) + 1
        conn.execute(sa.text("UPDATE applications SET number = :n WHERE id = :id"),
                     {"n": f"{campaign}-{last[campaign]:03d}", "id": app_id})
    for campaign, n in last.items():
        conn.execute(sa.text("INSERT INTO app_numbers (campaign, last) VALUES (:c, :n)"), {"c": campaign, "n": n})
    op.create_index("ux_applications_number", "applications", ["number"], unique=True)
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.String(36), sa.ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger),
        sa.Column("certificate_sha256", sa.String(64), nullable=False),
        sa.Column("signer", sa.Text, nullable=False),
        sa.Column("data_sha256", sa.String(64), nullable=False),
        sa.Column("override_reason", sa.Text),
    )
    op.create_index("ix_receipts_app", "receipts", ["app_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_receipts_app", table_name="receipts")
    op.drop_table("receipts")
    op.drop_index("ux_applications_number", table_name="applications")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("number")
    op.drop_table("app_numbers")
