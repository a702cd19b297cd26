"""The desk's printed documents (补正通知, 实地核查记录, 初审记录, 推荐汇总表, 推荐函) with reportlab and
the form's own fonts and styles (core/pdf): A4, the bundled Noto Sans SC embedded, page numbers.

A document is a list of blocks — ``("h1", text)``, ``("p", text)``, ``("note", text)``,
``("table", rows, widths_mm)``, ``("sign", text)``, ``("space", mm)``, ``("pagebreak",)`` — rendered by ``render``.
Text goes through ``TextGuard`` (a character the font lacks prints as 〓, never as nothing).
"""

from __future__ import annotations

import io
from typing import Any

Block = tuple[Any, ...]


def render(title: str, blocks: list[Block], *, landscape_page: bool = False) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from core.pdf.document import NumberedCanvas
    from core.pdf.fonts import FONT, TextGuard, paragraph
    from core.pdf.styles import GRID, LABEL_BG, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, TABLE_FONT, styles

    guard = TextGuard()
    st = styles()
    page_w, page_h = landscape(A4) if landscape_page else A4
    frame_w = page_w - 2 * MARGIN_X

    def para(text: Any, style: str = "body") -> Paragraph:
        return paragraph(guard.markup(text), st[style])

    story: list = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h1_c", "h2", "p", "note", "sign", "sign_r", "statement", "small"):
            story.append(para(block[1], {"p": "body"}.get(kind, kind)))
        elif kind == "pagebreak":
            story.append(PageBreak())
        elif kind == "space":
            story.append(Spacer(1, block[1] * mm))
        elif kind == "table":
            rows, widths = block[1], block[2] if len(block) > 2 else None
            if widths:
                scale = frame_w / (sum(widths) * mm)
                col_w = [w * mm * scale for w in widths]
            else:
                col_w = None
            data = [[para(c, "head_c" if r == 0 else "small") for c in row] for r, row in enumerate(rows)]
            table = Table(data, colWidths=col_w, repeatRows=1)
            table.setStyle(TableStyle([TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                                       ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                       ("TEXTCOLOR", (0, 0), (-1, -1), colors.black)]))
            story.append(table)
        else:  # a programming error in a caller
            raise ValueError(f"unknown block {kind!r}")

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(page_w, page_h), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=guard.clean(title),
                          creator="集群申报助手 cluster-declare", invariant=1, initialFontName=FONT)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, frame_w, page_h - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()


def write_pdf(path, title: str, blocks: list[Block], **kw) -> None:
    """Render and write atomically; the caller turns an OSError into its message."""
    from pathlib import Path

    from core.oserrors import write_atomically

    write_atomically(Path(path), render(title, blocks, **kw))
