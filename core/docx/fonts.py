"""Fonts by name only (nothing embedded): 宋体 for the tables, 仿宋 for running text, 黑体 for headings,
each set as w:eastAsia so that Word and WPS pick the Chinese face (w:ascii/w:hAnsi alone would
leave Chinese in the theme font). LibreOffice substitutes a CJK face it has when these are absent."""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

SONG, FANGSONG, HEI = "宋体", "仿宋", "黑体"
LATIN = "Times New Roman"
GREY = RGBColor(0x55, 0x55, 0x55)
# Characters XML 1.0 cannot hold (python-docx refuses them): C0 controls except tab/newline, lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    return _NOT_XML.sub("", "" if text is None else str(text))


def set_fonts(rpr_owner, east: str = SONG, size: float | None = None, bold: bool | None = None) -> None:
    """Font of a run or a style: ``east`` for Chinese, Times New Roman for Latin letters and digits."""
    font = rpr_owner.font
    font.name = LATIN
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = rpr_owner.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN)
    rfonts.set(qn("w:eastAsia"), east)
    rfonts.set(qn("w:hint"), "eastAsia")
