"""The form workbook's grid as plain data: columns, rows and slots, and the words of its cells.

No openpyxl here: the field kinds (core/form/kinds) describe their rows with these, and
core/xlsx/formmap.py lays the rows out in sheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.form.model import NA, NO, YES, FieldDef
from core.numbers import parse_value

COL_LABEL, COL_DETAIL, COL_UNIT, COL_VALUE, COL_FIRST_YEAR = 1, 2, 3, 4, 5
HEADER_ROW, FIRST_ROW = 2, 3
TICK, NO_TICK = "是", "否"
YESNO_TEXT = {YES: "是", NO: "否", NA: "不适用"}
TRUE_WORDS = frozenset({"是", "√", "✓", "✔", "☑", "■", "Y", "YES", "TRUE", "1", "对", "有"})
FALSE_WORDS = frozenset({"否", "×", "✗", "✘", "☐", "□", "N", "NO", "FALSE", "0", "不", "无"})


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


def year_col(years: list[int], year: int | str) -> int:
    return COL_FIRST_YEAR + years.index(int(year))


def number_cell(raw: Any, kind: str, fd: FieldDef) -> Any:
    """What a stored number looks like in its cell: a number when it parses, else its text."""
    if raw is None or raw == "":
        return None
    p = parse_value(raw, kind, fd.unit, fd.decimals)
    if p.value is not None and not p.none_marker and p.ok:
        return int(p.value) if kind in ("count", "year") else float(p.value)
    return str(raw)
