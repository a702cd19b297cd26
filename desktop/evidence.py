"""The "添加佐证材料" control beside a ticked box: file dialog, drag-and-drop, list of attached files."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import tr_fmt
from desktop.qt import (
    QAction,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    Signal,
)


class EvidenceButton(QWidget):
    """Attach files to one evidence target (``<field>:<option>`` or ``<field>``).

    Click (or Space/Enter) opens a file dialog; files can also be dropped on it. The arrow menu
    lists what is attached and can remove it."""

    attach_requested = Signal(str, str)  # target, file path
    remove_requested = Signal(str, str)  # target, sha256

    def __init__(self, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        self.setAcceptDrops(True)
        self.button = QToolButton(self)
        self.button.setText(self.tr("添加佐证材料"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.button.setToolTip(self.tr("选择文件，或把文件拖到这里"))
        self.button.clicked.connect(self.choose_files)
        self.menu = QMenu(self)
        self.button.setMenu(self.menu)
        self.count = QLabel(self)
        self.count.setObjectName("evidenceCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.count)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_entries([])

    def set_entries(self, entries: list[dict]) -> None:
        self.menu.clear()
        names = [e["name"] for e in entries]
        self.count.setText(self.tr("已添加 %n 个文件", "", len(entries)) if entries else self.tr("未添加"))
        self.count.setToolTip("\n".join(names))
        for e in entries:
            action = QAction(tr_fmt(self.tr("移除“%1”"), e["name"]), self.menu)
            action.triggered.connect(lambda _=False, sha=e["sha256"]: self.remove_requested.emit(self.target, sha))
            self.menu.addAction(action)
        if not entries:
            self.menu.addAction(self.tr("（尚无文件）")).setEnabled(False)

    def choose_files(self) -> None:
        from desktop import lastdir

        paths = lastdir.open_files(self, self.tr("选择佐证材料"),
                                   self.tr("佐证材料 (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls "
                                                        "*.xlsx *.txt *.zip);;所有文件 (*)"))
        for p in paths:
            self.attach_requested.emit(self.target, p)

    # --- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                self.attach_requested.emit(self.target, url.toLocalFile())
        event.acceptProposedAction()
