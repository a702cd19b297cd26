"""The change history in the window: of the application and of one field (who, when, old → new),
the application as it was at a chosen version (read only), and restoring a version.

Entry points: ``fill_menu(window)`` (the 修改记录 menu), ``show_history(window, field_key=None)``
and ``FieldHistoryMenu`` (the 本栏修改记录 action in every field's context menu). The words come
from ``core.store.history_text``; the store does the reading and the restoring, and records a
restore like any change, so it can itself be taken back (撤销这次恢复, or restore an older entry).
"""

from __future__ import annotations

from typing import Any

from core import palette
from core.errors import UserError
from core.store.history_text import describe, version_rows
from desktop.i18n import tr_fmt
from desktop.operations import OpChanges
from desktop.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QCheckBox,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QEvent,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

HEADERS = ("序号", "时间", "操作人", "操作", "栏目", "原值", "新值")
MAX_ROWS = 2000  # the newest ones are shown (`cluster-declare history` lists every one)


def _form(store, app_id: str):
    from core.form import load_form

    try:
        return load_form(store.get(app_id)["form"])
    except UserError:
        return None


def _table(headers, parent) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class HistoryDialog(QDialog):
    """修改记录: newest first; 查看此版本 / 恢复到此版本 act on the selected entry."""

    def __init__(self, window, app_id: str, field_key: str | None = None, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_, self.store, self.app_id, self.field_key = window, window.store, app_id, field_key
        self.form = _form(self.store, app_id)
        self.undo_entry: int | None = None  # the last entry before a restore made here
        name = self.store.load(app_id).display_name
        if field_key:
            fd = self.form.fields.get(field_key) if self.form else None
            label = fd.label if fd else field_key
            self.setWindowTitle(tr_fmt(self.tr("本栏修改记录 — %1"), label))
        else:
            self.setWindowTitle(tr_fmt(self.tr("修改记录 — %1"), name))
        self.resize(1040, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = _table(HEADERS, self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.show_version())
        layout.addWidget(self.table, 1)
        when_row = QHBoxLayout()
        when_row.addWidget(QLabel(self.tr("查看某一时刻的版本："), self))
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.when_edit.setCalendarPopup(True)
        when_row.addWidget(self.when_edit)
        at_button = QPushButton(self.tr("查看该时刻的版本…"), self)
        at_button.clicked.connect(lambda: self.show_version(when=self.when_text()))
        when_row.addWidget(at_button)
        when_row.addStretch(1)
        layout.addLayout(when_row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.view_button = QPushButton(self.tr("查看此版本…"), self)
        self.view_button.setToolTip(self.tr("只读显示所选修改之后的申请内容"))
        self.view_button.clicked.connect(lambda: self.show_version())
        self.restore_button = QPushButton(self.tr("恢复到此版本…"), self)
        self.restore_button.clicked.connect(lambda: self.restore())
        self.undo_button = QPushButton(self.tr("撤销这次恢复"), self)
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_restore)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        for b in (self.view_button, self.restore_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def when_text(self) -> str:
        """The chosen moment as local ISO time (the store reads naive times as local)."""
        return self.when_edit.dateTime().toString("yyyy-MM-ddTHH:mm:ss")

    def entries(self):
        from core.store.history_text import concerns

        entries = self.store.history(self.app_id, limit=MAX_ROWS)
        if self.field_key:
            entries = [e for e in entries if concerns(e, self.field_key)]
        return list(reversed(entries))  # newest first

    def refresh(self) -> None:
        self.rows = [describe(e, self.form) for e in self.entries()]
        self.table.setRowCount(len(self.rows))
        for r, t in enumerate(self.rows):
            for c, text in enumerate((str(t.id), t.when, t.user, t.action, t.what, t.old, t.new)):
                self.table.setItem(r, c, _item(text))
        self.table.resizeColumnsToContents()
        for c, most in enumerate((60, 150, 100, 110, 260, 260, 260)):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), most))
        self.table.resizeRowsToContents()  # long values wrap instead of being cut off
        if self.field_key:
            text = tr_fmt(self.tr("本栏共有 %1 条修改记录（最新的在前）。"), str(len(self.rows)))
        else:
            text = tr_fmt(self.tr("共 %1 条修改记录（最新的在前）。选中一条可查看或恢复该条修改之后的版本。"),
                          str(len(self.rows)))
        self.summary.setText(text)
        if self.rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_entry(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()].id if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_entry() is not None
        self.view_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen and not self.store.readonly)

    def say(self, text: str, color: str = palette.GOOD) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.setVisible(bool(text))

    def entry_label(self, entry: int) -> str:
        when = next((t.when for t in self.rows if t.id == entry), "")
        text = tr_fmt(self.tr("第 %1 条修改之后"), str(entry))
        return f"{text}（{when}）" if when else text

    # --- a version, read only ----------------------------------------------------------------------
    def show_version(self, entry: int | None = None, when: str | None = None) -> VersionDialog | None:
        if entry is None and when is None:
            entry = self.selected_entry()
            if entry is None:
                return None
        try:
            past = self.store.as_of(self.app_id, when, entry=entry)
        except UserError as exc:
            self.say(exc.message, palette.BAD)
            return None
        from core.timefmt import local_time

        label = self.entry_label(entry) if entry is not None else local_time(when) if "T" in when else when
        dialog = VersionDialog(self, past, self.store.get(self.app_id), self.form, label, entry=entry, when=when)
        dialog.show()
        return dialog

    # --- restore ----------------------------------------------------------------------------------
    def restore(self, entry: int | None = None, when: str | None = None, *, label: str | None = None) -> int | None:
        """Ask, restore, reload the open application; the number of changes (None if not done)."""
        if entry is None and when is None:
            entry = self.selected_entry()
            if entry is None:
                return None
        label = label or (self.entry_label(entry) if entry is not None else when)
        answer = QMessageBox.question(
            self, self.tr("恢复到此版本"),
            tr_fmt(self.tr("把申请恢复到“%1”的版本？\n恢复本身记入修改记录，之后可以撤销或再恢复到其他版本。"), label))
        if answer != QMessageBox.StandardButton.Yes or not self._may_change():
            return None
        before = self.store.history(self.app_id, limit=1)
        done = self.window_.ops.run(lambda: self.store.restore_version(self.app_id, when, entry=entry),
                                    OpChanges(self.app_id, app_list=True))
        if not done:
            return None
        n = done.value
        if n:
            self.undo_entry = before[-1].id if before else None
            reload_open_application(self.window_, self.app_id)
            self.say(tr_fmt(self.tr("已恢复到“%1”的版本，共 %2 处修改。"), label, str(n)))
        else:
            self.say(self.tr("这个版本与现在的内容相同，没有需要恢复的修改。"), palette.INFO)
        self.undo_button.setVisible(bool(n) and self.undo_entry is not None)
        self.refresh()
        return n

    def _may_change(self) -> bool:
        """An exported (sealed) application open in the window first asks to reopen or copy it,
        exactly as an edit does; core refuses the restore otherwise."""
        session = getattr(self.window_, "session", None)
        if session is None or session.app_id != self.app_id:
            return True
        return session.may_change()

    def undo_restore(self) -> int | None:
        if self.undo_entry is None or not self._may_change():
            return None
        entry, self.undo_entry = self.undo_entry, None
        done = self.window_.ops.run(lambda: self.store.restore_version(self.app_id, entry=entry),
                                    OpChanges(self.app_id, app_list=True))
        self.undo_button.setVisible(False)
        if done:
            reload_open_application(self.window_, self.app_id)
            self.say(tr_fmt(self.tr("已撤销这次恢复（%1 处修改）。"), str(done.value)))
            self.refresh()
            return done.value
        return None


