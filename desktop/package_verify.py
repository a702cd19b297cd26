"""The verify dialog: drop a package, see the outcome plainly."""

from __future__ import annotations

from pathlib import Path

from core import palette
from core.errors import UserError
from desktop import lastdir
from desktop.i18n import tr_fmt
from desktop.package_widgets import BAD_COLOR, OK_COLOR, WARN_COLOR, FileRow, show_status
from desktop.qt import (
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

CHECK_COLORS = {True: OK_COLOR, False: BAD_COLOR, None: WARN_COLOR}


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
        self.crl_row = FileRow(self.tr("选择证书吊销列表"), "证书吊销列表 (*.crl *.pem *.der)", parent=self)
        form.addRow(self.tr("吊销列表 CRL（可选）："), self.crl_row)
        store_row = QHBoxLayout()
        self.store_label = QLabel(self)
        self.store_label.setObjectName("trustStore")
        add_ca = QPushButton(self.tr("导入 CA 证书…"), self)
        add_ca.clicked.connect(self._add_ca)
        store_row.addWidget(self.store_label, 1)
        store_row.addWidget(add_ca)
        form.addRow(self.tr("信任列表："), store_row)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("verifyStatus")
        self.status.setWordWrap(True)
        big = self.status.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.status.setFont(big)
        layout.addWidget(self.status)
        self.chain_label = QLabel(self)
        self.chain_label.setObjectName("verifyChain")
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.chain_label)
        self.checks_list = QListWidget(self)
        self.checks_list.setObjectName("verifyChecks")
        self.checks_list.setWordWrap(True)
        self.checks_list.setMaximumHeight(150)
        layout.addWidget(self.checks_list)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        choose = buttons.addButton(self.tr("选择报送包…"), QDialogButtonBox.ButtonRole.ActionRole)
        choose.clicked.connect(self._choose)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.trust_row.changed.connect(self._reverify)
        self.crl_row.changed.connect(self._reverify)
        self._path: Path | None = None
        self._show_store()

    def _show_store(self) -> None:
        from core.package import trust

        infos = trust.listed()
        self.store_label.setText(tr_fmt(self.tr("%1 张 CA 证书（%2）"), str(len(infos)),
                                        "、".join(i.subject for i in infos[:3]) + ("…" if len(infos) > 3 else ""))
                                 if infos else self.tr("空（导入发证机构的根证书后，CA 签发的证书可自动核对）"))

    def add_ca(self, path: str | Path) -> bool:
        from core.package import trust

        try:
            trust.add(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导入 CA 证书"), exc.message)
            return False
        self._show_store()
        self._reverify()
        return True

    def _add_ca(self) -> None:
        chosen = lastdir.open_file(self, self.tr("导入 CA 证书"), "证书 (*.pem *.crt *.cer *.der)")
        if chosen:
            self.add_ca(chosen)

    def verify_path(self, path: str | Path) -> None:
        from core.package import verify_package

        self._path = Path(path)
        trust = [self.trust_row.path()] if self.trust_row.path() else None
        crl = [self.crl_row.path()] if self.crl_row.path() else None
        self.checks_list.clear()
        self.chain_label.clear()
        try:
            result = verify_package(self._path, trust=trust, crl=crl)
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
        if result.chain:
            self.chain_label.setText(tr_fmt(self.tr("证书链（从签名证书到根证书）：%1"),
                                            " ← ".join(c["subject"] for c in result.chain)))
        from core.package.verify import CHECK_MARKS

        for check in result.checks:
            item = QListWidgetItem(f"{CHECK_MARKS[check['ok']]} {check['text']}")
            item.setForeground(QBrush(QColor(CHECK_COLORS[check["ok"]])))
            self.checks_list.addItem(item)
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
