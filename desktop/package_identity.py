"""The export dialog's 3rd box: which identity signs — the stored certificate file (self-made or
issued by a CA) or a UKey through its PKCS#11 module — with subject, issuer, validity, fingerprint.

Core does the work (``core.package.certificate``, ``core.package.token``); this box only shows
what core reports and collects the choice, the passphrase or the PIN (never stored)."""

from __future__ import annotations

from core.errors import UserError
from desktop.i18n import tr_fmt
from desktop.package_widgets import BAD_COLOR, FileRow
from desktop.qt import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

MODULE_FILTER = "PKCS#11 驱动 (*.so *.dll *.dylib);;所有文件 (*)"


def ask_office_identity(parent: QWidget, office: str):
    """Ask for the office certificate's passphrase and unlock it (made for ``office`` when there is
    none yet); None when the official cancels. Raises core's UserError (a wrong passphrase …)."""
    from core.package.certificate import ensure_identity
    from desktop.qt import QInputDialog

    word, ok = QInputDialog.getText(parent, parent.tr("证书密码"), parent.tr("本单位证书密码："),
                                    QLineEdit.EchoMode.Password)
    if not ok:
        return None
    identity, _created = ensure_identity(word.encode("utf-8"), office)
    return identity


def describe(box: QWidget, kind_label: str, info) -> str:
    """The lines an official checks before signing: kind, subject, issuer, validity, fingerprint."""
    issuer = box.tr("自签名") if info.self_signed else (info.issuer or info.office)
    text = tr_fmt(box.tr("签名方式：%1；主体：%2\n签发者：%3；有效期：%4 至 %5（%6）\nSHA-256 指纹：%7"),
                  kind_label, info.subject or info.office, issuer,
                  f"{info.not_before:%Y-%m-%d}", f"{info.not_after:%Y-%m-%d}", info.key_type or "—",
                  info.fingerprint_display)
    problem = info.usable_problem()
    return text + (f"\n✗ {problem.message}" if problem is not None else "")


