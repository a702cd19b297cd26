"""The cover page and sections 一 to 八 of the 申报表, built from the form definition.

A section is printed as a stack of ruled tables of the same width that meet edge to edge, so
it reads as one table: rows with one value per year use a four-column grid under a 年度 header;
every other row is label | value and may split across pages (reportlab splits a row only where
no cell spans columns, hence separate tables rather than one with spans).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from core.form import FieldDef, SectionDef
from core.form.kinds import kind_of
from core.pdf.cells import label_flowables, series_texts, standards_table, value_flowables
from core.pdf.context import Ctx
from core.pdf.fonts import paragraph
from core.pdf.styles import FRAME_W, GRID, LABEL_BG, MIN_SPLIT, TABLE_FONT
from core.rules.applications import form_title

LABEL_W = FRAME_W * 0.30
REST_W = FRAME_W - LABEL_W
PAD = 4
# 联系人 | … | 联系方式 | … : two short text fields with short labels share one row.
PAIR_LABEL_MAX, PAIR_CHARS_MAX = 4, 40


class _Block:
    def __init__(self, kind: str, widths: list[float], split: bool) -> None:
        self.kind, self.widths, self.split = kind, widths, split
        self.rows: list[list] = []
        self.cmds: list[tuple] = []

    def add(self, row: list, *cmds: tuple) -> int:
        self.rows.append(row)
        n = len(self.rows) - 1
        self.cmds += [tuple(c[:1]) + tuple((a, n + b) for a, b in c[1:3]) + tuple(c[3:]) for c in cmds]
        return n

    def table(self) -> Table:
        t = Table(self.rows, colWidths=self.widths, splitInRow=MIN_SPLIT if self.split else 0)
        t.setStyle(TableStyle([
            TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *self.cmds,
        ]))
        return t


def _bg(col: int, row: int = 0, col2: int | None = None) -> tuple:
    return ("BACKGROUND", (col, row), (col if col2 is None else col2, row), LABEL_BG)


class SectionBuilder:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.blocks: list[_Block] = []

    def _block(self, kind: str) -> _Block:
        if not self.blocks or self.blocks[-1].kind != kind:
            widths = {
                "wide": [LABEL_W, REST_W],
                "grid": [LABEL_W] + [REST_W / 3] * 3,
                "group": [LABEL_W * 0.55, LABEL_W * 0.45 + REST_W * 0.30, REST_W * 0.70],
            }[kind]
            self.blocks.append(_Block(kind, widths, split=kind == "wide"))
        return self.blocks[-1]

    def wide(self, fd: FieldDef) -> None:
        if kind_of(fd).pdf_layout == "table":
            value = [standards_table(self.ctx, fd, REST_W - 2 * PAD)]
        else:
            value = value_flowables(self.ctx, fd)
        self._block("wide").add([label_flowables(self.ctx, fd), value], _bg(0))

    def series(self, fd: FieldDef, header: bool) -> None:
        b = self._block("grid")
        ctx = self.ctx
        if header or not b.rows:
            b.add([ctx.p("年度", "head_c")] + [ctx.p(f"{y}年", "head_c") for y in ctx.years], _bg(0, 0, -1))
        cells = [ctx.p(v, "label_c", ctx.where(fd)) for v in series_texts(ctx, fd)]
        b.add([label_flowables(ctx, fd), *cells], _bg(0))

    def pair(self, a: FieldDef, b: FieldDef) -> None:
        blk = self._block("grid")
        blk.add([label_flowables(self.ctx, a), value_flowables(self.ctx, a),
                 label_flowables(self.ctx, b), value_flowables(self.ctx, b)], _bg(0), _bg(2))

    def group(self, fields: list[FieldDef]) -> None:
        b = self._block("group")
        first = len(b.rows)
        for fd in fields:
            b.add(["", label_flowables(self.ctx, fd), value_flowables(self.ctx, fd)], _bg(0), _bg(1))
        b.rows[first][0] = self.ctx.p(fields[0].group, "label")
        b.cmds.append(("SPAN", (0, first), (0, len(b.rows) - 1)))

    def flowables(self) -> list:
        return [b.table() for b in self.blocks]


def _pairable(a: FieldDef, b: FieldDef | None) -> bool:
    return (b is not None and a.type == b.type and kind_of(a).pairable and not a.group and not b.group
            and len(a.label) <= PAIR_LABEL_MAX and len(b.label) <= PAIR_LABEL_MAX
            and (a.max_chars or 999) <= PAIR_CHARS_MAX and (b.max_chars or 999) <= PAIR_CHARS_MAX
            and not a.supplementary and not b.supplementary)


def section_flowables(ctx: Ctx, sec: SectionDef) -> list:
    """One of sections 一 to 七 as ruled tables with the official row labels."""
    fields = [ctx.form.fields[k] for k in sec.layout
              if kind_of(ctx.form.fields[k]).in_sections and ctx.printed(ctx.form.fields[k])]
    sb = SectionBuilder(ctx)
    i, prev_series = 0, False
    while i < len(fields):
        fd = fields[i]
        nxt = fields[i + 1] if i + 1 < len(fields) else None
        if fd.group:
            run = [fd]
            while i + len(run) < len(fields) and fields[i + len(run)].group == fd.group:
                run.append(fields[i + len(run)])
            sb.group(run)
            i += len(run)
            prev_series = False
            continue
        if kind_of(fd).pdf_layout == "series":
            sb.series(fd, header=not prev_series)
            prev_series = True
        elif _pairable(fd, nxt):
            sb.pair(fd, nxt)
            i += 1
            prev_series = False
        else:
            sb.wide(fd)
            prev_series = False
        i += 1
    heading = paragraph(ctx.m(f"{sec.number}、{sec.title}"), ctx.st["h1"])
    return [heading, *sb.flowables()]  # h1 keeps with next: never alone at a page foot


def plan_flowables(ctx: Ctx, sec: SectionDef) -> list:
    """Section 八: the development plan under its outline headings, one ruled cell per part."""
    rows, cmds = [], []
    current_group = None
    limit = f"（{sec.char_limit}字以内）" if sec.char_limit else ""
    for key in sec.layout:
        fd = ctx.form.fields[key]
        if not ctx.printed(fd):
            continue
        cell: list = []
        if fd.group and fd.group != current_group:
            current_group = fd.group
            cell.append(ctx.p(fd.group, "h2"))
        cell.append(ctx.p(fd.label, "h3" if fd.group else "h2"))
        if fd.hint:
            cell.append(ctx.p(fd.hint, "note"))
        text = ctx.value(key) or ""
        for para in [p for p in str(text).replace("\r\n", "\n").split("\n") if p.strip()]:
            cell.append(ctx.p(para.strip(), "plan", ctx.where(fd)))
        if not text:
            cell.append(Spacer(1, 30 * mm))  # room to write by hand on a blank form
        rows.append([cell])
    table = Table(rows, colWidths=[FRAME_W], splitInRow=MIN_SPLIT)
    table.setStyle(TableStyle([
        TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 8), *cmds,
    ]))
    heading = paragraph(ctx.m(f"{sec.number}、{sec.title}") + (f'<font size="10.5">{limit}</font>' if limit else ""),
                        ctx.st["h1"])
    return [heading, table]


def cover_flowables(ctx: Ctx, sec: SectionDef, issuer: str) -> list:
    """The cover: title, the six lines of the cover filled in, and the issuing body's "… 制"."""
    st = ctx.st
    labels = dict(sec.refs)
    rows = []
    for key in sec.layout:
        fd = ctx.form.fields[key]
        label = labels.get(key) or fd.label
        value = ctx.value(key) or ""
        cell = [ctx.p(value, "sign", ctx.where(fd))] if value else [Spacer(1, 14)]
        if not value and fd.hint:
            cell.append(ctx.p(fd.hint, "note"))
        rows.append([ctx.p(f"{label}：", "sign_r"), cell])
    table = Table(rows, colWidths=[FRAME_W * 0.38, FRAME_W * 0.52], hAlign="CENTER")
    table.setStyle(TableStyle([
        TABLE_FONT, ("LINEBELOW", (1, 0), (1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 14), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [
        Spacer(1, 45 * mm),
        paragraph(ctx.m(form_title(ctx.app)), st["title"]),
        Spacer(1, 35 * mm),
        table,
        Spacer(1, 50 * mm),
        paragraph(ctx.m(f"{issuer}　制"), st["cover_issuer"]),
        PageBreak(),
    ]
