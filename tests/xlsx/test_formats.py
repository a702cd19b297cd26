"""The form workbook and the lists in every format LibreOffice (standing in for Excel 97–2003, WPS
and OpenOffice) saves: read back through core/xlsx/book.py with the same checks as .xlsx."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from core.errors import UserError
from core.xlsx.form_export import export_form
from core.xlsx.form_import import read_form_workbook
from core.xlsx.list_import import read_list_workbook
from tests.office import convert, needs_soffice

from .helpers import firm, list_workbook

pytestmark = needs_soffice


def _edited_form(sample_app, path):
    """The exported form with one figure changed, as an official would (first numeric input cell)."""
    export_form(sample_app, path)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows(min_row=3):
            for cell in row[4:]:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.value > 10:
                    cell.value = cell.value + 1
                    where = (ws.title, cell.row, cell.column_letter, cell.value)
                    wb.save(path)
                    return where
    raise AssertionError("no numeric cell")


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_form_workbook_round_trip(sample_app, tmp_path, fmt):
    plain = export_form(sample_app, tmp_path / "plain.xlsx")
    edited = tmp_path / "edited.xlsx"
    sheet, row, col, value = _edited_form(sample_app, edited)
    same, changed = convert([plain, edited], fmt, tmp_path / fmt, tmp_path)
    assert read_form_workbook(same, sample_app).changes == []  # nothing lost on the way through the format
    result = read_form_workbook(changed, sample_app)
    assert len(result.changes) == 1, [c.where for c in result.changes]
    assert result.changes[0].where.startswith(f"「{sheet}」第 {row} 行")
    assert result.apply_to(sample_app).values != sample_app.values


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_form_workbook_bad_cell_names_the_cell(sample_app, tmp_path, fmt):
    path = tmp_path / "bad.xlsx"
    sheet, row, col, _ = _edited_form(sample_app, path)
    wb = load_workbook(path)
    wb[sheet][f"{col}{row}"] = "很多"
    wb.save(path)
    (converted,) = convert([path], fmt, tmp_path / fmt, tmp_path)
    with pytest.raises(UserError) as err:
        read_form_workbook(converted, sample_app)
    assert f"工作簿“bad.{fmt}”" in err.value.message and f"「{sheet}」第 {row} 行 {col} 列" in err.value.message


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_merged_cells_are_refused(tmp_path, fmt):
    path = list_workbook(tmp_path / "m.xlsx", [firm(1), firm(2), firm(3)], sheet="集群企业清单")
    wb = load_workbook(path)
    wb.active.merge_cells("C3:C4")
    wb.save(path)
    (converted,) = convert([path], fmt, tmp_path / fmt, tmp_path)
    with pytest.raises(UserError, match="C3:C4 是合并单元格"):
        read_list_workbook(converted, "enterprises")


def test_ods_formula_cells_are_named(tmp_path):
    path = list_workbook(tmp_path / "f.xlsx", [firm(1), firm(2, employees="=100+50")], sheet="集群企业清单")
    (converted,) = convert([path], "ods", tmp_path / "ods", tmp_path)
    result = read_list_workbook(converted, "enterprises")
    assert result.rows[1]["employees"] == 150  # LibreOffice saved the result
    assert any("第 4 行 D 列是公式" in n for n in result.notes), result.notes


def test_xls_formula_cells_are_read_as_their_saved_result(tmp_path):
    path = list_workbook(tmp_path / "f.xlsx", [firm(1), firm(2, employees="=100+50")], sheet="集群企业清单")
    (converted,) = convert([path], "xls", tmp_path / "xls", tmp_path)
    assert read_list_workbook(converted, "enterprises").rows[1]["employees"] == 150
