"""The wizard on real widgets: fill a complete application by keyboard, findings, rule sets,
evidence, undo, close and reopen."""

from __future__ import annotations

import pytest

from core.paths import resource
from core.wizard import BELOW, COMPLETE, ERRORS
from desktop.qt import QApplication, QDropEvent, QMimeData, QPointF, Qt, QUrl
from tests.desktop.conftest import clear_field, type_text

EVIDENCE = resource("samples", "evidence")


def fill(qtbot, editor, value) -> None:
    """Enter one sample value into its editor with the keyboard."""
    t = editor.fd.type
    if t in ("text", "longtext", "number", "percent", "count", "year"):
        type_text(qtbot, editor.edit, str(value))
    elif t in ("yesno", "yesno_na"):
        button = editor.buttons[value]
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
    elif t == "choice":
        editor.combo.setFocus()
        for _ in range(editor.combo.findData(value["selected"])):
            qtbot.keyClick(editor.combo, Qt.Key.Key_Down)
        if value.get("text"):
            type_text(qtbot, editor.text, value["text"])
    elif t == "checks":
        for key in value.get("selected", []):
            editor.boxes[key].setFocus()
            qtbot.keyClick(editor.boxes[key], Qt.Key.Key_Space)
        for key, text in (value.get("texts") or {}).items():
            type_text(qtbot, editor.texts[key], text)
    elif t == "series":
        for year, raw in value.items():
            type_text(qtbot, editor.cells[year], str(raw))
    elif t == "standards":
        for year, row in value.items():
            for level, cell in row.items():
                for role, raw in cell.items():
                    type_text(qtbot, editor.cells[(year, level, role)], str(raw))
    elif t == "platform":
        type_text(qtbot, editor.count, str(value["count"]))
        if value.get("names"):
            type_text(qtbot, editor.names, value["names"])
    else:  # pragma: no cover - the sample holds no other type
        raise AssertionError(t)


def drop_file(button, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(4, 4), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    button.dropEvent(event)


def test_fill_every_page_of_the_sample_by_keyboard(window, qtbot, sample_doc):
    view = window.new_application("SH-2023")
    session = view.session
    assert view.wizard.page.id == "basic"
    assert session.report.verdict != "pass"
    # An empty application's blanks are findings, shown as quiet 未填写 lines until visited.
    assert view.findings.quiet_lines() and not view.findings.finding_items()
    values = sample_doc["values"]
    evidence = {}
    for e in sample_doc["evidence"]:
        evidence.setdefault(e["target"], e["name"])
    for page in view.wizard.pages:
        assert view.wizard.page.id == page.id
        for key in page.fields:
            if key in values:
                fill(qtbot, view.editors[key], values[key])
        for key in page.fields:
            for target, button in view.editors[key].evidence_buttons.items():
                if target in evidence:
                    assert button.isVisibleTo(view), target
                    drop_file(button, EVIDENCE / evidence[target])
        if page.kind == "fields":
            assert view._statuses[view.wizard.current] == COMPLETE, (page.id, [
                f.message for f in session.report.findings])
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton) if view.next_button.isEnabled() else None
    assert view.wizard.page.id == "assessment"
    assert session.report.verdict == "pass", [f.message for f in session.report.findings]
    assert not view.findings.finding_items()
    assert "符合" in view.assessment.headline.text()
    # Everything typed is in the store, and evaluates the same when read back.
    from core.rules import evaluate

    stored = window.store.load(session.app_id)
    assert evaluate(stored).verdict == "pass"
    assert stored.values["basic.cluster_name"] == values["basic.cluster_name"]
    assert {e["target"] for e in stored.evidence} == set(evidence)


def test_findings_appear_and_disappear_inline_and_in_panel(sample_view, qtbot):
    view = sample_view
    assert view.session.report.verdict == "pass"
    assert not view.findings.finding_items()
    editor = view.editors["basic.cluster_name"]
    clear_field(qtbot, editor.edit)
    assert view.session.value("basic.cluster_name") == ""
    assert editor.state == "error"
    assert editor.message.isVisibleTo(view) and "必填项未填写" in editor.message.text()
    items = view.findings.finding_items()
    assert any("集群名称" in item.text(0) and item.text(1) for item in items)
    assert view._statuses[0] == ERRORS
    type_text(qtbot, editor.edit, "上海市闵行区智能传感器产业集群")
    assert editor.state is None and not editor.message.isVisibleTo(view)
    assert not view.findings.finding_items()
    assert view._statuses[0] == COMPLETE


