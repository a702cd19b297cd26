"""报送记录: every export of one application (time, who, package, package SHA-256, certificate
fingerprint, signer), as the 联网直报 clients show it, with the hashes copyable for the upload
form or a telephone check. Read from the store's receipts (core/store/receipts.py)."""

from __future__ import annotations

from core.errors import UserError
from core.package.certificate import format_fingerprint
from core.timefmt import local_time
from desktop.i18n import tr_fmt
from desktop.qt import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ReceiptsDialog(QDialog):
    def __init__(self, store, app_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("receiptsDialog")
        try:
            doc = store.get(app_id)
            self.receipts = store.receipts(app_id)
            number = store.number(app_id)
        except UserError as exc:
            doc, self.receipts, number = {"name": ""}, [], ""
            self._error = exc.message
        else:
            self._error = ""
        name = doc.get("name") or self.tr("（未命名集群）")
        self.setWindowTitle(tr_fmt(self.tr("报送记录 — %1"), name))
        self.resize(1100, 460)
        layout = QVBoxLayout(self)
        head = QLabel(self._error or (tr_fmt(self.tr("编号 %1 · 共导出 %2 次。选中一行可复制其报送包 SHA-256 和证书指纹。"),
                                             number, str(len(self.receipts))) if self.receipts
                                      else self.tr("这份申请还没有导出过报送包。")), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.table = QTableWidget(len(self.receipts), 6, self)
        self.table.setObjectName("receiptsTable")
        self.table.setHorizontalHeaderLabels([self.tr("导出时间"), self.tr("操作人"), self.tr("签名单位"),
                                              self.tr("报送包"), self.tr("报送包 SHA-256"), self.tr("证书指纹")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col in range(6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path keeps its file name
        self.table.setWordWrap(False)
        for row, r in enumerate(reversed(self.receipts)):  # newest first
            cells = [local_time(r.at, seconds=True), r.user, r.signer, r.path, r.sha256[:12] + "…",
                     format_fingerprint(r.certificate_sha256)[:14] + "…"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(r.path if col == 3 else r.sha256 if col == 4 else r.certificate_sha256 if col == 5
                                else text)
                self.table.setItem(row, col, item)
        layout.addWidget(self.table, 1)

        details = QFormLayout()
        self.sha = self._copyable(details, self.tr("报送包 SHA-256："), "copySha")
        self.fingerprint = self._copyable(details, self.tr("证书指纹："), "copyFingerprint")
        self.data_sha = self._copyable(details, self.tr("申报数据 SHA-256："), "copyDataSha")
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        details.addRow(self.reason)
        layout.addLayout(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_selected)
        if self.receipts:
            self.table.selectRow(0)
        self._show_selected()

    def _copyable(self, form: QFormLayout, label: str, name: str) -> QLineEdit:
        row = QHBoxLayout()
        field = QLineEdit(self)
        field.setReadOnly(True)
        field.setObjectName(name.replace("copy", "field"))
        row.addWidget(field, 1)
        button = QPushButton(self.tr("复制"), self)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False, f=field: QApplication.clipboard().setText(f.text().replace(" ", "")))
        row.addWidget(button)
        form.addRow(label, row)
        return field

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return list(reversed(self.receipts))[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        r = self.selected()
        self.sha.setText(r.sha256 if r else "")
        self.fingerprint.setText(format_fingerprint(r.certificate_sha256) if r else "")
        self.data_sha.setText(r.data_sha256 if r else "")
        self.reason.setText(tr_fmt(self.tr("越过错误报送的理由：%1"), r.override_reason) if r and r.override_reason
                            else "")
