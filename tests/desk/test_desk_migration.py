"""Revision 0004 (the desk's tables): a database of every earlier revision upgrades, keeps its
applications, and then holds a register. SQLite files here (built with sqlite3 at each revision);
the same chain on PostgreSQL: tests/store/test_store_migrations.py, which opens the desk after it."""

from __future__ import annotations

import sqlite3

import pytest

from core.desk import Desk
from core.store import database as db

DESK_TABLES = {"desk_numbers", "desk_submissions", "desk_events", "desk_reviews", "desk_corrections",
               "desk_inspections", "desk_ranking", "desk_trust", "desk_settings"}


def _database_at(path, revision: str) -> None:
    engine = db.make_engine(db.resolve(path), readonly=False, busy_timeout_ms=1000)
    db.enable_wal(engine)
    db.migrate(engine, revision)
    engine.dispose()
    conn = sqlite3.connect(path)
    with conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(applications)")]
        row = {"id": "b" * 32, "name": "旧库中的集群", "jurisdiction": "SH", "campaign": 2023, "rules": "SH-2023",
               "form": "SH-FORM", "form_version": 1, "format_version": 1, "status": "draft",
               "created": "2023-05-01T08:00:00.000000+00:00", "changed": "2023-05-01T08:00:00.000000+00:00",
               "extra": "{}"}
        if "number" in cols:
            row["number"] = "2023-001"
        conn.execute(f"INSERT INTO applications ({','.join(row)}) VALUES ({','.join('?' * len(row))})",
                     tuple(row.values()))
    conn.close()


def test_the_desk_revision_is_in_the_chain():
    assert "0004" in db.REVISIONS and db.script_revisions() == list(db.REVISIONS)


@pytest.mark.parametrize("revision", db.REVISIONS[:db.REVISIONS.index("0004")])
def test_every_earlier_revision_upgrades_and_keeps_its_applications(tmp_path, revision):
    path = tmp_path / f"at-{revision}.sqlite"
    _database_at(path, revision)
    with Desk.open(path) as desk:
        assert desk.store.get("b" * 32)["name"] == "旧库中的集群"
        with desk.write() as conn:
            desk.insert_submission(conn, {"rules": "SH-2023", "sender": "某单位", "source_kind": "json",
                                          "file_name": "a.json", "status": "received", "cluster_name": "甲集群"})
        assert [s.number for s in desk.submissions("SH-2023")] == ["SH-2023-001"]
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables >= DESK_TABLES
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.HEAD
    conn.close()
    assert (tmp_path / f"at-{revision}.before-upgrade-{revision}.sqlite").is_file()
