"""The self-assessment page with the gap model, on the real window: the 还差 / 余量 column, 临界 on
both sides of the 2 % boundary, the chart's tooltip at a bar, the what-if table per rule set."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from core import palette
from core.chart import chart_svg
from core.rules.gap_view import CRITICAL_LABEL
from desktop.qt import QApplication, QEvent, QHelpEvent, QPoint, QToolTip
from tests.desktop.conftest import clear_field, type_text

OUTPUT = "industry.output_total"
RULE = "SH-2023.1.output"  # 近三年产值均在30亿元以上 (≥ 30, every year): 2 % of 30 is 0.60


def _set_2020(qtbot, view, text: str) -> None:
    view.go("ind1")
    cell = view.editors[OUTPUT].cells["2020"]
    clear_field(qtbot, cell)
    type_text(qtbot, cell, text)


def _row(view, rule: str) -> int:
    table = view.assessment.criteria
    title = view.session.gap_views()[rule].title
    return next(r for r in range(table.rowCount()) if table.item(r, 1).text() == title)


@pytest.mark.parametrize(("value", "critical", "room"), [
    ("30.60", True, "余量 0.60亿元（2.00%）"),  # exactly 2 %: still 临界
    ("30.61", False, "余量 0.61亿元（2.03%）"),  # just outside
    ("30.00", True, "余量 0.00亿元（0.00%）"),  # on the threshold (≥ 30 is met)
])
def test_critical_mark_on_both_sides_of_the_boundary(sample_view, qtbot, value, critical, room):
    view = sample_view
    _set_2020(qtbot, view, value)
    view.go("assessment")
    table = view.assessment.criteria
    r = _row(view, RULE)
    outcome, gap = table.item(r, 4), table.item(r, 5)
    assert gap.text() == room
    if critical:
        assert outcome.text() == CRITICAL_LABEL
        assert outcome.foreground().color().name() == palette.CRITICAL.lower()
        assert "复核人员" in outcome.toolTip() and "2%" in outcome.toolTip()
        assert RULE in view.assessment.chart_model.critical
    else:
        assert outcome.text() == "达到"
        assert outcome.foreground().color().name() == palette.GOOD.lower()
        assert RULE not in view.assessment.chart_model.critical


def test_not_met_row_shows_the_change(sample_view, qtbot):
    view = sample_view
    _set_2020(qtbot, view, "28")
    view.go("assessment")
    r = _row(view, RULE)
    gap = view.assessment.criteria.item(r, 5)
    assert gap.text() == "还差：2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元）"
    assert "标准要求：每年≥ 30亿元" in gap.toolTip()


def test_chart_tooltip_at_a_bar(sample_view, qtbot):
    view = sample_view
    _set_2020(qtbot, view, "28")
    view.go("assessment")
    page = view.assessment
    page.ensureWidgetVisible(page.chart)
    chart = page.chart_model
    hit = next(h for h in chart.hits if h.rule == RULE)
    bar = next(s for s in chart.shapes if getattr(s, "title", "") == hit.tip and hasattr(s, "w") and s.w < hit.w)
    pos = QPoint(int(bar.x + bar.w / 2), int(bar.y + bar.h / 2))  # the bar's middle, in widget pixels
    QApplication.sendEvent(page.chart, QHelpEvent(QEvent.Type.ToolTip, pos, page.chart.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    tip = QToolTip.text()
    assert tip.startswith("近三年产值均在30亿元以上\n")
    assert "按填报数据：2020年 28.00亿元" in tip and "标准要求：每年≥ 30亿元" in tip
    assert "还差：2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元）" in tip
    # Another row, another tooltip; the chips above the rows have none.
    other = next(h for h in chart.hits if h.rule != RULE)
    assert page.chart.tip_at(other.x + 5, other.y + other.h / 2) == other.tip != tip
    assert page.chart.tip_at(5, 5) == ""
    # Other SVG viewers get the same text as the bar's <title>.
    assert f"<title>{escape(hit.tip)}</title></rect>" in chart_svg(chart)


def test_whatif_table_lists_the_failing_criteria_per_rule_set(sample_view, qtbot):
    view = sample_view
    _set_2020(qtbot, view, "25")  # below 40 (CN-2022) and 30 (SH-2023); 广州 averages, 海南 needs 20
    view.go("assessment")
    table = view.assessment.whatif
    failing = view.session.failing_by_ruleset()
    assert {rs for rs, views in failing.items() if views} == {"CN-2022", "SH-2023"}
    shown: dict[str, list[tuple[str, str]]] = {}
    label = ""
    for r in range(table.rowCount()):
        if table.item(r, 0) is not None and table.rowSpan(r, 0) >= 1 and table.item(r, 0).text():
            label = table.item(r, 0).text()
        shown.setdefault(label, []).append((table.item(r, 1).text(), table.item(r, 2).text()))
    assert list(shown) == ["全国 2022（部分）", "广州 2024", "海南 2023", "上海 2023（当前）"]
    assert shown["全国 2022（部分）"] == [
        ("近三年产值均在40亿元以上", "2020年集群总产值（营业收入）需达到 40.00亿元（还差 15.00亿元）")]
    assert shown["上海 2023（当前）"] == [
        ("近三年产值均在30亿元以上", "2020年集群总产值（营业收入）需达到 30.00亿元（还差 5.00亿元）")]
    assert shown["广州 2024"] == shown["海南 2023"] == [("无未达到的标准", "—")]
    # What the table shows is what core returns, per rule set.
    for rs_id, views in failing.items():
        for v in views:
            assert v.shown and v.gaps and all(g.rule == v.rule for g in v.gaps), rs_id
