"""History in the window: the real store history of a real SQLite file, a field's own history
(from its context menu), the application as it was (read only), and restore (asked, recorded,
undoable)."""

from __future__ import annotations

from desktop import history_view
from desktop.history_view import HistoryDialog, VersionDialog
from desktop.qt import QApplication, QContextMenuEvent, QKeySequence, QPoint
from tests.desktop.conftest import type_text

KEY = "basic.cluster_name"
OLD = "上海市闵行区智能传感器产业集群"


def edit_name(window, qtbot, view, suffix="二期"):
    editor = view.editors[KEY]
    type_text(qtbot, editor.focus_target(), suffix)
    editor.focus_target().clearFocus()  # commits the edit
    qtbot.waitUntil(lambda: window.store.get(window.session.app_id)["values"][KEY] == OLD + suffix)


def test_history_lists_the_stores_history(window, sample_view, qtbot, db_file):
    edit_name(window, qtbot, sample_view)
    app_id = window.session.app_id
    dialog = history_view.show_history(window)
    qtbot.addWidget(dialog)
    stored = window.store.history(app_id)
    assert db_file.is_file() and dialog.table.rowCount() == len(stored) >= 2
    newest = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert newest[0] == str(stored[-1].id)
    assert newest[3] == "修改" and newest[4].endswith("集群名称")  # Chinese label, not the key
    assert newest[5] == OLD and newest[6] == OLD + "二期"
    from core.timefmt import local_time

    assert newest[1] == local_time(stored[-1].at, seconds=True) and newest[2] == stored[-1].user
    oldest = dialog.table.item(dialog.table.rowCount() - 1, 3).text()
    assert oldest == "导入"  # the sample came in through import


def test_field_history_from_the_fields_context_menu(window, sample_view, qtbot):
    edit_name(window, qtbot, sample_view)
    target = sample_view.editors[KEY].focus_target()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), target.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(target, event)
    menu = window._field_history_menu.last_menu
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert "本栏修改记录…" in texts and len(texts) > 2  # the field's own copy/paste menu stays
    action = next(a for a in menu.actions() if a.objectName() == "actFieldHistoryHere")
    action.trigger()
    menu.close()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "本栏修改记录 — 集群名称"
    assert dialog.table.rowCount() == 1  # the import wrote the whole application, the edit this field
    assert dialog.table.item(0, 6).text() == OLD + "二期"


def test_field_history_menu_entry_uses_the_focused_field(window, sample_view, qtbot):
    sample_view.editors[KEY].focus_target().setFocus()
    dialog = history_view.show_field_history(window, sample_view.editors[KEY].focus_target())
    qtbot.addWidget(dialog)
    assert dialog.field_key == KEY and dialog.table.rowCount() == 0
    assert "本栏共有 0 条" in dialog.summary.text()


def test_version_view_is_read_only_and_shows_then_and_now(window, sample_view, qtbot):
    app_id = window.session.app_id
    first = window.store.history(app_id)[-1].id  # right after the import
    edit_name(window, qtbot, sample_view)
    dialog = HistoryDialog(window, app_id)
    qtbot.addWidget(dialog)
    version = dialog.show_version(entry=first)
    assert isinstance(version, VersionDialog)
    then, now = version.texts()[KEY]
    assert then == OLD and now == OLD + "二期"
    row = next(i for i, r in enumerate(version.rows) if r.key == KEY)
    assert version.table.item(row, 1).font().bold()
    assert version.table.editTriggers() == version.table.EditTrigger.NoEditTriggers
    version.only_changed.setChecked(True)
    shown = [r for i, r in enumerate(version.rows) if not version.table.isRowHidden(i)]
    assert [r.key for r in shown] == [KEY]
    assert window.store.get(app_id)["values"][KEY] == OLD + "二期"  # looking changed nothing
    version.close()


def test_version_at_a_time_before_the_application_existed(window, sample_view, qtbot):
    dialog = HistoryDialog(window, window.session.app_id)
    qtbot.addWidget(dialog)
    assert dialog.show_version(when="2001-01-01T00:00:00") is None
    assert dialog.message.isVisibleTo(dialog) and "2001" in dialog.message.text()


