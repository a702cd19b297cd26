"""The documents of the outgoing package: the 推荐汇总表 (rows, PDF blocks, Excel) and the 推荐函
(from the template resources/desk/letter.yaml, with the office's name)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.desk.compare import detail_for
from core.form.loader import read_yaml
from core.paths import resource

KEY_FIGURES = 4  # numeric criteria shown per cluster in the summary, in rule order
HEAD = ["名次", "受理编号", "集群名称", "申报单位", "主要指标", "程序自评", "推荐理由"]


def summary_rows(places) -> list[dict[str, Any]]:
    rows = []
    for place, sub, reason in places:
        detail = [d for d in detail_for(sub) if d.get("value") is not None and d.get("found")]
        figures = "；".join(f"{d['title']}：{d['found']}" for d in detail[:KEY_FIGURES])
        values = (sub.document or {}).get("values") or {}
        rows.append({"place": place, "number": sub.number, "cluster": sub.cluster_name,
                     "applicant": str(values.get("basic.applicant") or sub.sender or ""),
                     "district": str(values.get("cover.district") or ""), "figures": figures,
                     "verdict": sub.verdict_label, "reason": reason})
    return rows


def _cells(r: dict[str, Any]) -> list[str]:
    return [str(r["place"]), r["number"], r["cluster"], r["applicant"], r["figures"], r["verdict"], r["reason"]]


def summary_blocks(rs, office: str, rows: list[dict[str, Any]], today: dt.date) -> list:
    return [
        ("h1_c", f"{rs.name}推荐汇总表"),
        ("p", f"推荐单位：{office}　　推荐数量：{len(rows)} 个　　日期：{today.isoformat()}"),
        ("space", 2),
        ("table", [HEAD] + [_cells(r) for r in rows], [10, 22, 40, 32, 60, 14, 45]),
        ("pagebreak",),
        ("h1_c", "推荐汇总表签署页"),
        ("p", f"本表共列推荐集群 {len(rows)} 个，按推荐顺序排列。推荐单位：{office}。"),
        ("p", "本页下方为推荐单位的数字签名；各集群的报送包原样附在上报包中，可逐一校验。"),
    ]


def write_summary_xlsx(path: Path, rs, office: str, rows: list[dict[str, Any]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "推荐汇总表"
    ws.append([f"{rs.name}推荐汇总表（推荐单位：{office}）"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(HEAD)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([r["place"], *_cells(r)[1:]])
    for col, width in zip("ABCDEFG", (6, 14, 34, 28, 60, 10, 40), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)
    return path


def letter_template() -> dict[str, Any]:
    return read_yaml(resource("desk", "letter.yaml"))


def letter_blocks(rs, office: str, rows: list[dict[str, Any]], today: dt.date,
                  template: dict[str, Any] | None = None) -> list:
    tpl = template or letter_template()
    clusters = "\n".join(f"{r['place']}. {r['cluster']}（{r['applicant']}，受理编号 {r['number']}）" for r in rows)
    fields = {"office": office, "recipient": tpl.get("recipient", ""), "campaign_name": rs.name,
              "document": rs.document, "document_title": rs.name + "申报通知", "count": len(rows),
              "clusters": clusters, "date": f"{today.year}年{today.month}月{today.day}日"}
    blocks: list = [("h1_c", tpl["title"].format(**fields)), ("space", 4), ("p", f"{fields['recipient']}：")]
    for para in tpl.get("paragraphs") or []:
        blocks.append(("statement", str(para).format(**fields)))
    blocks += [("space", 20), ("sign_r", str(tpl.get("closing", "{office}")).format(**fields)),
               ("sign_r", fields["date"])]
    return blocks
