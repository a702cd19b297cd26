"""Appendix 自评结果: verdicts under the chosen rule set, the chart, and the evidence catalogue.

Every verdict and measured value comes from ``core.rules.evaluate``, every 还差 sentence, 余量 and
临界 mark from its gap views (core.rules.gap_view); nothing is computed or worded here.
"""

from __future__ import annotations

from collections import OrderedDict

from reportlab.lib import colors
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from core import palette
from core.chart import VERDICT_COLOURS, chart_model
from core.pdf.chart_drawing import chart_drawing
from core.pdf.context import Ctx
from core.pdf.styles import FRAME_W, GRID, LABEL_BG, TABLE_FONT
from core.rules.gap_view import GapViews, critical_reason, views_for
from core.rules.model import (
    NOT_MET,
    OUTCOME_LABELS,
    SEVERITY_LABELS,
    UNKNOWN,
    VERDICT_LABELS,
    Report,
    RuleSet,
    indicator_title,
)

SMALL_TABLE = [
    TABLE_FONT,
    ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
]


def _tint(hex_colour: str) -> colors.Color:
    c = colors.HexColor(hex_colour)
    return colors.Color(0.85 + c.red * 0.15, 0.85 + c.green * 0.15, 0.85 + c.blue * 0.15)


def _found_cell(ctx: Ctx, res, view) -> list:
    """The measured value, then (smaller) the 还差 sentences of a criterion not met, or its 余量."""
    out = [ctx.p(res.found or "未填写", "small", "自评结果")]
    if view is None:
        return out
    if res.outcome == NOT_MET and view.changes:
        out.append(ctx.p("\n".join(f"还差：{line}" for line in view.shown), "note", "自评结果"))
    elif res.outcome == NOT_MET and view.lines:
        out.append(ctx.p(view.lines[0], "note", "自评结果"))
    elif view.room:
        out.append(ctx.p(view.room + ("（临界）" if view.critical else ""), "note", "自评结果"))
    return out


def verdict_table(ctx: Ctx, report: Report, rs: RuleSet, views: GapViews | None = None) -> Table:
    p = ctx.p
    rows = [[p(h, "head_c") for h in ("认定标准", "标准要求", "按填报数据", "结果")]]
    cmds: list[tuple] = []
    for i, verdict in sorted(report.indicators.items()):
        n = len(rows)
        rows.append([p(f"{indicator_title(i, rs.indicator_names)}　　结论：{VERDICT_LABELS[verdict]}", "h3"), "", "", ""])
        cmds += [("SPAN", (0, n), (-1, n)), ("BACKGROUND", (0, n), (-1, n), _tint(VERDICT_COLOURS[verdict]))]
        for res in report.criteria:
            if res.rule.indicator != i:
                continue
            title = res.rule.title + ("（一般性要求）" if res.rule.soft else "")
            view = views.get(res.rule.id) if views is not None else None
            label = OUTCOME_LABELS.get(res.outcome, "")
            if view is not None and view.critical:  # 达到 / （临界） on two lines: the column is narrow
                label = f"{label}\n（临界）"
            rows.append([p(title, "small", "自评结果"), p(res.expected, "small", "自评结果"),
                         _found_cell(ctx, res, view), p(label, "label_c")])
            colour = view.colour if view is not None and view.critical else (
                palette.OUTCOME[res.outcome] if res.outcome in (NOT_MET, UNKNOWN) else None)
            if colour:  # the outcome's colour, as on the screen
                cmds.append(("TEXTCOLOR", (3, len(rows) - 1), (3, len(rows) - 1), colors.HexColor(colour)))
    w = FRAME_W
    t = Table(rows, colWidths=[w * 0.30, w * 0.18, w * 0.42, w * 0.10], repeatRows=1)
    t.setStyle(TableStyle(SMALL_TABLE + cmds))
    return t


def findings_table(ctx: Ctx, report: Report, rs: RuleSet) -> Table | None:
    if not report.findings:
        return None
    rows = [[ctx.p(h, "head_c") for h in ("序号", "级别", "栏目", "问题", "依据")]]
    for n, f in enumerate(report.findings, 1):
        rows.append([ctx.p(str(n), "label_c"), ctx.p(SEVERITY_LABELS[f.severity], "small"),
                     ctx.p(indicator_title(f.indicator, rs.indicator_names), "small"),
                     ctx.p(f.message, "small", "自评结果"), ctx.p(f.citation, "small", "自评结果")])
    w = FRAME_W
    t = Table(rows, colWidths=[w * 0.07, w * 0.08, w * 0.20, w * 0.43, w * 0.22], repeatRows=1)
    t.setStyle(TableStyle(SMALL_TABLE))
    return t


