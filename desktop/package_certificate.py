"""The office certificate: fingerprint, export, import."""

from __future__ import annotations

from pathlib import Path

from core.errors import UserError
from desktop import lastdir
from desktop.i18n import tr_fmt
from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QFont,
    QLabel,
    QLineEdit,
    QMessageBox,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.saved import confirm_saved


class CertificateDialog(QDialog):
    """The office certificate: who, fingerprint to read out on the telephone, export, import."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("本单位证书"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info_label)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("certFingerprint")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(mono.pointSizeF() * 1.2)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        buttons = QDialogButtonBox(self)
        self.pem_button = buttons.addButton(self.tr("导出证书（PEM）…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.der_button = buttons.addButton(self.tr("导出证书（DER）…"), QDialogButtonBox.ButtonRole.ActionRole)
        import_button = buttons.addButton(self.tr("导入 .p12/.pfx…"), QDialogButtonBox.ButtonRole.ActionRole)
        sm2_button = buttons.addButton(self.tr("导入国密 SM2 证书…"), QDialogButtonBox.ButtonRole.ActionRole)
        sm2_button.clicked.connect(self._import_sm2)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.pem_button.clicked.connect(lambda: self._export("pem"))
        self.der_button.clicked.connect(lambda: self._export("der"))
        import_button.clicked.connect(self._import)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        from core.package.certificate import office_certificate_info

        info = office_certificate_info()
        has = info is not None
        self.pem_button.setEnabled(has)
        self.der_button.setEnabled(has)
        if not has:
            self.info_label.setText(self.tr("还没有本单位证书。首次导出报送包时会创建，也可以导入已有的 .p12/.pfx 证书。"))
            self.fingerprint.clear()
            return
        from core.package import sm2

        self.info_label.setText(tr_fmt(self.tr("单位：%1\n有效期：%2 至 %3\n接收方可电话核对下面的 SHA-256 指纹，或导入导出的公钥证书。"), info.office, f"{info.not_before:%Y-%m-%d}", f"{info.not_after:%Y-%m-%d}")
                                + ("" if info.self_signed else tr_fmt(self.tr("\n签发者：%1（CA 签发的证书）"), info.issuer)))
        sm2_info = sm2.sm2_info()
        if sm2_info is not None:
            self.info_label.setText(self.info_label.text() + tr_fmt(
                self.tr("\n国密 SM2 证书：%1（签发者：%2），清单另加 SM2/SM3 签名"), sm2_info.subject, sm2_info.issuer))
        fp = info.fingerprint_display
        half = len(fp) // 2
        self.fingerprint.setText(fp[:half].rstrip() + "\n" + fp[half:].lstrip())

    def export_to(self, path: str | Path, fmt: str = "pem") -> Path:
        from core.package.certificate import export_public_certificate

        return export_public_certificate(path, fmt)

    def _export(self, fmt: str) -> None:
        suffix = ".pem" if fmt == "pem" else ".cer"
        chosen = lastdir.save_file(self, self.tr("导出公钥证书"), f"本单位证书{suffix}", f"证书 (*{suffix})")
        if not chosen:
            return
        try:
            out = self.export_to(chosen, fmt)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导出证书"), exc.message)
            return
        confirm_saved(self, self.tr("导出证书"), self.tr("已导出本单位公钥证书"), out)

    def _import(self) -> None:
        from desktop.qt import QInputDialog

        chosen = lastdir.open_file(self, self.tr("导入证书"), "PKCS#12 (*.p12 *.pfx)")
        if not chosen:
            return
        source_pw, ok = QInputDialog.getText(self, self.tr("导入证书"), self.tr("证书文件的密码："),
                                             QLineEdit.EchoMode.Password)
        if not ok:
            return
        new_pw, ok = QInputDialog.getText(self, self.tr("导入证书"), self.tr("本程序保存证书用的密码（至少 8 个字符）："),
                                          QLineEdit.EchoMode.Password)
        if not ok:
            return
        self.import_from(chosen, source_pw, new_pw)

    def _import_sm2(self) -> None:
        from desktop.qt import QInputDialog

        chosen = lastdir.open_file(self, self.tr("导入国密 SM2 证书"), "PKCS#12 (*.p12 *.pfx)")
        if not chosen:
            return
        source_pw, ok = QInputDialog.getText(self, self.tr("导入国密 SM2 证书"), self.tr("证书文件的密码："),
                                             QLineEdit.EchoMode.Password)
        if not ok:
            return
        office_pw, ok = QInputDialog.getText(self, self.tr("导入国密 SM2 证书"), self.tr("本单位证书的密码："),
                                             QLineEdit.EchoMode.Password)
        if ok:
            self.import_sm2_from(chosen, source_pw, office_pw)

    def import_sm2_from(self, path: str | Path, source_passphrase: str, passphrase: str) -> bool:
        from core.package import sm2

        try:
            sm2.import_sm2(path, source_passphrase.encode("utf-8"), passphrase.encode("utf-8"))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导入国密 SM2 证书"), exc.message)
            return False
        self.reload()
        return True

    def import_from(self, path: str | Path, source_passphrase: str, passphrase: str) -> bool:
        from core.package.certificate import import_office_certificate

        try:
            import_office_certificate(path, source_passphrase.encode("utf-8"), passphrase.encode("utf-8"))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导入证书"), exc.message)
            return False
        self.reload()
        return True