class VersionDialog(QDialog):
    """The application at an earlier version beside the current one; nothing here can be edited."""

    def __init__(self, history: HistoryDialog, past: dict[str, Any], current: dict[str, Any], form, label: str,
                 *, entry: int | None, when: str | None):
        super().__init__(history)
        self.history, self.entry, self.when, self.label = history, entry, when, label
        self.setWindowTitle(tr_fmt(self.tr("历史版本（只读）— %1"), label))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 600)
        self.rows = version_rows(form, past, current)
        layout = QVBoxLayout(self)
        changed = sum(r.differs for r in self.rows)
        head = QLabel(tr_fmt(self.tr("这是申请在“%1”时的内容（只读）。与现在不同的栏目：%2 个（加粗）。"),
                             label, str(changed)), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.only_changed = QCheckBox(self.tr("只显示与现在不同的栏目"), self)
        self.only_changed.toggled.connect(self._filter)
        layout.addWidget(self.only_changed)
        self.table = _table((self.tr("栏目"), self.tr("当时"), self.tr("现在")), self)
        self.table.setRowCount(len(self.rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.label, row.then, row.now)):
                item = _item(text)
                if row.differs:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.setColumnWidth(0, 320)
        self.table.setColumnWidth(1, 320)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("恢复到此版本…"), self)
        self.restore_button.setEnabled(not history.store.readonly and changed > 0)
        self.restore_button.clicked.connect(self._restore)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _filter(self, only: bool) -> None:
        for r, row in enumerate(self.rows):
            self.table.setRowHidden(r, only and not row.differs)

    def texts(self) -> dict[str, tuple[str, str]]:
        """{field key: (then, now)} as shown (for tests and the lead's checks)."""
        return {row.key: (row.then, row.now) for row in self.rows}

    def _restore(self) -> None:
        if self.history.restore(self.entry, self.when, label=self.label) is not None:
            self.close()


