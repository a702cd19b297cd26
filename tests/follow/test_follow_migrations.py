"""Revision 0006 (the register's tables): upgrades from every earlier revision keep the data."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from core.follow.register import Register
from core.store import Store
from core.store import database as db
from tests.store.conftest import build_first_revision, make_app


def test_revisions_listed_in_order():
    assert db.REVISIONS[-1] == "0006" and db.script_revisions() == list(db.REVISIONS)


@pytest.mark.parametrize("revision", [r for r in db.REVISIONS if r != db.HEAD])
def test_upgrade_from_every_earlier_revision(tmp_path, revision):
    path = tmp_path / "old.sqlite"
    values, _ = build_first_revision(path)  # at 0001, with data in every table
    engine = db.make_engine(db.resolve(path), readonly=False, busy_timeout_ms=1000)
    db.migrate(engine, revision)
    engine.dispose()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "follow_recognitions" not in tables
    conn.close()
    with Store.open(path) as store:
        assert store.get("a" * 32)["values"] == values
        reg = Register(store)
        rec = reg.recognize("a" * 32, date(2023, 11, 20), "上海市2023年市级中小企业特色产业集群名单")
        assert rec.valid_until == "2026-11-19"
        reg.new_annual("a" * 32, 2023)
        reg.add_event("a" * 32, "area", "2024-01-01", "范围调整")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0006"
    assert conn.execute("SELECT count(*) FROM follow_annual").fetchone()[0] == 1
    conn.close()


def test_downgrade_removes_only_the_new_tables(tmp_path):
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "d.sqlite"
    with Store.open(path) as store:
        store.create(make_app())
    engine = db.make_engine(db.resolve(path), readonly=False, busy_timeout_ms=1000)
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.commit()
    engine.dispose()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert not {t for t in tables if t.startswith("follow_")} and "receipts" in tables
