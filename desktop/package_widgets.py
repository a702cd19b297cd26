"""What the package dialogs share: the colours of an outcome, a bold status line, a file row."""

from __future__ import annotations

from pathlib import Path

from core import palette
from desktop import lastdir
from desktop.qt import (
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QTimer,
    QWidget,
    Signal,
)

OK_COLOR, WARN_COLOR, BAD_COLOR = palette.GOOD, palette.CAUTION, palette.BAD
SCAN_FILTER = "扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"


def show_status(label: QLabel, text: str, color: str) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {color}; font-weight: bold;")


class FileRow(QWidget):
    """A read-only path with a 选择… button (and 清除 for optional files)."""

    changed = Signal()

    def __init__(self, caption: str, file_filter: str, *, save: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._caption, self._filter, self._save = caption, file_filter, save
        self.edit = QLineEdit(self)
        self.edit.setReadOnly(not save)
        self.edit.textChanged.connect(self.changed)
        pick = QPushButton(self.tr("选择…"), self)
        pick.clicked.connect(self._pick)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(pick)
        if not save:
            clear = QPushButton(self.tr("清除"), self)
            clear.clicked.connect(lambda: self.set_path(None))
            row.addWidget(clear)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: str | Path | None) -> None:
        self.edit.setText(str(path) if path else "")

    def _pick(self) -> None:
        current = self.path()
        start = lastdir.start_path(current.name if current else "")
        if current is not None and current.parent.is_dir() and str(current.parent) != ".":
            start = str(current)  # a path already chosen or suggested in full stays where it is
        if self._save:
            chosen, _ = QFileDialog.getSaveFileName(self, self._caption, start, self._filter)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self._caption, start, self._filter)
        if chosen:
            lastdir.remember(chosen)
            self.set_path(chosen)


class _KeepFitted(QObject):
    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.dialog and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            QTimer.singleShot(0, self.fit)
        return False

    def fit(self) -> None:
        layout = self.dialog.layout()
        if layout is None:
            return
        width = self.dialog.width()
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        screen = self.dialog.screen()
        room = screen.availableGeometry().height() - 40 if screen is not None else needed
        if self.dialog.height() < min(needed, room):
            self.dialog.resize(width, min(needed, room))


def keep_fitted(dialog: QWidget) -> QWidget:
    """Grow a dialog to the height its wrapped texts need, whenever they change: a dialog with a
    minimum width of its own gets no minimum height from its layout, and Qt squeezes the rows."""
    dialog.installEventFilter(_KeepFitted(dialog))
    return dialog
