"""The self-assessment chart: how far each numeric criterion stands from its threshold.

The chart is built once as a small geometry model (rectangles, lines, polygons, texts in a
top-left coordinate system, like SVG) and rendered twice: ``assessment_chart_svg`` for the screen
(QtSvg) and ``core.pdf.chart_drawing`` for the PDF (reportlab.graphics). Neither renderer decides
anything about layout or colour.

Whether a criterion gets a bar, and its colour, follow ``CriterionResult.outcome`` alone (the rules
core's decision): a met criterion a green bar right of the threshold line, a failed one a red bar
left of it, an undecided one (待补充, data blank or invalid) or a waived one no bar but a grey mark.
The bar's length is ``CriterionResult.margin`` — (value − threshold) / |threshold|, sign flipped
for "≤" rules — clamped to the side its outcome says. Bars are clipped to the plot range and a
clipped bar ends in an arrow head. Criterion titles wrap (up to three lines; the chart grows to
fit them) instead of being cut. A strip of chips at the top shows each indicator's
verdict (基本条件, 指标一 … 指标八).

Given the gap views (core.rules.gap_view), a 临界 pass gets an amber outline and "临界" before its
percentage, and every criterion row a tooltip text — criterion, measured value, threshold and the
还差 / 余量 sentence — kept as ``Chart.hits`` (row boxes, for a widget that maps the mouse to a row)
and written into the SVG as ``<title>`` for other viewers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from core import palette
from core.numbers import fmt
from core.rules.model import (
    MET,
    NOT_MET,
    OP_SYMBOLS,
    OUTCOME_LABELS,
    VERDICT_LABELS,
    Report,
    indicator_numeral,
)

FONT_FAMILY = "Noto Sans SC"

VERDICT_COLOURS = palette.VERDICT
OUTCOME_COLOURS = {MET: palette.GOOD_BAR, NOT_MET: palette.BAD_BAR}  # unknown: no bar, a grey note
UNKNOWN_COLOUR = palette.EMPTY
INK, GRID, AXIS = "#212121", "#e0e0e0", "#424242"

# Margin range shown: −100 % (far below) … +200 % (far above); beyond that the bar is clipped.
MARGIN_MIN, MARGIN_MAX = -1.0, 2.0
TICKS = (-1.0, 0.0, 1.0, 2.0)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = None
    radius: float = 0.0
    title: str = ""  # a tooltip (SVG <title>)


@dataclass(frozen=True)
class Hit:
    """A criterion's row box and its tooltip text."""

    rule: str
    x: float
    y: float
    w: float
    h: float
    tip: str

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.x + self.w and self.y <= y < self.y + self.h


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1.0
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    fill: str = INK
    anchor: str = "start"  # start / middle / end, as in SVG and reportlab
    bold: bool = False
    title: str = ""  # the full text, when ``text`` had to be shortened (an SVG tooltip)


@dataclass
class Chart:
    width: float
    height: float
    shapes: list[Rect | Line | Polygon | Text] = field(default_factory=list)
    bars: dict[str, str] = field(default_factory=dict)  # rule id -> bar colour (met / not met only)
    marks: dict[str, str] = field(default_factory=dict)  # rule id -> the mark drawn instead of a bar
    label_width: float = 0.0  # room for a criterion title line
    critical: set[str] = field(default_factory=set)  # rule ids of 临界 passes (marked amber)
    hits: list[Hit] = field(default_factory=list)  # each criterion row, for tooltips

    def hit(self, x: float, y: float) -> Hit | None:
        """The criterion row at a point of the chart (its own coordinates), if any."""
        return next((h for h in self.hits if h.contains(x, y)), None)


def text_width(text: str, size: float) -> float:
    """Estimated advance width: CJK, full-width forms and (in CJK fonts) quotes and dashes take
    1 em, the rest about 0.58 em."""
    return sum(size if ord(ch) >= 0x2E80 or 0x2010 <= ord(ch) <= 0x206F else size * 0.58 for ch in text)


