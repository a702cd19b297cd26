"""The self-assessment chart (core.chart's geometry model) as a reportlab Drawing."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import HexColor

from core.chart import Chart
from core.chart import Line as MLine
from core.chart import Polygon as MPolygon
from core.chart import Rect as MRect
from core.pdf.fonts import FONT, FONT_BOLD, TextGuard


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
            d.add(String(s.x, h - s.y, guard.clean(s.text, "自评图"), fontName=FONT_BOLD if s.bold else FONT,
                         fontSize=s.size, fillColor=HexColor(s.fill), textAnchor=s.anchor))
    return d
