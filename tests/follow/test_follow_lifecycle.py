"""A recognised cluster followed through three yearly reports to its 复核, in a real SQLite store."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest

from core.errors import UserError
from core.follow.annual_check import BEHIND, FAIL, NOT_MET_T, ON_TRACK, PASS, check_annual
from core.follow.printout import annual_pdf, review_pdf, write_pdf
from core.follow.review import review
from core.rules.model import NOT_MET
from tests.follow.conftest import LIST, ON_PLAN, fill_year


def _check(reg, app_id, year):
    cluster = reg.cluster(app_id)
    return check_annual(cluster, year, reg.figure_fields(cluster), list(reg.annual_form.sections))


def test_recognition_dates_from_the_rule_set_and_is_kept_once(reg, app_id):
    rec = reg.recognize(app_id, "2023-11-20", LIST)
    assert (rec.recognized_on, rec.valid_until, rec.rules) == ("2023-11-20", "2026-11-19", "SH-2023")
    assert reg.recognition("2023-001") == rec
    with pytest.raises(UserError, match="已于 2023-11-20 记录为已认定"):
        reg.recognize(app_id, "2024-01-01", LIST)
    with pytest.raises(UserError, match="认定名单"):
        reg.recognize(app_id, "2024-01-01", "  ")


def test_three_yearly_reports_then_a_review_that_passes(reg, with_targets, tmp_path):
    for year in (2023, 2024, 2025):
        fill_year(reg, with_targets, year, **ON_PLAN[year])
        result = _check(reg, with_targets, year)
        assert result.verdict == PASS, [c.message for c in result.criteria if c.outcome == NOT_MET]
        assert result.missing == []
    # 2023: 60 亿元 against a straight line 53.60 → 80.00 by 2025 (62.40 in 2023): behind, and by how much
    first = _check(reg, with_targets, 2023)
    output = next(p for p in first.targets if p.target.metric == "industry.output_total" and p.target.year == 2025)
    assert output.status == BEHIND and str(output.shortfall.quantize(output.expected.__class__("0.01"))) == "2.40"
    assert "还差 2.40亿元" in output.text
    iiot = next(p for p in first.targets if p.target.metric == "digital.iiot_rate")
    assert iiot.status == ON_TRACK
    rv = review(reg, with_targets, date(2026, 11, 1))
    assert rv.verdict == PASS, rv.reasons
    assert rv.latest_year == 2025 and len(rv.targets) == 10 and not rv.revocations
    data, warnings = review_pdf(rv)
    out = write_pdf(data, tmp_path / "复核.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "复核报告" in text and "结论：通过" in text and "已完成" in text and "2026-11-19" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansSC" in fonts and "Helvetica" not in fonts
    assert warnings == []


def test_a_missed_target_fails_the_review(reg, with_targets):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    fill_year(reg, with_targets, 2024, **ON_PLAN[2024])
    fill_year(reg, with_targets, 2025, **{**ON_PLAN[2025], "industry.output_total": "75"})
    rv = review(reg, with_targets, date(2026, 11, 1))
    assert rv.verdict == FAIL
    missed = [p for p in rv.targets if p.status == NOT_MET_T]
    assert [(p.target.metric, p.target.year) for p in missed] == [("industry.output_total", 2025)]
    assert any("集群总产值" in r and "还差 5.00亿元" in r for r in rv.reasons)


def test_a_criterion_no_longer_met_shows_its_gap(reg, with_targets):
    fill_year(reg, with_targets, 2023, **{**ON_PLAN[2023], "industry.output_total": "28"})
    result = _check(reg, with_targets, 2023)
    assert result.verdict == FAIL
    output = next(c for c in result.criteria if c.rule == "SH-2023.1.output")
    assert output.outcome == NOT_MET and output.gaps and "30" in output.gaps[0]


def test_revoking_events_and_late_reports(reg, with_targets):
    for year in (2023, 2024, 2025):
        fill_year(reg, with_targets, year, **ON_PLAN[year])
    reg.add_event(with_targets, "area", "2024-05-01", "空间范围扩大至莘庄工业区北区", "2024-05-20")
    assert review(reg, with_targets, date(2026, 11, 1)).verdict == PASS  # reported: no revocation
    e = reg.add_event(with_targets, "operator", "2025-03-01", "运营管理机构变更为某某公司")
    rv = review(reg, with_targets, date(2026, 11, 1))
    assert rv.verdict == FAIL and any("运营管理机构变更" in r and "未报备" in r for r in rv.reasons)
    reg.report_event(with_targets, e.id, "2025-03-15")
    assert review(reg, with_targets, date(2026, 11, 1)).verdict == PASS
    with pytest.raises(UserError, match="报备日期 2025-02-01 早于事件日期 2025-03-01"):
        reg.report_event(with_targets, e.id, "2025-02-01")
    with pytest.raises(UserError, match="事件类型“fire”无效"):
        reg.add_event(with_targets, "fire", "2025-03-01", "x")


def test_a_report_not_sent_is_a_revocation(reg, with_targets):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    rv = review(reg, with_targets, date(2026, 11, 1))
    assert rv.verdict == FAIL
    assert any("2024 年度" in r and "未按时报送" in r for r in rv.reasons)


def test_one_report_per_year_and_bad_values_name_the_item(reg, recognised):
    reg.new_annual(recognised, 2023)
    with pytest.raises(UserError, match="2023 年度培育情况已经建立（草稿）"):
        reg.new_annual(recognised, 2023)
    with pytest.raises(UserError, match="2026 年不在.*2023、2024、2025"):
        reg.new_annual(recognised, 2026)
    with pytest.raises(UserError, match="集群总产值（营业收入）（亿元）.*万吨"):
        reg.set_annual(recognised, 2023, {"industry.output_total": "60万吨", "report.problems": "无"})
    assert reg.annual(recognised, 2023).values == {}  # nothing of a refused edit is stored
    with pytest.raises(UserError, match="没有“figures.industry.firms_typo”这一项"):
        reg.set_annual(recognised, 2023, {"industry.firms_typo": "3"})
    with pytest.raises(UserError, match="超过 1000 字"):
        reg.set_annual(recognised, 2023, {"report.problems": "字" * 1001})
    reg.set_annual(recognised, 2023, {"digital.iiot_rate": "45%"})
    reg.submit_annual(recognised, 2023, "2024-04-01")
    with pytest.raises(UserError, match="已于 2024-04-01 报送"):
        reg.set_annual(recognised, 2023, {"digital.iiot_rate": "46"})
    with pytest.raises(UserError, match="已于 2024-04-01 报送"):
        reg.new_annual(recognised, 2023)


def test_not_recognised_is_refused(reg, app_id):
    with pytest.raises(UserError, match="尚未记录为已认定"):
        reg.new_annual(app_id, 2023)


def test_every_change_is_in_the_history(store, reg, with_targets):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    reg.add_event(with_targets, "industry", "2024-01-10", "主导产业调整为智能传感器及系统")
    actions = [(e.action, (e.new or {}).get("op")) for e in store.history(with_targets) if e.kind == "app"]
    assert ("recognize", None) in actions
    assert actions.count(("target", "confirm")) == 10
    assert {("annual", "new"), ("annual", "set"), ("annual", "submit"), ("event", "add")} <= set(actions)
    from core.store.history_text import describe

    shown = [describe(e, None) for e in store.history(with_targets) if e.action in ("target", "event")]
    assert shown and not any("复制自" in d.new or "来自文件" in d.new for d in shown)
    # the application's own data is untouched by the register
    assert store.get(with_targets)["values"]["plan.targets"].startswith("到2025年")


def test_yearly_report_pdf_says_the_layout_is_not_official(reg, with_targets, tmp_path):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    cluster = reg.cluster(with_targets)
    figures = reg.figure_fields(cluster)
    data, _ = annual_pdf(cluster, 2023, reg.annual_form, figures, _check(reg, with_targets, 2023))
    out = write_pdf(data, tmp_path / "年度.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "集群年度培育情况信息表（2023年度）" in flat
    assert "没有给出官方表样" in flat
    for heading in ("发展规划执行情况", "目标进展", "工作经验", "问题与改进措施"):
        assert heading in flat
    assert "60.00亿元" in flat and "进度落后" in flat and "2024-04-10前" in flat


def test_register_exports_json_and_excel(reg, with_targets, tmp_path):
    import openpyxl

    from core.follow.export import write_register

    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    reg.add_event(with_targets, "operator", "2024-06-01", "运营管理机构变更")
    data = json.loads(write_register(reg, tmp_path / "台账.json").read_text(encoding="utf-8"))
    cl = data["clusters"][0]
    assert cl["recognition"]["valid_until"] == "2026-11-19" and len(cl["targets"]) == 10
    assert cl["annual_reports"][0]["values"]["figures.industry.output_total"] == "60"
    assert cl["events"][0]["revokes"] is True
    wb = openpyxl.load_workbook(write_register(reg, tmp_path / "台账.xlsx"))
    assert wb.sheetnames == ["已认定集群", "发展目标", "年度培育情况", "重大变动及事件", "年度总览"]
    assert wb["已认定集群"]["E2"].value == "2026-11-19"
    rows = list(wb["年度培育情况"].iter_rows(values_only=True))
    assert any(r[3] == "集群总产值（营业收入）" and r[5] == 60 for r in rows)
    overview = list(wb["年度总览"].iter_rows(values_only=True))
    assert [r[2] for r in overview[1:]] == [2023, 2024, 2025] and overview[1][4] == "2024-04-01"
    assert overview[2][4] == "未报送"
    with pytest.raises(UserError, match=r"\.json 或 \.xlsx"):
        write_register(reg, tmp_path / "台账.csv")


def test_backup_and_restore_carry_the_register(store, reg, with_targets, tmp_path):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    backup = store.backup(tmp_path / "backup.sqlite")
    reg.add_event(with_targets, "operator", "2024-06-01", "之后才记录的事件")
    store.restore(backup)
    cluster = reg.cluster(with_targets)
    assert cluster.recognition.valid_until == "2026-11-19" and len(cluster.targets) == 10
    assert cluster.report(2023).submitted_on == "2024-04-01" and cluster.events == []
