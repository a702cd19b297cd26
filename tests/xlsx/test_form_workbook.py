"""The form as a workbook: layout, exact round trip, edits, refusals, export safety."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from openpyxl import load_workbook

from core.errors import UserError
from core.rules.applications import new_application
from core.xlsx.form_export import export_form
from core.xlsx.form_import import new_application_from_meta, read_form_workbook
from core.xlsx.meta import META_SHEET

from .helpers import cache_formula_results

AREA = ("一、基本情况", "D10")  # basic.area
OUTPUT_2022 = ("二、主导产业情况", "G3")  # industry.output_total, 2022


def _edit(path, sheet, cell, value):
    wb = load_workbook(path)
    wb[sheet][cell].value = value
    wb.save(path)


def test_layout_follows_form_and_campaign(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    form = sample_app.form_def
    assert wb.sheetnames[0] == "封面" and "二、主导产业情况" in wb.sheetnames
    ws = wb["二、主导产业情况"]
    assert [ws.cell(2, c).value for c in range(1, 9)] == ["栏目", "明细", "单位", "填报内容", "2020年", "2021年", "2022年", "说明"]
    assert ws["A3"].value == form.fields["industry.output_total"].label
    assert ws["G3"].value == 53.6 and ws["G3"].number_format == "0.00"
    assert ws.freeze_panes == "B3"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "landscape"  # A4
    assert wb[META_SHEET].sheet_state == "veryHidden" and wb[META_SHEET].protection.sheet
    assert "集群企业清单（备注中小企业）" in wb.sheetnames
    gz = new_application("GZ-2024")
    ws = load_workbook(export_form(gz, tmp_path / "g.xlsx", template=True))["二、主导产业情况"]
    assert [ws.cell(2, c).value for c in (5, 6, 7)] == ["2021年", "2022年", "2023年"]


def test_sample_round_trips_exactly(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    result = read_form_workbook(path, None)
    rebuilt = result.apply_to(new_application_from_meta(result.meta))
    assert rebuilt.values == sample_app.values
    assert (rebuilt.campaign, rebuilt.rules, rebuilt.form) == (sample_app.campaign, sample_app.rules, sample_app.form)
    assert read_form_workbook(path, sample_app).changes == []


def test_edited_cells_become_changes_and_apply_in_one_step(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    wb[AREA[0]][AREA[1]].value = "１３.５"  # full-width digits typed as text
    wb[OUTPUT_2022[0]][OUTPUT_2022[1]].value = 60
    ws = wb["二、主导产业情况"]
    row = next(r for r in range(3, 60) if ws.cell(r, 2).value == "绘制产业链图谱，开展产业链培育")
    ws.cell(row, 4).value = "否"
    wb.save(path)
    before = copy.deepcopy(sample_app.values)
    result = read_form_workbook(path, sample_app)
    changes = {c.key: c for c in result.changes}
    assert set(changes) == {"basic.area", "industry.output_total", "industry.chain_work"}
    assert changes["basic.area"].old_text == "12.80" and changes["basic.area"].new == "１３.５"
    assert changes["industry.output_total"].new == {"2020": "41.20", "2021": "46.80", "2022": "60.00"}
    assert "map" not in changes["industry.chain_work"].new["selected"]
    assert sample_app.values == before  # reading never changes the application
    applied = result.apply_to(sample_app)
    assert applied.values["industry.output_total"]["2022"] == "60.00"


def test_blank_template_changes_nothing_and_fills_in(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "t.xlsx", template=True)
    assert read_form_workbook(path, sample_app).changes == []
    _edit(path, "封面", "D3", "浦东新区")
    result = read_form_workbook(path, sample_app)
    assert [(c.key, c.new) for c in result.changes] == [("cover.district", "浦东新区")]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+86 21 6412", "-5 万元", "@SUM(A1)"])
def test_formula_like_text_is_written_as_text(sample_app, tmp_path, text):
    sample_app.values["basic.applicant"] = text
    path = export_form(sample_app, tmp_path / "a.xlsx")
    cell = load_workbook(path)["一、基本情况"]["D7"]
    assert cell.value == text and cell.data_type == "s"
    assert read_form_workbook(path, sample_app).changes == []


def test_other_campaign_and_foreign_workbooks_are_refused(sample_app, tmp_path):
    gz = export_form(new_application("GZ-2024"), tmp_path / "gz.xlsx", template=True)
    with pytest.raises(UserError, match="2024 年度申报.*2023 年度申报"):
        read_form_workbook(gz, sample_app)
    wb = load_workbook(gz)
    del wb[META_SHEET]
    wb.save(tmp_path / "plain.xlsx")
    with pytest.raises(UserError, match="不是由本程序生成"):
        read_form_workbook(tmp_path / "plain.xlsx", sample_app)


def test_moved_rows_are_refused(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    wb["一、基本情况"].insert_rows(5)
    wb.save(path)
    with pytest.raises(UserError, match="「一、基本情况」第 5 行 A 列应为"):
        read_form_workbook(path, sample_app)


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "message"),
    [
        (*OUTPUT_2022, "很多", "「二、主导产业情况」第 3 行 G 列：无法识别的数字“很多”"),
        (*OUTPUT_2022, dt.datetime(2022, 5, 1), "「二、主导产业情况」第 3 行 G 列是日期"),
        (*AREA, "5%", "「一、基本情况」第 10 行 D 列：此栏不是百分比"),
        ("一、基本情况", "D16", "也许", "「一、基本情况」第 16 行 D 列应填写“是”或“否”"),
    ],
)
def test_bad_cells_name_sheet_row_column_and_change_nothing(sample_app, tmp_path, sheet, cell, value, message):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    _edit(path, sheet, cell, value)
    before = copy.deepcopy(sample_app.values)
    with pytest.raises(UserError, match="未做任何修改") as err:
        read_form_workbook(path, sample_app)
    assert message in err.value.message
    assert sample_app.values == before


def test_merged_value_cells_are_refused(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    wb["二、主导产业情况"].merge_cells("E3:G3")
    wb.save(path)
    with pytest.raises(UserError, match="合并单元格 E3:G3"):
        read_form_workbook(path, sample_app)


def test_formulas_need_cached_results(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    _edit(path, *OUTPUT_2022, "=50+10")
    with pytest.raises(UserError, match="是公式“=50\\+10”，但没有保存计算结果"):
        read_form_workbook(path, sample_app)
    cache_formula_results(path, "60")
    result = read_form_workbook(path, sample_app)
    assert [c.new["2022"] for c in result.changes] == ["60.00"]
    assert any("公式" in n for n in result.notes)


def test_a_refused_cell_is_named_and_the_refusal_has_a_code(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "a.xlsx")
    _edit(path, *OUTPUT_2022, dt.datetime(2022, 5, 1))
    with pytest.raises(UserError) as err:
        read_form_workbook(path, sample_app)
    assert err.value.code == "XLSX.form.refused"
    assert "「二、主导产业情况」第 3 行 G 列是日期或时间（2022-05-01），此栏应填写数字" in err.value.message
