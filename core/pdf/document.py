"""Assemble the pages into an A4 document with a running header and "第 X 页 共 Y 页"."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from core.application import Application
from core.pdf.context import Ctx
from core.pdf.fonts import FONT, draw_string
from core.pdf.styles import FRAME_H, FRAME_W, GREY, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from core.rules.applications import form_title

PAGES = ("all", "declaration", "recommendation")


class NumberedCanvas(Canvas):
    """Holds every page back until the end, so each footer can name the total page count."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initialFontName", FONT)  # else Helvetica, which is never embedded
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 9)
            self.setFillColor(GREY)
            self.drawCentredString(PAGE_W / 2, 10 * mm, f"第 {self._pageNumber} 页　共 {total} 页")
            super().showPage()
        super().save()


def _story(ctx: Ctx, page: str, ruleset: str | None) -> list:
    from core.pdf import signatures

    if page != "all":
        return signatures.single_page(ctx, page)
    from core.pdf.appendix import appendix_flowables
    from core.pdf.sections import cover_flowables, plan_flowables, section_flowables
    from core.rules import evaluate, load_ruleset

    story: list = []
    for sec in ctx.form.sections:
        if sec.refs:  # only the cover repeats fields of another section (名称, 主管部门, 申报单位)
            story += cover_flowables(ctx, sec, load_ruleset(ctx.app.rules).issuer)
        elif any(f.signature for f in sec.fields):
            story += [PageBreak(), *signatures.declaration_section(ctx)]
        elif sec.char_limit:
            story += plan_flowables(ctx, sec)
        else:
            story += section_flowables(ctx, sec)
    if ctx.official:
        return story  # the official form has no 自评结果 appendix
    rs = load_ruleset(ruleset or ctx.app.rules)
    story += appendix_flowables(ctx, evaluate(ctx.app, rs), rs)
    return story


def build_pdf(app: Application, page: str = "all", ruleset: str | None = None,
              official: bool = False) -> tuple[bytes, list[str]]:
    ctx = Ctx(app, official=official)
    title = ctx.clean(f"{form_title(app)} — {app.display_name}")
    header = ctx.clean(f"{form_title(app)}　{app.display_name}")

    def on_page(canv: Canvas, doc) -> None:
        if page == "all" and canv.getPageNumber() == 1:
            return  # the cover carries no running header
        canv.saveState()
        canv.setFont(FONT, 8)
        canv.setFillColor(GREY)
        draw_string(canv, MARGIN_X, PAGE_H - 12 * mm, header, FONT, 8)
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, PAGE_H - 13.5 * mm, PAGE_W - MARGIN_X, PAGE_H - 13.5 * mm)
        canv.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=ctx.clean(app.values.get("basic.applicant") or ""),
        subject=ctx.form.source, creator="集群申报助手 cluster-declare", invariant=1, initialFontName=FONT,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(_story(ctx, page, ruleset), canvasmaker=NumberedCanvas)
    return buf.getvalue(), ctx.guard.warnings()
