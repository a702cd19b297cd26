"""Printed follow-up documents (A4, the form's bundled fonts and styles): the yearly report
(年度培育情况信息表, with its check) and the 复核 report. reportlab is imported on use only."""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.follow import metrics as mt
from core.follow.annual_check import PROGRESS_LABELS, VERDICT_LABELS, AnnualCheck
from core.follow.annual_form import AnnualForm, FigureField
from core.follow.register import Cluster
from core.follow.review import Review
from core.numbers import fmt


def _doc(title: str, header: str, story_fn) -> tuple[bytes, list[str]]:
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from core.pdf.document import NumberedCanvas
    from core.pdf.fonts import FONT, TextGuard, draw_string
    from core.pdf.styles import FRAME_H, FRAME_W, GREY, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W

    guard = TextGuard()
    head = guard.clean(header)

    def on_page(canv, doc) -> None:
        canv.saveState()
        canv.setFont(FONT, 8)
        canv.setFillColor(GREY)
        draw_string(canv, MARGIN_X, PAGE_H - 12 * mm, head, FONT, 8)
        canv.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=guard.clean(title),
                          creator="集群申报助手 cluster-declare", invariant=1, initialFontName=FONT)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story_fn(guard), canvasmaker=NumberedCanvas)
    return buf.getvalue(), guard.warnings()


def _table(guard, rows: list[list[Any]], widths: list[float], header: bool = True):
    from reportlab.platypus import Table, TableStyle

    from core.pdf.fonts import paragraph
    from core.pdf.styles import GRID, LABEL_BG, MIN_SPLIT, TABLE_FONT, styles

    st = styles()
    cells = [[c if not isinstance(c, str) else paragraph(guard.markup(c), st["head_c" if header and i == 0 else "small"])
              for c in row] for i, row in enumerate(rows)]
    t = Table(cells, colWidths=widths, repeatRows=1 if header else 0, splitInRow=MIN_SPLIT)
    style = [TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), LABEL_BG))
    t.setStyle(TableStyle(style))
    return t


def _p(guard, text: str, style: str = "body"):
    from core.pdf.fonts import paragraph
    from core.pdf.styles import styles

    return paragraph(guard.markup(text), styles()[style])


def _identity(guard, cluster: Cluster) -> list:
    from core.pdf.styles import FRAME_W

    rec = cluster.recognition
    rows = [["集群名称", rec.name], ["编号", rec.number or rec.app_id[:8]],
            ["认定名单", rec.list_name], ["认定日期", rec.recognized_on],
            ["有效期至", f"{rec.valid_until}（{cluster.rules.validity.citation}）"]]
    return [_table(guard, rows, [FRAME_W * 0.22, FRAME_W * 0.78], header=False)]


def figure_text(f: FigureField, raw: Any) -> str:
    if raw in (None, ""):
        return "（未填写）"
    if f.metric.kind == "standards":
        total = mt.standards_total(raw)
        return f"{fmt(total, 0)}项"
    try:
        return f"{fmt(Decimal(str(raw)), f.metric.decimals)}{f.metric.unit}"
    except ArithmeticError:
        return str(raw)


def annual_pdf(cluster: Cluster, year: int, form: AnnualForm, figures: list[FigureField],
               check: AnnualCheck) -> tuple[bytes, list[str]]:
    report = cluster.report(year)
    values = report.values if report else {}
    title = f"{cluster.rules.report_title}（{year}年度）"

    def story(guard) -> list:
        from reportlab.platypus import Spacer

        from core.pdf.styles import FRAME_W

        out = [_p(guard, title, "h1_c"), *_identity(guard, cluster),
               _p(guard, f"报送期限：{cluster.rules.report_due(year).isoformat()}前（{cluster.rules.report.citation}）"
                  + (f"；已于 {report.submitted_on} 报送" if report and report.submitted_on else "；尚未报送"), "small"),
               _p(guard, form.layout_note, "note"), Spacer(1, 6)]
        for s in form.sections:
            out += [_p(guard, s.label, "h2"), _p(guard, values.get(s.key) or "（未填写）", "plan")]
        out += [_p(guard, form.figures_title, "h2"), _p(guard, form.figures_note, "note")]
        rows = [["项目", "单位", f"{year}年", "用于"]]
        rows += [[f.metric.label, f.metric.unit or "—", figure_text(f, values.get(f.key)), f.why] for f in figures]
        out.append(_table(guard, rows, [FRAME_W * 0.5, FRAME_W * 0.14, FRAME_W * 0.18, FRAME_W * 0.18]))
        out += _check_story(guard, check)
        return out

    return _doc(title, f"{title}　{cluster.recognition.name}", story)


