"""The form as a grid: which field goes in which row and column of which sheet, and how a value
turns into cells and back. Built from the FormDef, so every label is the official one.

Columns: A 栏目 · B 明细 · C 单位 · D 填报内容 · one column per campaign year · 说明.
One sheet per printed section; the header is row 2, fields start in row 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.form.model import NA, NO, STANDARD_LEVELS, STANDARD_ROLES, YES, FieldDef, FormDef
from core.numbers import parse_value

COL_LABEL, COL_DETAIL, COL_UNIT, COL_VALUE, COL_FIRST_YEAR = 1, 2, 3, 4, 5
HEADER_ROW, FIRST_ROW = 2, 3
TICK, NO_TICK = "是", "否"
YESNO_TEXT = {YES: "是", NO: "否", NA: "不适用"}
TRUE_WORDS = frozenset({"是", "√", "✓", "✔", "☑", "■", "Y", "YES", "TRUE", "1", "对", "有"})
FALSE_WORDS = frozenset({"否", "×", "✗", "✘", "☐", "□", "N", "NO", "FALSE", "0", "不", "无"})
_BAD_SHEET_CHARS = str.maketrans({c: "" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Slot:
    col: int
    part: str  # "" | "<year>" | "opt:<key>" | "text:<key>" | "<year>:<level>:<role>" | "count" | "names"


@dataclass(frozen=True)
class Row:
    key: str | None  # None: a fixed text row, not read back
    label: str
    detail: str
    unit: str
    slots: tuple[Slot, ...]
    note: str = ""
    choices: tuple[str, ...] = ()  # the values a drop-down offers
    places: int | None = None  # number format of the slots; None = text


@dataclass
class SheetLayout:
    name: str
    heading: str
    section: str
    rows: list[Row]

    def row_number(self, i: int) -> int:
        return FIRST_ROW + i


def sheet_name(number: str, title: str) -> str:
    name = title if number == title else f"{number}、{title}"
    return name.translate(_BAD_SHEET_CHARS)[:31]


def year_col(years: list[int], year: int | str) -> int:
    return COL_FIRST_YEAR + years.index(int(year))


def note_col(years: list[int]) -> int:
    return COL_FIRST_YEAR + len(years)


def _note(fd: FieldDef) -> str:
    bits = []
    if fd.max_chars:
        bits.append(f"{fd.max_chars}字以内")
    if fd.supplementary:
        bits.append("补充栏目（申报表无此栏）")
    if not fd.required:
        bits.append("选填")
    if fd.list_name:
        bits.append("需提供清单")
    elif fd.evidence:
        bits.append("需提供佐证材料")
    if fd.hint:
        bits.append(fd.hint)
    return "；".join(bits)


def _places(fd: FieldDef) -> int:
    return 0 if fd.element_type in ("count", "year") else fd.decimals


def field_rows(fd: FieldDef, years: list[int]) -> list[Row]:
    label = f"{fd.about}·{fd.label}" if fd.about else fd.label
    if fd.group:
        label = f"{fd.group}：{label}"
    unit = fd.display_unit or ""
    note = _note(fd)
    t = fd.type
    val = (Slot(COL_VALUE, ""),)
    if t in ("text", "longtext"):
        return [Row(fd.key, label, "", "", val, note)]
    if t in ("number", "percent", "count", "year"):
        return [Row(fd.key, label, "", unit if t != "year" else "", val, note, places=_places(fd))]
    if t in ("yesno", "yesno_na"):
        choices = ("是", "否", "不适用") if t == "yesno_na" else ("是", "否")
        if t == "yesno_na" and fd.na_label:
            note = "；".join(x for x in (f"不适用：{fd.na_label}", note) if x)
        return [Row(fd.key, label, "", "", val, note, choices)]
    if t == "choice":
        rows = [Row(fd.key, label, "选择一项", "", val, note, tuple(o.label for o in fd.options))]
        texts = [o.label for o in fd.options if o.text]
        if texts:
            rows.append(Row(fd.key, label, f"选“{'”或“'.join(texts)}”时填写具体内容", "", (Slot(COL_VALUE, "text"),)))
        return rows
    if t == "checks":
        rows = []
        for o in fd.options:
            rows.append(Row(fd.key, label, o.label, "", (Slot(COL_VALUE, f"opt:{o.key}"),), note if not rows else "",
                            (TICK, NO_TICK)))
            if o.text:
                rows.append(Row(fd.key, label, f"{o.label}：具体内容", "", (Slot(COL_VALUE, f"text:{o.key}"),)))
        return rows
    if t == "series":
        slots = tuple(Slot(year_col(years, y), str(y)) for y in years)
        return [Row(fd.key, label, "", unit, slots, note, places=_places(fd))]
    if t == "standards":
        rows = []
        for level, level_label in STANDARD_LEVELS:
            for role, role_label in STANDARD_ROLES:
                slots = tuple(Slot(year_col(years, y), f"{y}:{level}:{role}") for y in years)
                rows.append(Row(fd.key, label, f"{level_label}标准·{role_label}", "项", slots, note if not rows else "",
                                places=0))
        return rows
    if t == "platform":
        return [
            Row(fd.key, label, "数量", "个", (Slot(COL_VALUE, "count"),), note, places=0),
            Row(fd.key, label, "名称", "", (Slot(COL_VALUE, "names"),)),
        ]
    if t == "fixed":
        return [Row(None, label, "", "", (), fd.text or "")]
    raise ValueError(t)  # pragma: no cover - FIELD_TYPES is closed


def form_layout(form: FormDef, years: list[int]) -> list[SheetLayout]:
    sheets = []
    for sec in form.sections:
        rows: list[Row] = []
        for fd in sec.fields:  # refs (the cover's copies of 基本情况) are filled once, where defined
            rows.extend(field_rows(fd, years))
        heading = sec.title if sec.number == sec.title else f"{sec.number}、{sec.title}"
        sheets.append(SheetLayout(sheet_name(sec.number, sec.title), heading, sec.id, rows))
    return sheets


# -- values ⇄ cells ---------------------------------------------------------------------------

def _number_cell(raw: Any, kind: str, fd: FieldDef) -> Any:
    """What a stored number looks like in its cell: a number when it parses, else its text."""
    if raw is None or raw == "":
        return None
    p = parse_value(raw, kind, fd.unit, fd.decimals)
    if p.value is not None and not p.none_marker and p.ok:
        return int(p.value) if kind in ("count", "year") else float(p.value)
    return str(raw)


def cells_for(fd: FieldDef, value: Any, years: list[int]) -> dict[str, Any]:
    """part → cell value, for every slot of the field (None for empty)."""
    t = fd.type
    v = value
    if t in ("text", "longtext"):
        return {"": v if isinstance(v, str) and v != "" else None}
    if t in ("number", "percent", "count", "year"):
        return {"": _number_cell(v, t, fd)}
    if t in ("yesno", "yesno_na"):
        return {"": YESNO_TEXT.get(v)}
    d = v if isinstance(v, dict) else {}
    if t == "choice":
        opt = fd.option(d.get("selected") or "")
        out = {"": opt.label if opt else None}
        if any(o.text for o in fd.options):
            out["text"] = d.get("text") or None
        return out
    if t == "checks":
        selected = set(d.get("selected") or ())
        texts = d.get("texts") or {}
        out = {}
        for o in fd.options:
            out[f"opt:{o.key}"] = (TICK if o.key in selected else NO_TICK) if value is not None else None
            if o.text:
                out[f"text:{o.key}"] = texts.get(o.key) or None
        return out
    if t == "series":
        return {str(y): _number_cell(d.get(str(y)), fd.of or "number", fd) for y in years}
    if t == "standards":
        out = {}
        for y in years:
            row = d.get(str(y)) or {}
            for level, _ in STANDARD_LEVELS:
                cell = row.get(level) or {}
                for role, _ in STANDARD_ROLES:
                    out[f"{y}:{level}:{role}"] = _number_cell(cell.get(role), "count", fd)
        return out
    if t == "platform":
        return {"count": _number_cell(d.get("count"), "count", fd), "names": d.get("names") or None}
    return {}


def same_cells(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Cells equal as the official sees them (12.8 == 12.80, blank == empty text)."""
    for part in a.keys() | b.keys():
        x, y = a.get(part), b.get(part)
        x = None if isinstance(x, str) and x == "" else x
        y = None if isinstance(y, str) and y == "" else y
        if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
            if Decimal(repr(x)) != Decimal(repr(y)):
                return False
        elif x != y:
            return False
    return True
