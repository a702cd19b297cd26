"""Tell the official what was written and where: the full path, and 打开所在文件夹.

``confirm_saved`` shows a window-modal message that does not block the caller (``open()``, not
``exec()``), puts the same line in the main window's status bar, and makes the file's folder the
default folder of the next file dialog (desktop/lastdir.py).
"""

from __future__ import annotations

from pathlib import Path

from desktop import lastdir
from desktop.qt import QDesktopServices, QMainWindow, QMessageBox, Qt, QUrl, QWidget

OPEN_FOLDER = "打开所在文件夹"


def open_folder(path: str | Path) -> bool:
    p = Path(path)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(p if p.is_dir() else p.parent)))


def _status_bar(parent: QWidget | None):
    top = parent.window() if isinstance(parent, QWidget) else None
    while top is not None and not isinstance(top, QMainWindow):
        top = top.parentWidget().window() if top.parentWidget() else None
    return top.statusBar() if top is not None else None


def confirm_saved(parent: QWidget | None, title: str, what: str, path: str | Path,
                  details: str = "") -> QMessageBox:
    """``what`` says what was written (已导出 Excel 工作簿); the path follows in full."""
    full = Path(path).resolve()
    lastdir.remember(full)
    bar = _status_bar(parent)
    if bar is not None:
        bar.showMessage(f"{what}：{full}", 10000)
    box = QMessageBox(QMessageBox.Icon.Information, title, f"{what}：\n{full}", parent=parent)
    box.setObjectName("savedNotice")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if details:
        box.setInformativeText(details)
    folder = box.addButton(OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
    folder.clicked.connect(lambda: open_folder(full))
    box.addButton(QMessageBox.StandardButton.Ok).setText("确定")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
