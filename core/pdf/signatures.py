"""Section 九: the 真实性声明 and the district's 推荐意见, for ink signature and round stamp.

Each is one ruled row (label | text and signature lines) that prints inside the whole form or
alone on its own page. The signature lines come from the form definition (``signature`` of the
field); a line is pre-filled with the value of the field whose label it names (申报单位 →
basic.applicant, 单位负责人 → declaration.signatory, 推荐单位 → recommendation.unit). A 公章 line
opens a blank area of ``STAMP_ROOM`` (45 mm) down to the date, where the round stamp goes.
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from core.form import FieldDef
from core.pdf.context import Ctx
from core.pdf.fonts import paragraph
from core.pdf.styles import FRAME_W, GRID, LABEL_BG, STAMP_ROOM, TABLE_FONT
from core.rules.applications import form_title

DATE_LINE = "年" + "&nbsp;" * 8 + "月" + "&nbsp;" * 8 + "日" + "&nbsp;" * 4  # blanks to write the date in
LABEL_W = 32 * mm
LINE_H = 20  # leading of the "sign" style


def _declaration_fields(ctx: Ctx) -> list[FieldDef]:
    sec = next(s for s in ctx.form.sections if any(f.signature for f in s.fields))
    return [f for f in sec.fields if f.signature and ctx.printed(f)]


def _named_field(ctx: Ctx, signature: str, home: FieldDef) -> FieldDef | None:
    """The field a signature line names: "申报单位(公章)" → the field labelled 申报单位."""
    name = re.split(r"[（(]", signature, maxsplit=1)[0].strip()
    same_section = [f for f in ctx.form.fields.values() if f.section == home.section and f.label == name]
    anywhere = [f for f in ctx.form.fields.values() if f.label == name and f.type == "text"]
    return (same_section or anywhere or [None])[0]


def _signature_cell(ctx: Ctx, fd: FieldDef) -> list:
    st = ctx.st
    cell: list = []
    if fd.type == "fixed":
        cell.append(ctx.p(fd.text, "statement"))
    else:
        text = ctx.value(fd.key) or ""
        paras = [p.strip() for p in str(text).replace("\r\n", "\n").split("\n") if p.strip()]
        cell += [ctx.p(p, "statement", ctx.where(fd)) for p in paras]
        if not paras:
            cell.append(Spacer(1, 40 * mm))  # room to write the opinion by hand
    cell.append(Spacer(1, 10 * mm))
    stamped = False
    for sig in fd.signature:
        named = _named_field(ctx, sig, fd)
        value = ctx.value(named.key) if named else None
        if "签字" in sig:
            line = f"{ctx.m(sig)}：<u>{'&nbsp;' * 40}</u>"
            cell.append(Paragraph(line, st["sign"]))
            if value:
                cell.append(ctx.p(f"（{named.label}：{value}）", "note", ctx.where(named)))
            cell.append(Spacer(1, 8 * mm))
        else:
            cell.append(paragraph(f"{ctx.m(sig)}：{ctx.m(value or '', ctx.where(named) if named else '')}", st["sign"]))
            stamped = True
    # The stamp area: from the 公章 line down to the date, at least STAMP_ROOM tall.
    cell.append(Spacer(1, STAMP_ROOM - 2 * LINE_H if stamped else 6 * mm))
    cell.append(Paragraph(DATE_LINE, st["sign_r"]))
    return cell


def _row_table(ctx: Ctx, fields: list[FieldDef]) -> Table:
    rows = [[ctx.p(fd.label, "label_c"), _signature_cell(ctx, fd)] for fd in fields]
    t = Table(rows, colWidths=[LABEL_W, FRAME_W - LABEL_W])
    t.setStyle(TableStyle([
        TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("VALIGN", (0, 0), (0, -1), "MIDDLE"), ("VALIGN", (1, 0), (1, -1), "TOP"),
        ("LEFTPADDING", (1, 0), (1, -1), 10), ("RIGHTPADDING", (1, 0), (1, -1), 14),
        ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
    ]))
    return t


def declaration_section(ctx: Ctx) -> list:
    """Section 九 as it appears in the whole form: both rows under the section heading."""
    fields = _declaration_fields(ctx)
    sec = ctx.form.section(fields[0].section)
    return [paragraph(ctx.m(f"{sec.number}、{sec.title}"), ctx.st["h1"]), _row_table(ctx, fields)]


def _identity(ctx: Ctx) -> list:
    """Which application the loose page belongs to (it is printed, signed and filed alone)."""
    out = []
    for key in ("basic.cluster_name", "basic.applicant"):
        fd = ctx.form.fields.get(key)
        if fd and ctx.value(key):
            out.append(paragraph(f"{ctx.m(fd.label)}：{ctx.m(ctx.value(key), ctx.where(fd))}", ctx.st["body"]))
    return out


def single_page(ctx: Ctx, which: str) -> list:
    """The 真实性声明 (``which="declaration"``) or the 推荐意见 (``"recommendation"``) alone."""
    fields = _declaration_fields(ctx)
    fd = fields[0] if which == "declaration" else fields[-1]
    return [
        paragraph(ctx.m(form_title(ctx.app)), ctx.st["h1_c"]),
        paragraph(ctx.m(fd.label), ctx.st["h1_c"]),
        *_identity(ctx),
        Spacer(1, 6 * mm),
        _row_table(ctx, [fd]),
    ]
