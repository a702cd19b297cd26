"""CLI of sealing: receipts, reopen --reason, status, and the list's 编号 / region / export time."""

from __future__ import annotations

import json

from core.cli.main import main
from core.paths import resource
from core.store import Store
from core.store.seal import data_hash

SAMPLE = resource("samples", "sample-application.json")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _sealed(db: str) -> str:
    with Store.open(db) as store:
        app_id = store.import_json(SAMPLE)
        store.record_export(app_id, path="/tmp/包.zip", sha256="ab" * 32, certificate_sha256="cd" * 32,
                            signer="上海市闵行区经济委员会", data_sha256=data_hash(store.get(app_id)), size=1234)
    return app_id


def test_receipts_reopen_and_list(capsys, tmp_path):
    db = str(tmp_path / "cli.sqlite")
    app_id = _sealed(db)
    code, out, err = run(capsys, "list", "--db", db)
    assert code == 0, err
    header, row = out.splitlines()[:2]
    assert header.split()[:4] == ["编号", "ID", "年度", "地区"]
    assert row.split()[:4] == ["2023-001", app_id[:8], "2023", "上海"] and "已导出" in row
    assert "SH-2023" in row  # the rule set stays, but the region is named
    code, out, err = run(capsys, "receipts", "2023-001", "--db", db)
    assert code == 0, err
    assert "ab" * 32 in out and "cd" * 32 in out and "上海市闵行区经济委员会" in out and "/tmp/包.zip" in out
    code, out, _ = run(capsys, "receipts", app_id[:8], "--db", db, "--format", "json")
    assert [r["sha256"] for r in json.loads(out)] == ["ab" * 32]

    code, out, err = run(capsys, "import", str(SAMPLE), "--replace", "--db", db)
    assert code == 2 and "已封存" in err and "reopen" in err
    code, out, err = run(capsys, "status", "2023-001", "draft", "--db", db)
    assert code == 2 and "重新打开" in err
    code, out, err = run(capsys, "reopen", "2023-001", "--reason", "短", "--db", db)
    assert code == 2 and "至少 4 个字" in err
    code, out, err = run(capsys, "reopen", "2023-001", "--reason", "区局退回补充数据", "--db", db)
    assert code == 0, err
    assert "ab" * 32 in out and "草稿" in out
    code, out, _ = run(capsys, "history", "2023-001", "--db", db)
    assert "重新打开  理由：区局退回补充数据；原报送包 SHA-256 abababababab…" in out
    assert "更改状态  状态：已导出 → 草稿" in out
    code, out, _ = run(capsys, "status", "2023-001", "--db", db)
    assert "状态：草稿" in out and "待审核（pending_review）" in out and "已导出" not in out
    code, out, err = run(capsys, "status", "2023-001", "pending_review", "--db", db)
    assert code == 0 and "状态：待审核" in out


def test_import_and_copy_name_the_number_and_history_reads_as_the_window(capsys, tmp_path):
    """The 编号 the list shows is the one import and copy print; the CLI's history rows are the
    history window's (core/store/history_text.describe), with the field key added."""
    from core.store.history_text import describe

    db = str(tmp_path / "cli.sqlite")
    code, out, err = run(capsys, "import", str(SAMPLE), "--db", db)
    assert code == 0, err
    assert "编号 2023-001（ID " in out
    code, out, err = run(capsys, "copy", "2023-001", "--db", db)
    assert code == 0 and "编号 2023-002（ID " in out, err
    with Store.open(db) as store:
        doc = store.get("2023-001")
        store.set_value(doc["uuid"], "basic.area", "13.5")
        entries = store.history(doc["uuid"])
        form = doc["form"]
    from core.form import load_form

    expected = describe(entries[-1], load_form(form))
    code, out, _ = run(capsys, "history", "2023-001", "--db", db)
    assert f"{expected.what}（basic.area）：{expected.old} → {expected.new}" in out
