"""Answers with parts: ``standards`` (year × level × role counts) and ``platform`` (count and names)."""

from __future__ import annotations

from core.form.kinds.base import NOTE_REQUIRED, FieldState, Kind, PdfFill, as_dict, is_scalar, short, where
from core.form.kinds.numeric import PerYear, number_text
from core.form.model import STANDARD_LEVELS, STANDARD_ROLES, FieldDef
from core.messages import application as app_msg
from core.messages import form as msg
from core.numbers import fmt, parse_value
from core.xlsx.grid import COL_VALUE, Row, Slot, number_cell, year_col

LEVEL_LABELS = dict(STANDARD_LEVELS)
ROLE_LABELS = dict(STANDARD_ROLES)
# A bare count (a standards cell, a platform's number), printed like a count field.
COUNT_FIELD = FieldDef(key="_count", label="", type="count", section="", section_number="", indicator=0, decimals=0)


class Standards(PerYear):
    """Standards led / joined per year and level (国际、国家、行业、团体)."""

    pdf_layout = "table"

    def clean(self, fd, value, years, origin):
        value = super().clean(fd, value, years, origin)
        levels, roles = set(LEVEL_LABELS), set(ROLE_LABELS)
        for year, row in value.items():
            if not isinstance(row, dict) or not set(row) <= levels:
                raise app_msg.BAD_LEVELS.error(where=where(fd, origin), year=year, levels="/".join(sorted(levels)))
            for level, cell in row.items():
                if not isinstance(cell, dict) or not set(cell) <= roles:
                    raise app_msg.BAD_ROLES.error(where=where(fd, origin), year=year)
                for role, n in cell.items():
                    if not is_scalar(n):
                        part = f"{year}年{LEVEL_LABELS[level]}标准{ROLE_LABELS[role]}数量"
                        raise self.bad_part(fd, part, n, origin)
        return value

    def parse(self, fd, raw, years):
        raw_d = as_dict(raw)
        cells = {}
        for y in years:
            row = raw_d.get(str(y)) or {}
            for level in LEVEL_LABELS:
                cell = row.get(level) or {}
                for role in ROLE_LABELS:
                    cells[(y, level, role)] = parse_value(cell.get(role), "count")
        return FieldState(fd, raw, cells=cells)

    def blank(self, st):
        return all(p.blank for p in (st.cells or {}).values())

    def check(self, st, checks):
        for (year, level, role), parsed in st.cells.items():
            if parsed.error:
                where_ = f"{year}年{LEVEL_LABELS[level]}标准{ROLE_LABELS[role]}数量"
                yield checks.bad_format(msg.NUMBER, NOTE_REQUIRED, where=where_, error=parsed.error)

    def rows(self, fd, years, label, unit, note):
        rows = []
        for level, level_label in STANDARD_LEVELS:
            for role, role_label in STANDARD_ROLES:
                slots = tuple(Slot(year_col(years, y), f"{y}:{level}:{role}") for y in years)
                rows.append(Row(fd.key, label, f"{level_label}标准·{role_label}", "项", slots, note if not rows else "",
                                places=0))
        return rows

    def cells(self, fd, value, years):
        d = as_dict(value)
        out = {}
        for y in years:
            row = d.get(str(y)) or {}
            for level in LEVEL_LABELS:
                cell = row.get(level) or {}
                for role in ROLE_LABELS:
                    out[f"{y}:{level}:{role}"] = number_cell(cell.get(role), "count", fd)
        return out

    def from_cells(self, fd, cells, years, at, read):
        out: dict = {}
        for y in years:
            for level in LEVEL_LABELS:
                for role in ROLE_LABELS:
                    part = f"{y}:{level}:{role}"
                    text, parsed = read.number(cells[part], "count", None, 0, at[part])
                    if text is None:
                        continue
                    n = int(parsed.value) if parsed.value is not None and text.isdigit() else text
                    out.setdefault(str(y), {}).setdefault(level, {})[role] = n
        return out or None

    def display(self, fd, value, limit):
        parts = []
        for y, row in sorted(value.items()):
            cells = [f"{LEVEL_LABELS[lv]}{ROLE_LABELS[r]}{n}" for lv, cell in (row or {}).items()
                     for r, n in (cell or {}).items() if n not in (None, "", 0, "0")]
            parts.append(f"{y}年 {'、'.join(cells) or '0'}")
        return short("；".join(parts), limit)

    def pdf(self, fd, value, form):
        return []  # printed as its own table (core/pdf/cells.py standards_table)


class Platform(Kind):
    """Innovation platforms: how many, and their names."""

    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict) or not set(value) <= {"count", "names"}:
            raise self.bad(fd, value, origin)
        if not is_scalar(value.get("count")):
            raise self.bad_part(fd, "数量（count）", value["count"], origin)
        if not isinstance(value.get("names", ""), (str, type(None))):
            raise self.bad_part(fd, "名称（names）", value["names"], origin)
        return value

    def parse(self, fd, raw, years):
        raw_d = as_dict(raw)
        return FieldState(fd, raw, number=parse_value(raw_d.get("count"), "count"),
                          text=(raw_d.get("names") or "").strip())

    def blank(self, st):
        return st.number.blank and not st.text

    def check(self, st, checks):
        fd = st.field
        yield from checks.number(st.number, "数量")
        count = st.number.value
        if count and count > 0 and not st.text:
            yield checks.incomplete(msg.NAMES_MISSING, "填报说明18", count=fmt(count, 0))
        if st.text and count is not None and count == 0:
            yield checks.bad_format(msg.NAMES_ZERO, "填报说明18")
        if fd.evidence and count and count > 0:
            yield from checks.evidence(fd.key, "平台")

    def rows(self, fd, years, label, unit, note):
        return [
            Row(fd.key, label, "数量", "个", (Slot(COL_VALUE, "count"),), note, places=0),
            Row(fd.key, label, "名称", "", (Slot(COL_VALUE, "names"),)),
        ]

    def cells(self, fd, value, years):
        d = as_dict(value)
        return {"count": number_cell(d.get("count"), "count", fd), "names": d.get("names") or None}

    def from_cells(self, fd, cells, years, at, read):
        out = {}
        count = read.number(cells["count"], "count", None, 0, at["count"])[0]
        if count is not None:
            out["count"] = count
        names = read.text(cells["names"])
        if names:
            out["names"] = names
        return out or None

    def display(self, fd, value, limit):
        return short(f"{value.get('count') or '—'}个：{value.get('names') or '—'}", limit)

    def pdf(self, fd, value, form):
        v = value or {}
        return [PdfFill((("数量：", number_text(COUNT_FIELD, v.get("count")), "个", True),
                         ("名称：", v.get("names") or "", "", False)))]
