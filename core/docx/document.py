"""Build the Word 申报表 from the form definition, in the order and layout the PDF uses (core/pdf):
the cover, sections 一–七 as ruled tables (one value per year under a 年度 header row, ☑/☐ for
choices, the standards matrix as a table in its cell), section 八 under its outline headings and
section 九's declaration and recommendation with signature lines and room for the round stamp.

The official layout only (no 【补充】 rows, no 自评结果 appendix): this is the document the city
collects. Every row comes from resources/forms (via ``app.local_form``) and the field kinds'
``pdf()`` parts; nothing here knows a field by name.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core.application import Application
from core.docx.fonts import FANGSONG, GREY, HEI, SONG, clean, set_fonts
from core.form import FieldDef, SectionDef
from core.form.kinds import COUNT_FIELD, PdfFill, PdfTicks, kind_of, number_text
from core.form.model import STANDARD_LEVELS, STANDARD_ROLES
from core.rules.applications import form_title

PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(20), Mm(18)
BODY_W = 170  # mm between the margins
LABEL_W = BODY_W * 0.30
LABEL_FILL = "EFEFEF"
TICKED, UNTICKED = "☑", "☐"
STAMP_LINES = 6  # empty 21 pt lines ≈ 45 mm: room for a 40–42 mm round 公章
DATE_LINE = "年" + "\u3000" * 3 + "月" + "\u3000" * 3 + "日" + "\u3000" * 2
INLINE_MAX_LABEL = 12  # as core/pdf/cells.py: short options side by side, long ones one per line


class _Doc:
    def __init__(self, app: Application):
        self.app = app
        self.form = app.local_form
        self.years = app.years
        self.doc = Document()
        self._setup()

    # -- page, styles --------------------------------------------------------------------------
    def _setup(self) -> None:
        sec = self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = PAGE_W, PAGE_H
        sec.left_margin = sec.right_margin = MARGIN_X
        sec.top_margin, sec.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        normal = self.doc.styles["Normal"]
        set_fonts(normal, SONG, 10.5)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.space_before = Pt(0)
        core = self.doc.core_properties
        core.title = clean(f"{form_title(self.app)} — {self.app.display_name}")
        core.author = clean(self.app.values.get("basic.applicant") or "")
        core.comments = "集群申报助手 cluster-declare"
        self._footer(sec)

    def _footer(self, sec) -> None:
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(p, "第 ", size=9)
        self._field(p, "PAGE")
        self._run(p, " 页　共 ", size=9)
        self._field(p, "NUMPAGES")
        self._run(p, " 页", size=9)

    def _field(self, p, code: str) -> None:
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), f" {code} ")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        p._p.append(fld)

    # -- text ----------------------------------------------------------------------------------
    @staticmethod
    def _run(p, text: str, east: str = SONG, size: float = 10.5, bold: bool = False, underline: bool = False,
             grey: bool = False):
        run = p.add_run(clean(text))
        set_fonts(run, east, size, bold)
        if underline:
            run.font.underline = True
        if grey:
            run.font.color.rgb = GREY
        return run

    @staticmethod
    def _para(where, align=None, first: bool = True):
        """A new paragraph in a document or cell (a new cell's empty first paragraph is used)."""
        paras = getattr(where, "paragraphs", None)
        if first and paras and len(paras) == 1 and not paras[0].text and not paras[0].runs \
                and not hasattr(where, "add_section"):
            p = paras[0]
        else:
            p = where.add_paragraph()
        if align is not None:
            p.alignment = align
        return p

    def text(self, where, text: str, east: str = SONG, size: float = 10.5, bold: bool = False, align=None,
             grey: bool = False, before: float = 0, after: float = 0):
        p = self._para(where, align)
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(before), Pt(after)
        if text:
            self._run(p, text, east, size, bold, grey=grey)
        return p

    def heading(self, text: str, center: bool = False, size: float = 14) -> None:
        p = self.text(self.doc, text, HEI, size, bold=False, before=10, after=6,
                      align=WD_ALIGN_PARAGRAPH.CENTER if center else None)
        p.paragraph_format.keep_with_next = True

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables --------------------------------------------------------------------------------
    def table(self, widths_mm: list[float], where=None, grid: bool = True):
        where = where if where is not None else self.doc
        t = where.add_table(rows=0, cols=len(widths_mm))
        if grid:
            t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        t._widths = [Mm(w) for w in widths_mm]  # applied to every row added
        for col, w in zip(t.columns, t._widths, strict=True):
            col.width = w  # the table grid: LibreOffice and WPS lay out by it
        return t

    @staticmethod
    def row(t, label_cols: tuple[int, ...] = (0,)):
        r = t.add_row()
        for c, w in zip(r.cells, t._widths, strict=True):
            c.width = w
            c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for c in label_cols:
            _shade(r.cells[c])
        return r.cells

    # -- a field -------------------------------------------------------------------------------
    def label(self, cell, fd: FieldDef, label: str | None = None) -> None:
        kind = kind_of(fd)
        text = (label or fd.label) + (f"（{fd.display_unit}）" if fd.display_unit else "")
        if kind.long_text and fd.max_chars:
            text += f"（{fd.max_chars}字以内）"
        self.text(cell, text, SONG, 10.5)
        for extra in (fd.hint if kind.long_text else None, fd.note):
            if extra:
                self.text(cell, extra, SONG, 8, grey=True)

    def value(self, cell, fd: FieldDef) -> None:
        for part in kind_of(fd).pdf(fd, self.app.values.get(fd.key), self.form):
            if isinstance(part, PdfTicks):
                self._ticks(cell, list(part.items))
            elif isinstance(part, PdfFill):
                for prefix, text, suffix, underline in part.lines:
                    p = self._para(cell)
                    self._run(p, prefix)
                    self._run(p, f" {text} " if text else "\u3000" * 4, underline=underline)
                    self._run(p, suffix)
            else:
                note = part.style == "note"
                for line in _lines(part.text) or [""]:
                    self.text(cell, line, SONG, 8 if note else 10.5, grey=note)

    def _ticks(self, cell, items: list[tuple[bool, str, str | None]]) -> None:
        short = all(len(lab) <= INLINE_MAX_LABEL and len(ex or "") <= 24 for _, lab, ex in items)
        if short:
            p = self._para(cell)
            for n, (ticked, label, extra) in enumerate(items):
                self._run(p, ("\u3000" if n else "") + (TICKED if ticked else UNTICKED) + " " + label)
                if extra is not None:
                    self._run(p, "：")
                    self._run(p, f" {extra} " if extra else "\u3000" * 4, underline=True)
            return
        for ticked, label, extra in items:
            p = self._para(cell)
            self._run(p, (TICKED if ticked else UNTICKED) + " " + label)
            if extra is not None:
                self._run(p, "：")
                self._run(p, f" {extra} " if extra else "\u3000" * 6, underline=True)

    def standards(self, cell, fd: FieldDef) -> None:
        """The year × level × role matrix, one pair of columns per year as on the form."""
        v = self.app.values.get(fd.key) or {}
        n = len(self.years) * 2
        width = BODY_W - LABEL_W - 4
        t = self.table([width * 0.16] + [width * 0.84 / n] * n, where=cell)
        head1, head2 = self.row(t, tuple(range(n + 1))), self.row(t, tuple(range(n + 1)))
        head1[0].merge(head2[0])
        self.text(head1[0], "类别", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        for i, y in enumerate(self.years):
            merged = head1[1 + 2 * i].merge(head1[2 + 2 * i])
            self.text(merged, f"{y}年", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
            for j, (_, role) in enumerate(STANDARD_ROLES):
                self.text(head2[1 + 2 * i + j], role, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        for level, level_label in STANDARD_LEVELS:
            cells = self.row(t)
            self.text(cells[0], level_label, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
            for i, y in enumerate(self.years):
                got = (v.get(str(y)) or {}).get(level) or {}
                for j, (role, _) in enumerate(STANDARD_ROLES):
                    self.text(cells[1 + 2 * i + j], number_text(COUNT_FIELD, got.get(role)), size=9,
                              align=WD_ALIGN_PARAGRAPH.CENTER)

    # -- the parts of the form -----------------------------------------------------------------
    def cover(self, sec: SectionDef, issuer: str) -> None:
        for _ in range(6):
            self.text(self.doc, "", size=14)
        self.text(self.doc, form_title(self.app), HEI, 22, align=WD_ALIGN_PARAGRAPH.CENTER, after=60)
        labels = dict(sec.refs)
        t = self.table([BODY_W * 0.38, BODY_W * 0.52], grid=False)
        for key in sec.layout:
            fd = self.form.fields[key]
            cells = self.row(t, ())
            self.text(cells[0], f"{labels.get(key) or fd.label}：", SONG, 14, align=WD_ALIGN_PARAGRAPH.RIGHT,
                      before=12)
            value = self.app.values.get(key) or ""
            self.text(cells[1], str(value), FANGSONG, 14, before=12)
            _bottom_border(cells[1])
        for _ in range(8):
            self.text(self.doc, "", size=14)
        self.text(self.doc, f"{issuer}　制", SONG, 16, align=WD_ALIGN_PARAGRAPH.CENTER)
        self.page_break()

    def section(self, sec: SectionDef) -> None:
        fields = [self.form.fields[k] for k in sec.layout
                  if kind_of(self.form.fields[k]).in_sections and not self.form.fields[k].supplementary]
        self.heading(f"{sec.number}、{sec.title}")
        ncols = max(4, 1 + len(self.years))
        rest = (BODY_W - LABEL_W) / (ncols - 1)
        t = self.table([LABEL_W] + [rest] * (ncols - 1))
        i, prev_series = 0, False
        while i < len(fields):
            fd = fields[i]
            nxt = fields[i + 1] if i + 1 < len(fields) else None
            if fd.group:
                run = [fd]
                while i + len(run) < len(fields) and fields[i + len(run)].group == fd.group:
                    run.append(fields[i + len(run)])
                first = None
                for g in run:
                    cells = self.row(t, (0, 1))
                    first = first or cells[0]
                    last = cells[0]
                    self.label(cells[1], g)
                    self.value(cells[2].merge(cells[-1]), g)
                top = first.merge(last)
                self.text(top, fd.group, align=WD_ALIGN_PARAGRAPH.CENTER)
                i += len(run)
                prev_series = False
                continue
            kind = kind_of(fd)
            if kind.pdf_layout == "series":
                if not prev_series:
                    head = self.row(t, tuple(range(ncols)))
                    self.text(head[0], "年度", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
                    for c, y in enumerate(self.years, 1):
                        self.text(head[c], f"{y}年", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
                cells = self.row(t)
                self.label(cells[0], fd)
                raw = self.app.values.get(fd.key) or {}
                for c, y in enumerate(self.years, 1):
                    self.text(cells[c], number_text(fd, raw.get(str(y))), align=WD_ALIGN_PARAGRAPH.CENTER)
                prev_series = True
            elif _pairable(fd, nxt) and ncols == 4:
                cells = self.row(t, (0, 2))
                self.label(cells[0], fd)
                self.value(cells[1], fd)
                self.label(cells[2], nxt)
                self.value(cells[3], nxt)
                i += 1
                prev_series = False
            else:
                cells = self.row(t)
                self.label(cells[0], fd)
                value = cells[1].merge(cells[-1])
                if kind.pdf_layout == "table":
                    self.standards(value, fd)
                else:
                    self.value(value, fd)
                prev_series = False
            i += 1

    def plan(self, sec: SectionDef) -> None:
        """Section 八: the outline headings, each part's text in 仿宋 in one ruled cell."""
        limit = f"（{sec.char_limit}字以内）" if sec.char_limit else ""
        self.heading(f"{sec.number}、{sec.title}{limit}")
        t = self.table([BODY_W])
        group = None
        for key in sec.layout:
            fd = self.form.fields[key]
            if fd.supplementary:
                continue
            (cell,) = self.row(t, ())
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            if fd.group and fd.group != group:
                group = fd.group
                self.text(cell, fd.group, HEI, 12, before=4)
            self.text(cell, fd.label, HEI if not fd.group else SONG, 12 if not fd.group else 11, bold=bool(fd.group),
                      before=4, after=2)
            if fd.hint:
                self.text(cell, fd.hint, SONG, 8, grey=True)
            paras = _lines(self.app.values.get(key))
            for para in paras:
                p = self.text(cell, "\u3000\u3000" + para, FANGSONG, 12, after=2)
                p.paragraph_format.line_spacing = Pt(22)
            if not paras:
                for _ in range(5):  # room to write by hand on a blank form
                    self.text(cell, "", FANGSONG, 12)

    def _declaration_fields(self) -> list[FieldDef]:
        sec = next(s for s in self.form.sections if any(f.signature for f in s.fields))
        return [f for f in sec.fields if f.signature and not f.supplementary]

    def _named(self, signature: str, home: FieldDef) -> FieldDef | None:
        """The field a signature line names ("申报单位(公章)" → the field labelled 申报单位), as the PDF."""
        name = re.split(r"[（(]", signature, maxsplit=1)[0].strip()
        same = [f for f in self.form.fields.values() if f.section == home.section and f.label == name]
        anywhere = [f for f in self.form.fields.values() if f.label == name and f.type == "text"]
        return (same or anywhere or [None])[0]

    def signature_rows(self, fields: list[FieldDef]) -> None:
        t = self.table([32, BODY_W - 32])
        for fd in fields:
            label, cell = self.row(t)
            self.text(label, fd.label, SONG, 12, align=WD_ALIGN_PARAGRAPH.CENTER)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            if fd.type == "fixed":
                for para in _lines(fd.text):
                    self.text(cell, "\u3000\u3000" + para, FANGSONG, 12, before=6, after=4)
            else:
                paras = _lines(self.app.values.get(fd.key))
                for para in paras:
                    self.text(cell, "\u3000\u3000" + para, FANGSONG, 12, before=6, after=4)
                if not paras:
                    for _ in range(6):  # room to write the opinion by hand
                        self.text(cell, "", FANGSONG, 12)
            self.text(cell, "", size=12)
            stamped = False
            for sig in fd.signature:
                named = self._named(sig, fd)
                value = self.app.values.get(named.key) if named else None
                p = self.text(cell, "", SONG, 12, before=8)
                self._run(p, f"{sig}：", SONG, 12)
                if "签字" in sig:
                    self._run(p, "\u3000" * 12, SONG, 12, underline=True)
                    if value:
                        self.text(cell, f"（{named.label}：{value}）", SONG, 8, grey=True)
                else:
                    self._run(p, str(value or ""), FANGSONG, 12)
                    stamped = True
            for _ in range(STAMP_LINES if stamped else 1):  # the round stamp goes here, above the date
                self.text(cell, "", size=15)
            self.text(cell, DATE_LINE, SONG, 12, align=WD_ALIGN_PARAGRAPH.RIGHT, after=8)

    def declaration_section(self) -> None:
        fields = self._declaration_fields()
        sec = self.form.section(fields[0].section)
        self.heading(f"{sec.number}、{sec.title}")
        self.signature_rows(fields)

    def single_page(self, which: str) -> None:
        fields = self._declaration_fields()
        fd = fields[0] if which == "declaration" else fields[-1]
        self.heading(form_title(self.app), center=True, size=16)
        self.heading(fd.label, center=True)
        for key in ("basic.cluster_name", "basic.applicant"):
            f = self.form.fields.get(key)
            if f and self.app.values.get(key):
                self.text(self.doc, f"{f.label}：{self.app.values.get(key)}", SONG, 12, after=4)
        self.signature_rows([fd])

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _lines(text: object) -> list[str]:
    return [p.strip() for p in str(text or "").replace("\r\n", "\n").split("\n") if p.strip()]


def _pairable(a: FieldDef, b: FieldDef | None) -> bool:
    from core.pdf.sections import _pairable as pdf_pairable  # the same rows pair up as in the PDF

    return pdf_pairable(a, b)


def _shade(cell) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(shd)


def _bottom_border(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:color", "808080")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    cell._tc.get_or_add_tcPr().append(borders)


def build_docx(app: Application, page: str = "all") -> bytes:
    d = _Doc(app)
    if page != "all":
        d.single_page(page)
        return d.save()
    from core.rules import load_ruleset

    for sec in d.form.sections:
        if sec.refs:  # the cover repeats fields of other sections
            d.cover(sec, load_ruleset(app.rules).issuer)
        elif any(f.signature for f in sec.fields):
            d.page_break()
            d.declaration_section()
        elif sec.char_limit:
            d.plan(sec)
        else:
            d.section(sec)
    return d.save()