def _size(n: int | None) -> str:
    if n is None:
        return ""
    if n < 1024:
        return f"{n} 字节"
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def target_label(ctx: Ctx, target: str) -> str:
    """"industry.chain_work:map" → 二、集群已开展的产业链强链补链工作：绘制产业链图谱…"""
    if target.startswith("list:"):
        return ctx.form.lists.get(target[5:], target[5:])
    key, _, option = target.partition(":")
    fd = ctx.form.fields.get(key)
    if fd is None:
        return target
    text = f"{fd.section_number}、{fd.label}"
    opt = fd.option(option) if option else None
    return f"{text}：{opt.label}" if opt else text


def evidence_flowables(ctx: Ctx) -> list:
    """佐证材料目录: each file once (name, size, SHA-256), then which file supports which item."""
    files: OrderedDict[tuple[str, str], dict] = OrderedDict()
    for ev in ctx.app.evidence:
        entry = files.setdefault((ev.get("sha256") or "", ev.get("name") or ""), {"ev": ev, "n": 0})
        entry["n"] += 1
    if not files:
        return [ctx.p("（未附佐证材料）", "body")]
    number = {key: n for n, key in enumerate(files, 1)}
    rows = [[ctx.p(h, "head_c") for h in ("序号", "文件名", "大小", "SHA-256", "证明栏目")]]
    for (sha, name), entry in files.items():
        rows.append([ctx.p(str(number[(sha, name)]), "label_c"), ctx.p(name, "small", "佐证材料目录"),
                     ctx.p(_size(entry["ev"].get("size")), "small"), ctx.p(sha, "mono"),
                     ctx.p(f"{entry['n']} 项", "label_c")])
    w = FRAME_W
    files_table = Table(rows, colWidths=[w * 0.06, w * 0.22, w * 0.09, w * 0.52, w * 0.11], repeatRows=1)
    files_table.setStyle(TableStyle(SMALL_TABLE))
    rows = [[ctx.p(h, "head_c") for h in ("对应栏目", "佐证材料")]]
    for ev in ctx.app.evidence:
        key = (ev.get("sha256") or "", ev.get("name") or "")
        rows.append([ctx.p(target_label(ctx, ev.get("target", "")), "small", "佐证材料目录"),
                     ctx.p(f"{number[key]}. {key[1]}", "small", "佐证材料目录")])
    targets_table = Table(rows, colWidths=[w * 0.68, w * 0.32], repeatRows=1)
    targets_table.setStyle(TableStyle(SMALL_TABLE))
    return [files_table, Spacer(1, 8), Paragraph("栏目与佐证材料对应关系", ctx.st["h3"]), targets_table]


def appendix_flowables(ctx: Ctx, report: Report, rs: RuleSet) -> list:
    st = ctx.st
    out: list = [
        PageBreak(),
        Paragraph("附录　自评结果", st["h1_c"]),
        ctx.p(f"规则集：{rs.name}（{rs.id}）　依据：{rs.document}", "body"),
        ctx.p(f"总体结论：{VERDICT_LABELS[report.verdict]}（基本条件和八方面专项指标均符合时为“符合”）", "body"),
    ]
    if rs.partial:
        out.append(ctx.p("本规则集仅含部分指标的数值标准，其余指标按填报完整性判断。", "note"))
    out += [ctx.p(n, "note") for n in rs.notes]
    views = views_for(ctx.app, rs.id)
    out += [Spacer(1, 6), verdict_table(ctx, report, rs, views)]
    if any(v.critical for v in views.views.values()):
        out.append(ctx.p("注：" + critical_reason(rs.critical_margin), "note"))
    out += [Spacer(1, 10), Paragraph("各项量化标准与阈值的距离", st["h2"])]
    chart = chart_model(report, FRAME_W, FRAME_W * 0.56, views)
    out.append(chart_drawing(chart, ctx.guard))
    findings = findings_table(ctx, report, rs)
    if findings is not None:
        out += [Paragraph(f"问题清单（共 {len(report.findings)} 条）", st["h2"]), findings]
    out += [Paragraph("佐证材料目录", st["h2"]), *evidence_flowables(ctx)]
    return out
