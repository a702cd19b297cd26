"""Issue 12 on real widgets: the findings panel follows the page and keeps its place, quiet 未填写,
a steady form, the title, the 新建 dialog, one undo per cell, the declaration page, the contact
pairs, F1 help per field, the 编辑 menu, per-jurisdiction placeholders and the 1366×768 fit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.wizard import COMPLETE, ERRORS, PARTIAL
from desktop.qt import QApplication, QDialog, Qt
from tests.desktop.conftest import clear_field, type_text

ROOT = Path(__file__).resolve().parents[2]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def group_titles(view) -> list[str]:
    return [g.text(0) for g in view.findings.groups()]


# --- 6. the findings panel ------------------------------------------------------------------------
def test_findings_panel_keeps_its_scroll_position_while_typing(sample_view, qtbot):
    view = sample_view
    view.go("ind4")
    view.findings.setFixedHeight(240)  # little room: the panel scrolls
    for key in ("innovation.sme_employees", "innovation.pct", "innovation.patents", "innovation.patent_growth",
                "innovation.rd_staff_share", "innovation.patents_per_10k"):
        clear_field(qtbot, view.editors[key].edit)
    for year in ("2020", "2021", "2022"):
        clear_field(qtbot, view.editors["innovation.rd_intensity"].cells[year])
    settle()
    bar = view.findings.verticalScrollBar()
    assert bar.maximum() > 0, "enough findings to scroll"
    bar.setValue(bar.maximum())
    before = bar.value()
    cell = view.editors["innovation.rd_growth"].cells["2022"]
    clear_field(qtbot, cell)  # one more finding: the tree is rebuilt ...
    type_text(qtbot, cell, "1")  # ... and rebuilt again
    settle()
    assert bar.value() == before, "the panel did not jump back to the top"


def test_findings_follow_the_current_page(sample_view, qtbot):
    view = sample_view
    assert "未发现问题" in view.findings.topLevelItem(0).text(0)  # nothing wrong: said so
    view.go("ind2")
    clear_field(qtbot, view.editors["industry.firms"].cells["2021"])
    view.go("ind1")
    clear_field(qtbot, view.editors["industry.sme_share"].cells["2022"])
    heads = view.findings.groups()
    assert heads[0].text(0).startswith("本页") and "指标一" in heads[0].text(0)
    assert heads[0].isExpanded()
    other = next(h for h in heads if "指标二" in h.text(0))
    assert not other.isExpanded(), "another page's findings start folded"
    view.go("ind2")
    heads = view.findings.groups()
    assert "指标二" in heads[0].text(0) and heads[0].isExpanded()
    assert not next(h for h in heads if "指标一" in h.text(0)).isExpanded()
    view.go("plan")  # a page without findings says so first
    assert "本页" in view.findings.topLevelItem(0).text(0) and "未发现问题" in view.findings.topLevelItem(0).text(0)


def test_an_inline_message_does_not_move_the_form(sample_view, qtbot):
    view = sample_view
    view.go("ind1")
    below = view.editors["industry.leading_share"]
    settle()
    y = below.mapTo(view, below.rect().topLeft()).y()
    cell = view.editors["industry.sme_share"].cells["2022"]
    clear_field(qtbot, cell)
    type_text(qtbot, cell, "120")
    settle()
    assert view.editors["industry.sme_share"].state == "error"
    assert below.mapTo(view, below.rect().topLeft()).y() == y
    clear_field(qtbot, cell)
    type_text(qtbot, cell, "80")
    settle()
    assert view.editors["industry.sme_share"].state is None
    assert below.mapTo(view, below.rect().topLeft()).y() == y


def test_a_new_application_is_quiet_until_a_field_is_left_or_the_page_checked(window, qtbot):
    view = window.new_application("SH-2023")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # focus changes need the active window
    assert view.session.report.errors, "core still reports the blanks"
    assert not [k for k, e in view.editors.items() if e.state == "error"]
    assert "错误 0 条" in view.verdict.text() and "未填写" in view.verdict.text()
    assert ERRORS not in view._statuses
    district = view.editors["cover.district"]
    assert district.state == "quiet" and "未填写" in district.message.text()
    assert not view.findings.finding_items() and view.findings.quiet_lines()
    # Typing and deleting again keeps it quiet while the cursor is in the field ...
    type_text(qtbot, district.edit, "x")
    clear_field(qtbot, district.edit)
    assert district.state == "quiet"
    # ... leaving it shows the error.
    view.editors["cover.date"].edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: district.state == "error", timeout=2000)
    assert view.editors["cover.date"].state == "quiet", "a field only looked at stays quiet"
    assert any("所属区" in i.text(0) for i in view.findings.finding_items())
    # 检查本页 turns every blank of this page into an error; other pages stay quiet.
    type_text(qtbot, district.edit, "闵行区")
    assert view._statuses[0] == PARTIAL, "blanks still to fill, none shown as errors"
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    assert view.editors["cover.date"].state == "error"
    assert view._statuses[0] == ERRORS
    assert view.editors["industry.output_total"].state == "quiet"


# --- 9. title, 新建 dialog, undo, declaration page, contact pairs, size ---------------------------
def test_title_and_header_follow_the_cluster_name_as_typed(window, qtbot):
    view = window.new_application("SH-2023")
    assert view.title.text() == "（未命名集群）"
    type_text(qtbot, view.editors["basic.cluster_name"].edit, "上海市嘉定区")
    assert view.title.text() == "上海市嘉定区"
    assert window.windowTitle().startswith("上海市嘉定区 — ")
    type_text(qtbot, view.editors["basic.cluster_name"].edit, "abc")
    assert view.title.text() == "上海市嘉定区abc" and window.windowTitle().startswith("上海市嘉定区abc")


def test_new_dialog_preselects_the_last_rule_set_but_never_the_partial_one(window, qtbot):
    from desktop.new_application import NewApplicationDialog, remember_ruleset

    dialog = NewApplicationDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.ruleset_id() != "CN-2022"
    assert dialog.combo.findData("CN-2022") >= 0, "the partial rule set can still be chosen"
    window.new_application("GZ-2024")  # creating one remembers its rule set
    assert NewApplicationDialog(window).ruleset_id() == "GZ-2024"
    remember_ruleset("CN-2022")
    assert NewApplicationDialog(window).ruleset_id() != "CN-2022"
    remember_ruleset("HN-2023")
    chosen = NewApplicationDialog(window)
    assert chosen.ruleset_id() == "HN-2023"
    # The menu's 新建 goes through the dialog and creates what it shows.
    from desktop import new_application

    def accept(self):
        self.combo.setCurrentIndex(self.combo.findData("SH-2023"))
        return QDialog.DialogCode.Accepted

    original = new_application.NewApplicationDialog.exec
    new_application.NewApplicationDialog.exec = accept
    try:
        view = window.new_application()
    finally:
        new_application.NewApplicationDialog.exec = original
    assert view.session.app.rules == "SH-2023"
    assert NewApplicationDialog(window).ruleset_id() == "SH-2023"


def test_one_ctrl_z_undoes_one_cell_and_takes_the_official_to_it(sample_view, qtbot):
    view = sample_view
    window = view.window()
    view.go("ind1")
    editor = view.editors["industry.output_total"]
    before = dict(view.session.value("industry.output_total"))
    type_text(qtbot, editor.cells["2020"], "12")  # two keys: one step
    type_text(qtbot, editor.cells["2021"], "3")
    assert "2021年" in window.undo_action.text()
    view.go("plan")
    window.undo_action.trigger()
    assert view.session.value("industry.output_total")["2021"] == before["2021"]
    assert view.session.value("industry.output_total")["2020"] == before["2020"] + "12"
    assert view.wizard.page.id == "ind1"
    qtbot.waitUntil(lambda: editor.cells["2021"].hasFocus(), timeout=2000)
    view.go("basic")
    window.undo_action.trigger()
    assert view.session.value("industry.output_total") == before
    assert view.wizard.page.id == "ind1"
    qtbot.waitUntil(lambda: editor.cells["2020"].hasFocus(), timeout=2000)
    view.go("basic")
    window.redo_action.trigger()  # redo goes there too
    assert view.wizard.page.id == "ind1"


def test_declaration_page_is_not_done_while_the_recommendation_is_blank(sample_view, qtbot):
    view = sample_view
    index = view.wizard.index_of("declaration")
    assert view._statuses[index] == COMPLETE
    view.go("declaration")
    for key in ("recommendation.unit", "declaration.signatory"):
        clear_field(qtbot, view.editors[key].edit)
        assert view._statuses[index] == PARTIAL, key
        assert view.page_list.item(index).toolTip() == "未填完"
        type_text(qtbot, view.editors[key].edit, "某某")
    assert view._statuses[index] == COMPLETE


def test_the_contact_pairs_sit_under_their_owner(sample_view):
    view = sample_view

    def box_of(key):
        widget = view.editors[key]
        while widget is not None and widget.objectName() != "ownerBox":
            widget = widget.parentWidget()
        return widget

    authority, applicant = box_of("basic.authority"), box_of("basic.applicant")
    assert authority is not None and applicant is not None and authority is not applicant
    assert box_of("basic.authority_contact") is authority and box_of("basic.authority_phone") is authority
    assert box_of("basic.applicant_contact") is applicant and box_of("basic.applicant_phone") is applicant
    # side by side, below their owner
    contact, phone = view.editors["basic.applicant_contact"], view.editors["basic.applicant_phone"]
    assert contact.y() == phone.y() and contact.x() < phone.x()
    assert contact.y() > view.editors["basic.applicant"].y()


def test_the_window_fits_1366x768_with_its_status_bar(sample_view, qtbot):
    window = sample_view.window()
    window.resize(1366, 768)
    settle()
    assert window.width() <= 1366 and window.height() <= 768
    assert window.minimumSizeHint().height() < 700 and window.minimumSizeHint().width() < 1366
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < window.height()
    for widget in (sample_view.next_button, sample_view.check_button, sample_view.findings, sample_view.verdict):
        rect = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
        assert window.rect().contains(rect), widget.objectName() or type(widget).__name__
    window.fit_to_screen()
    area = window.screen().availableGeometry()
    assert window.height() <= area.height() - 32 and window.width() <= area.width()


# --- 10. F1 help, 编辑 menu, Qt's own strings in Chinese ------------------------------------------
def test_f1_shows_the_filling_note_of_the_field_in_focus(sample_view, qtbot):
    view = sample_view
    window = view.window()
    view.go("ind1")
    cell = view.editors["industry.output_total"].cells["2021"]
    cell.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(cell.hasFocus, timeout=2000)
    qtbot.keyClick(cell, Qt.Key.Key_F1)
    popup = view.help_popup
    assert popup.isVisible()
    text = popup.text.text()
    form = view.session.form
    assert "8. " in text and form.filling_note(8, 2023)[:20] in text
    assert form.filling_note(9, 2023)[:20] not in text, "only this field's items"
    assert popup.width() < 600, "a small popup, not the whole notes"
    popup.close()
    # A field without items of its own: the general requirements, said as such.
    edit = view.editors["industry.leading_share"].cells["2020"]
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    qtbot.keyClick(edit, Qt.Key.Key_F1)
    assert "没有专门的填报说明" in view.help_popup.text.text()
    view.help_popup.close()
    # Outside a field: the whole 填报说明, complete (no "……" cut).
    window.show_list()
    window.show_filling_notes()
    notes = window.notes_dialog.browser.toPlainText()
    assert form.filling_note(28, 2023) in notes and "……" not in notes
    window.notes_dialog.close()


def test_edit_menu_names_the_whole_field(sample_view, qtbot):
    view = sample_view
    window = view.window()
    label = view.session.form.fields["basic.incidents"].label
    assert len(label) > 40
    view.editors["basic.incidents"].buttons["yes"].click()
    assert label in window.undo_action.text()
    view.go("ind4")
    type_text(qtbot, view.editors["innovation.patents"].edit, "1")
    assert window.undo_action.text().endswith("修改“集群内中小企业有效发明专利拥有量”")
    menu = window.undo_action.associatedObjects()
    assert all(m.sizeHint().width() < 1366 for m in menu if hasattr(m, "sizeHint"))


def test_qt_dialogs_speak_chinese_and_dates_are_chinese():
    """A fresh process, as the program starts: the file dialog's labels and dates."""
    code = textwrap.dedent("""
        import os, sys
        os.environ.pop("LC_ALL", None); os.environ["LANG"] = "C.UTF-8"; os.environ.pop("LC_TIME", None)
        sys.path.insert(0, %r)
        from desktop.app import setup_application
        from desktop.qt import QApplication, QDate, QFileDialog, QLabel, QLocale, QTimer
        app = setup_application()
        names = [t.filePath() for t in app._cluster_declare_translators]
        dialog = QFileDialog(None, "x", %r)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        print("LABELS", "|".join(l.text() for l in dialog.findChildren(QLabel)))
        print("QMS", "|".join(os.path.basename(n) for n in names))
        print("DATE", QLocale.system().toString(QDate(2026, 12, 1), QLocale.FormatType.ShortFormat))
        print("DEFAULT", QLocale().toString(QDate(2026, 12, 1), QLocale.FormatType.ShortFormat))
    """) % (str(ROOT), str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert "Look in" not in lines["LABELS"] and "查找范围" in lines["LABELS"] and "文件类型" in lines["LABELS"]
    assert "qtbase_zh_CN.qm" in lines["QMS"] and "qt_extra_zh_CN.qm" in lines["QMS"]
    assert lines["DATE"] == "2026/12/1" and lines["DEFAULT"] == "2026/12/1"


# --- 11. placeholders and notes per jurisdiction ---------------------------------------------------
@pytest.mark.parametrize(("ruleset_id", "district", "name"), [
    ("SH-2023", "例如：闵行区", "上海市"), ("HN-2023", "例如：海口市", "海南省"), ("GZ-2024", "例如：黄埔区", "广州市"),
])
def test_each_region_shows_its_own_placeholders_and_notes(window, ruleset_id, district, name):
    view = window.new_application(ruleset_id)
    assert view.editors["cover.district"].edit.placeholderText() == district
    assert name in view.editors["basic.cluster_name"].edit.placeholderText()
    texts = " ".join(label.text() for e in view.editors.values() for label in e.findChildren(type(e.title)))
    texts += " ".join(getattr(e, "edit", None).placeholderText() for e in view.editors.values()
                      if hasattr(getattr(e, "edit", None), "placeholderText"))
    assert ("海南省认定标准" in texts) == (ruleset_id == "HN-2023")
    assert ("广州市工作指引" in texts) == (ruleset_id == "GZ-2024")
    assert ("闵行" in texts) == (ruleset_id == "SH-2023")


def test_the_quiet_line_opens_its_page_and_checked_fields_stay_checked(window, qtbot):
    view = window.new_application("SH-2023")
    app_id = view.session.app_id
    line = next(item for item in view.findings.quiet_lines() if "指标一" in item.parent().text(0))
    line.parent().setExpanded(True)
    view.findings._on_item(line)
    assert view.wizard.page.id == "ind1"
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    assert view.editors["industry.output_total"].state == "error"
    window.show_list()
    again = window.open_application(app_id)  # where the official has been is kept
    assert again.editors["industry.output_total"].state == "error"
    assert again.editors["cover.district"].state == "quiet"
