"""The verify dialog: drop a package, see the outcome plainly."""

from __future__ import annotations

from pathlib import Path

from core import palette
from core.errors import UserError
from desktop import lastdir
from desktop.package_widgets import BAD_COLOR, OK_COLOR, WARN_COLOR, FileRow, show_status
from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


class VerifyDialog(QDialog):
    """Drop a package (or choose one); the outcome is shown in one coloured line and plain text."""

    def __init__(self, parent: QWidget | None = None, *, trust: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("校验报送包"))
        self.setAcceptDrops(True)
        self.setMinimumSize(620, 420)
        self.result = None
        layout = QVBoxLayout(self)
        self.drop_hint = QLabel(self.tr("把报送包（.zip）拖到这里，或点“选择报送包…”。"), self)
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setStyleSheet(f"border: 2px dashed {palette.EMPTY}; padding: 18px;")
        layout.addWidget(self.drop_hint)
        form = QFormLayout()
        self.trust_row = FileRow(self.tr("选择信任的证书"), "证书 (*.pem *.crt *.cer *.der)", parent=self)
        self.trust_row.set_path(trust)
        form.addRow(self.tr("信任的证书（可选）："), self.trust_row)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("verifyStatus")
        self.status.setWordWrap(True)
        big = self.status.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.status.setFont(big)
        layout.addWidget(self.status)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        choose = buttons.addButton(self.tr("选择报送包…"), QDialogButtonBox.ButtonRole.ActionRole)
        choose.clicked.connect(self._choose)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.trust_row.changed.connect(self._reverify)
        self._path: Path | None = None

    def verify_path(self, path: str | Path) -> None:
        from core.package import verify_package

        self._path = Path(path)
        trust = [self.trust_row.path()] if self.trust_row.path() else None
        try:
            result = verify_package(self._path, trust=trust)
        except UserError as exc:
            self.result = None
            show_status(self.status, "✗ " + exc.message, BAD_COLOR)
            self.details.clear()
            return
        self.result = result
        color = OK_COLOR if result.ok else WARN_COLOR if result.exit_code == 3 else BAD_COLOR
        mark = "✓" if result.ok else "？" if result.exit_code == 3 else "✗"
        lines = result.lines(self.tr("上面的“信任的证书”一栏"))
        show_status(self.status, f"{mark} {lines[0]}", color)
        self.details.setPlainText(f"{self._path}\n\n" + "\n".join(lines[1:]))

    def _reverify(self) -> None:
        if self._path is not None:
            self.verify_path(self._path)

    def _choose(self) -> None:
        chosen = lastdir.open_file(self, self.tr("选择报送包"), "报送包 (*.zip)")
        if chosen:
            self.verify_path(chosen)

    @staticmethod
    def _dropped_zip(event) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".zip"):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._dropped_zip(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_zip(event)
        if path:
            event.acceptProposedAction()
            self.verify_path(path)
