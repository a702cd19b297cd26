"""The register out of the program: JSON (everything, as stored) and Excel (one sheet per kind, plus
the yearly overview the office reports upward). Whole-database backups carry the register too
(core/store/transfer.py copies every table)."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.follow.annual_check import PROGRESS_LABELS, progress
from core.follow.printout import figure_text
from core.follow.register import Cluster, Register
from core.follow.targets import DIRECTION_LABELS
from core.messages import follow as M

FORMAT = "cluster-declare-follow-up"
FORMAT_VERSION = 1


def register_json(register: Register, refs: list[str] | None = None) -> dict[str, Any]:
    ids = refs if refs is not None else [r.app_id for r in register.recognitions()]
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "clusters": [register.cluster(i).to_json() for i in ids]}


def write_json(register: Register, path: str | os.PathLike, refs: list[str] | None = None) -> Path:
    from core.oserrors import os_reason, write_atomically

    data = json.dumps(register_json(register, refs), ensure_ascii=False, indent=2).encode("utf-8")
    try:
        write_atomically(Path(path), data)
    except OSError as exc:
        raise M.EXPORT_WRITE.error(path=path, reason=os_reason(exc)) from exc
    return Path(path)


def _sheet(wb, title: str, header: list[str], rows: list[list[Any]], widths: list[int]):
    from openpyxl.styles import Font

    from core.xlsx.cells import set_number, set_text

    ws = wb.create_sheet(title)
    for col, (h, w) in enumerate(zip(header, widths, strict=True), 1):
        set_text(ws.cell(1, col), h)
        ws.cell(1, col).font = Font(bold=True)
        ws.column_dimensions[ws.cell(1, col).column_letter].width = w
    for r, row in enumerate(rows, 2):
        for col, v in enumerate(row, 1):
            cell = ws.cell(r, col)
            if isinstance(v, tuple):  # (Decimal, places): a real number cell
                set_number(cell, v[0], v[1])
            elif isinstance(v, int) and not isinstance(v, bool):
                cell.value = v
            else:
                set_text(cell, None if v is None else str(v))
    ws.freeze_panes = "A2"
    return ws


def build_workbook(register: Register, refs: list[str] | None = None):
    from openpyxl import Workbook

    ids = refs if refs is not None else [r.app_id for r in register.recognitions()]
    clusters: list[Cluster] = [register.cluster(i) for i in ids]
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "已认定集群", ["编号", "集群名称", "认定名单", "认定日期", "有效期至", "规则集", "年度报送期限"],
           [[c.recognition.number, c.recognition.name, c.recognition.list_name, c.recognition.recognized_on,
             c.recognition.valid_until, c.recognition.rules, f"每年{c.rules.due_text}前（{c.rules.report.citation}）"]
            for c in clusters], [12, 36, 40, 12, 12, 10, 50])
    rows = []
    for c in clusters:
        for t in c.targets:
            rows.append([c.recognition.number, c.recognition.name, t.label, t.unit,
                         (t.baseline, t.decimals) if t.baseline is not None else None, (t.target, t.decimals),
                         t.year, DIRECTION_LABELS.get(t.direction, t.direction), "已确认" if t.confirmed else "待确认",
                         t.source])
    _sheet(wb, "发展目标", ["编号", "集群名称", "指标", "单位", "基数", "目标值", "目标年份", "方向", "状态", "出自"],
           rows, [12, 30, 40, 14, 12, 12, 10, 10, 8, 40])
    rows = []
    for c in clusters:
        figures = register.figure_fields(c)
        for r in c.reports:
            for s in register.annual_form.sections:
                rows.append([c.recognition.number, c.recognition.name, r.year, s.label, "", r.values.get(s.key) or "",
                             r.submitted_on or "未报送"])
            for f in figures:
                raw = r.values.get(f.key)
                value: Any = figure_text(f, raw) if f.metric.kind == "standards" or raw in (None, "") else (
                    Decimal(str(raw)), f.metric.decimals)
                rows.append([c.recognition.number, c.recognition.name, r.year, f.metric.label, f.metric.unit, value,
                             r.submitted_on or "未报送"])
    _sheet(wb, "年度培育情况", ["编号", "集群名称", "年度", "项目", "单位", "内容", "报送日期"], rows,
           [12, 30, 8, 44, 14, 40, 12])
    rows = [[c.recognition.number, c.recognition.name, e.kind_label, e.happened_on, e.description,
             e.reported_on or "未报备", "是" if e.revokes else "否"] for c in clusters for e in c.events]
    _sheet(wb, "重大变动及事件", ["编号", "集群名称", "类型", "日期", "内容", "报备日期", "构成撤销情形"], rows,
           [12, 30, 24, 12, 44, 12, 12])
    rows = []
    for c in clusters:
        for year in c.report_years:
            r = c.report(year)
            due = c.rules.report_due(year)
            counts: dict[str, int] = {}
            for p in progress(c, year) if r else ():
                counts[p.status] = counts.get(p.status, 0) + 1
            summary = "、".join(f"{PROGRESS_LABELS[k]} {n} 项" for k, n in counts.items()) or "—"
            rows.append([c.recognition.number, c.recognition.name, year, due.isoformat(),
                         (r.submitted_on if r and r.submitted_on else "未报送"), summary])
    _sheet(wb, "年度总览", ["编号", "集群名称", "报告年度", "报送期限", "报送日期", "发展目标进度"], rows,
           [12, 30, 10, 12, 12, 50])
    return wb


def write_xlsx(register: Register, path: str | os.PathLike, refs: list[str] | None = None) -> Path:
    from core.xlsx.form_export import save_workbook

    return save_workbook(build_workbook(register, refs), path)


def write_register(register: Register, path: str | os.PathLike, refs: list[str] | None = None) -> Path:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return write_json(register, path, refs)
    if suffix == ".xlsx":
        return write_xlsx(register, path, refs)
    raise M.EXPORT_FORMAT.error(path=path)


