"""A list (清单) as a worksheet: a title row, the header row, one row per entry."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.datavalidation import DataValidation

from core.xlsx.cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    TITLE_FONT,
    set_number,
    set_text,
)
from core.xlsx.formmap import sheet_name
from core.xlsx.listdefs import LEVEL_WORDS, PLATFORM_LEVEL_LABELS, ListDef, list_def

LIST_HEADER_ROW = 2
_LEVEL_TEXT = {v: f"{k}标准" for k, v in LEVEL_WORDS.items()}
_ROLE_TEXT = {"lead": "主持", "participate": "参与"}


def list_sheet_name(label: str) -> str:
    return sheet_name(label, label)


def cell_value(col_type: str, value: Any) -> Any:
    if value is None:
        return None
    if col_type == "mark":
        return "是" if value is True else "否" if value is False else value
    if col_type == "level":
        return _LEVEL_TEXT.get(value, value)
    if col_type == "role":
        return _ROLE_TEXT.get(value, value)
    if col_type == "platform_level":
        return PLATFORM_LEVEL_LABELS.get(value, value)
    return value


def write_list_sheet(wb, name: str, label: str, rows: list[dict[str, Any]]) -> None:
    ld: ListDef = list_def(name)
    ws = wb.create_sheet(list_sheet_name(label))
    ws.cell(1, 1, label).font = TITLE_FONT
    for c, col in enumerate(ld.columns, 1):
        cell = ws.cell(LIST_HEADER_ROW, c, col.header)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, CENTER
        ws.column_dimensions[cell.column_letter].width = col.width
    for r, row in enumerate(rows, LIST_HEADER_ROW + 1):
        for c, col in enumerate(ld.columns, 1):
            cell = ws.cell(r, c)
            v = cell_value(col.type, row.get(col.key))
            if col.type in ("int", "year") and isinstance(v, int):
                set_number(cell, v, 0)
            elif col.type == "money" and v not in (None, ""):
                try:
                    set_number(cell, float(v), 2)
                except ValueError:
                    set_text(cell, str(v))
            else:
                set_text(cell, None if v is None else str(v))
            cell.font = BODY_FONT
    marks = [c for c, col in enumerate(ld.columns, 1) if col.type == "mark"]
    if marks:
        dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
        ws.add_data_validation(dv)
        last = max(LIST_HEADER_ROW + len(rows), 1000)
        for c in marks:
            letter = ws.cell(1, c).column_letter
            dv.add(f"{letter}{LIST_HEADER_ROW + 1}:{letter}{last}")
    ws.freeze_panes = ws.cell(LIST_HEADER_ROW + 1, 2)
    ws.print_title_rows = f"1:{LIST_HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
