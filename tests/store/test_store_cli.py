"""The store's headless commands end to end: list, history, import, export-json, backup, restore."""

from __future__ import annotations

import json

import pytest

from core.cli.main import main
from core.paths import resource
from core.store import Store

SAMPLE = resource("samples", "sample-application.json")
SAMPLE_ID = json.loads(SAMPLE.read_text(encoding="utf-8"))["uuid"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(store_url):
    """The commands on a SQLite file and on a PostgreSQL server (``--db URL``)."""
    return str(store_url)


def test_import_list_history_export(capsys, db, tmp_path):
    code, out, err = run(capsys, "import", str(SAMPLE), "--db", db)
    assert code == 0, err
    assert SAMPLE_ID in out and "已导入" in out
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0
    assert SAMPLE_ID[:8] in out and "上海市闵行区智能传感器产业集群" in out and "草稿" in out
    code, out, _ = run(capsys, "list", "--db", db, "--format", "json")
    listed = json.loads(out)
    assert [a["id"] for a in listed] == [SAMPLE_ID] and listed[0]["status"] == "draft"

    with Store.open(db) as s:
        s.set_status(SAMPLE_ID, "pending_review")
        s.set_value(SAMPLE_ID, "basic.area", "13.00")
    code, out, _ = run(capsys, "history", SAMPLE_ID[:8], "--db", db)
    assert "更改状态  状态：草稿 → 待审核" in out
    assert code == 0
    assert "导入  来自文件 sample-application.json" in out
    assert "集群占地面积（basic.area）：12.80 → 13.00" in out
    code, out, _ = run(capsys, "history", SAMPLE_ID[:8], "--db", db, "--format", "json", "--limit", "1")
    assert [(e["field"], e["old"], e["new"]) for e in json.loads(out)] == [("basic.area", "12.80", "13.00")]

    dest = tmp_path / "导出" / "申请.json"
    dest.parent.mkdir()
    code, out, err = run(capsys, "export-json", SAMPLE_ID[:8], "--db", db, "-o", str(dest))
    assert code == 0, err
    exported = json.loads(dest.read_text(encoding="utf-8"))
    assert exported["values"]["basic.area"] == "13.00"
    for e in exported["evidence"]:
        assert (dest.parent / e["file"]).is_file()
    # ... and it imports into another database, evidence included.
    other = str(tmp_path / "other.sqlite")
    assert run(capsys, "import", str(dest), "--db", other)[0] == 0
    with Store.open(other) as s:
        assert len(s.get(SAMPLE_ID)["evidence"]) == len(exported["evidence"])


def test_import_twice_explains_the_options(capsys, db):
    assert run(capsys, "import", str(SAMPLE), "--db", db)[0] == 0
    code, out, err = run(capsys, "import", str(SAMPLE), "--db", db)
    assert code == 2 and "--replace" in err and "Traceback" not in err
    assert run(capsys, "import", str(SAMPLE), "--db", db, "--copy")[0] == 0
    _, out, _ = run(capsys, "list", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 2


def test_db_from_environment(capsys, db, monkeypatch):
    monkeypatch.setenv("CLUSTER_DECLARE_DB", db)
    assert run(capsys, "import", str(SAMPLE))[0] == 0
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0 and json.loads(out)[0]["id"] == SAMPLE_ID
    with Store.open(db) as s:
        assert s.get(SAMPLE_ID)


def test_backup_and_restore(capsys, db, tmp_path):
    run(capsys, "import", str(SAMPLE), "--db", db)
    backup = tmp_path / "backup.sqlite"
    code, out, err = run(capsys, "backup", str(backup), "--db", db)
    assert code == 0 and backup.is_file(), err
    with Store.open(db) as s:
        s.set_value(SAMPLE_ID, "basic.area", "99")
    code, out, err = run(capsys, "restore", str(backup), "--db", db)
    assert code == 0, err
    assert "恢复前的数据已保存在" in out
    with Store.open(db) as s:
        assert s.get(SAMPLE_ID)["values"]["basic.area"] == "12.80"


def test_errors_are_messages_not_tracebacks(capsys, db, tmp_path):
    code, _, err = run(capsys, "list", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 2 and "不存在" in err
    run(capsys, "import", str(SAMPLE), "--db", db)
    code, _, err = run(capsys, "history", "ffff", "--db", db)
    assert code == 2 and "没有编号" in err
    junk = tmp_path / "junk.sqlite"
    junk.write_text("garbage")
    code, _, err = run(capsys, "list", "--db", str(junk))
    assert code == 2 and "已损坏" in err and "Traceback" not in err
    code, _, err = run(capsys, "restore", str(junk), "--db", db)
    assert code == 2 and "junk.sqlite" in err
    code, _, err = run(capsys, "export-json", SAMPLE_ID, "--db", db, "-o", str(tmp_path / "no" / "x.json"))
    assert code == 2 and "文件夹不存在" in err


def test_empty_list(capsys, db):
    Store.open(db).close()
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0 and "还没有申请" in out
