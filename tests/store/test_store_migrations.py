"""Alembic migrations: from the first schema to head with every value kept; newer databases refused."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, inspect, text

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


def test_failed_upgrade_rolls_back_completely(tmp_path, monkeypatch, build_first_revision):
    import shutil

    from core.store import StoreError

    scripts = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    second = scripts / "versions" / "0002_ui_state.py"
    text = second.read_text(encoding="utf-8")
    text = text.replace('    op.create_index("ix_history_app_at", "history", ["app_id", "at"])\n',
                        '    op.create_index("ix_history_app_at", "history", ["app_id", "at"])\n'
                        '    op.execute("SELECT * FROM no_such_table")\n', 1)
    second.write_text(text, encoding="utf-8")
    monkeypatch.setattr(db, "MIGRATIONS_DIR", scripts)
    path = tmp_path / "old.sqlite"
    values, _ = build_first_revision(path)
    with pytest.raises(StoreError, match="升级.*保持原样"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert "ui_state" not in [r[1] for r in conn.execute("PRAGMA table_info(applications)")]
    assert conn.execute("SELECT count(*) FROM app_values").fetchone()[0] == len(values)
    conn.close()
    monkeypatch.undo()
    with Store.open(path) as store:  # the real upgrade still works afterwards
        assert store.get("a" * 32)["values"] == values


@pytest.mark.parametrize("revision", db.REVISIONS[:-1])
def test_upgrade_from_every_earlier_revision_on_both_engines(store_url, revision, build_first_revision):
    values, content = build_first_revision(store_url, revision)
    with Store.open(store_url) as store:
        doc = store.get("a" * 32)
        assert doc["values"] == values
        assert doc["lists"] == {"enterprises": [{"name": "甲公司"}]}
        assert b"".join(store.iter_evidence(doc["evidence"][0]["sha256"])) == content
        assert [(e.user, e.action) for e in store.history("a" * 32)] == [("张三", "create"), ("张三", "edit")]
        assert store.number("a" * 32) == ("2023-001" if revision < "0003" else "")
        store.set_value("a" * 32, "basic.area", "13")  # writable at the new revision
        store.set_ui_state("a" * 32, {"page": "basic"})
        assert db.current_revision(store.engine) == db.HEAD
        # The chain's later tables (0004 desk, 0006 follow-up) are there, on either engine, and usable.
        from core.desk import Desk
        from core.desk import tables as desk_tables
        from core.follow import tables as follow_tables

        names = set(inspect(store.engine).get_table_names())
        assert {t.name for t in desk_tables.metadata.sorted_tables} <= names
        assert {t.name for t in follow_tables.metadata.sorted_tables} <= names
        desk = Desk(store, None)
        with desk.write() as conn:
            assert [desk.next_number(conn, "SH-2023") for _ in range(2)] == ["SH-2023-001", "SH-2023-002"]


@pytest.mark.parametrize("engine_name", ["postgresql"])  # the SQLite case: the byte-for-byte test above
def test_server_database_of_a_newer_program_is_refused_and_left_alone(store_url, make_app):
    with Store.open(store_url) as store:
        store.create(make_app())
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(StoreNewerError, match="更新版本.*0099_future"):
        Store.open(store_url)
    engine = create_engine(store_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099_future"
        assert conn.execute(text("SELECT count(*) FROM applications")).scalar() == 1
    engine.dispose()


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_failed_upgrade_on_the_server_rolls_back_completely(store_url, tmp_path, monkeypatch, build_first_revision):
    import shutil

    from core.store import StoreError

    scripts = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    second = scripts / "versions" / "0002_ui_state.py"
    second.write_text(second.read_text(encoding="utf-8").replace(
        '    op.create_index("ix_history_app_at", "history", ["app_id", "at"])\n',
        '    op.create_index("ix_history_app_at", "history", ["app_id", "at"])\n'
        '    op.execute("SELECT * FROM no_such_table")\n', 1), encoding="utf-8")
    values, _ = build_first_revision(store_url)
    monkeypatch.setattr(db, "MIGRATIONS_DIR", scripts)
    with pytest.raises(StoreError, match="升级.*保持原样"):
        Store.open(store_url)
    engine = create_engine(store_url)
    with engine.connect() as conn:  # PostgreSQL DDL is transactional too: nothing of 0002 remains
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        assert "ui_state" not in [c["name"] for c in inspect(conn).get_columns("applications")]
    engine.dispose()
    monkeypatch.undo()
    with Store.open(store_url) as store:
        assert store.get("a" * 32)["values"] == values
