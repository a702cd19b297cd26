"""Print-ready PDF of the 申报表 (reportlab, embedded subset of Noto Sans SC). See docs/printing.md.

    from core.pdf import render_pdf
    warnings = render_pdf(app, "申报表.pdf")                      # the whole form + 自评结果
    warnings = render_pdf(app, "官方表式.pdf", official=True)     # official rows only, no 【补充】
    warnings = render_pdf(app, "声明.pdf", page="declaration")    # 真实性声明 alone, one page
    data, warnings = render_pdf_bytes(app, page="recommendation")  # 推荐意见 alone, as bytes

``warnings`` lists, in Chinese, every character the font lacks (printed as 〓). reportlab is
imported only when a PDF is made, never when this package is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.application import Application
from core.messages import pdf as M
from core.oserrors import write_document

PAGES = ("all", "declaration", "recommendation")
PAGE_LABELS = {"all": "完整申报表", "declaration": "真实性声明", "recommendation": "推荐意见"}


def render_pdf_bytes(app: Application, page: str = "all", ruleset: str | None = None,
                     official: bool = False) -> tuple[bytes, list[str]]:
    """The PDF as bytes, and the warnings. ``ruleset`` (default: the application's) drives the appendix;
    ``official`` prints the official layout only (no 【补充】 rows, no appendix)."""
    if page not in PAGES:
        raise M.UNKNOWN_PAGE.error(page=page, choices="、".join(PAGES))
    from core.pdf.document import build_pdf

    return build_pdf(app, page, ruleset, official)


def render_pdf(app: Application, out_path: str | os.PathLike, page: str = "all", ruleset: str | None = None,
               official: bool = False) -> list[str]:
    """Write the PDF atomically to ``out_path`` (a failure leaves no half-written file)."""
    data, warnings = render_pdf_bytes(app, page, ruleset, official)
    write_pdf_bytes(data, out_path)
    return warnings


def write_pdf_bytes(data: bytes, out_path: str | os.PathLike) -> Path:
    """Write a PDF already built, atomically; the path written."""
    return write_document(Path(out_path), data, M.UNWRITABLE)


__all__ = ["PAGES", "PAGE_LABELS", "render_pdf", "render_pdf_bytes", "write_pdf_bytes"]
