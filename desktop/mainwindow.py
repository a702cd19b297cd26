"""The main window: the application list and, once one is opened, its wizard; the menus."""

from __future__ import annotations

from pathlib import Path

from core import palette
from core.store import Store
from desktop import lastdir
from desktop.applist import AppListView
from desktop.i18n import tr_fmt
from desktop.operations import OpChanges, Operations
from desktop.qt import (
    QAction,
    QApplication,
    QEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    QStackedWidget,
    Qt,
    QUndoGroup,
)
from desktop.saved import confirm_saved
from desktop.session import EditSession
from desktop.wizardview import WizardView

UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoKeyFilter(QObject):
    """Text fields keep no undo of their own: Ctrl+Z / Ctrl+Y always reach the application's
    undo stack, so one undo history covers every edit (and every edit is saved)."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(obj, (QLineEdit, QPlainTextEdit)):
            ctrl_y = event.key() == Qt.Key.Key_Y and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl_y or any(event.matches(k) for k in UNDO_KEYS):
                return True  # not accepted: the window's shortcut fires instead of the field's own undo
        return False


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, readonly_note: str = ""):
        super().__init__()
        self.store = store
        self.session: EditSession | None = None
        self.wizard_view: WizardView | None = None
        self.undo_group = QUndoGroup(self)
        self.ops = Operations(self)  # every change to stored data; failures shown once, here
        self.ops.failed.connect(self.show_error)
        self.setWindowTitle(self.tr("集群申报助手") + (self.tr("（只读）") if store.readonly else ""))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.list_view = AppListView(store, self.stack, ops=self.ops)
        self.stack.addWidget(self.list_view)
        self.list_view.open_requested.connect(self.open_application)
        self.list_view.new_requested.connect(lambda: self.new_application())
        self.list_view.sample_requested.connect(self.load_sample)
        self._undo_filter = UndoKeyFilter(self)
        QApplication.instance().installEventFilter(self._undo_filter)
        self._build_menus()
        where = QLabel(tr_fmt(self.tr("数据库：%1"), store.label) + (f"　{readonly_note}" if readonly_note else ""))
        where.setStyleSheet(f"color: {palette.INFO};")
        self.statusBar().addPermanentWidget(where)
        self.list_view.refresh()
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """1280×760 where there is room; on a 1366×768 screen the area the taskbar leaves, less the
        title bar, so the status bar stays on screen."""
        area = self.screen().availableGeometry()
        title_bar = 32  # the window manager's frame is only known once shown
        self.resize(min(1280, area.width()), min(760, area.height() - title_bar))

    # --- menus ----------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self._action(file_menu, self.tr("新建申请(&N)…"), self.new_application, QKeySequence.StandardKey.New, "actNew")
        self._action(file_menu, self.tr("打开申请(&O)…"), self.show_list, QKeySequence.StandardKey.Open, "actOpen")
        self._action(file_menu, self.tr("保存(&S)"), self.save, QKeySequence.StandardKey.Save, "actSave")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("导入 JSON(&I)…"), self.import_json, None, "actImport")
        self._action(file_menu, self.tr("导出 JSON(&E)…"), self.export_json, None, "actExport")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("备份数据库(&B)…"), self.backup, None, "actBackup")
        self._action(file_menu, self.tr("从备份恢复(&R)…"), self.restore, None, "actRestore")
        self._action(file_menu, self.tr("数据库连接(&L)…"), self._edit_connection, None, "actConnection")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit, "actQuit")

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("检查本页(&C)"), self.check_page, None, "actCheckPage")

        self.print_menu = bar.addMenu(self.tr("打印(&P)"))
        self.excel_menu = bar.addMenu(self.tr("Excel(&X)"))
        self.package_menu = bar.addMenu(self.tr("报送(&S)"))
        from desktop import integrations

        integrations.fill_menus(self)
        self._action(self.package_menu, self.tr("报送记录(&J)…"), self.show_receipts, None, "actReceipts")
        self._action(self.package_menu, self.tr("评审台(&D)…"), self.open_desk, None, "actDesk")

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("填报说明(&G)"), self.show_filling_notes, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, self.tr("关于(&A)"), self.show_about)

    def open_desk(self) -> None:
        """The review desk (评审台) on this window's database (desktop/desk)."""
        from core.desk import Desk
        from core.desk.archive import archive_of
        from desktop.desk.window import DeskWindow

        self.desk_window = DeskWindow(Desk(self.store, archive_of(self.store)), self)
        self.desk_window.show()

    # --- the current application ----------------------------------------------------------------
    def current_app_id(self) -> str | None:
        if self.session is not None and self.stack.currentWidget() is self.wizard_view:
            return self.session.app_id
        return self.list_view.selected_id()

    def open_application(self, app_id: str) -> WizardView | None:
        self.close_application()
        done = self.ops.run(lambda: EditSession(self.store, app_id, self, ops=self.ops))
        if not done:
            return None
        self.session = session = done.value
        self.wizard_view = WizardView(session, self.stack)
        self.wizard_view.closed.connect(self.show_list)
        self.wizard_view.title_changed.connect(self._show_app_title)
        self.wizard_view.export_requested.connect(self._export_from_assessment)
        from desktop import integrations

        self.wizard_view.assessment.set_export_actions(integrations.export_actions(self))
        self.stack.addWidget(self.wizard_view)
        self.stack.setCurrentWidget(self.wizard_view)
        self._watch_seal(session)
        from desktop import sharing

        sharing.watch(self, session)  # others' edits, conflicts, unsent edits (several officials at once)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.setWindowTitle(f"{session.app.display_name} — " + self.tr("集群申报助手")
                            + (self.tr("（只读）") if self.store.readonly else ""))
        return self.wizard_view

    def _watch_seal(self, session: EditSession) -> None:
        """An exported application asks before its first change (desktop/seal_prompt.py); a copy
        made instead opens in its place once the current edit has returned."""
        from desktop.qt import QTimer
        from desktop.seal_prompt import ask_unseal

        session.ask_unseal = lambda: ask_unseal(self, session)
        session.copy_made.connect(lambda new_id: QTimer.singleShot(0, lambda: self.open_application(new_id)))

    def show_receipts(self) -> None:
        """报送记录 of the current application (desktop/receipts.py)."""
        from desktop.receipts import ReceiptsDialog

        app_id = self.current_app_id()
        if not app_id:
            self.show_error(self.tr("请先选择一份申请。"))
            return
        ReceiptsDialog(self.store, app_id, self).exec()

    def close_application(self) -> None:
        if self.session is None:
            return
        self.session.save_ui_state()
        self.undo_group.removeStack(self.session.undo_stack)
        self.stack.removeWidget(self.wizard_view)
        self.wizard_view.deleteLater()
        self.session.deleteLater()
        self.session = self.wizard_view = None
        self.setWindowTitle(self.tr("集群申报助手") + (self.tr("（只读）") if self.store.readonly else ""))

    def show_list(self) -> None:
        selected = self.session.app_id if self.session else None
        self.close_application()
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.refresh(select=selected)
        self.list_view.table.setFocus()

    def new_application(self, rules_id: str | None = None) -> WizardView | None:
        from core.rules.applications import new_application
        from desktop.new_application import choose_ruleset, remember_ruleset

        if self.store.readonly:
            return None
        if rules_id is None:
            rules_id = choose_ruleset(self)
            if rules_id is None:
                return None
        done = self.ops.run(lambda: self.store.create(new_application(rules_id)),
                            lambda app_id: OpChanges(app_id, app_list=True))
        if done:
            remember_ruleset(rules_id)
        return self.open_application(done.value) if done else None

    def load_sample(self) -> str | None:
        from core.paths import resource

        done = self.ops.run(lambda: self.store.import_json(resource("samples", "sample-application.json"),
                                                           on_conflict="copy"),
                            lambda app_id: OpChanges(app_id, app_list=True))
        if not done:
            return None
        app_id = done.value  # the list has shown it (the hub told it)
        self.statusBar().showMessage(self.tr("已载入示例申请"), 4000)
        return app_id

    def save(self) -> None:
        """Every edit is already committed; Ctrl+S confirms it (and records where the official is)."""
        if self.session is not None:
            self.session.save_ui_state()
            self.wizard_view.flash(self.tr("已保存"))
        self.statusBar().showMessage(self.tr("已保存（每次修改都已自动保存到数据库）"), 4000)

    # --- files ----------------------------------------------------------------------------------
    def import_json(self, path: str | None = None, on_conflict: str | None = None) -> str | None:
        """Import an application file; when the store already has it, ask (or use ``on_conflict``:
        ``copy`` / ``replace``)."""
        if path is None:
            path = lastdir.open_file(self, self.tr("导入申报数据"), self.tr("申报数据 (*.json)"))
            if not path:
                return None
        done = self.ops.run(lambda: self._import_file(path, on_conflict),
                            lambda app_id: OpChanges(app_id, app_list=True))
        if not done or done.value is None:
            return None
        app_id = done.value
        self.statusBar().showMessage(tr_fmt(self.tr("已导入“%1”"), Path(path).name), 4000)
        return app_id

    def _import_file(self, path: str, on_conflict: str | None) -> str | None:
        """The import itself (run as one operation); None when the official cancelled."""
        from core.application import read_application_file

        doc = read_application_file(path)
        existing = {a.id for a in self.store.list_applications(include_deleted=True)}
        mode = "error"
        if doc.uuid.lower() in existing and on_conflict:
            mode = on_conflict
        elif doc.uuid.lower() in existing:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("导入申报数据"),
                              tr_fmt(self.tr("数据库中已有这份申请（“%1”）。"), doc.display_name), parent=self)
            replace = box.addButton(self.tr("用文件内容覆盖"), QMessageBox.ButtonRole.DestructiveRole)
            copy = box.addButton(self.tr("另存为新申请"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() not in (replace, copy):
                return None
            mode = "replace" if box.clickedButton() is replace else "copy"
        if mode == "replace" and self.session and self.session.app_id == doc.uuid.lower():
            self.close_application()
        return self.store.import_json(path, on_conflict=mode)

    def export_json(self, path: str | None = None) -> Path | None:
        app_id = self.current_app_id()
        if not app_id:
            self.show_error(self.tr("请先选择一份申请。"))
            return None
        if path is None:
            name = self.store.load(app_id).display_name
            path = lastdir.save_file(self, self.tr("导出申报数据"), f"{name}.json", self.tr("申报数据 (*.json)"))
            if not path:
                return None
        done = self.ops.run(lambda: self.store.export_json(app_id, path))  # writes a file, not the store
        if not done:
            return None
        out = done.value
        confirm_saved(self, self.tr("导出申报数据"), self.tr("已导出申报数据（佐证材料在旁边的 evidence 文件夹）"), out)
        return out

    def backup(self, path: str | None = None) -> Path | None:
        if path is None:
            path = lastdir.save_file(self, self.tr("备份数据库"), "cluster-declare-backup.sqlite",
                                     self.tr("数据库备份 (*.sqlite)"))
            if not path:
                return None
        done = self.ops.run(lambda: self.store.backup(path))
        if not done:
            return None
        out = done.value
        confirm_saved(self, self.tr("备份数据库"), self.tr("已备份数据库"), out)
        return out

    def restore(self, path: str | None = None, *, confirm: bool = True) -> Path | None:
        if path is None:
            path = lastdir.open_file(self, self.tr("从备份恢复"), self.tr("数据库备份 (*.sqlite *.db);;所有文件 (*)"))
            if not path:
                return None
        if confirm and QMessageBox.question(
                self, self.tr("从备份恢复"),
                tr_fmt(self.tr("用备份“%1”替换整个数据库？当前数据会先另存一份副本。"), Path(path).name)
        ) != QMessageBox.StandardButton.Yes:
            return None
        self.show_list()
        done = self.ops.run(lambda: self.store.restore(path), OpChanges(None, app_list=True))
        if not done:
            return None
        safety = done.value
        QMessageBox.information(self, self.tr("从备份恢复"),
                                tr_fmt(self.tr("已从备份恢复。恢复前的数据已保存为：\n%1"), str(safety)))
        return safety

    def _export_from_assessment(self, action_id: str) -> None:
        from desktop import integrations

        integrations.run_export(self, action_id)

    # --- help -----------------------------------------------------------------------------------
    def show_filling_notes(self) -> None:
        """F1: the help of the field in focus; outside a field, the whole 填报说明."""
        from core.form import load_form
        from desktop.field_help import NotesDialog

        if self.wizard_view is not None and self.stack.currentWidget() is self.wizard_view \
                and self.wizard_view.show_field_help():
            return
        form = self.session.form if self.session else load_form("SH-FORM")
        campaign = self.session.app.campaign if self.session else 2023
        self.notes_dialog = NotesDialog(form, campaign, self)
        self.notes_dialog.show()

    def check_page(self) -> None:
        if self.wizard_view is not None:
            self.wizard_view.check_page()

    def _show_app_title(self, name: str) -> None:
        self.setWindowTitle(f"{name} — " + self.tr("集群申报助手") + (self.tr("（只读）") if self.store.readonly else ""))

    def show_about(self) -> None:
        from core import __version__

        QMessageBox.about(self, self.tr("关于集群申报助手"),
                          tr_fmt(self.tr("集群申报助手 %1\n中小企业特色产业集群申报表的填报、校验、打印与报送。\n"
                                  "离线运行，所有数据保存在本机数据库中。"), __version__))

    def _edit_connection(self) -> None:
        from desktop.settings_db import edit_connection

        if edit_connection(self):
            QMessageBox.information(self, self.tr("数据库连接"), self.tr("已保存。重新启动程序后使用新的连接。"))

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("集群申报助手"), message)

    def closeEvent(self, event) -> None:
        if self.session is not None:
            self.session.save_ui_state()
        QApplication.instance().removeEventFilter(self._undo_filter)
        super().closeEvent(event)