def fit_text(text: str, size: float, width: float) -> str:
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def wrap_text(text: str, size: float, width: float, max_lines: int = 3) -> list[str]:
    """Break ``text`` into lines of at most ``width`` (Chinese breaks between any two characters);
    only what does not fit in ``max_lines`` is elided."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines - 1 and text_width(rest, size) > width:
        n = 1
        while n < len(rest) and text_width(rest[:n + 1], size) <= width:
            n += 1
        if n < len(rest) and rest[n] in "，、；。）”":  # keep closing punctuation on its line's end
            n = max(n - 1, 1)
        lines.append(rest[:n])
        rest = rest[n:]
    if rest:
        lines.append(fit_text(rest, size, width))
    return lines


def _pct(m: float) -> str:
    return f"{m * 100:+.0f}%" if m else "0%"


def _value_text(res) -> str:
    if res.outcome not in (MET, NOT_MET):
        return OUTCOME_LABELS.get(res.outcome, "")
    if res.value is None:
        return OUTCOME_LABELS[res.outcome]
    places = 2 if res.value != res.value.to_integral_value() else 0
    op = OP_SYMBOLS.get(res.op or "", "")
    return f"{fmt(res.value, places)} / {op}{fmt(res.threshold, 0 if res.threshold == int(res.threshold) else 2)}{res.unit}"


def _tip(res, views) -> str:
    view = views.get(res.rule.id) if views is not None else None
    return view.detail if view is not None else f"{res.rule.title}\n{_value_text(res)}"


def chart_model(report: Report, width: float = 640, height: float = 360, views=None) -> Chart:
    """Lay out the chart for ``report`` in a ``width`` × ``height`` box (points or pixels); the
    chart grows taller when its wrapped criterion titles need it (``Chart.height``). ``views``:
    core.rules.gap_view.GapViews of the same report (临界 marks, tooltips with 还差 / 余量)."""
    chart = Chart(width, height)
    add = chart.shapes.append
    pad = 8.0
    add(Rect(0, 0, width, height, "#ffffff"))

    # Indicator verdict chips: name on the first line, verdict on the second.
    chip_h = 32.0
    n = max(len(report.indicators), 1)
    gap = 4.0
    chip_w = (width - 2 * pad - gap * (n - 1)) / n
    chip_size = min(11.0, chip_w / 4.8)
    for k, (i, verdict) in enumerate(sorted(report.indicators.items())):
        x = pad + k * (chip_w + gap)
        add(Rect(x, pad, chip_w, chip_h, VERDICT_COLOURS.get(verdict, UNKNOWN_COLOUR), radius=3))
        label = "基本条件" if i == 0 else f"指标{indicator_numeral(i)}"
        add(Text(x + chip_w / 2, pad + chip_h * 0.42, label, chip_size, "#ffffff", "middle", bold=True))
        add(Text(x + chip_w / 2, pad + chip_h * 0.42 + chip_size * 1.15, VERDICT_LABELS[verdict],
                 chip_size * 0.9, "#ffffff", "middle"))

    rows = [c for c in report.criteria if c.threshold is not None]
    top = pad + chip_h + 10 + 14  # room for tick labels above the plot
    label_w = width * 0.34
    value_w = width * 0.22
    x0 = pad + label_w + 6
    x1 = width - pad - value_w - 6
    span = MARGIN_MAX - MARGIN_MIN
    chart.label_width = label_w

    size = max(7.5, min(10.0, width / 64))
    bar_h = size * 1.2
    titles = [wrap_text(c.rule.title, size, label_w) for c in rows]
    heights = [max(bar_h + 6, len(t) * size * 1.25 + 6) for t in titles]
    room = height - pad - 14 - top
    if heights and sum(heights) < room:  # spread the rows over the box asked for
        extra = (room - sum(heights)) / len(heights)
        heights = [h + extra for h in heights]
    bottom = top + max(sum(heights), room if not heights else 0)
    chart.height = height = max(height, bottom + 14 + pad)
    chart.shapes[0] = Rect(0, 0, width, height, "#ffffff")  # the background, now that the height is known

    def xpos(m: float) -> float:
        return x0 + (min(max(m, MARGIN_MIN), MARGIN_MAX) - MARGIN_MIN) / span * (x1 - x0)

    # Row stripes first, so that the grid and the threshold line run through them.
    y = top
    for k, row_h in enumerate(heights):
        if k % 2:
            add(Rect(pad, y, width - 2 * pad, row_h, "#f7f7f7"))
        y += row_h

    # Grid and ticks.
    for t in TICKS:
        x = xpos(t)
        is_zero = t == 0.0
        add(Line(x, top, x, bottom, AXIS if is_zero else GRID, 1.2 if is_zero else 0.8, () if is_zero else (3, 3)))
        add(Text(x, top - 4, "阈值" if is_zero else _pct(t), 9, AXIS, "middle"))
    add(Text(pad, height - pad, "条形：实测值偏离阈值的幅度（相对阈值，右侧为优于阈值；超出范围以箭头表示）",
             9, AXIS))

    if not rows:
        add(Text(width / 2, (top + bottom) / 2, "本规则集无量化指标", 12, AXIS, "middle"))
        return chart

    zero = xpos(0.0)
    y = top
    for k, res in enumerate(rows):
        row_h = heights[k]
        cy = y + row_h / 2
        base = cy + size * 0.36
        lines = titles[k]
        first = base - (len(lines) - 1) * size * 1.25 / 2
        tip = _tip(res, views)
        chart.hits.append(Hit(res.rule.id, pad, y, width - 2 * pad, row_h, tip))
        # Without the views, an SVG tooltip only where the title had to be shortened.
        shortened = "".join(lines) != res.rule.title
        label_tip = tip if views is not None else (res.rule.title if shortened else "")
        for n, line in enumerate(lines):
            add(Text(pad + label_w, first + n * size * 1.25, line, size, INK, "end", title=label_tip))
        add(Text(width - pad, base, fit_text(_value_text(res), size, value_w), size, INK, "end",
                 title=tip if views is not None else ""))
        y += row_h
        margin = res.margin
        if res.outcome not in (MET, NOT_MET) or margin is None:
            # Undecided (待补充) or waived: no bar, whatever the value; a grey word at the threshold.
            mark = OUTCOME_LABELS.get(res.outcome, "")
            colour = UNKNOWN_COLOUR if res.outcome not in (MET, NOT_MET) else OUTCOME_COLOURS[res.outcome]
            chart.marks[res.rule.id] = mark
            add(Text(zero + 4, base, mark, size, colour))
            continue
        # The outcome says which side of the threshold the bar lies on; rounding to the form's
        # precision can leave the raw margin a hair on the other side.
        m = max(float(margin), 0.0) if res.outcome == MET else min(float(margin), 0.0)
        colour = OUTCOME_COLOURS[res.outcome]
        chart.bars[res.rule.id] = colour
        view = views.get(res.rule.id) if views is not None else None
        critical = view is not None and view.critical
        if critical:
            chart.critical.add(res.rule.id)
        end = xpos(m)
        left, right = min(zero, end), max(zero, end)
        clipped = m > MARGIN_MAX or m < MARGIN_MIN
        head = min(bar_h, 8.0) if clipped else 0.0
        body_right = right - head if clipped and m > 0 else right
        body_left = left + head if clipped and m < 0 else left
        add(Rect(body_left, cy - bar_h / 2, max(body_right - body_left, 1.0), bar_h, colour,
                 palette.CRITICAL if critical else None, title=tip if views is not None else ""))
        if clipped:
            tip, back = (right, right - head) if m > 0 else (left, left + head)
            add(Polygon(((back, cy - bar_h / 2 - 2), (tip, cy), (back, cy + bar_h / 2 + 2)), colour))
        label = ("临界 " if critical else "") + _pct(m)
        lsize = size * 0.9
        space = x1 - end if m >= 0 else end - x0
        if not clipped and text_width(label, lsize) + 4 <= space:  # outside the bar's end
            ink = palette.CRITICAL if critical else INK
            lx, anchor, fill = (end + 3, "start", ink) if m >= 0 else (end - 3, "end", ink)
        else:  # inside the bar, near its end
            inset = 3 + (head if clipped else 0)
            lx, anchor, fill = (end - inset, "end", "#ffffff") if m >= 0 else (end + inset, "start", "#ffffff")
        add(Text(lx, base, label, lsize, fill, anchor))
    return chart


def _svg_shape(s: Rect | Line | Polygon | Text) -> str:
    if isinstance(s, Rect):
        stroke = f' stroke="{s.stroke}"' if s.stroke else ""
        rx = f' rx="{s.radius:g}"' if s.radius else ""
        attrs = f'x="{s.x:.2f}" y="{s.y:.2f}" width="{s.w:.2f}" height="{s.h:.2f}" fill="{s.fill}"{stroke}{rx}'
        return f"<rect {attrs}><title>{escape(s.title)}</title></rect>" if s.title else f"<rect {attrs}/>"
    if isinstance(s, Line):
        dash = f' stroke-dasharray="{" ".join(f"{d:g}" for d in s.dash)}"' if s.dash else ""
        return (f'<line x1="{s.x1:.2f}" y1="{s.y1:.2f}" x2="{s.x2:.2f}" y2="{s.y2:.2f}" '
                f'stroke="{s.stroke}" stroke-width="{s.width:g}"{dash}/>')
    if isinstance(s, Polygon):
        pts = " ".join(f"{x:.2f},{y:.2f}" for x, y in s.points)
        return f'<polygon points="{pts}" fill="{s.fill}"/>'
    weight = ' font-weight="bold"' if s.bold else ""
    tip = f"<title>{escape(s.title)}</title>" if s.title else ""
    return (f'<text x="{s.x:.2f}" y="{s.y:.2f}" font-size="{s.size:g}" fill="{s.fill}" '
            f'text-anchor="{s.anchor}"{weight}>{tip}{escape(s.text)}</text>')


def chart_svg(chart: Chart) -> str:
    body = "\n".join(_svg_shape(s) for s in chart.shapes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{chart.width:g}" height="{chart.height:g}" '
            f'viewBox="0 0 {chart.width:g} {chart.height:g}" font-family="{FONT_FAMILY}">\n{body}\n</svg>\n')


def assessment_chart_svg(report: Report, width: int = 640, height: int = 360, views=None) -> str:
    """SVG of the self-assessment chart for ``report`` (Chinese labels in "Noto Sans SC")."""
    return chart_svg(chart_model(report, width, height, views))


__all__ = ["Chart", "Hit", "Line", "Polygon", "Rect", "Text", "assessment_chart_svg", "chart_model", "chart_svg"]