def test_value_below_threshold_marks_the_page(sample_view, qtbot):
    view = sample_view
    view.go("ind1")
    cell = view.editors["industry.sme_share"].cells["2022"]
    clear_field(qtbot, cell)
    type_text(qtbot, cell, "20")
    assert view.session.report.indicators[1] == "fail"
    assert view._statuses[view.wizard.index_of("ind1")] == BELOW
    assert any("指标一" in view.findings.topLevelItem(i).text(0) for i in range(view.findings.topLevelItemCount()))


def test_clicking_a_finding_opens_its_page_and_focuses_the_field(sample_view, qtbot):
    view = sample_view
    view.go("ind2")
    clear_field(qtbot, view.editors["industry.firms"].cells["2021"])
    view.go("plan")
    item = next(i for i in view.findings.finding_items() if "集群企业数量" in i.text(0))
    item.parent().setExpanded(True)  # another page's group starts folded
    rect = view.findings.visualItemRect(item)
    qtbot.mouseClick(view.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.wizard.page.id == "ind2"
    assert view.page_list.currentRow() == view.wizard.index_of("ind2")
    qtbot.waitUntil(lambda: view.editors["industry.firms"].focus_target().hasFocus(), timeout=2000)


def test_rule_set_switch_re_evaluates_at_once(sample_view, qtbot):
    view = sample_view
    combo = view.ruleset_combo
    ids = [combo.itemData(i) for i in range(combo.count())]
    assert {"SH-2023", "HN-2023", "GZ-2024"} <= set(ids)
    combo.setFocus()
    combo.setCurrentIndex(ids.index("HN-2023"))
    assert view.session.ruleset_id == "HN-2023"
    assert view.session.report.ruleset == "HN-2023"
    # The application's own rule set is untouched; the choice is remembered for the view.
    assert view.session.store.get(view.session.app_id)["rules"] == "SH-2023"
    assert view.session.ui_state()["ruleset"] == "HN-2023"
    view.go("assessment")
    compare = view.assessment.compare
    headers = [compare.horizontalHeaderItem(c).text() for c in range(compare.columnCount())]
    assert len(headers) == 1 + len(ids)
    assert any("当前" in h for h in headers)
    assert compare.item(9, 0).text() == "总体结论"


def test_evidence_by_drop_clears_the_finding_and_undo_removes_it(sample_view, qtbot, tmp_path):
    view = sample_view
    session = view.session
    view.go("ind3")
    editor = view.editors["industry.quality_brand"]
    box = editor.boxes["collective_mark"]
    assert not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    target = "industry.quality_brand:collective_mark"
    button = editor.evidence_buttons[target]
    assert button.isVisibleTo(view)
    assert any("佐证材料" in m for _s, m in editor._messages)
    scan = tmp_path / "集体商标注册证.pdf"
    scan.write_bytes(b"%PDF-1.4 test scan\n")
    drop_file(button, scan)
    assert [e["name"] for e in session.evidence_for(target)] == ["集体商标注册证.pdf"]
    assert "1" in button.count.text()
    assert not any("佐证材料" in m for _s, m in editor._messages)
    stored = session.store.get(session.app_id)["evidence"]
    assert any(e["target"] == target for e in stored)
    window = view.window()
    window.undo_action.trigger()
    assert session.evidence_for(target) == []
    assert not any(e["target"] == target for e in session.store.get(session.app_id)["evidence"])
    assert any("佐证材料" in m for _s, m in editor._messages)
    window.redo_action.trigger()
    assert len(session.evidence_for(target)) == 1
    # Removing it from the button's menu is undoable too; the store's history keeps both steps.
    (entry,) = session.evidence_for(target)
    button.remove_requested.emit(target, entry["sha256"])
    assert session.evidence_for(target) == []
    assert any("佐证材料" in m for _s, m in editor._messages)
    window.undo_action.trigger()
    assert [e["sha256"] for e in session.evidence_for(target)] == [entry["sha256"]]
    assert not any("佐证材料" in m for _s, m in editor._messages)
    actions = [h.action for h in session.store.history(session.app_id)]
    assert actions.count("detach") >= 2 and actions.count("attach") >= 3


def test_undo_redo_with_keyboard_across_fields(sample_view, qtbot):
    view = sample_view
    session = view.session
    name = view.editors["basic.cluster_name"].edit
    district = view.editors["cover.district"].edit
    type_text(qtbot, district, "X")
    type_text(qtbot, name, "AB")
    assert session.value("basic.cluster_name").endswith("AB")
    assert session.store.get(session.app_id)["values"]["basic.cluster_name"].endswith("AB")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "上海市闵行区智能传感器产业集群"
    assert session.store.get(session.app_id)["values"]["basic.cluster_name"] == "上海市闵行区智能传感器产业集群"
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert district.text() == "闵行区"
    qtbot.keyClick(name, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert district.text() == "闵行区X"
    assert session.store.get(session.app_id)["values"]["cover.district"] == "闵行区X"


def test_close_and_reopen_returns_to_the_same_page(window, qtbot, db_file, messages):
    from desktop.app import open_store
    from desktop.mainwindow import MainWindow

    app_id = window.load_sample()
    view = window.open_application(app_id)
    view.page_list.setCurrentRow(view.wizard.index_of("ind5"))
    assert view.wizard.page.id == "ind5"
    type_text(qtbot, view.editors["digital.summary"].edit, "补充说明")
    window.close()

    # A fresh program on the same database; the first one still holds the lock, so it opens read-only.
    store, lock, _note = open_store(str(db_file), ask=lambda *_: True)
    try:
        again = MainWindow(store)
        qtbot.addWidget(again)
        again.list_view.refresh()
        assert again.list_view.table.rowCount() == 1
        view2 = again.open_application(again.list_view.selected_id())
        assert view2.wizard.page.id == "ind5"
        assert view2.editors["digital.summary"].edit.toPlainText().endswith("补充说明")
        again.close()
    finally:
        store.close()
        lock.release()


def test_ctrl_s_says_saved(sample_view, qtbot):
    window = sample_view.window()
    qtbot.keyClick(sample_view.editors["cover.district"].edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "已保存" in window.statusBar().currentMessage()
    assert sample_view.saved_label.text() == "已保存"


@pytest.mark.parametrize("page_id", ["ind4", "declaration", "plan"])
def test_pages_are_generated_from_the_form(sample_view, page_id):
    view = sample_view
    page = view.wizard.pages[view.wizard.index_of(page_id)]
    assert set(page.fields) <= set(view.editors)
    widget = view.pages[view.wizard.index_of(page_id)]
    assert set(widget.editors) == set(page.fields)
    view.go(page_id)
    assert view.page_list.currentItem().text() == (page.number_title if page.indicator else page.title)
    for key in page.fields:  # each field shows its label from the form, as the official reads it
        editor = widget.editors[key]
        assert editor.isVisibleTo(view)
        assert editor.fd.label.replace("&", "&amp;").replace("<", "&lt;")[:10] in editor.title.text()


def test_pasting_a_row_copied_from_excel_fills_the_year_cells(sample_view, qtbot):
    view = sample_view
    view.go("ind1")
    editor = view.editors["industry.output_total"]
    QApplication.clipboard().setText("28.10\t46.80\t53.60\r\n")  # a row of three cells from Excel
    first = editor.cells["2020"]
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [editor.cells[y].text() for y in ("2020", "2021", "2022")] == ["28.10", "46.80", "53.60"]
    assert view.session.report.indicators[1] == "fail"  # 28.10 亿元 is below 30 in 2020
    stored = view.session.store.get(view.session.app_id)["values"]["industry.output_total"]
    assert stored == {"2020": "28.10", "2021": "46.80", "2022": "53.60"}
    # Pasted from the second year on, only the remaining cells are filled; one cell pastes as usual.
    QApplication.clipboard().setText("40.00\n41.00\n99.99")
    second = editor.cells["2021"]
    second.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(second, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [editor.cells[y].text() for y in ("2020", "2021", "2022")] == ["28.10", "40.00", "41.00"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step per paste
    assert editor.cells["2022"].text() == "53.60"
