"""Several officials on one database, as the window shows it: a poll every few seconds takes in
others' edits (a short notice in the status bar, never a modal box), a conflicting edit asks
"keep mine / take theirs", and closing with edits the server has not received asks first.
The session (desktop/session.py) does the work; core decides what conflicts (core/store)."""

from __future__ import annotations

from desktop.i18n import tr_fmt
from desktop.qt import QEvent, QMessageBox, QObject, QTimer

POLL_MS = 3000  # "within a few seconds"; one indexed query per poll
MINE, THEIRS = "mine", "theirs"


class SharingWatch(QObject):
    """Polls the session and guards closing the window while edits are unsent."""

    def __init__(self, window, session):
        super().__init__(session)
        self.window, self.session = window, session
        session.resolve_conflict = self.ask_conflict
        session.others_changed.connect(self.notice)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(session.poll)
        self.timer.start()
        window.installEventFilter(self)  # a child of the session: Qt removes the filter with it

    def ask_conflict(self, err) -> str:
        """The conflict message (who changed the field to what, when) and the two ways out."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("修改冲突"), err.message, parent=self.window)
        box.setObjectName("conflictDialog")
        mine = box.addButton(self.tr("保留我的修改"), QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton(self.tr("采用对方的内容"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(theirs)
        box.exec()
        return MINE if box.clickedButton() is mine else THEIRS

    def notice(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close and self.session.pending:
            self.session.poll()  # one last try to send them
            if self.session.pending:
                answer = QMessageBox.warning(
                    self.window, self.tr("修改尚未保存"),
                    tr_fmt(self.tr("有 %1 项修改因为与数据库服务器的连接断开而没有保存。现在关闭，这些修改将丢失。仍要关闭吗？"),
                           len(self.session.pending)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    event.ignore()
                    return True
        return False


def watch(window, session) -> SharingWatch:
    return SharingWatch(window, session)
