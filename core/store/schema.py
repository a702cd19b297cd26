"""Table definitions of the store at the newest schema revision (SQLAlchemy Core).

The migrations in ``migrations/versions`` are the source of truth for how a database gets to this
shape; these objects only describe it for queries. JSON is kept in TEXT columns (not a JSON type)
so SQLite and PostgreSQL store exactly the text we wrote. Times are UTC ISO-8601 strings with
microseconds, which sort correctly as text.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

applications = Table(
    "applications",
    metadata,
    Column("id", String(36), primary_key=True),  # the document's uuid
    Column("name", Text, nullable=False),
    Column("jurisdiction", String(32), nullable=False),
    Column("campaign", Integer, nullable=False),
    Column("rules", String(64), nullable=False),
    Column("form", String(64), nullable=False),
    Column("form_version", Integer, nullable=False),
    Column("format_version", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("created", String(40), nullable=False),
    Column("changed", String(40), nullable=False),
    Column("deleted_at", String(40)),  # soft delete: the GUI can bring it back
    Column("extra", Text, nullable=False),  # other top-level document keys, JSON object
    Column("ui_state", Text),  # revision 0002: e.g. the last wizard page, JSON object
    Column("number", String(32)),  # revision 0003: "2023-007", per campaign, never reused
    Index("ux_applications_number", "number", unique=True),
)

app_numbers = Table(  # revision 0003: the last number handed out per campaign
    "app_numbers",
    metadata,
    Column("campaign", Integer, primary_key=True, autoincrement=False),
    Column("last", Integer, nullable=False),
)

receipts = Table(  # revision 0003: every export of a submission package (报送记录)
    "receipts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("app_id", String(36), ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
    Column("path", Text, nullable=False),  # where the package was written
    Column("sha256", String(64), nullable=False),  # of the whole zip
    Column("size", BigInteger),
    Column("certificate_sha256", String(64), nullable=False),  # fingerprint of the signing certificate
    Column("signer", Text, nullable=False),  # the office named in the certificate
    Column("data_sha256", String(64), nullable=False),  # core.store.seal.data_hash of the signed document
    Column("override_reason", Text),
    Index("ix_receipts_app", "app_id", "id"),
)

values = Table(
    "app_values",
    metadata,
    Column("app_id", String(36), ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("value", Text, nullable=False),  # JSON; "null" is a stored null, a missing row is no value
)

lists = Table(
    "app_lists",
    metadata,
    Column("app_id", String(36), ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(64), primary_key=True),
    Column("rows", Text, nullable=False),  # JSON array of row objects
)

evidence_blobs = Table(
    "evidence_blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored", String(40), nullable=False),
)

evidence_chunks = Table(
    "evidence_chunks",
    metadata,
    Column("sha256", String(64), ForeignKey("evidence_blobs.sha256", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
)

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("app_id", String(36), ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
    Column("target", String(255), nullable=False),
    Column("name", Text, nullable=False),
    Column("sha256", String(64), ForeignKey("evidence_blobs.sha256"), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("attached", String(40), nullable=False),
    UniqueConstraint("app_id", "target", "sha256", name="uq_attachment"),
)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("app_id", String(36), ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(40), nullable=False),
    Column("user", String(255), nullable=False),
    Column("action", String(32), nullable=False),  # edit, restore, import, attach, detach, status, ...
    Column("kind", String(16), nullable=False),  # value, list, evidence, meta, app
    Column("field", String(255)),
    Column("old", Text),  # JSON; SQL NULL means "absent"
    Column("new", Text),
    Index("ix_history_app", "app_id", "id"),
    Index("ix_history_app_at", "app_id", "at"),  # revision 0002
    Index("ix_history_field", "app_id", "kind", "field", "id"),  # revision 0005: a field's revision
)
