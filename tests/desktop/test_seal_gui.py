"""The window and a sealed (exported) application: the prompt before editing (reopen with a
reason, work on a copy, cancel: nothing changed), the status box's choices, the 报送记录 view and
the list's 编号 / region / export columns. Real windows, a real SQLite file, real store receipts."""

from __future__ import annotations

from core.store.seal import data_hash
from desktop.applist import COL
from desktop.operations import OpChanges
from desktop.qt import QApplication, QMessageBox, QPushButton, Qt, QTimer
from tests.desktop.conftest import type_text

SHA = "ab" * 32
FINGERPRINT = "cd" * 32


def seal(window, app_id: str) -> None:
    """What a successful package export leaves behind (core.package.export.record_export), told to
    the views the way desktop/package_dialogs.apply_export does."""
    store = window.store
    store.record_export(app_id, path="/tmp/闵行-报送包.zip", sha256=SHA, certificate_sha256=FINGERPRINT,
                        signer="上海市闵行区经济委员会", data_sha256=data_hash(store.get(app_id)), size=4096)
    window.ops.announce(OpChanges(app_id, status="exported", app_list=True))


def answer_prompt(qtbot, button_name: str, then=None) -> list[str]:
    """Click ``button_name`` in the seal prompt as soon as it shows; ``then`` handles the next dialog."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        if then is not None:
            QTimer.singleShot(0, then)
        box.findChild(QPushButton, button_name).click()

    QTimer.singleShot(0, click)
    return seen


def fill_reason(reason: str):
    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "reopenDialog":
            QTimer.singleShot(20, handle)
            return
        assert not dialog.ok.isEnabled()  # no reason, no reopening
        dialog.reason.setPlainText(reason)
        assert dialog.ok.isEnabled()
        dialog.ok.click()
    return handle


def open_sealed(window, qtbot):
    app_id = window.load_sample()
    view = window.open_application(app_id)
    seal(window, app_id)
    assert view.session.sealed and view.status_box.combo.currentText() == "已导出"
    view.go("basic")
    return view, app_id


def test_cancel_changes_nothing(window, qtbot):
    view, app_id = open_sealed(window, qtbot)
    before = window.store.get(app_id)
    history = len(window.store.history(app_id))
    editor = view.editors["basic.area"]
    seen = answer_prompt(qtbot, "sealCancel")
    type_text(qtbot, editor.edit, "9")
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "已导出报送包（已封存）" in seen[0]
    after = window.store.get(app_id)
    assert data_hash(after) == data_hash(before) and after["status"] == "exported"
    assert len(window.store.history(app_id)) == history
    assert editor.edit.text() == before["values"]["basic.area"]  # the field shows the stored value again
    assert view.session.undo_stack.count() == 0


def test_reopen_with_reason_then_the_edit_is_saved(window, qtbot):
    view, app_id = open_sealed(window, qtbot)
    editor = view.editors["basic.area"]
    seen = answer_prompt(qtbot, "sealReopen", then=fill_reason("区局审核退回，更正占地面积"))
    type_text(qtbot, editor.edit, "9")
    qtbot.waitUntil(lambda: window.store.get(app_id)["status"] == "draft", timeout=3000)
    assert seen
    qtbot.waitUntil(lambda: window.store.get(app_id)["values"]["basic.area"].endswith("9"), timeout=3000)
    event = [e for e in window.store.history(app_id) if e.action == "reopen"][-1]
    assert event.new["reason"] == "区局审核退回，更正占地面积" and event.new["package_sha256"] == SHA
    assert view.status_box.combo.currentText() == "草稿" and view.status_box.combo.isEnabled()
    assert not view.status_box.reopen_button.isVisible()
    assert len(window.store.receipts(app_id)) == 1  # the old package's receipt stays


def test_work_on_a_copy_opens_the_copy_and_keeps_the_sealed_one(window, qtbot):
    view, app_id = open_sealed(window, qtbot)
    sealed = data_hash(window.store.get(app_id))
    answer_prompt(qtbot, "sealCopy")
    type_text(qtbot, view.editors["basic.area"].edit, "9")
    qtbot.waitUntil(lambda: window.session is not None and window.session.app_id != app_id, timeout=3000)
    copy_id = window.session.app_id
    assert window.store.get(copy_id)["status"] == "draft"
    assert data_hash(window.store.get(app_id)) == sealed and window.store.get(app_id)["status"] == "exported"
    assert window.wizard_view.status_box.combo.currentText() == "草稿"


def test_status_box_offers_only_allowed_transitions(window, qtbot):
    app_id = window.load_sample()
    view = window.open_application(app_id)
    box = view.status_box
    assert box.offered() == ["draft", "pending_review", "recommended"]  # the sample's recommendation is filled
    assert "已导出" not in [box.combo.itemText(i) for i in range(box.combo.count())]
    # without a recommendation unit, 已推荐 is shown but cannot be picked
    view.session.edit("recommendation.unit", "")
    assert box.offered() == ["draft", "pending_review"]
    index = box.combo.findData("recommended")
    assert index > 0 and not box.combo.model().item(index).isEnabled()
    assert "推荐单位" in box.combo.model().item(index).toolTip()
    box.combo.activated.emit(box.combo.findData("pending_review"))
    assert window.store.get(app_id)["status"] == "pending_review"
    assert box.combo.currentText() == "待审核" and box.offered() == ["pending_review", "draft"]
    view.session.edit("recommendation.unit", "上海市闵行区经济委员会")
    box.combo.activated.emit(box.combo.findData("recommended"))
    assert window.store.get(app_id)["status"] == "recommended"
    rows = [(e.old, e.new) for e in window.store.history(app_id) if e.field == "status"]
    assert rows == [("draft", "pending_review"), ("pending_review", "recommended")]
    seal(window, app_id)
    assert box.offered() == ["exported"] and not box.combo.isEnabled()
    assert box.reopen_button.isVisible() and box.receipts_button.isVisible()
    assert "共导出 1 次" in box.receipts_button.toolTip() and SHA[:12] in box.receipts_button.toolTip()


def test_receipts_view_lists_exports_with_copyable_hashes(window, qtbot):
    from desktop.receipts import ReceiptsDialog

    app_id = window.load_sample()
    seal(window, app_id)
    dialog = ReceiptsDialog(window.store, app_id, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "上海市闵行区经济委员会"
    assert dialog.table.item(0, 3).text() == "/tmp/闵行-报送包.zip"
    assert dialog.sha.text() == SHA
    assert dialog.fingerprint.text().replace(" ", "") == FINGERPRINT.upper()
    dialog.findChild(QPushButton, "copySha").click()
    assert QApplication.clipboard().text() == SHA
    dialog.findChild(QPushButton, "copyFingerprint").click()
    assert QApplication.clipboard().text().lower() == FINGERPRINT
    dialog.close()


def test_list_shows_number_region_and_export_time(window, qtbot):
    from core.timefmt import local_time

    first = window.load_sample()
    window.show_list()
    second = window.list_view.duplicate_selected()
    seal(window, first)
    lv = window.list_view
    rows = {lv.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(lv.table.rowCount())}
    cell = lambda app_id, key: lv.table.item(rows[app_id], COL[key]).text()  # noqa: E731
    assert cell(first, "number") == "2023-001" and cell(second, "number") == "2023-002"
    assert cell(first, "region") == cell(second, "region") == "上海"
    assert cell(first, "exported") == local_time(window.store.receipts(first)[0].at) and cell(second, "exported") == ""
    assert cell(first, "status") == "已导出"
    lv.search.setText("2023-002")
    qtbot.waitUntil(lambda: lv.table.rowCount() == 1, timeout=2000)
    assert lv.selected_id() == second


def test_receipts_menu_opens_the_view(window, qtbot, monkeypatch):
    from desktop import receipts

    app_id = window.load_sample()
    seal(window, app_id)
    shown = []
    monkeypatch.setattr(receipts.ReceiptsDialog, "exec", lambda self: shown.append(self.table.rowCount()))
    window.findChild(type(window.undo_action), "actReceipts").trigger()
    assert shown == [1]
