"""The question before editing an exported (sealed) application: reopen it with a reason, work on
a copy, or cancel. The session (desktop/session.py) asks it and does what was chosen; the rules
(what a reason needs, what reopening records) are core's (core/store/status.py, receipts.py)."""

from __future__ import annotations

from core.store.status import MIN_REASON
from desktop.i18n import tr_fmt
from desktop.qt import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

REOPEN, COPY, CANCEL = "reopen", "copy", "cancel"


class ReopenDialog(QDialog):
    """The reason for reopening, recorded in the history with the old package's SHA-256."""

    def __init__(self, name: str, package_sha256: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(self.tr("重新打开已导出的申请"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = tr_fmt(self.tr("重新打开“%1”后状态回到草稿，可以修改；修改后需重新导出报送包。"), name)
        if package_sha256:
            text += "\n" + tr_fmt(self.tr("原报送包的 SHA-256 保留在报送记录中：%1"), package_sha256)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("重新打开的理由（记入修改记录）："), self))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reopenReason")
        self.reason.setPlaceholderText(self.tr("例如：区局审核退回，补充2022年营业收入数据"))
        self.reason.setMaximumHeight(90)
        layout.addWidget(self.reason)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("重新打开"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._refresh)
        self._refresh()

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _refresh(self) -> None:
        short = len(self.text()) < MIN_REASON
        self.ok.setEnabled(not short)
        self.hint.setText(tr_fmt(self.tr("请至少写 %1 个字。"), str(MIN_REASON)) if short else "")


def ask_unseal(parent: QWidget, session) -> tuple[str, str | None]:
    """Ask before the first change to a sealed application: (REOPEN, reason), (COPY, None) or (CANCEL, None)."""
    name = session.app.display_name
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("已导出的申请"),
                      tr_fmt(parent.tr("“%1”已导出报送包（已封存），数据库中的数据与报送包中签名的数据一致。"), name),
                      parent=parent)
    box.setObjectName("sealPrompt")
    box.setInformativeText(parent.tr("要修改，请重新打开它（写明理由，状态回到草稿），或在一份副本上修改。"))
    reopen = box.addButton(parent.tr("重新打开并修改…"), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(parent.tr("在副本上修改"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    reopen.setObjectName("sealReopen")
    copy.setObjectName("sealCopy")
    cancel.setObjectName("sealCancel")
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is copy:
        return COPY, None
    if clicked is not reopen:
        return CANCEL, None
    receipts = session.store.receipts(session.app_id)
    dialog = ReopenDialog(name, receipts[-1].sha256 if receipts else None, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return CANCEL, None
    return REOPEN, dialog.text()
