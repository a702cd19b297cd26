"""Excel in the GUI: export, the blank template, and imports that show what will change first.

Entry points: ``export_xlsx(parent, app)``, ``import_form_xlsx(parent, app) -> dict | None`` (the
accepted field changes), ``import_list_xlsx(parent, app, list_name) -> rows | None`` and, for the
menu in desktop/integrations.py, ``open(window, _)``. All reading, checking and comparing is done
by ``core.xlsx``; openpyxl loads only when one of these runs. Long lists are read in a QThread
with a progress bar and can be cancelled; nothing is applied unless the preview is accepted.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from core.errors import UserError
from desktop import lastdir
from desktop.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEventLoop,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QThread,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.saved import confirm_saved

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
SHEETS_FILTER = "电子表格 (*.xlsx *.xlsm *.xls *.xlsb *.et *.ods)"  # read by content, whatever the name
LIST_FILTER = "电子表格或 CSV (*.xlsx *.xlsm *.xls *.xlsb *.et *.ods *.csv)"


def _run_dialog(dialog: QDialog) -> int:
    """Modal run; tests replace this to accept or cancel without a user."""
    return dialog.exec()


def _warn(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "Excel", message)


class PreviewDialog(QDialog):
    """A table of what an import would change; 应用 accepts, 取消 leaves everything as it was."""

    def __init__(self, title: str, summary: str, headers: list[str], rows: list[list[str]], notes: list[str],
                 parent: QWidget | None = None, extra: tuple[list[str], list[list[str]]] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = self._table(headers, rows)
        layout.addWidget(self.table, 3)
        self.extra = None
        if extra:
            self.extra = self._table(*extra)
            layout.addWidget(QLabel("按清单统计与申报表填报对照："))
            layout.addWidget(self.extra, 2)
        self.notes = QLabel("\n".join(notes[:12]) + (f"\n……另有 {len(notes) - 12} 条" if len(notes) > 12 else ""))
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(notes))
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.Ok)
        self.apply_button.setText("应用修改")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        self.apply_button.setEnabled(bool(rows) or extra is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setWordWrap(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        table.resizeColumnsToContents()
        for c in range(len(headers)):
            table.setColumnWidth(c, min(table.columnWidth(c), 320))
        return table

    def cell_texts(self, table: QTableWidget | None = None) -> list[list[str]]:
        table = table or self.table
        return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


# -- export ----------------------------------------------------------------------------------

def export_xlsx(parent: QWidget | None, app, path: str | None = None, *, template: bool = False) -> Path | None:
    if path is None:
        suggested = f"{app.display_name}{'（空白模板）' if template else ''}.xlsx"
        path = lastdir.save_file(parent, "导出空白模板" if template else "导出 Excel", suggested, XLSX_FILTER)
        if not path:
            return None
    from core.xlsx.form_export import export_form

    try:
        out = Path(export_form(app, path, template=template))
    except UserError as exc:
        _warn(parent, exc.message)
        return None
    confirm_saved(parent, "Excel", "已导出空白模板" if template else "已导出 Excel 工作簿", out)
    return out


# -- form import -----------------------------------------------------------------------------

def _ask_open(parent: QWidget | None, title: str, file_filter: str = SHEETS_FILTER) -> str | None:
    return lastdir.open_file(parent, title, file_filter + ";;所有文件 (*)")


def import_form_xlsx(parent: QWidget | None, app, path: str | None = None) -> dict[str, Any] | None:
    """Read a filled form workbook, preview the changes; the accepted {key: new value} or None."""
    path = path or _ask_open(parent, "导入 Excel 申报表")
    if not path:
        return None
    from core.xlsx.form_import import read_form_workbook

    try:
        result = read_form_workbook(path, app)
    except UserError as exc:
        _warn(parent, exc.message)
        return None
    if not result.changes:
        QMessageBox.information(parent, "Excel", "工作簿与当前数据一致，没有需要修改的内容。")
        return None
    rows = [[c.label, c.where, c.old_text, c.new_text] for c in result.changes]
    dialog = PreviewDialog("导入 Excel 申报表 — 预览", f"“{Path(path).name}”将修改 {len(rows)} 个栏目。请核对后应用：",
                           ["栏目", "位置", "原值", "新值"], rows, result.notes, parent)
    if _run_dialog(dialog) != QDialog.Accepted:
        return None
    return result.changed_values


# -- list import -----------------------------------------------------------------------------

class ListImportTask(QThread):
    """Reads a list off the GUI thread; ``progress`` reports rows read, ``cancel()`` stops it."""

    progress = Signal(int, int)

    def __init__(self, path: str, list_name: str, app, parent=None):
        super().__init__(parent)
        self.path, self.list_name, self.app = path, list_name, app
        self.result = None
        self.error: str | None = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        from core.xlsx.list_import import read_list_workbook

        try:
            self.result = read_list_workbook(self.path, self.list_name, self.app, progress=self._progress)
        except UserError as exc:
            self.error = exc.message
        except Exception as exc:  # never let a worker thread die silently
            self.error = f"读取清单时出错：{exc}"


def read_list_with_progress(parent: QWidget | None, path: str, list_name: str, app):
    task = ListImportTask(path, list_name, app)
    bar = QProgressDialog("正在读取清单…", "取消", 0, 0, parent)
    bar.setWindowTitle("导入清单")
    bar.setWindowModality(Qt.WindowModal)
    bar.setMinimumDuration(300)

    def show(done: int, total: int) -> None:
        if total == 0:  # the file is being opened and parsed: no row count yet, a busy bar
            bar.setMaximum(0)
            bar.setLabelText("正在打开文件…")
            return
        bar.setMaximum(max(total, done))
        bar.setValue(done)
        bar.setLabelText(f"正在读取清单：第 {done} / {total} 行")

    task.progress.connect(show)
    bar.canceled.connect(task.cancel)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    task.start()
    if not task.isFinished():
        loop.exec()
    task.wait()
    bar.close()
    return task


def list_preview_rows(result, app) -> tuple[list[list[str]], list[list[str]]]:
    from core.numbers import fmt

    issues = [[str(i.index), {"LIST.credit_code": "信用代码", "LIST.duplicate": "重复", "LIST.sme_mark": "中小企业标识"}
               .get(i.rule, i.rule), i.message] for i in result.issues]
    comps = []
    for c in result.comparisons(app):
        declared = "未填报" if c.declared is None else f"{fmt(c.declared, c.places)}{c.unit}"
        comps.append([c.label + c.note, f"{fmt(c.computed, c.places)}{c.unit}", declared,
                      {True: "一致", False: "不一致", None: "—"}[c.agrees]])
    return issues, comps


def import_list_xlsx(parent: QWidget | None, app, list_name: str, path: str | None = None) -> list[dict] | None:
    """Read a list with a progress bar, preview counts and row problems; the accepted rows or None."""
    path = path or _ask_open(parent, "导入清单", LIST_FILTER)
    if not path:
        return None
    task = read_list_with_progress(parent, path, list_name, app)
    if task.error or task.result is None:
        if task.error:
            _warn(parent, task.error)
        return None
    result = task.result
    issues, comps = list_preview_rows(result, app)
    summary = f"{result.summary_text()}。工作表「{result.sheet}」，表头在第 {result.header_row} 行。"
    if issues:
        summary += f"\n有 {len(issues)} 处需核对（仍可导入，导入后在校验结果中列出）："
    dialog = PreviewDialog("导入清单 — 预览", summary, ["条目", "类别", "说明"], issues, result.notes, parent,
                           extra=(["项目", "清单统计", "申报表填报", "对照"], comps))
    if _run_dialog(dialog) != QDialog.Accepted:
        return None
    return result.rows


# -- menu entry ------------------------------------------------------------------------------

class ExcelDialog(QDialog):
    """What the Excel menu opens: export, template, import the form, import a list."""

    def __init__(self, window):
        super().__init__(window if isinstance(window, QWidget) else None)
        self.window_ = window
        self.setWindowTitle("Excel")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("导出或导入当前申请的 Excel 工作簿。导入前会先显示将要修改的内容。"))
        for text, slot in (("导出 Excel…", self.export), ("导出空白模板…", self.template),
                           ("导入 Excel 申报表…", self.import_form)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        row = QHBoxLayout()
        self.list_box = QComboBox()
        app = self._app()
        for name, label in (app.form_def.lists.items() if app else ()):
            self.list_box.addItem(label, name)
        row.addWidget(self.list_box, 1)
        button = QPushButton("导入清单…")
        button.clicked.connect(self.import_list)
        row.addWidget(button)
        layout.addLayout(row)

    def _app(self):
        session = getattr(self.window_, "session", None)
        return session.app if session is not None else None

    def export(self) -> None:
        if self._app():
            export_xlsx(self, self._app())

    def template(self) -> None:
        if self._app():
            export_xlsx(self, self._app(), template=True)

    def import_form(self) -> None:
        app = self._app()
        changes = import_form_xlsx(self, app) if app else None
        if changes:  # one undoable step in the open session (Ctrl+Z takes the whole import back)
            self.window_.session.import_values(changes)

    def import_list(self) -> None:
        app = self._app()
        name = self.list_box.currentData()
        rows = import_list_xlsx(self, app, name) if app and name else None
        if rows is not None:
            self.window_.session.import_list(name, rows)


def open(window, _arg=None) -> None:  # noqa: A001 - the name desktop/integrations.py calls
    if getattr(window, "session", None) is None:
        QMessageBox.information(window, "Excel", "请先打开一份申请。")
        return
    ExcelDialog(window).exec()
