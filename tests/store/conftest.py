"""Fixtures for the store tests: real SQLite files in tmp_path and real PostgreSQL databases (the
``store_url`` / ``engine_name`` fixtures of tests/conftest.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

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


def build_first_revision(path):
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


@pytest.fixture(name="build_first_revision")
def build_first_revision_fixture():
    return build_first_revision
