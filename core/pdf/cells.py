"""The printed content of one field: its label cell and its value, by field type."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Table, TableStyle

from core.form import FieldDef
from core.form.kinds import COUNT_FIELD, PdfFill, PdfTicks, kind_of, number_text
from core.form.model import STANDARD_LEVELS, STANDARD_ROLES
from core.pdf.context import Ctx
from core.pdf.flowables import CheckItem, InlineChecks
from core.pdf.styles import GRID, LABEL_BG, TABLE_FONT

INLINE_MAX_LABEL = 12  # option labels up to this many characters sit side by side
FieldDefCount = COUNT_FIELD  # a bare count (the standards matrix), printed like a count field


def unit_suffix(fd: FieldDef) -> str:
    unit = fd.display_unit
    return f"（{unit}）" if unit else ""


def label_flowables(ctx: Ctx, fd: FieldDef, label: str | None = None, with_notes: bool = True) -> list:
    """The label as the form prints it, with its unit, a 补充 mark, the length limit and notes."""
    text = ctx.m(label or fd.label) + ctx.m(unit_suffix(fd))
    long_text = kind_of(fd).long_text
    if long_text and fd.max_chars:
        text += f"<br/>（{fd.max_chars}字以内）"
    if fd.supplementary:
        text += ' <font size="7.5" color="#b00000">【补充】</font>'
    out = [Paragraph(text, ctx.st["label"])]
    if with_notes:
        for extra in (fd.hint if long_text else None, fd.note):
            if extra:
                out.append(ctx.p(extra, "note"))
    return out


def series_texts(ctx: Ctx, fd: FieldDef) -> list[str]:
    raw = ctx.value(fd.key) or {}
    return [number_text(fd, raw.get(str(y))) for y in ctx.years]


def _checks(ctx: Ctx, fd: FieldDef, items: list[tuple[bool, str, str | None]]) -> list:
    """Inline when every option is short, one option per line otherwise."""
    where = ctx.where(fd)
    short = all(len(lab) <= INLINE_MAX_LABEL and len(ex or "") <= 24 for _, lab, ex in items)
    if short:
        return [InlineChecks([(t, ctx.clean(lab, where), None if ex is None else ctx.clean(ex, where))
                              for t, lab, ex in items])]
    out = []
    for ticked, label, extra in items:
        markup = ctx.m(label, where)
        if extra is not None:
            markup += "：" + (f"<u>{ctx.m(extra, where)}</u>" if extra else "________")
        out.append(CheckItem(ticked, markup, ctx.st["value"]))
    return out


def value_flowables(ctx: Ctx, fd: FieldDef) -> list:
    """The value cell of a field that fills one cell (everything except series and standards),
    rendered from the parts its kind describes."""
    where = ctx.where(fd)
    out: list = []
    for part in kind_of(fd).pdf(fd, ctx.value(fd.key), ctx.form):
        if isinstance(part, PdfTicks):
            out += _checks(ctx, fd, list(part.items))
        elif isinstance(part, PdfFill):
            lines = [prefix + (f"<u>&nbsp;{ctx.m(text, where) or '&nbsp;' * 6}&nbsp;</u>" if underline
                               else ctx.m(text, where)) + suffix for prefix, text, suffix, underline in part.lines]
            out.append(Paragraph("<br/>".join(lines), ctx.st["value"]))
        else:
            out.append(ctx.p(part.text, part.style, where if part.style == "value" else ""))
    return out


def standards_table(ctx: Ctx, fd: FieldDef, width: float) -> Table:
    """The year × level × role matrix, one block of columns per year as on the form."""
    v = ctx.value(fd.key) or {}
    head1, head2 = [""], ["类别"]
    for y in ctx.years:
        head1 += [f"{y}年", ""]
        head2 += [label for _, label in STANDARD_ROLES]
    rows = [head1, head2]
    for level, level_label in STANDARD_LEVELS:
        row = [level_label]
        for y in ctx.years:
            cell = (v.get(str(y)) or {}).get(level) or {}
            row += [number_text(FieldDefCount, cell.get(role)) for role, _ in STANDARD_ROLES]
        rows.append(row)
    data = [[ctx.p(c, "label_c", ctx.where(fd)) for c in r] for r in rows]
    n = len(ctx.years) * 2
    first = width * 0.16
    t = Table(data, colWidths=[first] + [(width - first) / n] * n)
    style = [TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (-1, 1), LABEL_BG),
             ("BACKGROUND", (0, 2), (0, -1), LABEL_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("SPAN", (0, 0), (0, 1)), ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
             ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    style += [("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(ctx.years))]
    t.setStyle(TableStyle(style))
    return t
