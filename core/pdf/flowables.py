"""Check boxes drawn as shapes (the CJK fonts have no ☐/☑), alone or flowing inline."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from core.pdf.fonts import FONT, draw_string, paragraph, string_width

BOX = 8.0  # side of a check box, in points
GAP = 3.0  # between box and label
ITEM_GAP = 12.0  # between inline items


def draw_box(canv, x: float, y: float, ticked: bool, size: float = BOX) -> None:
    """A square with (when ticked) a check mark, lower-left corner at (x, y)."""
    canv.saveState()
    canv.setLineWidth(0.7)
    canv.rect(x, y, size, size, stroke=1, fill=0)
    if ticked:
        canv.setLineWidth(1.3)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        p = canv.beginPath()
        p.moveTo(x + size * 0.18, y + size * 0.52)
        p.lineTo(x + size * 0.42, y + size * 0.22)
        p.lineTo(x + size * 0.86, y + size * 0.84)
        canv.drawPath(p, stroke=1, fill=0)
    canv.restoreState()


class CheckItem(Flowable):
    """One check box followed by a wrapped paragraph (a long option label, its free text)."""

    def __init__(self, ticked: bool, markup: str, style) -> None:
        super().__init__()
        self.ticked = ticked
        self.para = paragraph(markup, style)
        self.style = style

    def wrap(self, aw, ah):
        _, h = self.para.wrap(aw - BOX - GAP, ah)
        self.width, self.height = aw, h
        return aw, h

    def draw(self):
        st = self.style
        first_baseline = self.height - st.fontSize * 1.0 - (st.leading - st.fontSize * 1.2) / 2
        draw_box(self.canv, 0, first_baseline - 0.5, self.ticked, BOX)
        self.para.drawOn(self.canv, BOX + GAP, 0)


class InlineChecks(Flowable):
    """Short options side by side (☐是 ☐否), wrapping onto more lines as needed.

    ``items`` are (ticked, label, extra): ``extra`` is the free text of an option such as
    "其他" — printed underlined after the label, or a blank line to write on when unticked.
    Texts must already be cleaned by the TextGuard.
    """

    BLANK = 48.0  # width of an empty write-in line

    def __init__(self, items: list[tuple[bool, str, str | None]], size: float = 10, leading: float = 15) -> None:
        super().__init__()
        self.items = items
        self.size, self.leading = size, leading
        self._places: list[tuple[float, float, int]] = []

    def _item_width(self, label: str, extra: str | None) -> float:
        w = BOX + GAP + string_width(label, FONT, self.size)
        if extra is not None:
            w += stringWidth("：", FONT, self.size) + (string_width(extra, FONT, self.size) + 2 if extra else self.BLANK)
        return w

    def fits(self, aw: float) -> bool:
        return all(self._item_width(lab, ex) <= aw for _, lab, ex in self.items)

    def wrap(self, aw, ah):
        x, line = 0.0, 0
        self._places = []
        for _, label, extra in self.items:
            w = self._item_width(label, extra)
            if x > 0 and x + w > aw:
                x, line = 0.0, line + 1
            self._places.append((x, w, line))
            x += w + ITEM_GAP
        self.width, self.height = aw, (line + 1) * self.leading
        return aw, self.height

    def draw(self):
        c = self.canv
        c.setFont(FONT, self.size)
        for (ticked, label, extra), (x, _, line) in zip(self.items, self._places, strict=True):
            base = self.height - (line + 1) * self.leading + (self.leading - self.size) / 2 + 1.5
            draw_box(c, x, base - 0.5, ticked)
            tx = x + BOX + GAP
            tx = draw_string(c, tx, base, label, FONT, self.size)
            if extra is None:
                continue
            c.drawString(tx, base, "：")
            tx += stringWidth("：", FONT, self.size)
            w = string_width(extra, FONT, self.size) + 2 if extra else self.BLANK
            if extra:
                draw_string(c, tx + 1, base, extra, FONT, self.size)
            c.setLineWidth(0.5)
            c.line(tx, base - 2, tx + w, base - 2)
