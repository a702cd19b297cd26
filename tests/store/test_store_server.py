"""PostgreSQL faults and server-only behaviour: server down at start, connection lost mid-session
(then back), missing privileges, a row held by another official's save, a consistent backup of a
busy server. Stopping the server needs a server of the test's own (``own_server``)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import psycopg
import pytest

from core.store import Store, StoreError, StoreLockedError, StoreOfflineError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pgserver import PgServer  # noqa: E402


@pytest.fixture
def own_server():
    # Durable like an office server (fsync, synchronous_commit on): an immediate stop loses no
    # acknowledged commit. The shared test server trades that for speed.
    server = PgServer(fsync=True).start()
    yield server
    server.close()


def test_server_down_at_start_is_a_clear_message(own_server):
    url = own_server.create_database("office")
    own_server.stop()
    started = time.monotonic()
    with pytest.raises(StoreOfflineError, match="无法连接数据库服务器.*没有响应") as info:
        Store.open(url)
    assert time.monotonic() - started < 10  # the connect timeout, not a hang
    assert info.value.code == "STORE.server.down"
    assert "test-superuser-secret" not in info.value.message


def test_connection_lost_mid_session_then_back(own_server, make_app):
    url = own_server.create_database("office")
    store = Store.open(url)
    app_id = store.create(make_app(**{"basic.area": "12.5"}))
    own_server.stop("immediate")  # as a pulled cable or a crashed server looks from here
    with pytest.raises(StoreOfflineError, match="连接.*没有保存") as info:
        store.set_value(app_id, "basic.area", "13")
    assert info.value.code in ("STORE.server.lost", "STORE.server.down")
    own_server.restart()
    assert store.get(app_id)["values"]["basic.area"] == "12.5"  # the refused edit is not half there
    assert store.set_value(app_id, "basic.area", "13").changed  # the pool reconnects by itself
    store.close()
    with Store.open(url) as again:
        assert again.get(app_id)["values"]["basic.area"] == "13"


def test_missing_privileges_are_named(pg_server, pg_database, make_app):
    name = pg_database.rsplit("/", 1)[1]
    role = f"guest_{name[-8:]}"
    pg_server.create_role(role, "guest-pw")
    url = pg_server.url(name, user=role, password="guest-pw")
    # A fresh database owned by someone else: PostgreSQL 15 lets no one else create tables in it.
    with pytest.raises(StoreError, match=f"数据库用户 {role} 在.*没有所需的权限") as info:
        Store.open(url)
    assert info.value.code == "STORE.server.privilege"
    with Store.open(pg_database) as owner:  # the owner creates the schema
        app_id = owner.create(make_app())
    pg_server.admin(f'GRANT USAGE ON SCHEMA public TO "{role}"; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"',
                    database=name)
    with Store.open(url) as reader:  # reading is allowed, writing is not
        assert reader.get(app_id)["name"]
        with pytest.raises(StoreError, match="没有所需的权限.*本次修改没有保存"):
            reader.set_value(app_id, "basic.area", "1")


def test_row_held_by_another_save_times_out_with_a_message(pg_server, pg_database, make_app):
    with Store.open(pg_database) as store:
        app_id = store.create(make_app())
    other = psycopg.connect(host=str(pg_server.dir), port=pg_server.port, user="postgres",
                            dbname=pg_database.rsplit("/", 1)[1])
    try:
        other.execute("SELECT 1 FROM applications WHERE id = %s FOR UPDATE", (app_id,))  # held, not committed
        with Store.open(pg_database, busy_timeout_ms=300) as second:
            assert second.get(app_id)["name"]  # reading never waits
            with pytest.raises(StoreLockedError, match="正被另一位同事保存.*没有保存"):
                second.set_value(app_id, "basic.area", "13")
        other.rollback()
        with Store.open(pg_database) as second:
            assert second.set_value(app_id, "basic.area", "13").changed
    finally:
        other.close()


def test_server_backup_is_one_snapshot_and_restores_into_either_engine(pg_server, pg_database, make_app, tmp_path):
    store = Store.open(pg_database)
    app_id = store.create(make_app(**{"basic.area": "12.5"}))
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 9000)  # > 2 chunks of evidence
    store.attach_evidence(app_id, "list:enterprises", scan)
    other = psycopg.connect(host=str(pg_server.dir), port=pg_server.port, user="postgres",
                            dbname=pg_database.rsplit("/", 1)[1])
    other.execute("UPDATE app_values SET value = '\"uncommitted\"' WHERE key = 'basic.area'")
    backup = store.backup(tmp_path / "backup.sqlite")
    other.rollback()
    other.close()
    with Store.open(backup) as copy:  # a SQLite file any PC can open
        doc = copy.get(app_id)
        assert doc["values"]["basic.area"] == "12.5"
        assert b"".join(copy.iter_evidence(doc["evidence"][0]["sha256"])) == scan.read_bytes()
        copy.set_value(app_id, "basic.area", "from the file")
    store.set_value(app_id, "basic.area", "later on the server")
    safety = store.restore(backup)  # the edited file back onto the server
    assert store.get(app_id)["values"]["basic.area"] == "from the file"
    assert safety.parent == tmp_path and safety.name.startswith("backup.before-restore-")
    with Store.open(safety) as before:
        assert before.get(app_id)["values"]["basic.area"] == "later on the server"
    # Ids go on after the restored rows (PostgreSQL sequences are not rows).
    assert store.set_value(app_id, "basic.area", "after restore").revision > max(e.id for e in store.history(app_id)[:-1])
    store.close()
