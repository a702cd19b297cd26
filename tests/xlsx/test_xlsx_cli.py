"""The headless commands: preview without --yes, apply with it; files and the store."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from core.cli.main import main
from core.paths import resource

from .helpers import firm, list_workbook

SAMPLE = str(resource("samples", "sample-application.json"))


def test_export_import_round_trip_through_files(tmp_path, capsys):
    out = tmp_path / "s.xlsx"
    assert main(["xlsx-export", SAMPLE, "-o", str(out)]) == 0
    app = tmp_path / "new.json"
    assert main(["xlsx-import", str(out), "-o", str(app)]) == 0
    assert "以上为预览，未做任何修改" in capsys.readouterr().out and not app.exists()
    assert main(["xlsx-import", str(out), "-o", str(app), "--yes"]) == 0
    assert json.loads(app.read_text())["values"] == json.loads(Path(SAMPLE).read_text(encoding="utf-8"))["values"]
    assert main(["xlsx-template", "--rules", "GZ-2024", "-o", str(tmp_path / "gz.xlsx")]) == 0
    capsys.readouterr()
    assert main(["xlsx-import", str(tmp_path / "gz.xlsx"), "-o", str(app)]) == 2
    assert "错误：" in capsys.readouterr().err


def test_store_import_and_list_import(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    assert main(["import", SAMPLE, "--db", db]) == 0
    app_id = json.loads(Path(SAMPLE).read_text(encoding="utf-8"))["uuid"]
    out = tmp_path / "s.xlsx"
    assert main(["xlsx-export", app_id, "--db", db, "-o", str(out)]) == 0
    wb = load_workbook(out)
    wb["封面"]["D3"].value = "浦东新区"
    wb.save(out)
    capsys.readouterr()
    assert main(["xlsx-import", str(out), "--db", db, "--into", app_id]) == 0
    assert "所属区［「封面」第 3 行］：闵行区 → 浦东新区" in capsys.readouterr().out
    assert main(["xlsx-import", str(out), "--db", db, "--into", app_id, "--yes"]) == 0
    lst = list_workbook(tmp_path / "l.xlsx", [firm(i) for i in range(3)])
    capsys.readouterr()
    assert main(["list-import", str(lst), "--list", "enterprises", app_id, "--db", db]) == 0
    text = capsys.readouterr().out
    assert "集群企业数量：清单 3家，填报 145家（不一致）" in text
    assert main(["list-import", str(lst), "--list", "enterprises", app_id, "--db", db, "--yes"]) == 0
    from core.store import Store

    with Store.open(db) as store:
        app = store.load(app_id)
    assert app.values["cover.district"] == "浦东新区" and len(app.lists["enterprises"]) == 3
    capsys.readouterr()
    assert main(["check", app_id, "--db", db, "--format", "json"]) in (0, 1)
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert {"LIST.firms", "LIST.smes"} <= rules
