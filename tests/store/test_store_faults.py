"""Faults: read-only file, full disk, a second instance holding the lock, damaged or foreign files.

Each must give a clear Chinese message, lose nothing already saved, and never write on into a
damaged file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from core.store import (
    Store,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreReadOnlyError,
)


@contextmanager
def read_only(path):
    """Make a file unwritable even for root (chattr +i), or by permissions for other users."""
    if os.geteuid() != 0:
        mode = os.stat(path).st_mode
        os.chmod(path, 0o555 if os.path.isdir(path) else 0o444)
        try:
            yield
        finally:
            os.chmod(path, mode)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root without chattr: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _closed_store_with_data(path, make_app):
    with Store.open(path) as s:
        app_id = s.create(make_app(**{"basic.area": "12.5"}))
    return app_id


def test_read_only_file_opens_for_reading_and_refuses_edits(tmp_path, make_app):
    path = tmp_path / "ro.sqlite"
    app_id = _closed_store_with_data(path, make_app)
    before = path.read_bytes()
    with read_only(path), Store.open(path) as s:
        assert s.readonly
        assert s.get(app_id)["values"]["basic.area"] == "12.5"
        with pytest.raises(StoreReadOnlyError, match="只读.*没有保存"):
            s.set_value(app_id, "basic.area", "13")
        with pytest.raises(StoreReadOnlyError, match="以只读方式打开") as info:
            s.create(make_app())
        assert info.value.code == "STORE.readonly_open" and str(path) in str(info.value)
    assert path.read_bytes() == before


def test_read_only_folder_opens_for_reading(tmp_path, make_app):
    folder = tmp_path / "光盘"
    folder.mkdir()
    path = folder / "ro.sqlite"
    app_id = _closed_store_with_data(path, make_app)
    before = path.read_bytes()
    with read_only(folder), Store.open(path) as s:
        assert [a.id for a in s.list_applications()] == [app_id]
        with pytest.raises(StoreReadOnlyError, match="以只读方式打开.*修改没有保存") as info:
            s.set_value(app_id, "basic.area", "13")
        assert info.value.code == "STORE.readonly_open"
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["ro.sqlite"]


@pytest.mark.parametrize("engine_name", ["sqlite"])  # SQLite's page limit stands in for a full disk
def test_full_disk_keeps_saved_data(store, app_id, tmp_path):
    big = tmp_path / "扫描件.pdf"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    with store.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()

    # SQLite's page limit gives exactly the SQLITE_FULL a full disk gives.
    def limit(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 20}")

    store.engine.dispose()
    event.listen(store.engine, "connect", limit)
    with pytest.raises(StoreFullError, match="磁盘空间已满.*没有保存"):
        store.attach_evidence(app_id, "list:enterprises", big)
    assert store.get(app_id)["values"]["basic.area"] == "12.5"
    assert store.get(app_id)["evidence"] == []
    assert store.set_value(app_id, "basic.area", "13").changed  # small edits still fit
    event.remove(store.engine, "connect", limit)
    store.engine.dispose()
    assert store.attach_evidence(app_id, "list:enterprises", big)["size"] == 3 * 1024 * 1024
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.parametrize("engine_name", ["sqlite"])  # SQLite's write lock (BEGIN IMMEDIATE); the server's row lock: test_store_server.py
def test_second_instance_holding_the_write_lock(db_path, app_id, store):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        second = Store.open(db_path, busy_timeout_ms=100)  # opening and reading still work
        assert second.get(app_id)["values"]["basic.area"] == "12.5"
        with pytest.raises(StoreLockedError, match="另一个程序.*没有保存"):
            second.set_value(app_id, "basic.area", "13")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert second.set_value(app_id, "basic.area", "13").changed  # the retry succeeds
    assert store.get(app_id)["values"]["basic.area"] == "13"  # and the first instance sees it
    store.set_value(app_id, "basic.applicant", "促进中心")
    assert second.get(app_id)["values"]["basic.applicant"] == "促进中心"
    second.close()


def test_non_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这是一份笔记，不是数据库。", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError, match="不是 SQLite 数据库文件"):
        Store.open(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError, match="别的程序"):
        Store.open(path)
    assert path.read_bytes() == before


def test_damaged_database_is_refused_untouched(tmp_path, make_app):
    path = tmp_path / "damaged.sqlite"
    with Store.open(path) as s:
        for i in range(30):
            s.create(make_app(name=f"集群{i}", **{"basic.main_products": "产品" * 300}))
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[3 * page:6 * page] = b"\xa5" * (3 * page)  # scribble over b-tree pages, keep the header
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError, match="已损坏"):
        Store.open(path)
    assert path.read_bytes() == bytes(data)


@pytest.mark.parametrize("engine_name", ["sqlite"])  # a damaged SQLite file
def test_corruption_found_while_running_stops_all_writes(store, app_id):
    def malformed(conn, cursor, statement, *args):
        if statement.startswith("SELECT"):
            raise sqlite3.DatabaseError("database disk image is malformed")

    event.listen(store.engine, "before_cursor_execute", malformed)
    with pytest.raises(StoreCorruptError, match="不会再向它写入"):
        store.get(app_id)
    event.remove(store.engine, "before_cursor_execute", malformed)
    with pytest.raises(StoreCorruptError, match="不会再向它写入") as info:  # even with the fault gone
        store.set_value(app_id, "basic.area", "13")
    assert info.value.code == "STORE.corrupt"
    assert Store.open(store.path).get(app_id)["values"]["basic.area"] == "12.5"


def test_missing_folder_and_directory_path(tmp_path):
    with pytest.raises(StoreError, match="文件夹不存在"):
        Store.open(tmp_path / "nowhere" / "x.sqlite")
    with pytest.raises(StoreError, match="是一个文件夹"):
        Store.open(tmp_path)
