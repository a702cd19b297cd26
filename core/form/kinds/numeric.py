"""Numbers (``number``, ``percent``, ``count``, ``year``) and a number per year (``series``)."""

from __future__ import annotations

from core.form.kinds.base import KINDS, NOTE_REQUIRED, FieldState, Kind, PdfText, as_dict, is_scalar, where
from core.form.model import FieldDef
from core.messages import application as app_msg
from core.messages import form as msg
from core.messages import formdef as formdef_msg
from core.numbers import fmt, parse_value
from core.xlsx.grid import COL_VALUE, Row, Slot, number_cell, year_col


def places(fd: FieldDef) -> int:
    """Decimals of the field's Excel cells: none for whole-number kinds."""
    return 0 if KINDS[fd.element_type].whole_numbers else fd.decimals


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


class Number(Kind):
    """Typed as text or a number; parsed with its unit (万元, %, 个) by core/numbers.py."""

    excel_unit = True  # the unit column shows the field's unit

    def clean(self, fd, value, years, origin):
        if value is None or not is_scalar(value):
            raise self.bad(fd, value, origin)
        return value

    def parse(self, fd, raw, years):
        return FieldState(fd, raw, number=parse_value(raw, self.name, fd.unit, fd.decimals))

    def blank(self, st):
        return st.number.blank

    def check(self, st, checks):
        yield from checks.number(st.number, "")

    def rows(self, fd, years, label, unit, note):
        return [Row(fd.key, label, "", unit if self.excel_unit else "", (Slot(COL_VALUE, ""),), note,
                    places=places(fd))]

    def cells(self, fd, value, years):
        return {"": number_cell(value, self.name, fd)}

    def from_cells(self, fd, cells, years, at, read):
        return read.number(cells[""], self.name, fd.unit, fd.decimals, at[""])[0]

    def pdf(self, fd, value, form):
        return [PdfText(number_text(fd, value))] if value not in (None, "") else []


class Percent(Number):
    percent = True


class Count(Number):
    whole_numbers = True

    def default_decimals(self, spec):
        return 0

    def check(self, st, checks):
        yield from checks.number(st.number, "")
        if st.field.evidence and st.number.value and st.number.value > 0:
            yield from checks.evidence(st.field.key, "填报的数量")


class Year(Number):
    whole_numbers = True
    excel_unit = False

    def default_decimals(self, spec):
        return 0

    def check(self, st, checks):
        yield from checks.number(st.number, "")
        if st.number.value is not None and not 1949 <= st.number.value <= 2100:
            yield checks.bad_format(msg.YEAR_RANGE, "申报表", raw=st.raw)


class PerYear(Kind):
    """A value per campaign year: ``{"2023": …}``; missing years are its own finding."""

    whole_required = False

    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict):
            raise self.bad(fd, value, origin)
        wanted = {str(y) for y in years}
        for year in value:
            if year not in wanted:
                raise app_msg.BAD_YEAR.error(where=where(fd, origin), year=year, first=years[0], last=years[-1])
        return value


class Series(PerYear):
    """A number per year (``of:`` names the number kind)."""

    pdf_layout = "series"
    yearly = True
    ELEMENTS = ("number", "percent", "count")  # the kinds ``of:`` may name

    def default_decimals(self, spec):
        return 0 if spec.get("of") == "count" else 2

    def clean(self, fd, value, years, origin):
        value = super().clean(fd, value, years, origin)
        for year, cell in value.items():
            if not is_scalar(cell):
                raise self.bad_part(fd, f"{year}年", cell, origin)
        return value

    def definition_problem(self, fd):
        if fd.of not in self.ELEMENTS:
            return formdef_msg.BAD_SERIES, {"of": fd.of}
        return super().definition_problem(fd)

    def parse(self, fd, raw, years):
        raw_d = as_dict(raw)
        of = fd.of or "number"
        return FieldState(fd, raw, series={y: parse_value(raw_d.get(str(y)), of, fd.unit, fd.decimals) for y in years})

    def blank(self, st):
        return all(p.blank for p in (st.series or {}).values())

    def check(self, st, checks):
        missing = []
        for year, parsed in st.series.items():
            if parsed.blank:
                missing.append(f"{year}年")
            yield from checks.number(parsed, f"{year}年")
        if missing and st.field.required:
            yield checks.incomplete(msg.REQUIRED_YEARS, NOTE_REQUIRED, years="、".join(missing))

    def rows(self, fd, years, label, unit, note):
        slots = tuple(Slot(year_col(years, y), str(y)) for y in years)
        return [Row(fd.key, label, "", unit, slots, note, places=places(fd))]

    def cells(self, fd, value, years):
        d = as_dict(value)
        return {str(y): number_cell(d.get(str(y)), fd.of or "number", fd) for y in years}

    def from_cells(self, fd, cells, years, at, read):
        out = {}
        for y in years:
            text = read.number(cells[str(y)], fd.of or "number", fd.unit, fd.decimals, at[str(y)])[0]
            if text is not None:
                out[str(y)] = text
        return out or None

    def display(self, fd, value, limit):
        return "；".join(f"{y}年 {v if v not in (None, '') else '—'}" for y, v in sorted(value.items()))

    def pdf(self, fd, value, form):
        return []  # printed as a row of the year grid (core/pdf/sections.py)
