"""The form as a grid: which field goes in which row and column of which sheet, and how a value
turns into cells and back. Built from the FormDef, so every label is the official one.

Columns: A 栏目 · B 明细 · C 单位 · D 填报内容 · one column per campaign year · 说明.
One sheet per printed section; the header is row 2, fields start in row 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.form.kinds import kind_of
from core.form.model import FieldDef, FormDef
from core.xlsx.grid import (  # noqa: F401 - the grid's names are part of this module's interface
    COL_DETAIL,
    COL_FIRST_YEAR,
    COL_LABEL,
    COL_UNIT,
    COL_VALUE,
    FALSE_WORDS,
    FIRST_ROW,
    HEADER_ROW,
    NO_TICK,
    TICK,
    TRUE_WORDS,
    YESNO_TEXT,
    Row,
    Slot,
    year_col,
)

_BAD_SHEET_CHARS = str.maketrans({c: "" for c in "[]:*?/\\"})


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


def field_rows(fd: FieldDef, years: list[int]) -> list[Row]:
    label = f"{fd.about}·{fd.label}" if fd.about else fd.label
    if fd.group:
        label = f"{fd.group}：{label}"
    return kind_of(fd).rows(fd, years, label, fd.display_unit or "", _note(fd))


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

def cells_for(fd: FieldDef, value: Any, years: list[int]) -> dict[str, Any]:
    """part → cell value, for every slot of the field (None for empty)."""
    return kind_of(fd).cells(fd, value, years)


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