class IdentityBox(QGroupBox):
    """File certificate or UKey; ``changed`` whenever what the 导出 button depends on changes."""

    def __init__(self, office_default: str, parent: QWidget | None = None):
        from core.package.certificate import KINDS, office_certificate_info
        from core.package.token import remembered_choice

        super().__init__(self.tr("3. 签名证书"), parent)
        self._kinds = KINDS
        column = QVBoxLayout(self)
        modes = QHBoxLayout()
        self.use_file = QRadioButton(self.tr("本单位证书文件"), self)
        self.use_ukey = QRadioButton(self.tr("UKey（USB 证书介质）"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_file)
        group.addButton(self.use_ukey)
        modes.addWidget(self.use_file)
        modes.addWidget(self.use_ukey)
        modes.addStretch(1)
        column.addLayout(modes)

        # --- the stored certificate file (self-made or a CA's .p12) --------------------------------
        self.file_part = QWidget(self)
        file_column = QVBoxLayout(self.file_part)
        file_column.setContentsMargins(0, 0, 0, 0)
        info = self.info = office_certificate_info()
        self.creating = info is None
        self.cert_label = QLabel(self.file_part)
        self.cert_label.setObjectName("certDetails")
        self.cert_label.setWordWrap(True)
        self.cert_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        file_column.addWidget(self.cert_label)
        form = QFormLayout()
        self.office = QLineEdit(self.file_part)
        self.office.setText(office_default)
        self.passphrase = QLineEdit(self.file_part)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase2 = QLineEdit(self.file_part)
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)
        if info is None:
            self.cert_label.setText(self.tr("还没有本单位证书：导出时将创建一张自签名证书，请填写单位名称并设置密码"
                                            "（至少 8 个字符，务必牢记）。"))
            form.addRow(self.tr("单位名称："), self.office)
            form.addRow(self.tr("设置密码："), self.passphrase)
            form.addRow(self.tr("确认密码："), self.passphrase2)
        else:
            kind = "self_made" if info.self_signed else "ca_file"
            self.cert_label.setText(describe(self, KINDS[kind], info))
            form.addRow(self.tr("证书密码："), self.passphrase)
            self.office.setVisible(False)
            self.passphrase2.setVisible(False)
        file_column.addLayout(form)
        column.addWidget(self.file_part)

        # --- a UKey ---------------------------------------------------------------------------------
        self.ukey_part = QWidget(self)
        ukey_form = QFormLayout(self.ukey_part)
        ukey_form.setContentsMargins(0, 0, 0, 0)
        self.module_row = FileRow(self.tr("选择 UKey 的 PKCS#11 驱动"), MODULE_FILTER, parent=self.ukey_part)
        remembered = remembered_choice()
        self._remembered = remembered
        if remembered is not None:
            self.module_row.set_path(remembered.module)
        ukey_form.addRow(self.tr("UKey 驱动："), self.module_row)
        pick = QHBoxLayout()
        self.cert_combo = QComboBox(self.ukey_part)
        self.cert_combo.setObjectName("tokenCertificates")
        self.read_button = QPushButton(self.tr("读取 UKey"), self.ukey_part)
        pick.addWidget(self.cert_combo, 1)
        pick.addWidget(self.read_button)
        ukey_form.addRow(self.tr("证书："), pick)
        self.ukey_label = QLabel(self.ukey_part)
        self.ukey_label.setObjectName("tokenDetails")
        self.ukey_label.setWordWrap(True)
        self.ukey_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ukey_form.addRow(self.ukey_label)
        self.pin = QLineEdit(self.ukey_part)
        self.pin.setObjectName("tokenPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("每次签名都要输入，不会保存"))
        ukey_form.addRow(self.tr("PIN 码："), self.pin)
        column.addWidget(self.ukey_part)

        self.certs: list = []
        self.read_button.clicked.connect(self.read_token)
        self.module_row.changed.connect(lambda: self.ukey_mode() and self.read_token())
        self.cert_combo.currentIndexChanged.connect(self._show_token_cert)
        self.use_file.toggled.connect(self._mode_changed)
        (self.use_ukey if remembered is not None else self.use_file).setChecked(True)  # as last time
        self._mode_changed()

    # --- state ----------------------------------------------------------------------------------

    def ukey_mode(self) -> bool:
        return self.use_ukey.isChecked()

    def _mode_changed(self) -> None:
        self.file_part.setVisible(not self.ukey_mode())
        self.ukey_part.setVisible(self.ukey_mode())
        if self.ukey_mode() and not self.certs and self.module_row.path():
            self.read_token()

    def read_token(self) -> bool:
        """List the certificates on the UKey of the chosen module (no PIN needed)."""
        from core.package.token import certificates_on

        self.cert_combo.blockSignals(True)
        self.cert_combo.clear()
        self.certs = []
        module = self.module_row.path()
        try:
            if module is None:
                raise UserError(self.tr("请先选择 UKey 的 PKCS#11 驱动文件（厂商提供的 .dll 或 .so）。"))
            self.certs = certificates_on(str(module))
        except UserError as exc:
            self.cert_combo.blockSignals(False)
            self.ukey_label.setText("✗ " + exc.message)
            self.ukey_label.setStyleSheet(f"color: {BAD_COLOR};")
            return False
        for c in self.certs:
            self.cert_combo.addItem(f"{c.info.office}（{c.token} / {c.label or c.key_id.hex()}）")
        preferred = 0
        if self._remembered is not None:
            for i, c in enumerate(self.certs):
                if (c.token, c.label) == (self._remembered.token, self._remembered.label):
                    preferred = i
        self.cert_combo.blockSignals(False)
        if self.certs:
            self.cert_combo.setCurrentIndex(preferred)
        self._show_token_cert()
        return bool(self.certs)

    def _show_token_cert(self) -> None:
        c = self.selected_cert()
        if c is None:
            self.ukey_label.setText(self.tr("UKey 中没有证书。") if self.module_row.path() else "")
            self.ukey_label.setStyleSheet(f"color: {BAD_COLOR};")
            return
        self.ukey_label.setText(describe(self, self._kinds["ukey"], c.info))
        self.ukey_label.setStyleSheet("" if c.info.usable_problem() is None else f"color: {BAD_COLOR};")

    def selected_cert(self):
        i = self.cert_combo.currentIndex()
        return self.certs[i] if 0 <= i < len(self.certs) else None

    def token_choice(self):
        from core.package.token import TokenChoice

        c = self.selected_cert()
        module = self.module_row.path()
        if c is None or module is None:
            return None
        return TokenChoice(module=str(module), token=c.token, label=c.label or c.key_id.hex())

    def problems(self) -> list[str]:
        out = []
        if self.ukey_mode():
            c = self.selected_cert()
            if c is None:
                out.append(self.tr("请选择 UKey 驱动，点“读取 UKey”，再选择签名证书。"))
            elif c.info.usable_problem() is not None:
                out.append(c.info.usable_problem().message)
            if not self.pin.text():
                out.append(self.tr("请输入 UKey 的 PIN 码。"))
            return out
        if self.info is not None and self.info.usable_problem() is not None:
            out.append(self.info.usable_problem().message)
        if not self.passphrase.text():
            out.append(self.tr("请输入证书密码。"))
        elif self.creating and self.passphrase.text() != self.passphrase2.text():
            out.append(self.tr("两次输入的密码不一致。"))
        if self.creating and not self.office.text().strip():
            out.append(self.tr("请填写单位名称（写入证书）。"))
        return out

    def signals(self):
        return (self.passphrase.textChanged, self.passphrase2.textChanged, self.office.textChanged,
                self.pin.textChanged, self.use_file.toggled, self.cert_combo.currentIndexChanged,
                self.module_row.changed)
