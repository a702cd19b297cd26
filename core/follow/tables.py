"""The follow-up tables (revision 0006) for queries, on the store's own MetaData so the foreign keys
to ``applications`` resolve. Dates of the business (recognised on, due, happened) are local
calendar dates ``YYYY-MM-DD``; record times (``at``) are the store's UTC ISO strings."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from core.store.schema import metadata

_APP = "applications.id"

recognitions = Table(
    "follow_recognitions",
    metadata,
    Column("app_id", String(36), ForeignKey(_APP, ondelete="CASCADE"), primary_key=True),
    Column("recognized_on", String(10), nullable=False),
    Column("list_name", Text, nullable=False),  # e.g. 上海市2023年市级中小企业特色产业集群名单
    Column("rules", String(64), nullable=False),  # the rule set whose follow_up block dates it
    Column("valid_until", String(10), nullable=False),  # from the rule set's validity, inclusive
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
)

targets = Table(
    "follow_targets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("app_id", String(36), ForeignKey(_APP, ondelete="CASCADE"), nullable=False),
    Column("metric", String(255), nullable=False),  # a form field key, or "custom:<名称>"
    Column("label", Text, nullable=False),
    Column("unit", String(64), nullable=False),
    Column("baseline", String(64)),  # decimal text, from the application's latest year
    Column("target", String(64), nullable=False),  # decimal text
    Column("year", Integer),  # None: the official still has to give one before confirming
    Column("direction", String(8), nullable=False),  # up (higher is better) | down
    Column("source", Text),  # the clause of 发展目标 it was proposed from
    Column("confirmed_at", String(40)),  # None: proposed, not yet confirmed by the official
    Column("at", String(40), nullable=False),
)

annual = Table(
    "follow_annual",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("app_id", String(36), ForeignKey(_APP, ondelete="CASCADE"), nullable=False),
    Column("year", Integer, nullable=False),  # the year reported on (报送 the next year)
    Column("values", Text, nullable=False),  # JSON object, keys of the yearly report form
    Column("submitted_on", String(10)),  # date sent upward; None = draft
    Column("created", String(40), nullable=False),
    Column("changed", String(40), nullable=False),
    UniqueConstraint("app_id", "year", name="uq_follow_annual_year"),
)

events = Table(
    "follow_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("app_id", String(36), ForeignKey(_APP, ondelete="CASCADE"), nullable=False),
    Column("kind", String(32), nullable=False),  # industry | area | operator | accident | violation | other
    Column("happened_on", String(10), nullable=False),
    Column("description", Text, nullable=False),
    Column("reported_on", String(10)),  # 报备 date; None = not reported
    Column("at", String(40), nullable=False),
)
