"""Applications, values, lists, status, deletion, UI state: what the GUI calls on every commit."""

from __future__ import annotations

import getpass
import sqlite3

import pytest

from core.errors import UserError
from core.store import Store, StoreError
from core.store import database as db


@pytest.mark.parametrize("engine_name", ["sqlite"])  # WAL and PRAGMAs: SQLite file settings
def test_new_database_is_wal_with_foreign_keys_and_full_sync(store, db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.BUSY_TIMEOUT_MS


def test_create_and_get_round_trip(store, make_app):
    app = make_app(**{"basic.area": "12.5", "industry.output_total": {"2020": "30.5", "2021": "31", "2022": "33"}})
    app_id = store.create(app)
    assert app_id == app.uuid
    doc = store.get(app_id)
    assert doc["format"] == "cluster-declare.application"
    assert doc["values"] == app.values
    assert doc["name"] == "上海市闵行区测试产业集群"
    assert doc["status"] == "draft"
    assert doc["created"] and doc["changed"]
    assert store.load(app_id).values == app.values


def test_create_refuses_duplicate_id(store, make_app):
    app = make_app()
    store.create(app)
    with pytest.raises(StoreError, match="已有编号"):
        store.create(app)


def test_set_value_commits_and_records_history(store, app_id, store_url):
    assert store.set_value(app_id, "basic.area", "13.0").changed is True
    # Another connection (as after a crash) sees the committed value.
    other = Store.open(store_url)
    assert other.get(app_id)["values"]["basic.area"] == "13.0"
    other.close()
    last = store.history(app_id)[-1]
    assert (last.action, last.kind, last.field, last.old, last.new) == ("edit", "value", "basic.area", "12.5", "13.0")
    assert last.user == getpass.getuser()  # the history names who made the edit


def test_unchanged_value_is_a_no_op(store, app_id):
    before = len(store.history(app_id))
    changed_before = store.get(app_id)["changed"]
    assert store.set_value(app_id, "basic.area", "12.5").changed is False
    assert len(store.history(app_id)) == before
    assert store.get(app_id)["changed"] == changed_before


def test_true_and_one_are_different_values(store, app_id):
    store.set_value(app_id, "industry.output_total", {"2020": 1})
    assert store.set_value(app_id, "industry.output_total", {"2020": 1.5}).changed is True
    assert store.set_value(app_id, "industry.output_total", {"2020": "1.5"}).changed is True


def test_null_is_stored_and_distinct_from_absent(store, app_id):
    assert store.set_value(app_id, "basic.main_products", None).changed is True
    assert store.get(app_id)["values"]["basic.main_products"] is None
    entry = store.history(app_id)[-1]
    assert entry.old_present is False and entry.new_present is True


def test_set_values_is_one_transaction(store, app_id):
    with pytest.raises(UserError, match="nonexistent.key"):
        store.set_values(app_id, {"basic.applicant": "促进中心", "nonexistent.key": "x"})
    assert "basic.applicant" not in store.get(app_id)["values"]
    assert store.set_values(app_id, {"basic.applicant": "促进中心", "basic.area": "12.5"}) == 1


def test_values_are_checked_against_the_form(store, app_id):
    with pytest.raises(UserError, match="basic.restricted_industry"):
        store.set_value(app_id, "basic.restricted_industry", "maybe")
    with pytest.raises(UserError, match="2019"):
        store.set_value(app_id, "industry.output_total", {"2019": "1"})
    # Aliases are stored in canonical form, as in a JSON file.
    store.set_value(app_id, "basic.violations", "否")
    assert store.get(app_id)["values"]["basic.violations"] == "no"


def test_replace_list(store, app_id):
    rows = [{"name": "甲公司", "credit_code": "91310000MA1FL0000X", "sme": True}]
    assert store.replace_list(app_id, "enterprises", rows) is True
    assert store.replace_list(app_id, "enterprises", rows) is False
    assert store.get(app_id)["lists"]["enterprises"] == rows
    with pytest.raises(UserError, match="未知清单"):
        store.replace_list(app_id, "nonsense", rows)
    with pytest.raises(UserError, match="每行"):
        store.replace_list(app_id, "enterprises", ["x"])


def test_status_and_meta(store, app_id):
    assert store.set_status(app_id, "pending_review") is True
    assert store.set_status(app_id, "pending_review") is False
    with pytest.raises(UserError, match="状态"):
        store.set_status(app_id, "approved")
    store.set_meta(app_id, name="新名称")
    doc = store.get(app_id)
    assert (doc["status"], doc["name"]) == ("pending_review", "新名称")
    with pytest.raises(StoreError, match="申报年度"):
        store.set_meta(app_id, rules="SH-2024")
    kinds = [(e.action, e.field) for e in store.history(app_id)[-2:]]
    assert kinds == [("status", "status"), ("edit", "name")]


def test_list_search_and_display_name(store, make_app):
    a = store.create(make_app(name="闵行传感器集群"))
    b = store.create(make_app(name="", **{"basic.cluster_name": "嘉定汽车集群"}))
    store.set_value(a, "basic.area", "1")  # a changed last: listed first
    names = [s.name for s in store.list_applications()]
    assert names == ["闵行传感器集群", "嘉定汽车集群"]
    assert [s.id for s in store.list_applications("汽车")] == [b]
    assert [s.id for s in store.list_applications(a[:6])] == [a]
    assert store.list_applications("100%_") == []
    assert store.list_applications()[0].status_label == "草稿"


def test_delete_and_undelete(store, app_id):
    store.delete(app_id)
    assert store.list_applications() == []
    assert [s.id for s in store.list_applications(only_deleted=True)] == [app_id]
    with pytest.raises(StoreError, match="已被删除"):
        store.set_value(app_id, "basic.area", "1")
    assert store.get(app_id)["values"]["basic.area"] == "12.5"  # still readable
    store.undelete(app_id)
    assert [s.id for s in store.list_applications()] == [app_id]
    assert [e.action for e in store.history(app_id)[-2:]] == ["delete", "undelete"]


def test_ui_state_is_kept_but_not_history(store, app_id):
    assert store.get_ui_state(app_id) == {}
    before = len(store.history(app_id))
    store.set_ui_state(app_id, {"page": "industry", "scroll": 120})
    assert store.get_ui_state(app_id) == {"page": "industry", "scroll": 120}
    assert len(store.history(app_id)) == before


def test_id_prefix_and_unknown_id(store, app_id):
    assert store.get(app_id[:6])["uuid"] == app_id
    store.set_value(app_id[:6], "basic.area", "99")
    assert store.history(app_id)[-1].new == "99"
    with pytest.raises(StoreError, match="没有编号"):
        store.get("ffffffffff")


def test_default_location_and_env_override(tmp_path, monkeypatch, make_app):
    monkeypatch.setenv("CLUSTER_DECLARE_HOME", str(tmp_path / "home"))
    with Store.open() as s:
        assert s.path == tmp_path / "home" / "cluster-declare.sqlite"
        s.create(make_app())
    assert (tmp_path / "home" / "cluster-declare.sqlite").is_file()


def test_sqlalchemy_url(tmp_path, make_app):
    with Store.open(f"sqlite:///{tmp_path / 'url.sqlite'}") as s:
        app_id = s.create(make_app())
    with Store.open(tmp_path / "url.sqlite") as s:
        assert s.get(app_id)["uuid"] == app_id


def test_in_memory_database(make_app):
    with Store.open("sqlite://") as s:
        app_id = s.create(make_app())
        s.set_value(app_id, "basic.area", "1")
        assert s.get(app_id)["values"]["basic.area"] == "1"


def test_record_event_with_status(store, app_id):
    store.record_event(app_id, "export", {"package": "包.zip", "sha256": "ab" * 32}, status="exported")
    entries = store.history(app_id)[-2:]
    assert [(e.action, e.kind) for e in entries] == [("export", "app"), ("status", "meta")]
    assert entries[0].new == {"package": "包.zip", "sha256": "ab" * 32}
    assert store.get(app_id)["status"] == "exported"
    with pytest.raises(StoreError, match="事件名称"):
        store.record_event(app_id, "create")
