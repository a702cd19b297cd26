"""The desk's tables at revision 0004 (SQLAlchemy Core), for queries only.

The migration ``core/store/migrations/versions/0004_desk.py`` creates them in the same database
as the store; they have their own ``MetaData`` so the store's schema module stays as it was.
JSON is kept in TEXT columns, times are UTC ISO-8601 strings (as in core/store/schema.py).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

numbers = Table(
    "desk_numbers", metadata,
    Column("rules", String(64), primary_key=True),
    Column("last", Integer, nullable=False),
)

submissions = Table(
    "desk_submissions", metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(40), nullable=False),  # 受理编号, e.g. "SH-2023-007"; never reused
    Column("rules", String(64), nullable=False),  # the campaign's rule set
    Column("received_at", String(40), nullable=False),
    Column("received_by", String(255), nullable=False),
    Column("sender", Text, nullable=False),  # the signing office, or the operating body named in the data
    Column("source_kind", String(16), nullable=False),  # package / json / excel / outgoing
    Column("file_name", Text, nullable=False),
    Column("file_sha256", String(64)),  # NULL when the file could not even be read
    Column("file_size", BigInteger),
    Column("status", String(32), nullable=False),  # core.desk.status
    Column("refused_reason", Text),
    Column("cluster_key", Text),  # what makes two submissions the same cluster (versions)
    Column("cluster_name", Text, nullable=False),
    Column("version", Integer),
    Column("previous_id", Integer, ForeignKey("desk_submissions.id")),
    Column("differences", Text),  # JSON list of {key, label, old, new}
    Column("verification", Text),  # JSON: core.desk.intake.Verification
    Column("fingerprint", String(64)),
    Column("verdict", String(16)),  # the program's verdict under the campaign's rule set
    Column("report", Text),  # JSON: per-indicator verdicts and criteria outcomes
    Column("compare_data", Text),  # JSON: core.desk.compare.criteria_detail (kept apart: the compare view reads only it)
    Column("document", Text),  # the application JSON as received (for compare, review, versions)
    Column("parent_id", Integer, ForeignKey("desk_submissions.id")),  # inner package of a district's package
    Column("paper_copies", Integer, nullable=False),
    Column("cds", Integer, nullable=False),
)

events = Table(
    "desk_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("desk_submissions.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
    Column("action", String(32), nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("note", Text),  # JSON object
)

reviews = Table(
    "desk_reviews", metadata,
    Column("submission_id", Integer, ForeignKey("desk_submissions.id", ondelete="CASCADE"), primary_key=True),
    Column("item", String(128), primary_key=True),  # a basic condition's rule id, or "indicator.N"
    Column("program", String(16)),  # the program's verdict when recorded (None: qualitative)
    Column("verdict", String(16), nullable=False),  # the reviewer's: 符合 / 不符合 / 需补正
    Column("remark", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
)

corrections = Table(
    "desk_corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("desk_submissions.id", ondelete="CASCADE"), nullable=False),
    Column("item", Text, nullable=False),
    Column("due", String(10)),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
    Column("done_at", String(40)),
)

inspections = Table(
    "desk_inspections", metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("desk_submissions.id", ondelete="CASCADE"), nullable=False),
    Column("date", String(10), nullable=False),
    Column("people", Text, nullable=False),  # JSON list of names
    Column("items", Text, nullable=False),  # JSON list of {item, evidence, result}
    Column("attachments", Text, nullable=False),  # JSON list of {name, sha256, size}
    Column("conclusion", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
)

ranking = Table(
    "desk_ranking", metadata,
    Column("rules", String(64), primary_key=True),
    Column("submission_id", Integer, ForeignKey("desk_submissions.id", ondelete="CASCADE"), primary_key=True),
    Column("place", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
)

trust = Table(
    "desk_trust", metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("sender", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending (待确认) / trusted (已确认)
    Column("first_seen", String(40), nullable=False),
    Column("confirmed_at", String(40)),
    Column("confirmed_by", String(255)),
    Column("certificate", LargeBinary),
)

settings = Table(
    "desk_settings", metadata,
    Column("rules", String(64), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)
