"""Intake from a folder, in a worker thread, with a progress bar and the result of every file."""

from __future__ import annotations

from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QThread,
    QVBoxLayout,
    Signal,
)


class IntakeWorker(QThread):
    progressed = Signal(int, int, str)
    done = Signal(object)  # IntakeResult
    failed = Signal(str)

    def __init__(self, desk, folder: str, rules: str, parent=None):
        super().__init__(parent)
        self.desk, self.folder, self.rules = desk, folder, rules

    def run(self) -> None:
        from core.desk.intake import intake_folder
        from core.errors import UserError

        try:
            result = intake_folder(self.desk, self.folder, self.rules,
                                   progress=lambda d, t, n: self.progressed.emit(d, t, n))
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        self.done.emit(result)


class IntakeDialog(QDialog):
    """Shows the intake of ``folder`` as it runs; ``finished_intake`` carries the result."""

    finished_intake = Signal(object)

    def __init__(self, desk, folder: str, rules: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("受理"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("正在受理…"))
        self.bar = QProgressBar()
        self.list = QListWidget()
        self.list.setObjectName("intakeResults")
        self.list.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        for w in (self.label, self.bar, self.list, self.buttons):
            layout.addWidget(w)
        self.result = None
        self.worker = IntakeWorker(desk, folder, rules, self)
        self.worker.progressed.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _progress(self, done: int, total: int, name: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.label.setText(self.tr("正在受理：") + name)

    def _done(self, result) -> None:
        self.result = result
        for item in result.items:
            QListWidgetItem(item.line(), self.list)
        self.label.setText(result.summary())
        self.buttons.setEnabled(True)
        self.finished_intake.emit(result)

    def _failed(self, message: str) -> None:
        self.label.setText(message)
        self.buttons.setEnabled(True)
        self.finished_intake.emit(None)

    def reject(self) -> None:
        if self.worker.isRunning():
            return  # each file is its own transaction, but let the current one finish
        super().reject()