def reload_open_application(window, app_id: str) -> None:
    """The wizard shows the store again after a restore (values, lists and evidence all changed)."""
    session = getattr(window, "session", None)
    if session is not None and session.app_id == app_id and hasattr(window, "open_application"):
        window.open_application(app_id)


# --- where the window asks for it ------------------------------------------------------------------
def _field_of(widget: QWidget | None):
    from desktop.field_editor import FieldEditor

    while widget is not None and not isinstance(widget, FieldEditor):
        widget = widget.parentWidget()
    return widget


def show_history(window, field_key: str | None = None) -> HistoryDialog | None:
    app_id = window.current_app_id()
    if app_id is None:
        window.show_error(window.tr("请先选择或打开一份申请。"))
        return None
    dialog = HistoryDialog(window, app_id, field_key)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_field_history(window, widget: QWidget | None = None) -> HistoryDialog | None:
    """本栏修改记录 of the field holding ``widget`` (default: the field with the keyboard focus)."""
    editor = _field_of(widget or QApplication.focusWidget())
    if editor is None or getattr(window, "session", None) is None:
        window.show_error(window.tr("请先点击要查看修改记录的栏目。"))
        return None
    return show_history(window, editor.key)


def fill_menu(window) -> None:
    menu = window.menuBar().addMenu(window.tr("修改记录(&R)"))
    window.history_menu = menu
    window._action(menu, window.tr("申请修改记录…"), lambda: show_history(window), None, "actHistory")
    window._action(menu, window.tr("本栏修改记录…"), lambda: show_field_history(window), None, "actFieldHistory")
    window._field_history_menu = FieldHistoryMenu(window)
    QApplication.instance().installEventFilter(window._field_history_menu)
    window.destroyed.connect(lambda *_: QApplication.instance().removeEventFilter(window._field_history_menu))


class FieldHistoryMenu(QObject):
    """Adds 本栏修改记录 to the context menu of every field of the open application: the text
    fields' own menu gets it at the end, anywhere else in the field it is the menu."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.last_menu: QMenu | None = None

    def menu_for(self, widget: QWidget) -> QMenu | None:
        editor = _field_of(widget)
        if editor is None or getattr(self.window_, "session", None) is None:
            return None
        if not self.window_.isAncestorOf(editor):
            return None
        owner = widget.parentWidget()
        if isinstance(owner, QPlainTextEdit) and widget is owner.viewport():
            widget = owner  # a long text's menu arrives at its viewport
        menu = widget.createStandardContextMenu() if isinstance(widget, (QLineEdit, QPlainTextEdit)) else QMenu(widget)
        if menu.actions():
            menu.addSeparator()
        action = QAction(self.window_.tr("本栏修改记录…"), menu)
        action.setObjectName("actFieldHistoryHere")
        action.triggered.connect(lambda _=False, key=editor.key: show_history(self.window_, key))
        menu.addAction(action)
        return menu

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ContextMenu or not isinstance(obj, QWidget):
            return False
        if obj.contextMenuPolicy() not in (Qt.ContextMenuPolicy.DefaultContextMenu,):
            return False  # a widget with its own menu (a table's rows) keeps it
        menu = self.menu_for(obj)
        if menu is None:
            return False
        self.last_menu = menu
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        return True
