"""The status box of an open application: the status, only the changes that make sense
(core/store/status.py decides), 重新打开 for a sealed one and its 报送记录."""

from __future__ import annotations

from core.application import STATUSES
from core.store.status import choices
from core.timefmt import local_time
from desktop.i18n import tr_fmt
from desktop.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, Qt, QWidget

WHY_ROLE = Qt.ItemDataRole.UserRole + 1


class StatusBox(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("状态(&T)："), self)
        layout.addWidget(label)
        self.combo = QComboBox(self)
        self.combo.setObjectName("statusCombo")
        label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        self.reopen_button = QPushButton(self.tr("重新打开…"), self)
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip(self.tr("已导出的申请已封存；写明理由重新打开后可以修改"))
        layout.addWidget(self.reopen_button)
        self.receipts_button = QPushButton(self.tr("报送记录…"), self)
        self.receipts_button.setObjectName("receiptsButton")
        self.receipts_button.setToolTip(self.tr("每次导出的时间、报送包 SHA-256 和证书指纹"))
        layout.addWidget(self.receipts_button)
        self.combo.activated.connect(self._picked)
        self.reopen_button.clicked.connect(self.reopen)
        self.receipts_button.clicked.connect(self.show_receipts)
        session.status_changed.connect(lambda _s: self.refresh(receipts=True))
        # The recommendation may have been typed: recomputed in memory, no database read per key.
        session.report_changed.connect(lambda _r: self.refresh())
        self.refresh(receipts=True)

    def refresh(self, *, receipts: bool = False) -> None:
        s = self.session
        if receipts:  # an export or a reopen: the only moments the receipts change
            found = self._receipts()
            self.receipts_button.setVisible(bool(found))
            if found:
                last = found[-1]
                self.receipts_button.setToolTip(tr_fmt(self.tr("共导出 %1 次；最近一次 %2，报送包 SHA-256 %3…"),
                                                       str(len(found)), local_time(last.at), last.sha256[:12]))
        offered = choices(s.app.status, s.form, s.values)
        if offered == self._offered():
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        for status, why in offered:
            self.combo.addItem(STATUSES.get(status, status), status)
            index = self.combo.count() - 1
            self.combo.setItemData(index, why, WHY_ROLE)
            if why:
                item = self.combo.model().item(index)
                item.setEnabled(False)
                item.setToolTip(tr_fmt(self.tr("需先填写%1"), why))
        self.combo.setCurrentIndex(0)
        self.combo.blockSignals(False)
        sealed = s.sealed
        self.combo.setEnabled(not sealed and not s.readonly)
        self.combo.setToolTip(self.tr("已导出（已封存）：状态只能通过“重新打开”改回草稿") if sealed else
                              self.tr("草稿与待审核可以互换；填好推荐意见后可改为已推荐；已导出由导出报送包产生"))
        self.reopen_button.setVisible(sealed and not s.readonly)

    def _offered(self) -> list[tuple[str, str]]:
        return [(self.combo.itemData(i), self.combo.itemData(i, WHY_ROLE) or "") for i in range(self.combo.count())]

    def _receipts(self) -> list:
        try:
            return self.session.store.receipts(self.session.app_id)
        except Exception:  # noqa: BLE001 (a read failure hides the button, it is reported elsewhere)
            return []

    def offered(self) -> list[str]:
        """The statuses that can be picked now (for tests and the help text)."""
        return [s for s, why in self._offered() if not why]

    def _picked(self, index: int) -> None:
        status = self.combo.itemData(index)
        if status and status != self.session.app.status:
            self.session.set_status(status)
        self.refresh()

    def reopen(self) -> bool:
        from desktop.seal_prompt import ReopenDialog

        receipts = self._receipts()
        dialog = ReopenDialog(self.session.app.display_name, receipts[-1].sha256 if receipts else None, self)
        if dialog.exec() != ReopenDialog.DialogCode.Accepted:
            return False
        return self.session.reopen(dialog.text())

    def show_receipts(self) -> None:
        from desktop.receipts import ReceiptsDialog

        ReceiptsDialog(self.session.store, self.session.app_id, self).exec()
