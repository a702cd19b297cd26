"""Page geometry, paragraph styles and rules of the printed form (A4 portrait)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from core.pdf.fonts import FONT, FONT_BOLD

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 20 * mm, 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
# A row split across pages leaves at least this much on each page (reportlab's splitInRow is a
# minimum height in points; 1 would allow an empty sliver at a page foot).
MIN_SPLIT = 36
STAMP_ROOM = 45 * mm  # a round 公章 is 40–42 mm across; leave it a little more
GRID = colors.black
GREY = colors.HexColor("#555555")
LABEL_BG = colors.HexColor("#f2f2f2")
# Every table names the font: reportlab's default cell font is Helvetica, which is never embedded.
TABLE_FONT = ("FONT", (0, 0), (-1, -1), FONT)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=15, wordWrap="CJK", alignment=TA_LEFT)

    def s(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "value": s("value", fontSize=10, leading=14.5),
        "label": s("label", fontSize=10, leading=14),
        "label_c": s("label_c", fontSize=10, leading=14, alignment=TA_CENTER),
        "head_c": s("head_c", fontName=FONT_BOLD, fontSize=10, leading=14, alignment=TA_CENTER),
        "note": s("note", fontSize=8, leading=11, textColor=GREY),
        "small": s("small", fontSize=8.5, leading=12),
        "mono": s("mono", fontSize=7, leading=10, wordWrap=None),
        "title": s("title", fontName=FONT_BOLD, fontSize=22, leading=32, alignment=TA_CENTER),
        "cover_issuer": s("cover_issuer", fontName=FONT_BOLD, fontSize=16, leading=24, alignment=TA_CENTER),
        "h1": s("h1", fontName=FONT_BOLD, fontSize=14, leading=20, spaceBefore=8, spaceAfter=6, keepWithNext=1),
        "h1_c": s("h1_c", fontName=FONT_BOLD, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=10),
        "h2": s("h2", fontName=FONT_BOLD, fontSize=11.5, leading=17, spaceBefore=4, spaceAfter=2),
        "h3": s("h3", fontName=FONT_BOLD, fontSize=10.5, leading=15, spaceBefore=2, spaceAfter=1),
        "plan": s("plan", fontSize=10.5, leading=17, firstLineIndent=21),
        "statement": s("statement", fontSize=12, leading=22, firstLineIndent=24),
        "sign": s("sign", fontSize=12, leading=20),
        "sign_r": s("sign_r", fontSize=12, leading=20, alignment=TA_RIGHT),
        "header": s("header", fontSize=8, leading=10, textColor=GREY),
    }
