"""The printed content of one field: its label cell and its value, by field type."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Table, TableStyle

from core.form import FieldDef
from core.form.model import NA, NO, STANDARD_LEVELS, STANDARD_ROLES, YES, YESNO_LABELS
from core.numbers import fmt, parse_value
from core.pdf.context import Ctx
from core.pdf.flowables import CheckItem, InlineChecks
from core.pdf.styles import GRID, LABEL_BG, TABLE_FONT

INLINE_MAX_LABEL = 12  # option labels up to this many characters sit side by side
# A bare count (the standards matrix, a platform's number) printed like a count field.
FieldDefCount = FieldDef(key="_count", label="", type="count", section="", section_number="", indicator=0, decimals=0)


def unit_suffix(fd: FieldDef) -> str:
    unit = fd.display_unit
    return f"（{unit}）" if unit else ""


def label_flowables(ctx: Ctx, fd: FieldDef, label: str | None = None, with_notes: bool = True) -> list:
    """The label as the form prints it, with its unit, a 补充 mark, the length limit and notes."""
    text = ctx.m(label or fd.label) + ctx.m(unit_suffix(fd))
    if fd.type == "longtext" and fd.max_chars:
        text += f"<br/>（{fd.max_chars}字以内）"
    if fd.supplementary:
        text += ' <font size="7.5" color="#b00000">【补充】</font>'
    out = [Paragraph(text, ctx.st["label"])]
    if with_notes:
        for extra in (fd.hint if fd.type == "longtext" else None, fd.note):
            if extra:
                out.append(ctx.p(extra, "note"))
    return out


def number_text(fd: FieldDef, raw: object) -> str:
    """A number as the form prints it (two decimals, whole counts); what was typed if unreadable."""
    if raw is None or raw == "":
        return ""
    parsed = parse_value(raw, fd.element_type, fd.unit, fd.decimals)
    if parsed.none_marker:
        return "无"
    if parsed.error or parsed.value is None:
        return str(raw)
    if parsed.extra_decimals:  # never hide what was typed by rounding it away
        return f"{parsed.value.normalize():f}"
    return fmt(parsed.value, fd.decimals)


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
    """The value cell of a field that fills one cell (everything except series and standards)."""
    v = ctx.value(fd.key)
    where = ctx.where(fd)
    t = fd.type
    if t in ("text", "longtext"):
        return [ctx.p(v, "value", where)] if v else []
    if t in ("number", "percent", "count", "year"):
        return [ctx.p(number_text(fd, v), "value", where)] if v not in (None, "") else []
    if t in ("yesno", "yesno_na"):
        items = [(v == YES, YESNO_LABELS[YES], None), (v == NO, YESNO_LABELS[NO], None)]
        if t == "yesno_na":
            items.append((v == NA, fd.na_label or "不适用", None))
        return _checks(ctx, fd, items)
    if t == "choice":
        sel = (v or {}).get("selected")
        text = (v or {}).get("text") or ""
        return _checks(ctx, fd, [(o.key == sel, o.label, (text if o.key == sel else "") if o.text else None)
                                 for o in fd.options])
    if t == "checks":
        v = v or {}
        selected, texts = set(v.get("selected") or ()), v.get("texts") or {}
        out = [ctx.p(f"{fd.prompt}：", "value", where)] if fd.prompt else []
        out += _checks(ctx, fd, [(o.key in selected, o.label, (texts.get(o.key) or "") if o.text else None)
                                 for o in fd.options])
        if fd.evidence and ctx.form.evidence_note:
            out.append(ctx.p(ctx.form.evidence_note, "note"))
        return out
    if t == "platform":
        v = v or {}
        count = number_text(FieldDefCount, v.get("count"))
        markup = f"数量：<u>&nbsp;{ctx.m(count, where) or '&nbsp;' * 6}&nbsp;</u>个<br/>名称：{ctx.m(v.get('names') or '', where)}"
        return [Paragraph(markup, ctx.st["value"])]
    return []


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
