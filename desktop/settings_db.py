"""设置 → 数据库连接: this PC's own database file, or a shared PostgreSQL server (URL parts, the
database login and its password), and the name this official appears under in the history.

The URL (never with a password) and the name are kept in the user's settings.ini; the password
goes to the OS keyring (core/store/credentials.py). The new connection is used from the next
start, so a window never switches databases under an open application.
"""

from __future__ import annotations

from core.errors import UserError
from core.paths import user_data_dir
from core.store import Store, credentials
from core.store.base import os_user
from desktop.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSettings,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

URL_KEY, NAME_KEY = "connection/url", "connection/user_name"


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def saved_connection() -> tuple[str | None, str | None]:
    """(database URL or None for this PC's default file, the official's name or None for the OS login)."""
    s = _settings()
    url = str(s.value(URL_KEY, "") or "").strip() or None
    name = str(s.value(NAME_KEY, "") or "").strip() or None
    return url, name


def save_connection(url: str | None, user_name: str | None, password: str | None = None) -> None:
    """Keep the connection; a password typed into the URL is moved to the keyring too."""
    bare, in_url = credentials.split(url) if url else (None, None)
    password = password or in_url
    if bare and password:
        credentials.save(bare, password)  # may raise NO_KEYRING: then nothing else changes either
    s = _settings()
    s.setValue(URL_KEY, bare or "")
    s.setValue(NAME_KEY, (user_name or "").strip())
    s.sync()


class ConnectionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("数据库连接"))
        self.setMinimumWidth(520)
        url, name = saved_connection()
        parts = credentials.server_parts(url) if url and url.startswith("postgresql") else {}
        layout = QVBoxLayout(self)
        self.local = QRadioButton(self.tr("本机数据库文件（一台电脑使用）"), self)
        self.server = QRadioButton(self.tr("单位的数据库服务器 PostgreSQL（多位同事同时使用）"), self)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        form = QFormLayout()
        self.file = QLineEdit(url if url and not parts else "", self)
        self.file.setObjectName("dbFile")
        self.file.setPlaceholderText(self.tr("留空则使用默认位置"))
        form.addRow(self.tr("数据库文件："), self.file)
        self.host = QLineEdit(parts.get("host", ""), self)
        self.host.setObjectName("dbHost")
        self.host.setPlaceholderText(self.tr("例如 192.168.1.20 或 db.office.local"))
        form.addRow(self.tr("服务器地址："), self.host)
        self.port = QSpinBox(self)
        self.port.setObjectName("dbPort")
        self.port.setRange(1, 65535)
        self.port.setValue(int(parts.get("port") or 5432))
        form.addRow(self.tr("端口："), self.port)
        self.database = QLineEdit(parts.get("database", "cluster_declare"), self)
        self.database.setObjectName("dbName")
        form.addRow(self.tr("数据库名："), self.database)
        self.login = QLineEdit(parts.get("user", ""), self)
        self.login.setObjectName("dbUser")
        form.addRow(self.tr("数据库用户："), self.login)
        self.password = QLineEdit(self)
        self.password.setObjectName("dbPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("保存在本机系统密码库中；留空则不改"))
        form.addRow(self.tr("密码："), self.password)
        self.name = QLineEdit(name or "", self)
        self.name.setObjectName("userName")
        self.name.setPlaceholderText(os_user())
        form.addRow(self.tr("我的姓名（记入修改记录）："), self.name)
        layout.addLayout(form)
        note = QLabel(self.tr("新的连接在下次启动程序时生效。密码不会写入数据库、设置文件或日志。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.server if parts else self.local).setChecked(True)
        self.local.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        server = self.server.isChecked()
        self.file.setEnabled(not server)
        for w in (self.host, self.port, self.database, self.login, self.password):
            w.setEnabled(server)

    def url(self) -> str | None:
        if self.server.isChecked():
            return credentials.server_url(self.host.text(), self.port.value(), self.database.text(), self.login.text())
        return self.file.text().strip() or None

    def test_connection(self) -> bool:
        """Open the database as the program will (password typed, or the saved one)."""
        try:
            with Store.open(self.url(), password=self.password.text() or None, readonly=False) as store:
                store.list_applications()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("数据库连接"), exc.message)
            return False
        QMessageBox.information(self, self.tr("数据库连接"), self.tr("连接成功。"))
        return True

    def save(self) -> None:
        if self.server.isChecked() and not (self.host.text().strip() and self.database.text().strip()
                                            and self.login.text().strip()):
            QMessageBox.warning(self, self.tr("数据库连接"), self.tr("请填写服务器地址、数据库名和数据库用户。"))
            return
        try:
            save_connection(self.url(), self.name.text(), self.password.text() or None)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("数据库连接"), exc.message)
            return
        self.accept()


def edit_connection(parent: QWidget | None = None) -> bool:
    return ConnectionDialog(parent).exec() == QDialog.DialogCode.Accepted


def reconnect(message: str, open_store):
    """The saved server could not be opened at start (down, wrong password …): show why and offer
    the dialog, then try once more with ``open_store`` (desktop/app.py's). (store, lock, note), or
    None to give up."""
    url, _name = saved_connection()
    if not url or url.startswith(("sqlite", "file:")) or "://" not in url:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, "集群申报助手", message)
    box.setObjectName("reconnectBox")
    change = box.addButton(ConnectionDialog.tr("修改数据库连接…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not change or not edit_connection():
        return None
    try:
        return open_store(None)
    except UserError as exc:
        QMessageBox.warning(None, "集群申报助手", exc.message)
        return None
