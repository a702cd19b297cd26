"""The 申报表 as a Word document (.docx) in the official layout of 附件1, for the city's collection
and the last edit in WPS or Word. Written only: a Word file is never read back as data."""

from __future__ import annotations

import os
from pathlib import Path

from core.application import Application
from core.messages import docx as M
from core.oserrors import write_document

PAGES = ("all", "declaration", "recommendation")
PAGE_LABELS = {"all": "完整申报表", "declaration": "真实性声明", "recommendation": "推荐意见"}


def render_docx_bytes(app: Application, page: str = "all") -> bytes:
    if page not in PAGES:
        raise M.UNKNOWN_PAGE.error(page=page, choices="、".join(PAGES))
    from core.docx.document import build_docx

    return build_docx(app, page)


def render_docx(app: Application, out_path: str | os.PathLike, page: str = "all") -> Path:
    """Build, then write atomically (a failure leaves no half-written file); the path written."""
    data = render_docx_bytes(app, page)
    return write_document(Path(out_path), data, M.UNWRITABLE)


__all__ = ["PAGES", "PAGE_LABELS", "render_docx", "render_docx_bytes"]
