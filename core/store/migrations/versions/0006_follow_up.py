"""Follow-up after recognition: the recognition record, plan targets, yearly reports and events.

``follow_recognitions`` holds one row per recognised application (date, list, valid-until computed
from the rule set's ``follow_up`` block); ``follow_targets`` the measurable targets of the plan;
``follow_annual`` the yearly reports (values as JSON, like applications; one per year);
``follow_events`` the 重大变动 and accidents with their dates and whether they were reported.

Revision ID: 0006
Revises: 0003 (other branches add 0004 and 0005; the merge re-chains)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_APP = "applications.id"


def upgrade() -> None:
    op.create_table(
        "follow_recognitions",
        sa.Column("app_id", sa.String(36), sa.ForeignKey(_APP, ondelete="CASCADE"), primary_key=True),
        sa.Column("recognized_on", sa.String(10), nullable=False),
        sa.Column("list_name", sa.Text, nullable=False),
        sa.Column("rules", sa.String(64), nullable=False),
        sa.Column("valid_until", sa.String(10), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
    )
    op.create_table(
        "follow_targets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.String(36), sa.ForeignKey(_APP, ondelete="CASCADE"), nullable=False),
        sa.Column("metric", sa.String(255), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("unit", sa.String(64), nullable=False),
        sa.Column("baseline", sa.String(64)),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("confirmed_at", sa.String(40)),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_follow_targets_app", "follow_targets", ["app_id", "id"])
    op.create_table(
        "follow_annual",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.String(36), sa.ForeignKey(_APP, ondelete="CASCADE"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("values", sa.Text, nullable=False),
        sa.Column("submitted_on", sa.String(10)),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("changed", sa.String(40), nullable=False),
        sa.UniqueConstraint("app_id", "year", name="uq_follow_annual_year"),
    )
    op.create_table(
        "follow_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.String(36), sa.ForeignKey(_APP, ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("happened_on", sa.String(10), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("reported_on", sa.String(10)),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_follow_events_app", "follow_events", ["app_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_follow_events_app", table_name="follow_events")
    op.drop_table("follow_events")
    op.drop_table("follow_annual")
    op.drop_index("ix_follow_targets_app", table_name="follow_targets")
    op.drop_table("follow_targets")
    op.drop_table("follow_recognitions")