def _check_story(guard, check: AnnualCheck, numbers: tuple[str, str] = ("六", "七")) -> list:
    from core.pdf.styles import FRAME_W

    out = [_p(guard, f"{numbers[0]}、按认定标准检查（{check.year}年数据）：{VERDICT_LABELS[check.verdict]}", "h2")]
    rows = [["指标", "认定标准", "结果", "说明"]]
    for c in check.criteria:
        note = c.message + ("；" + "；".join(c.gaps) if c.gaps else "")
        rows.append([c.indicator, c.title, c.outcome_label, note])
    out.append(_table(guard, rows, [FRAME_W * 0.2, FRAME_W * 0.24, FRAME_W * 0.12, FRAME_W * 0.44]))
    if check.missing:
        out.append(_p(guard, "尚未填写：" + "、".join(check.missing), "small"))
    out.append(_p(guard, f"{numbers[1]}、发展目标进展", "h2"))
    if check.targets:
        rows = [["发展目标", "进展"]] + [[f"{p.target.label}（{p.target.year}年 {p.target.target_text}）",
                                      f"{PROGRESS_LABELS[p.status]}：{p.text}"] for p in check.targets]
        out.append(_table(guard, rows, [FRAME_W * 0.4, FRAME_W * 0.6]))
    else:
        out.append(_p(guard, "没有在本年度或以后考核的已确认发展目标。", "small"))
    return out


def review_pdf(rv: Review) -> tuple[bytes, list[str]]:
    cluster = rv.cluster
    title = "中小企业特色产业集群复核报告"

    def story(guard) -> list:
        from core.pdf.styles import FRAME_W

        out = [_p(guard, title, "h1_c"), *_identity(guard, cluster),
               _p(guard, f"复核依据：{cluster.rules.review.citation}　{cluster.rules.review.text}", "small"),
               _p(guard, f"复核日期：{rv.on.isoformat()}　结论：{rv.verdict_label}", "h2")]
        if rv.reasons:
            out.append(_p(guard, "理由：" + "；".join(rv.reasons), "body"))
        out.append(_p(guard, "一、三年发展规划目标完成情况", "h2"))
        if rv.targets:
            rows = [["发展目标", "目标", "实际", "结果"]]
            for p in rv.targets:
                t = p.target
                actual = "无数据" if p.actual is None else f"{fmt(p.actual, t.decimals)}{t.unit}"
                rows.append([t.label, f"{t.year}年 {t.target_text}", actual, PROGRESS_LABELS[p.status]])
            out.append(_table(guard, rows, [FRAME_W * 0.46, FRAME_W * 0.2, FRAME_W * 0.18, FRAME_W * 0.16]))
        else:
            out.append(_p(guard, "没有确认的发展目标。", "small"))
        if rv.check is not None:
            out += _check_story(guard, rv.check, ("二", ""))[:2]  # the criteria table on the latest year
        out.append(_p(guard, "三、撤销认定的情形", "h2"))
        if rv.revocations:
            rows = [["情形", "日期", "依据"]] + [[r.what, r.when, r.citation] for r in rv.revocations]
            out.append(_table(guard, rows, [FRAME_W * 0.5, FRAME_W * 0.16, FRAME_W * 0.34]))
        else:
            out.append(_p(guard, "未记录撤销认定的情形（事故、违法违规、未报备的重大变动、未按时报送年度培育情况）。", "small"))
        events = [e for e in cluster.events if not e.revokes]
        if events:
            out.append(_p(guard, "已报备的重大变动及其他事件", "h3"))
            rows = [["事件", "日期", "报备"]] + [[f"{e.kind_label}：{e.description}", e.happened_on,
                                                e.reported_on or "未报备"] for e in events]
            out.append(_table(guard, rows, [FRAME_W * 0.6, FRAME_W * 0.2, FRAME_W * 0.2]))
        return out

    return _doc(title, f"{title}　{cluster.recognition.name}", story)


def write_pdf(data: bytes, path: str | os.PathLike) -> Path:
    from core.pdf import write_pdf_bytes

    return write_pdf_bytes(data, path)