def test_restore_asks_changes_the_stored_values_and_can_be_undone(window, sample_view, qtbot, messages):
    app_id = window.session.app_id
    first = window.store.history(app_id)[-1].id
    edit_name(window, qtbot, sample_view)
    dialog = HistoryDialog(window, app_id)
    qtbot.addWidget(dialog)
    assert dialog.restore(entry=first) == 1
    assert any(kind == "question" and "恢复到" in text for kind, text in messages)
    assert window.store.get(app_id)["values"][KEY] == OLD
    assert window.session.value(KEY) == OLD  # the open wizard shows the restored data
    assert window.wizard_view.editors[KEY].value() == OLD
    assert window.store.history(app_id)[-1].action == "restore"
    assert dialog.table.item(0, 3).text() == "恢复版本"
    assert dialog.undo_button.isVisibleTo(dialog)
    assert dialog.undo_restore() == 1
    assert window.store.get(app_id)["values"][KEY] == OLD + "二期"
    assert window.wizard_view.editors[KEY].value() == OLD + "二期"


def test_restore_declined_changes_nothing(window, sample_view, qtbot, monkeypatch):
    from desktop.qt import QMessageBox

    app_id = window.session.app_id
    first = window.store.history(app_id)[-1].id
    edit_name(window, qtbot, sample_view)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dialog = HistoryDialog(window, app_id)
    qtbot.addWidget(dialog)
    count = len(window.store.history(app_id))
    assert dialog.restore(entry=first) is None
    assert window.store.get(app_id)["values"][KEY] == OLD + "二期"
    assert len(window.store.history(app_id)) == count


def test_menus_and_print_shortcuts(window):
    texts = [a.text() for a in window.history_menu.actions()]
    assert texts == ["申请修改记录…", "本栏修改记录…"]
    preview = window.findChild(type(window.undo_action), "actPreviewAll")
    printing = window.findChild(type(window.undo_action), "actPrintAll")
    assert preview.shortcut() == QKeySequence("Ctrl+Shift+P")
    assert printing.shortcut().matches(QKeySequence("Ctrl+P")) == QKeySequence.SequenceMatch.ExactMatch


def test_preview_shortcut_opens_the_preview_window(window, sample_view, qtbot):
    from desktop.print_preview import PrintPreviewDialog

    window.findChild(type(window.undo_action), "actPreviewAll").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.page_count() > 5
    dialog.close()


def test_read_only_database_shows_history_but_offers_no_restore(gui_app, tmp_path, qtbot, messages):
    from core.paths import resource
    from core.store import Store
    from desktop.mainwindow import MainWindow

    db = tmp_path / "ro.sqlite"
    with Store.open(str(db)) as store:
        app_id = store.import_json(resource("samples", "sample-application.json"))
        store.set_value(app_id, KEY, OLD + "二期")
    with Store.open(str(db), readonly=True) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.list_view.refresh(select=app_id)
        dialog = history_view.show_history(window)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 2
        assert dialog.view_button.isEnabled() and not dialog.restore_button.isEnabled()
        version = dialog.show_version(entry=window.store.history(app_id)[0].id)
        assert version.texts()[KEY] == (OLD, OLD + "二期") and not version.restore_button.isEnabled()
        version.close()
        dialog.close()
        window.close()


def test_restore_of_a_sealed_application_asks_to_unseal_first(window, sample_view, qtbot, monkeypatch):
    """A version restore changes signed data like an edit does: the seal prompt comes first, and
    declining it (cancel) restores nothing."""
    from core.store.seal import data_hash
    from desktop.qt import QMessageBox
    from tests.desktop.test_seal_gui import seal

    app_id = window.session.app_id
    first = window.store.history(app_id)[-1].id
    edit_name(window, qtbot, sample_view)
    seal(window, app_id)
    asked = []
    window.session.ask_unseal = lambda: (asked.append(True), ("cancel", None))[1]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    before = data_hash(window.store.get(app_id))
    dialog = HistoryDialog(window, app_id)
    qtbot.addWidget(dialog)
    assert dialog.restore(entry=first) is None
    assert asked and data_hash(window.store.get(app_id)) == before
    assert window.store.get(app_id)["status"] == "exported"
