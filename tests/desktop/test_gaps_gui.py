"""还差 in the wizard, on real widgets: the line under a criterion finding and the field's own inline
line appear a moment after typing pauses, say what the gap model says, and go when the value is
fixed by typing."""

from __future__ import annotations

from desktop.session import GAPS_DELAY_MS
from tests.desktop.conftest import clear_field, type_text

OUTPUT = "industry.output_total"
RULE = "SH-2023.1.output"


def _set_2020(qtbot, view, text: str) -> None:
    cell = view.editors[OUTPUT].cells["2020"]
    clear_field(qtbot, cell)
    type_text(qtbot, cell, text)


def test_findings_panel_shows_the_gap_line_and_it_goes_when_fixed(sample_view, qtbot):
    view = sample_view
    view.go("ind1")
    _set_2020(qtbot, view, "28")
    finding = next(i for i in view.findings.finding_items() if i.data(0, 0x0100).rule == RULE)
    # Not at once: the search waits until typing pauses.
    assert finding.childCount() == 0
    qtbot.waitUntil(lambda: bool(view.findings.gap_items()), timeout=GAPS_DELAY_MS * 20)
    texts = [i.text(0) for i in view.findings.gap_items()]
    expected = view.session.gap_views()[RULE].lines[0]
    assert expected == "2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元）"
    assert texts == [f"还差：{expected}"]
    line = view.findings.gap_items()[0]
    assert line.parent() is finding and finding.isExpanded()
    assert view.findings.visualItemRect(line).height() > 0  # really on screen, not folded away
    # Typing a value that meets it: the finding goes, and its line with it, at once.
    _set_2020(qtbot, view, "30")
    assert not any(i.data(0, 0x0100).rule == RULE for i in view.findings.finding_items())
    assert not view.findings.gap_items()
    qtbot.wait(GAPS_DELAY_MS * 3)
    assert not view.findings.gap_items()


def test_gap_line_follows_the_value_while_the_criterion_still_fails(sample_view, qtbot):
    view = sample_view
    view.go("ind1")
    _set_2020(qtbot, view, "28")
    qtbot.waitUntil(lambda: "还差 2.00亿元" in " ".join(i.text(0) for i in view.findings.gap_items()),
                    timeout=GAPS_DELAY_MS * 20)
    _set_2020(qtbot, view, "25.5")
    qtbot.waitUntil(lambda: "还差 4.50亿元" in " ".join(i.text(0) for i in view.findings.gap_items()),
                    timeout=GAPS_DELAY_MS * 20)
    assert len(view.findings.gap_items()) == 1


def test_field_inline_line_names_its_own_change(sample_view, qtbot):
    view = sample_view
    view.go("ind1")
    editor = view.editors[OUTPUT]
    other = view.editors["industry.sme_share"]
    _set_2020(qtbot, view, "28")
    qtbot.waitUntil(lambda: editor.gap_line.isVisibleTo(view), timeout=GAPS_DELAY_MS * 20)
    assert editor.gap_line.full_text == "→ 2020年需达到 30.00亿元（还差 2.00亿元）"
    assert "近三年产值均在30亿元以上：2020年集群总产值（营业收入）需达到 30.00亿元" in editor.gap_line.toolTip()
    assert not other.gap_line.isVisibleTo(view)  # no gap names that field
    # One line, however narrow the editor: elided, never wrapped.
    one_line = editor.gap_line.fontMetrics().height()
    editor.gap_line.resize(120, editor.gap_line.height())
    assert editor.gap_line.text().endswith("…") and editor.gap_line.text() != editor.gap_line.full_text
    assert editor.gap_line.sizeHint().height() <= one_line + 4
    _set_2020(qtbot, view, "31")
    qtbot.waitUntil(lambda: not editor.gap_line.isVisibleTo(view), timeout=GAPS_DELAY_MS * 20)
    assert editor.gap_line.full_text == ""
