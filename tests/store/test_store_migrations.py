"""Alembic migrations: from the first schema to head with every value kept; newer databases refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from core.store import Store, StoreNewerError
from core.store import database as db


def test_revision_list_matches_the_migration_scripts():
    assert db.script_revisions() == list(db.REVISIONS)


def _build_first_revision(path):
    """A database at revision 0001 with data in every table, written with raw SQL of that schema."""
    target = db.resolve(path)
    engine = db.make_engine(target, readonly=False, busy_timeout_ms=1000)
    db.enable_wal(engine)
    db.migrate(engine, "0001")
    engine.dispose()
    content = b"evidence content " * 100
    sha = hashlib.sha256(content).hexdigest()
    at = "2023-05-01T08:00:00.000000+00:00"
    conn = sqlite3.connect(path)
    with conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(applications)")]
        assert "ui_state" not in cols  # really the first schema
        conn.execute(
            "INSERT INTO applications VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ("a" * 32, "旧库中的集群", "SH", 2023, "SH-2023", "SH-FORM", 1, 1, "pending_review", at, at, None, "{}"),
        )
        values = {"basic.area": "12.5", "industry.output_total": {"2020": "1", "2021": "2", "2022": "3"},
                  "basic.main_products": None}
        conn.executemany("INSERT INTO app_values VALUES (?,?,?)",
                         [("a" * 32, k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])
        conn.execute("INSERT INTO app_lists VALUES (?,?,?)", ("a" * 32, "enterprises", '[{"name": "甲公司"}]'))
        conn.execute("INSERT INTO evidence_blobs VALUES (?,?,?)", (sha, len(content), at))
        conn.execute("INSERT INTO evidence_chunks VALUES (?,?,?)", (sha, 0, content))
        conn.execute("INSERT INTO attachments (app_id, target, name, sha256, size, attached) VALUES (?,?,?,?,?,?)",
                     ("a" * 32, "list:enterprises", "名单.pdf", sha, len(content), at))
        conn.execute("INSERT INTO history (app_id, at, user, action, kind, field, old, new) VALUES (?,?,?,?,?,?,?,?)",
                     ("a" * 32, at, "张三", "create", "app", None, None, None))
        conn.execute("INSERT INTO history (app_id, at, user, action, kind, field, old, new) VALUES (?,?,?,?,?,?,?,?)",
                     ("a" * 32, at, "张三", "edit", "value", "basic.area", None, '"12.5"'))
    conn.close()
    return values, content


def test_upgrade_from_first_revision_keeps_every_value(tmp_path):
    path = tmp_path / "old.sqlite"
    values, content = _build_first_revision(path)
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
