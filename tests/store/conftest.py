"""Fixtures for the store tests: real SQLite files in tmp_path and real PostgreSQL databases (the
``store_url`` / ``engine_name`` fixtures of tests/conftest.py)."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import inspect, text

from core.application import Application
from core.store import Store
from core.store import database as db


def make_app(name: str = "上海市闵行区测试产业集群", campaign: int = 2023, **values) -> Application:
    return Application(form="SH-FORM", campaign=campaign, jurisdiction="SH", rules=f"SH-{campaign}", name=name,
                       values=dict(values))


@pytest.fixture(name="make_app")
def make_app_fixture():
    return make_app


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture
def app_id(store):
    return store.create(make_app(**{"basic.area": "12.5"}))


def build_first_revision(where, revision: str = "0001"):
    """A database (SQLite file or server URL) migrated to ``revision`` (default the first), with
    data in every table of the first schema, written with plain SQL of that schema."""
    target = db.resolve(where)
    engine = db.make_engine(target, readonly=False, busy_timeout_ms=1000)
    if target.is_sqlite:
        db.enable_wal(engine)
    db.migrate(engine, revision)
    content = b"evidence content " * 100
    sha = hashlib.sha256(content).hexdigest()
    at = "2023-05-01T08:00:00.000000+00:00"
    values = {"basic.area": "12.5", "industry.output_total": {"2020": "1", "2021": "2", "2022": "3"},
              "basic.main_products": None}
    with engine.begin() as conn:
        cols = [c["name"] for c in inspect(conn).get_columns("applications")]
        assert ("ui_state" in cols) == (revision != "0001")  # really that schema
        conn.execute(text(
            "INSERT INTO applications (id, name, jurisdiction, campaign, rules, form, form_version, "
            "format_version, status, created, changed, deleted_at, extra) VALUES "
            "(:id, :name, 'SH', 2023, 'SH-2023', 'SH-FORM', 1, 1, 'pending_review', :at, :at, NULL, '{}')"),
            {"id": "a" * 32, "name": "旧库中的集群", "at": at})
        conn.execute(text("INSERT INTO app_values (app_id, key, value) VALUES (:a, :k, :v)"),
                     [{"a": "a" * 32, "k": k, "v": json.dumps(v, ensure_ascii=False)} for k, v in values.items()])
        conn.execute(text("INSERT INTO app_lists (app_id, name, rows) VALUES (:a, 'enterprises', :r)"),
                     {"a": "a" * 32, "r": '[{"name": "甲公司"}]'})
        conn.execute(text("INSERT INTO evidence_blobs (sha256, size, stored) VALUES (:s, :n, :at)"),
                     {"s": sha, "n": len(content), "at": at})
        conn.execute(text("INSERT INTO evidence_chunks (sha256, seq, data) VALUES (:s, 0, :d)"),
                     {"s": sha, "d": content})
        conn.execute(text("INSERT INTO attachments (app_id, target, name, sha256, size, attached) "
                          "VALUES (:a, 'list:enterprises', '名单.pdf', :s, :n, :at)"),
                     {"a": "a" * 32, "s": sha, "n": len(content), "at": at})
        history = text('INSERT INTO history (app_id, at, "user", action, kind, field, old, new) '
                       "VALUES (:a, :at, '张三', :action, :kind, :field, NULL, :new)")
        conn.execute(history, {"a": "a" * 32, "at": at, "action": "create", "kind": "app", "field": None, "new": None})
        conn.execute(history, {"a": "a" * 32, "at": at, "action": "edit", "kind": "value", "field": "basic.area",
                               "new": '"12.5"'})
    engine.dispose()
    return values, content


@pytest.fixture(name="build_first_revision")
def build_first_revision_fixture():
    return build_first_revision
