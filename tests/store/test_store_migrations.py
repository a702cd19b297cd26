"""Alembic migrations: from the first schema to head with every value kept; newer databases refused."""

from __future__ import annotations

import sqlite3

import pytest

from core.store import Store, StoreNewerError
from core.store import database as db


def test_revision_list_matches_the_migration_scripts():
    assert db.script_revisions() == list(db.REVISIONS)


def test_upgrade_from_first_revision_keeps_every_value(tmp_path, build_first_revision):
    path = tmp_path / "old.sqlite"
    values, content = build_first_revision(path)
    with Store.open(path) as store:
        doc = store.get("a" * 32)
        assert doc["values"] == values
        assert doc["lists"] == {"enterprises": [{"name": "甲公司"}]}
        assert doc["status"] == "pending_review" and doc["name"] == "旧库中的集群"
        assert [e["name"] for e in doc["evidence"]] == ["名单.pdf"]
        assert b"".join(store.iter_evidence(doc["evidence"][0]["sha256"])) == content
        assert [(e.user, e.action) for e in store.history("a" * 32)] == [("张三", "create"), ("张三", "edit")]
        store.set_ui_state("a" * 32, {"page": "basic"})  # the column revision 0002 added
        assert store.get_ui_state("a" * 32) == {"page": "basic"}
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.HEAD
    conn.close()
    # The pre-upgrade copy is kept beside the database, still at the old revision.
    copy = tmp_path / "old.before-upgrade-0001.sqlite"
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()


def test_database_from_a_newer_program_is_refused_and_untouched(tmp_path, make_app):
    path = tmp_path / "newer.sqlite"
    with Store.open(path) as store:
        store.create(make_app())
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    before = path.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreNewerError, match="更新版本.*0099_future"):
        Store.open(path)
    assert path.read_bytes() == before
    # The read-only inspection may leave SQLite's empty side files (-wal, -shm); nothing else.
    extra = sorted(set(p.name for p in tmp_path.iterdir()) - set(listing))
    assert set(extra) <= {"newer.sqlite-wal", "newer.sqlite-shm"}
    wal = tmp_path / "newer.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0
