"""Builders for test workbooks: real .xlsx files written to tmp_path."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from core.creditcode import check_character

ENTERPRISE_HEADERS = ["企业名称", "统一社会信用代码", "所属行业", "从业人员(人)", "营业收入(万元)", "资产总额(万元)",
                      "中小企业", "专精特新", "小巨人", "单项冠军", "高新技术", "创新型", "链主"]


def code(i: int, region: str = "91310000") -> str:
    body = f"{region}{i:09d}"
    return body + check_character(body)


def firm(i: int, employees=280, revenue=5000, sme="是", **marks) -> list:
    row = [f"测试企业{i}", code(i), "计算机、通信和其他电子设备制造业", employees, revenue, revenue * 2, sme]
    return row + [marks.get(k, "否") for k in ("srdi", "little_giant", "champion", "high_tech", "innovative",
                                               "chain_leader")]


def list_workbook(path: Path, rows: list[list], headers=ENTERPRISE_HEADERS, title: str | None = "集群企业清单",
                  sheet: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def cache_formula_results(path: Path, value: str) -> None:
    """Give every formula a cached result, as Excel does when it saves (openpyxl never does)."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v\s*/>|(</f>)<v></v>", b"</f><v>" + value.encode() + b"</v>", data)
            zout.writestr(name, data)
