"""JSON import/export with evidence folders, and whole-database backup and restore."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from sqlalchemy import event

from core.errors import UserError
from core.paths import resource
from core.store import Store, StoreError, StoreFullError, StoreNewerError


@pytest.fixture
def evidence_file(tmp_path):
    path = tmp_path / "src" / "名单.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF " + b"0123456789" * 5000)
    return path


def _export(store, app_id, tmp_path):
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return store.export_json(app_id, out / "申请.json")


def test_export_and_import_round_trip(store, app_id, evidence_file, tmp_path):
    store.replace_list(app_id, "enterprises", [{"name": "甲公司"}])
    entry = store.attach_evidence(app_id, "list:enterprises", evidence_file)
    store.attach_evidence(app_id, "industry.chain_work:map", evidence_file)
    path = _export(store, app_id, tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["uuid"] == app_id and doc["values"]["basic.area"] == "12.5"
    stored = path.parent / "evidence" / entry["sha256"] / "名单.pdf"
    assert stored.read_bytes() == evidence_file.read_bytes()
    with Store.open(tmp_path / "other.sqlite") as other:
        assert other.import_json(path) == app_id
        got = other.get(app_id)
        original = store.get(app_id)
        for key in ("values", "lists", "name", "campaign", "rules", "status"):
            assert got[key] == original[key]
        assert [(e["target"], e["sha256"]) for e in got["evidence"]] == [
            (e["target"], e["sha256"]) for e in original["evidence"]]
        assert other.history(app_id)[0].action == "import"


def test_import_the_shipped_sample(store):
    path = resource("samples", "sample-application.json")
    app_id = store.import_json(path)
    doc = store.get(app_id)
    sample = json.loads(path.read_text(encoding="utf-8"))
    assert doc["values"] == store.load(app_id).values
    assert doc["values"].keys() == sample["values"].keys()
    assert {(e["target"], e["sha256"]) for e in doc["evidence"]} == {(e["target"], e["sha256"]) for e in sample["evidence"]}


def test_import_conflicts(store, app_id, tmp_path):
    path = _export(store, app_id, tmp_path)
    with pytest.raises(StoreError, match="--replace"):
        store.import_json(path)
    copy_id = store.import_json(path, on_conflict="copy")
    assert copy_id != app_id and store.get(copy_id)["values"] == store.get(app_id)["values"]
    # Replace: the file wins, and the overwrite is recorded (and so can be undone).
    store.set_value(app_id, "basic.area", "99")
    before = store.history(app_id)[-1].id
    assert store.import_json(path, on_conflict="replace") == app_id
    assert store.get(app_id)["values"]["basic.area"] == "12.5"
    assert store.history(app_id)[-1].action == "import"
    store.restore_version(app_id, entry=before)
    assert store.get(app_id)["values"]["basic.area"] == "99"


def test_import_refuses_tampered_evidence_and_writes_nothing(store, app_id, evidence_file, tmp_path):
    store.attach_evidence(app_id, "list:enterprises", evidence_file)
    path = _export(store, app_id, tmp_path)
    (next((tmp_path / "out" / "evidence").rglob("*.pdf"))).write_bytes(b"something else")
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        with pytest.raises(StoreError, match="SHA-256 不符"):
            fresh.import_json(path)
        assert fresh.list_applications(include_deleted=True) == []
        shutil.rmtree(tmp_path / "out" / "evidence")
        with pytest.raises(StoreError, match="找不到佐证材料文件"):
            fresh.import_json(path)
        assert fresh.list_applications(include_deleted=True) == []


def test_import_refuses_paths_outside_the_folder(store, make_app, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    import hashlib

    doc = make_app().to_json()
    doc["evidence"] = [{"target": "list:enterprises", "name": "secret.txt", "size": 1,
                        "sha256": hashlib.sha256(b"x").hexdigest(), "file": "../secret.txt"}]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "app.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreError, match="之外"):
        store.import_json(folder / "app.json")


def test_import_bad_document_names_the_file(store, tmp_path):
    bad = tmp_path / "坏文件.json"
    bad.write_text('{"format": "cluster-declare.application", "format_version": 1', encoding="utf-8")
    with pytest.raises(UserError, match="坏文件.json"):
        store.import_json(bad)


@pytest.mark.parametrize("engine_name", ["sqlite"])  # an uncommitted SQLite writer; server: test_store_server.py
def test_backup_is_consistent_while_another_writer_is_busy(store, app_id, db_path, tmp_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE app_values SET value = '\"uncommitted\"' WHERE key = 'basic.area'")
    dest = store.backup(tmp_path / "backup.sqlite")
    other.execute("ROLLBACK")
    other.close()
    check = sqlite3.connect(dest)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    check.close()
    with Store.open(dest) as copy:
        assert copy.get(app_id)["values"]["basic.area"] == "12.5"
    folder = tmp_path / "backups"
    folder.mkdir()
    dated = store.backup(folder)
    assert dated.parent == folder and dated.name.startswith("cluster-declare-backup-")
    with pytest.raises(StoreError, match="正在使用的数据库"):
        store.backup(db_path)


def test_restore_replaces_everything_and_keeps_a_copy(store, app_id, make_app, tmp_path):
    backup = store.backup(tmp_path / "backup.sqlite")
    store.set_value(app_id, "basic.area", "after backup")
    later = store.create(make_app(name="备份后新建"))
    safety = store.restore(backup)
    assert store.get(app_id)["values"]["basic.area"] == "12.5"
    assert [a.id for a in store.list_applications()] == [app_id]
    with Store.open(safety) as before:
        assert before.get(later)["name"] == "备份后新建"
    # The store keeps working after a restore.
    store.set_value(app_id, "basic.area", "13")
    assert store.get(app_id)["values"]["basic.area"] == "13"


def test_restore_refuses_bad_files_and_leaves_the_database_alone(store, app_id, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match=f"“{junk}”不能用于恢复，当前数据库未被改动.*不是 SQLite 数据库文件") as info:
        store.restore(junk)
    assert info.value.code == "STORE.restore_bad_backup"
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="别的程序"):
        store.restore(foreign)
    newer = store.backup(tmp_path / "newer.sqlite")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreNewerError, match="更新版本.*结构版本 0099") as info:
        store.restore(newer)
    assert info.value.code == "STORE.newer"
    assert store.get(app_id)["values"]["basic.area"] == "12.5"


def test_failed_restore_is_all_or_nothing(tmp_path, make_app, evidence_file):
    with Store.open(tmp_path / "big.sqlite") as big:
        a = big.create(make_app(name="大库"))
        big.attach_evidence(a, "list:enterprises", evidence_file)
        for i in range(200):
            big.create(make_app(name=f"集群{i}", **{"basic.main_products": "产品" * 200}))
        backup = big.backup(tmp_path / "big-backup.sqlite")
    store = Store.open(tmp_path / "small.sqlite")
    app_id = store.create(make_app(name="小库"))
    with store.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()

    def limit(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 5}")

    store.engine.dispose()
    event.listen(store.engine, "connect", limit)
    with pytest.raises(StoreFullError, match="磁盘空间已满"):
        store.restore(backup)
    event.remove(store.engine, "connect", limit)
    store.engine.dispose()
    assert [s.name for s in store.list_applications()] == ["小库"]
    assert store.get(app_id)["name"] == "小库"
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    store.close()


def test_restore_of_an_older_backup_upgrades_it(store, app_id, tmp_path, build_first_revision):
    old = tmp_path / "old-backup.sqlite"
    values, _ = build_first_revision(old)
    store.restore(old)
    assert store.get("a" * 32)["values"] == values
    store.set_ui_state("a" * 32, {"page": "basic"})  # column of revision 0002: upgraded in place
    with pytest.raises(StoreError, match="没有编号"):
        store.get(app_id)
