"""The review desk (评审台): the register of received submissions and what the office did with them.

``desk_submissions`` is the register (受理登记): one row per file received, taken in or refused,
with its 受理编号 (per rule set, from ``desk_numbers``), the received file's SHA-256 (the bytes
themselves are kept content-addressed beside the database, see core/desk/archive.py), the
verification result, the program's verdicts and compare data, the cluster's version number and the differences to the previous version.
``desk_events`` is its history (who, when, what). ``desk_reviews`` holds the 初审 verdict per
criterion, ``desk_corrections`` the 补正 requests, ``desk_inspections`` the 实地核查 records,
``desk_ranking`` the chosen order, ``desk_trust`` the senders' certificates and
``desk_settings`` per-campaign settings (quota, office name).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_numbers",
        sa.Column("rules", sa.String(64), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "desk_submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("rules", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("received_by", sa.String(255), nullable=False),
        sa.Column("sender", sa.Text, nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("file_sha256", sa.String(64)),
        sa.Column("file_size", sa.BigInteger),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("refused_reason", sa.Text),
        sa.Column("cluster_key", sa.Text),
        sa.Column("cluster_name", sa.Text, nullable=False),
        sa.Column("version", sa.Integer),
        sa.Column("previous_id", sa.Integer, sa.ForeignKey("desk_submissions.id")),
        sa.Column("differences", sa.Text),
        sa.Column("verification", sa.Text),
        sa.Column("fingerprint", sa.String(64)),
        sa.Column("verdict", sa.String(16)),
        sa.Column("report", sa.Text),
        sa.Column("compare_data", sa.Text),
        sa.Column("document", sa.Text),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("desk_submissions.id")),
        sa.Column("paper_copies", sa.Integer, nullable=False, server_default="0"),
        sa.Column("cds", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ux_desk_submissions_number", "desk_submissions", ["number"], unique=True)
    op.create_index("ix_desk_submissions_rules", "desk_submissions", ["rules", "id"])
    op.create_index("ix_desk_submissions_sha", "desk_submissions", ["file_sha256"])
    op.create_table(
        "desk_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("desk_submissions.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_desk_events_submission", "desk_events", ["submission_id", "id"])
    op.create_table(
        "desk_reviews",
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("desk_submissions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item", sa.String(128), primary_key=True),
        sa.Column("program", sa.String(16)),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("remark", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
    )
    op.create_table(
        "desk_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("desk_submissions.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("due", sa.String(10)),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("done_at", sa.String(40)),
    )
    op.create_table(
        "desk_inspections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("desk_submissions.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("people", sa.Text, nullable=False),
        sa.Column("items", sa.Text, nullable=False),
        sa.Column("attachments", sa.Text, nullable=False),
        sa.Column("conclusion", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
    )
    op.create_table(
        "desk_ranking",
        sa.Column("rules", sa.String(64), primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("desk_submissions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("place", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
    )
    op.create_table(
        "desk_trust",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("sender", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.String(40), nullable=False),
        sa.Column("confirmed_at", sa.String(40)),
        sa.Column("confirmed_by", sa.String(255)),
        sa.Column("certificate", sa.LargeBinary),
    )
    op.create_table(
        "desk_settings",
        sa.Column("rules", sa.String(64), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("desk_settings", "desk_trust", "desk_ranking", "desk_inspections", "desk_corrections",
                 "desk_reviews"):
        op.drop_table(name)
    op.drop_index("ix_desk_events_submission", table_name="desk_events")
    op.drop_table("desk_events")
    for name in ("ix_desk_submissions_sha", "ix_desk_submissions_rules", "ux_desk_submissions_number"):
        op.drop_index(name, table_name="desk_submissions")
    op.drop_table("desk_submissions")
    op.drop_table("desk_numbers")
