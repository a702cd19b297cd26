"""Regenerate the hostile-input corpus: ``.venv/bin/python tests/corpus/build.py``.

Each file is small and made by hand from an empty application or a fresh workbook, so what is
hostile about it is the one thing it changes. ``cases.json`` (kept by hand) says what every
command must answer for each file; tests/core/test_cli_corpus.py runs them.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))


def empty() -> dict:
    from core.rules.applications import new_application

    doc = new_application("SH-2023").to_json()
    doc.update(uuid="c0ffee00c0ffee00c0ffee00c0ffee00", created=None, changed=None, name="语料样例")
    return doc


def with_values(**values) -> dict:
    doc = empty()
    doc["values"].update({k.replace("__", "."): v for k, v in values.items()})
    return doc


def with_lists(lists: dict) -> dict:
    doc = empty()
    doc["lists"] = lists
    return doc


FIRM = {"name": "甲公司", "credit_code": "91310000MA1FL0XX1X", "industry": "制造业", "employees": 12,
        "revenue": "300", "sme": True}


def nested(depth: int) -> dict:
    node: dict = {}
    for _ in range(depth):
        node = {"a": node}
    return node


def applications() -> dict[str, object]:
    """name → JSON document (or raw text/bytes for files that are not JSON at all)."""
    out: dict[str, object] = {
        "platform-names-number": with_values(innovation__platforms_national={"count": 1, "names": 5}),
        "platform-count-object": with_values(innovation__platforms_national={"count": {"n": 1}}),
        "platform-extra-key": with_values(innovation__platforms_national={"count": 1, "level": "国家"}),
        "yesno-one": with_values(basic__restricted_industry=1),
        "yesno-zero": with_values(basic__incidents=0),
        "yesno-na-not-allowed": with_values(basic__restricted_industry="na"),
        "choice-selected-list": with_values(basic__industry_field={"selected": ["a"]}),
        "choice-text-number": with_values(basic__industry_field={"selected": None, "text": 7}),
        "checks-selected-number": with_values(industry__chain_work={"selected": 5}),
        "checks-texts-list": with_values(industry__chain_work={"selected": [], "texts": ["x"]}),
        "series-cell-object": with_values(industry__output_total={"2020": {"v": 1}}),
        "series-cell-bool": with_values(industry__output_total={"2020": True}),
        "series-wrong-year": with_values(industry__output_total={"1999": "1"}),
        "standards-cell-list": with_values(innovation__standards={"2020": {"national": {"lead": [1]}}}),
        "number-as-list": with_values(basic__area=[1, 2]),
        "number-bool": with_values(basic__area=False),
        "text-as-number": with_values(cover__district=12),
        "fixed-filled": with_values(declaration__statement="改了"),
        "unknown-field": with_values(basic__no_such_field="x"),
        "unknown-list": with_lists({"bogus": []}),
        "list-unknown-column": with_lists({"enterprises": [{**FIRM, "nickname": "甲"}]}),
        "list-cell-text-count": with_lists({"enterprises": [{**FIRM, "employees": "十二"}]}),
        "list-cell-huge": with_lists({"enterprises": [{**FIRM, "employees": 1e300}]}),
        "list-mark-one": with_lists({"enterprises": [{**FIRM, "sme": 1}]}),
        "list-level-word": with_lists({"standards": [{"title": "某标准", "level": "国家", "role": "lead",
                                                      "year": 2021}]}),
        "list-row-not-object": with_lists({"enterprises": [1]}),
        "newer-form-version": {**empty(), "form_version": 99},
        "campaign-far-future": {**empty(), "campaign": 2200},
        "newer-format-version": {**empty(), "format_version": 2},
        "wrong-format": {**empty(), "format": "something-else"},
        "top-level-array": [empty()],
        "deep-50": with_values(innovation__platforms_national=nested(50)),
        "deep-list-200": with_lists({"enterprises": [{**FIRM, "name": nested(200)}]}),
        "evidence-unknown-target": {**empty(), "evidence": [{"target": "basic.nosuch", "name": "a.pdf",
                                                             "sha256": "0" * 64}]},
        "evidence-bad-hash": {**empty(), "evidence": [{"target": "basic.area", "name": "a.pdf", "sha256": "xyz"}]},
    }
    out["deep-5000"] = "[" * 5000 + "]" * 5000
    out["not-utf8"] = json.dumps(with_values(cover__district="闵行区"), ensure_ascii=False).encode("gbk")
    out["truncated"] = json.dumps(empty())[:-40]
    out["empty-file"] = ""
    base = json.dumps(with_values(industry__output_total={"2020": 1}), ensure_ascii=False)
    out["number-infinity"] = base.replace('"2020": 1', '"2020": 1e999')
    out["number-nan"] = base.replace('"2020": 1', '"2020": NaN')
    # Accepted at the door (numbers as typed), found by the rules: a format error, not a crash.
    out["number-1e300"] = with_values(industry__output_total={"2020": 1e300, "2021": "1e300", "2022": 10 ** 40})
    out["number-huge-text"] = with_values(basic__area="1" + "0" * 400)
    return out


def write_applications() -> None:
    folder = HERE / "app"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, doc in applications().items():
        path = folder / f"{name}.json"
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        elif isinstance(doc, str):
            path.write_text(doc, encoding="utf-8")
        else:
            indent = None if name.startswith("deep") else 1  # 200 levels of indentation is 40 kB
            path.write_text(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")


def list_book(path: Path, header: list, rows: list[list], *, merge: str | None = None) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "集群企业清单"
    ws.append(header)
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)


def write_workbooks() -> None:
    folder = HERE / "xlsx"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    header = ["企业名称", "统一社会信用代码", "所属行业", "从业人员(人)", "营业收入(万元)", "中小企业"]
    firm = ["甲公司", "91310000MA1FL0XX1X", "制造业", 12, 300, "是"]
    list_book(folder / "list-1e300.xlsx", header, [firm[:3] + [1e300, 1e300, "是"]])
    list_book(folder / "list-huge-int.xlsx", header, [firm[:3] + [10 ** 30, 10 ** 30, "是"]])
    list_book(folder / "list-negative.xlsx", header, [firm[:3] + [-3, 300, "是"]])
    list_book(folder / "list-mark-word.xlsx", header, [firm[:5] + ["也许"]])
    list_book(folder / "list-no-header.xlsx", ["甲", "乙"], [["1", "2"]])
    list_book(folder / "list-merged.xlsx", header, [firm, firm], merge="A2:A3")
    list_book(folder / "list-formula.xlsx", header, [firm[:3] + ["=1/0", 300, "是"]])
    (folder / "random-bytes.xlsx").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.xlsx").write_bytes(b"")
    with zipfile.ZipFile(folder / "zip-not-workbook.xlsx", "w") as zf:
        zf.writestr("hello.txt", "不是工作簿")
    good = folder / "list-1e300.xlsx"
    (folder / "truncated.xlsx").write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    # The form workbook with a number far too large, and with text in a number cell.
    from core.application import Application
    from core.xlsx.form_export import export_form

    app = Application.from_json(empty())
    export_form(app, folder / "form-template.xlsx", template=True)
    _form_cell(folder / "form-template.xlsx", folder / "form-1e300.xlsx", 1e300)
    _form_cell(folder / "form-template.xlsx", folder / "form-text-number.xlsx", "很多")
    (folder / "form-template.xlsx").unlink()


def _form_cell(src: Path, dest: Path, value) -> None:
    """Put ``value`` into the first year cell of 集群总产值 in the form workbook."""
    import openpyxl

    from core.xlsx.meta import META_SHEET

    wb = openpyxl.load_workbook(src)
    for ws in wb.worksheets:
        if ws.title == META_SHEET:
            continue
        for row in ws.iter_rows():
            if any(isinstance(c.value, str) and "集群总产值" in c.value for c in row):
                target = next(c for c in row if c.column > 3 and c.protection.locked is False)
                target.value = value
                wb.save(dest)
                return
    raise SystemExit("集群总产值 row not found")


def write_packages() -> None:
    folder = HERE / "pkg"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "random-bytes.zip").write_bytes(b"PK\x03\x04" + bytes(range(200)))
    with zipfile.ZipFile(folder / "no-manifest.zip", "w") as zf:
        zf.writestr("application.json", "{}")
    with zipfile.ZipFile(folder / "manifest-not-json.zip", "w") as zf:
        zf.writestr("manifest.json", "{这不是 JSON")
        zf.writestr("manifest.json.p7s", b"\x00")
    with zipfile.ZipFile(folder / "manifest-deep.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "[" * 5000 + "]" * 5000)
        zf.writestr("manifest.json.p7s", b"\x00")
    with zipfile.ZipFile(folder / "manifest-array.zip", "w") as zf:
        zf.writestr("manifest.json", "[1, 2]")
        zf.writestr("manifest.json.p7s", b"\x00")
    with zipfile.ZipFile(folder / "path-traversal.zip", "w") as zf:
        zf.writestr("../../evil.txt", "x")
        zf.writestr("manifest.json", "{}")
    (folder / "empty.zip").write_bytes(b"")


def write_databases() -> None:
    folder = HERE / "db"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "not-sqlite.sqlite").write_bytes(b"hello, this is not a database\n" * 20)
    (folder / "empty.sqlite").write_bytes(b"")
    conn = sqlite3.connect(folder / "foreign.sqlite")
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()
    good = (folder / "foreign.sqlite").read_bytes()
    (folder / "truncated.sqlite").write_bytes(good[:100])


if __name__ == "__main__":
    write_applications()
    write_workbooks()
    write_packages()
    write_databases()
    print(f"corpus written to {HERE}")
