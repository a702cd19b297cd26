"""Importing lists (清单): headers, every kind of bad cell, row checks, counts beside the form."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from openpyxl import load_workbook

from core.errors import UserError
from core.rules import Evaluator
from core.xlsx import list_import
from core.xlsx.list_import import read_list_workbook

from .helpers import ENTERPRISE_HEADERS, cache_formula_results, code, firm, list_workbook


def test_reads_rows_with_aliases_and_title_rows(tmp_path, sample_app):
    headers = ["序号", "名称", "社会信用代码", "行业", "从业人数", "营业收入（亿元）", "总资产", "是否中小企业", "高新技术企业"]
    rows = [[1, "甲公司", code(1), "制造业", 120, 1.5, 8000, "是", "√"],
            [2, "乙公司", code(2), "制造业", "１２０", "3,000", None, "中型", None]]
    path = list_workbook(tmp_path / "l.xlsx", rows, headers, title="闵行区智能传感器集群企业名单")
    result = read_list_workbook(path, "enterprises", sample_app)
    assert result.header_row == 2 and result.columns["credit_code"] == "C"
    assert result.ignored == ["序号"]
    first, second = result.rows
    assert first["revenue"] == "15000" and first["employees"] == 120 and first["high_tech"] is True
    assert second["employees"] == 120 and second["revenue"] == "3000" and second["sme"] is True
    assert second["srdi"] is False and second["assets"] is None
    assert set(first) == {c.key for c in list_import.list_def("enterprises").columns}


def test_row_checks_codes_duplicates_and_sme_marks(tmp_path, sample_app):
    bad = code(3)[:-1] + ("0" if code(3)[-1] != "0" else "1")
    rows = [firm(1), firm(2), firm(2), [*firm(3)[:1], bad, *firm(3)[2:]],
            firm(4, employees=1500, revenue=50000, sme="是"), firm(5, employees=10, revenue=100, sme="否")]
    path = list_workbook(tmp_path / "l.xlsx", rows)
    result = read_list_workbook(path, "enterprises", sample_app)
    by_rule = {}
    for i in result.issues:
        by_rule.setdefault(i.rule, []).append(i)
    assert [i.index for i in by_rule["LIST.duplicate"]] == [3]
    assert [i.index for i in by_rule["LIST.credit_code"]] == [4] and "校验码错误" in by_rule["LIST.credit_code"][0].message
    assert [i.index for i in by_rule["LIST.sme_mark"]] == [5, 6]
    assert "大型" in by_rule["LIST.sme_mark"][0].message and "微型" in by_rule["LIST.sme_mark"][1].message


def test_counts_beside_declared_and_engine_findings(tmp_path, sample_app):
    rows = [firm(i, sme="是" if i < 130 else "否", employees=100 if i < 130 else 2000,
                 revenue=1000 if i < 130 else 50000, high_tech="是" if i < 39 else "否") for i in range(145)]
    result = read_list_workbook(list_workbook(tmp_path / "l.xlsx", rows), "enterprises", sample_app)
    comps = {c.rule: c for c in result.comparisons(sample_app)}
    assert comps["LIST.firms"].agrees and comps["LIST.high_tech"].agrees
    assert comps["LIST.smes"].computed == 130 and comps["LIST.smes"].declared == 135 and comps["LIST.smes"].agrees is False
    ev = Evaluator(sample_app)
    assert not [f for f in ev.report().findings if f.rule.startswith("LIST.")]
    report = ev.set_evidence({e["target"] for e in sample_app.evidence}, lists={"enterprises": result.rows})
    found = {f.rule: f for f in report.findings if f.rule.startswith("LIST.")}
    assert "LIST.firms" not in found
    assert found["LIST.smes"].kind == "consistency" and found["LIST.smes"].severity == "warning"
    assert "2022年填报 135家" in found["LIST.smes"].message and "统计为 130家" in found["LIST.smes"].message
    assert "LIST.sme_share" in found
    report = ev.set_value("industry.smes", {"2020": "120", "2021": "127", "2022": "130"})  # incremental re-check
    assert "LIST.smes" not in {f.rule for f in report.findings}
    report = ev.set_evidence({e["target"] for e in sample_app.evidence}, lists={})
    assert not [f for f in report.findings if f.rule.startswith("LIST.")]


def test_apply_replaces_the_list_in_a_copy(tmp_path, sample_app):
    result = read_list_workbook(list_workbook(tmp_path / "l.xlsx", [firm(1)]), "enterprises", sample_app)
    new = result.apply_to(sample_app)
    assert new.lists["enterprises"] == result.rows and "enterprises" not in sample_app.lists
    again = read_list_workbook(tmp_path / "l.xlsx", "enterprises", new)
    assert again.unchanged


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({4: "很多"}, "第 4 行 E 列：无法识别的数字“很多”"),
        ({3: dt.datetime(2022, 1, 1)}, "第 4 行 D 列是日期"),
        ({1: 913100001234567890}, "第 4 行 B 列：统一社会信用代码被存成了数字"),
        ({6: "可能"}, "第 4 行 G 列：“可能”无法识别"),
        ({0: None}, "第 4 行 A 列：企业名称不能为空"),
    ],
)
def test_bad_cells_are_named_and_nothing_is_returned(tmp_path, sample_app, row, message):
    data = [firm(1), firm(2), firm(3)]
    for col, value in row.items():
        data[1][col] = value
    path = list_workbook(tmp_path / "l.xlsx", data)
    with pytest.raises(UserError, match="未做任何修改") as err:
        read_list_workbook(path, "enterprises", sample_app)
    assert f"「Sheet1」{message}" in err.value.message


def test_blank_rows_are_skipped(tmp_path, sample_app):
    path = list_workbook(tmp_path / "l.xlsx", [firm(1), [None] * 13, [""] * 13, firm(2)])
    result = read_list_workbook(path, "enterprises", sample_app)
    assert len(result.rows) == 2 and result.blank_rows == 2 and "跳过空行 2 行" in result.notes


def test_wrong_headers(tmp_path, sample_app):
    path = list_workbook(tmp_path / "l.xlsx", [["甲", "x"]], headers=["公司", "代码"])
    with pytest.raises(UserError, match="找不到集群企业清单（备注中小企业）的表头"):
        read_list_workbook(path, "enterprises", sample_app)
    headers = [h for h in ENTERPRISE_HEADERS if h != "统一社会信用代码"]
    path = list_workbook(tmp_path / "m.xlsx", [], headers=headers)
    with pytest.raises(UserError, match="「Sheet1」第 2 行（表头）缺少“统一社会信用代码”列"):
        read_list_workbook(path, "enterprises", sample_app)


def test_merged_cells_and_formulas(tmp_path, sample_app):
    path = list_workbook(tmp_path / "l.xlsx", [firm(1), firm(2)])
    wb = load_workbook(path)
    wb.active.merge_cells("C3:C4")
    wb.save(path)
    with pytest.raises(UserError, match="C3:C4 是合并单元格"):
        read_list_workbook(path, "enterprises", sample_app)
    path = list_workbook(tmp_path / "f.xlsx", [firm(1), [*firm(2)[:3], "=100+20", *firm(2)[4:]]])
    with pytest.raises(UserError, match="第 4 行 D 列是公式“=100\\+20”，但没有保存计算结果"):
        read_list_workbook(path, "enterprises", sample_app)
    cache_formula_results(path, "120")
    result = read_list_workbook(path, "enterprises", sample_app)
    assert result.rows[1]["employees"] == 120 and any("公式" in n for n in result.notes)


def test_row_limit(tmp_path, sample_app, monkeypatch):
    monkeypatch.setattr(list_import, "MAX_ROWS", 5)
    path = list_workbook(tmp_path / "l.xlsx", [firm(i) for i in range(6)])
    with pytest.raises(UserError, match="超过 5 行的上限"):
        read_list_workbook(path, "enterprises", sample_app)


def test_other_campaign_template_is_refused(tmp_path, sample_app):
    from core.rules.applications import new_application
    from core.xlsx.form_export import export_form

    gz = export_form(new_application("GZ-2024"), tmp_path / "gz.xlsx", template=True)
    with pytest.raises(UserError, match="2024 年度申报"):
        read_list_workbook(gz, "enterprises", sample_app)


def test_exported_lists_round_trip_and_progress(tmp_path, sample_app):
    from core.xlsx.form_export import export_form

    result = read_list_workbook(list_workbook(tmp_path / "l.xlsx", [firm(i) for i in range(1200)]), "enterprises",
                                sample_app)
    app = result.apply_to(sample_app)
    std = [{"title": "MEMS 压力传感器通用规范", "number": "GB/T 1-2022", "level": "national", "role": "lead",
            "year": 2022, "firm": "甲"}]
    app.lists["standards"] = std
    path = export_form(app, tmp_path / "all.xlsx")
    seen = []
    again = read_list_workbook(path, "enterprises", app, progress=lambda done, total: seen.append(done))
    assert again.rows == app.lists["enterprises"] and again.unchanged
    assert seen[:2] == [0, 500] and seen[-1] == 1200  # 0: opening the file (no row count yet)
    assert read_list_workbook(path, "standards", app).rows == std
    with pytest.raises(UserError, match="已取消"):
        read_list_workbook(path, "enterprises", app, progress=lambda done, total: False)


def test_standards_and_platform_lists_feed_the_comparisons(tmp_path, sample_app):
    rows = [["标准甲", "GB/T 1", "国家标准", "主持", 2022], ["标准乙", "T/ABC 2", "团体", "参与", 2022]]
    path = list_workbook(tmp_path / "s.xlsx", rows, headers=["标准名称", "标准编号", "标准级别", "主持或参与", "年份"])
    app = read_list_workbook(path, "standards", sample_app).apply_to(sample_app)
    report = Evaluator(app).report()
    std = [f for f in report.findings if f.rule == "LIST.standards"]
    assert std and "2020年国家标准主持 填报1项、清单0项" in std[0].message
    path = list_workbook(tmp_path / "p.xlsx", [["国家智能传感器创新中心", "国家级"]], headers=["平台名称", "平台级别"])
    result = read_list_workbook(path, "platforms", sample_app)
    comps = {c.rule: c for c in result.comparisons(sample_app)}
    assert comps["LIST.platforms.national"].agrees and comps["LIST.platforms.provincial"].agrees is False


def test_reading_does_not_touch_the_application(tmp_path, sample_app):
    before = copy.deepcopy(sample_app.to_json())
    read_list_workbook(list_workbook(tmp_path / "l.xlsx", [firm(1)]), "enterprises", sample_app)
    assert sample_app.to_json() == before


def test_a_bad_list_cell_carries_its_code_and_names_the_cell():
    from core.xlsx.cells import CellError
    from core.xlsx.list_import import _convert
    from core.xlsx.listdefs import ENTERPRISES

    col = ENTERPRISES.column("sme")
    with pytest.raises(CellError) as err:
        _convert(col, "也许", "", "集群企业清单", 12, 3)
    assert err.value.code == "XLSX.cell.mark"
    assert str(err.value) == f"「集群企业清单」第 12 行 C 列：“也许”无法识别，{col.header}一栏请填写“是”或“否”"
