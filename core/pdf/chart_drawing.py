"""The self-assessment chart (core.chart's geometry model) as a reportlab Drawing."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.chart import Chart
from core.chart import Line as MLine
from core.chart import Polygon as MPolygon
from core.chart import Rect as MRect
from core.pdf.fonts import FONT, FONT_BOLD, TextGuard, runs


def chart_drawing(chart: Chart, guard: TextGuard) -> Drawing:
    """Draw the model; its y axis points down (SVG), reportlab's up, so every y is flipped."""
    h = chart.height
    d = Drawing(chart.width, chart.height, initialFontName=FONT)  # not Helvetica: never embedded
    for s in chart.shapes:
        if isinstance(s, MRect):
            d.add(Rect(s.x, h - s.y - s.h, s.w, s.h, rx=s.radius, ry=s.radius, fillColor=HexColor(s.fill),
                       strokeColor=HexColor(s.stroke) if s.stroke else None, strokeWidth=0.5 if s.stroke else 0))
        elif isinstance(s, MLine):
            d.add(Line(s.x1, h - s.y1, s.x2, h - s.y2, strokeColor=HexColor(s.stroke), strokeWidth=s.width,
                       strokeDashArray=list(s.dash) or None))
        elif isinstance(s, MPolygon):
            pts = [c for x, y in s.points for c in (x, h - y)]
            d.add(Polygon(pts, fillColor=HexColor(s.fill), strokeColor=None, strokeWidth=0))
        else:
            _add_text(d, s, h, guard.clean(s.text, "自评图"))
    return d


def _add_text(d: Drawing, s, h: float, text: str) -> None:
    """One String, or (when a system font prints some of its characters) one String per font run,
    placed as the anchor asks."""
    font = FONT_BOLD if s.bold else FONT
    pieces = runs(text, font)
    if len(pieces) <= 1:
        d.add(String(s.x, h - s.y, text, fontName=font, fontSize=s.size, fillColor=HexColor(s.fill),
                     textAnchor=s.anchor))
        return
    widths = [stringWidth(piece, name, s.size) for name, piece in pieces]
    x = s.x - {"middle": sum(widths) / 2, "end": sum(widths)}.get(s.anchor, 0)
    for (name, piece), w in zip(pieces, widths, strict=True):
        d.add(String(x, h - s.y, piece, fontName=name, fontSize=s.size, fillColor=HexColor(s.fill), textAnchor="start"))
        x += w
