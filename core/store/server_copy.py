"""A server database (PostgreSQL) to and from the program's SQLite backup file, table by table.

The backup of a server database is the same single SQLite file a desk PC's backup is: at the
newest schema revision, every table of ``schema.metadata`` copied from one snapshot (REPEATABLE
READ), evidence chunks streamed, never all in memory. Restoring replaces every table in one
server transaction (so it happens completely or not at all) and moves the id sequences past the
restored rows. An older backup is first upgraded in a temporary copy, so the server only ever
receives rows of its own revision.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import Integer, insert, select, text
from sqlalchemy.engine import Connection, Engine

from core.store import database as db
from core.store import schema as t

BATCH = 500  # rows per INSERT for ordinary tables
CHUNK_BATCH = 8  # evidence chunk rows (1 MiB each) per INSERT: bounded memory


def _tables():
    # The review desk's register (revision 0004) has its own MetaData but lives in the same
    # database: without it a server backup would lose every 受理 row (its files are evidence rows).
    from core.desk import tables as desk_tables

    return t.metadata.sorted_tables + desk_tables.metadata.sorted_tables  # parents before children


def _copy(src: Connection, dest: Connection) -> None:
    for table in _tables():
        batch = CHUNK_BATCH if table is t.evidence_chunks else BATCH
        result = src.execution_options(stream_results=True, yield_per=batch).execute(select(table))
        for part in result.mappings().partitions(batch):
            dest.execute(insert(table), [dict(r) for r in part])
    version = src.execute(text("SELECT version_num FROM alembic_version")).scalar()
    dest.execute(text("DELETE FROM alembic_version"))
    dest.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": version})


def _sqlite_engine(path: Path) -> Engine:
    target = db.resolve(path)
    return db.make_engine(target, readonly=False, busy_timeout_ms=db.BUSY_TIMEOUT_MS)


def dump(engine: Engine, tmp: Path, dest: Path) -> None:
    """Write the server database into a new SQLite file ``tmp`` (renamed to ``dest`` by the caller)."""
    out = _sqlite_engine(tmp)
    try:
        db.migrate(out)  # the same empty schema at the same revision
        with engine.connect() as src, out.connect() as conn:
            src = src.execution_options(isolation_level="REPEATABLE READ")
            with src.begin(), conn.begin():
                _copy(src, conn)
        raw = out.raw_connection()
        try:
            if raw.driver_connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                from core.store.errors import corrupt_error

                raise corrupt_error(str(dest), "备份副本校验未通过")
        finally:
            raw.close()
    finally:
        out.dispose()


def load(conn: Connection, src: Path, immutable: bool, upgrade: bool) -> None:
    """Replace every table of the server database (inside the caller's transaction) with ``src``."""
    with tempfile.TemporaryDirectory(prefix="cluster-declare-restore-") as folder:
        path = src
        if upgrade:  # an older backup: bring a copy of it to the newest revision first
            path = Path(folder) / "upgraded.sqlite"
            reader = sqlite3.connect(db.ro_uri(src, immutable=immutable), uri=True)
            try:
                out = sqlite3.connect(path)
                reader.backup(out)
                out.close()
            finally:
                reader.close()
            engine = _sqlite_engine(path)
            try:
                db.migrate(engine)
            finally:
                engine.dispose()
        target = db.resolve(db.ro_uri(path, immutable=immutable and not upgrade))
        engine = db.make_engine(target, readonly=True, busy_timeout_ms=db.BUSY_TIMEOUT_MS,
                                immutable=immutable and not upgrade)
        try:
            for table in reversed(_tables()):
                conn.execute(table.delete())
            with engine.connect() as reader, reader.begin():
                _copy(reader, conn)
        finally:
            engine.dispose()
    _reset_sequences(conn)


def _reset_sequences(conn: Connection) -> None:
    """Serial ids continue after the restored rows (PostgreSQL keeps sequences outside the rows)."""
    if conn.dialect.name != "postgresql":
        return
    for table in _tables():
        for col in table.primary_key.columns:
            if isinstance(col.type, Integer) and col.autoincrement is not False and len(table.primary_key.columns) == 1:
                seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                   {"t": table.name, "c": col.name}).scalar()
                if seq:
                    conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX("{col.name}") FROM "{table.name}"), 0) + 1, false)'),
                                 {"s": seq})
