"""编号: a per-campaign number assigned at creation, never reused; old databases get one at upgrade;
receipts table created by the upgrade."""

from __future__ import annotations

import sqlite3

from core.store import Store


def test_numbers_per_campaign_never_reused(store_url, tmp_path, make_app):
    with Store.open(store_url) as store:
        a = store.create(make_app())
        b = store.create(make_app())
        c = store.create(make_app(campaign=2024))
        assert [store.number(x) for x in (a, b, c)] == ["2023-001", "2023-002", "2024-001"]
        store.delete(b)
        d = store.duplicate(a)
        assert store.number(d) == "2023-003"  # 002 stays with the deleted one
        e = store.import_json(_export(store, a, tmp_path), on_conflict="copy")
        assert store.number(e) == "2023-004"
        assert store.resolve_id("2023-003") == d  # the CLI takes the number as an id
        assert {s.number for s in store.list_applications(search="2024-")} == {"2024-001"}
        summary = next(s for s in store.list_applications() if s.id == a)
        assert summary.region == "上海" and summary.exported_at is None


def _export(store, app_id, tmp_path):
    return store.export_json(app_id, tmp_path / "a.json")


def test_upgrade_numbers_existing_rows_and_adds_receipts(tmp_path, build_first_revision, make_app):
    path = tmp_path / "old.sqlite"
    build_first_revision(path)
    conn = sqlite3.connect(path)
    with conn:  # a second, later application of another campaign and one of the same
        for app_id, campaign, created in (("b" * 32, 2024, "2023-06-01"), ("c" * 32, 2023, "2023-07-01")):
            conn.execute("INSERT INTO applications VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         (app_id, "", "SH", campaign, f"SH-{campaign}", "SH-FORM", 1, 1, "draft", created,
                          created, None, "{}"))
    conn.close()
    with Store.open(path) as store:
        assert [store.number(x) for x in ("a" * 32, "b" * 32, "c" * 32)] == ["2023-001", "2024-001", "2023-002"]
        assert store.number(store.create(make_app())) == "2023-003"
        assert store.receipts("a" * 32) == []
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert {"receipts", "app_numbers"} <= tables
