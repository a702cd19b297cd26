"""Small dialogs of the follow-up: recording a recognition, and a yearly report's items. Values are
checked by core.follow; a refused value is shown with core's message and nothing is stored."""

from __future__ import annotations

import json
from datetime import date

from core.errors import UserError
from desktop.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class RecognizeDialog(QDialog):
    """记录认定: which application, the date of the list, the list's name."""

    def __init__(self, store, parent: QWidget | None = None, *, app_id: str | None = None):
        super().__init__(parent)
        from core.follow.register import Register

        self.setObjectName("recognizeDialog")
        self.setWindowTitle(self.tr("记录认定"))
        self.register = Register(store)
        self.recognition = None
        form = QFormLayout(self)
        self.app = QComboBox(self)
        recognised = {r.app_id for r in self.register.recognitions()}
        for a in store.list_applications():
            if a.id not in recognised:
                self.app.addItem(f"{a.number} {a.name}（{a.campaign}）", a.id)
        if app_id is not None and self.app.findData(app_id) >= 0:
            self.app.setCurrentIndex(self.app.findData(app_id))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.list_name = QLineEdit(self)
        self.list_name.setPlaceholderText(self.tr("例如：上海市2023年市级中小企业特色产业集群名单"))
        form.addRow(self.tr("申请"), self.app)
        form.addRow(self.tr("认定日期"), self.date)
        form.addRow(self.tr("认定名单"), self.list_name)
        note = QLabel(self.tr("有效期、年度报送日期和复核按该申请的规则集计算。"), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        app_id = self.app.currentData()
        if not app_id:
            self.reject()
            return
        d = self.date.date()
        try:
            self.recognition = self.register.recognize(app_id, date(d.year(), d.month(), d.day()),
                                                       self.list_name.text())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("记录认定"), exc.message)
            return
        self.accept()


class AnnualDialog(QDialog):
    """One yearly report's items: the four texts and the year's figures, saved together."""

    def __init__(self, register, app_id: str, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annualDialog")
        self.register, self.app_id, self.year = register, app_id, year
        cluster = register.cluster(app_id)
        report = cluster.report(year)
        values = report.values if report else {}
        self.setWindowTitle(self.tr("%1 年度培育情况").replace("%1", str(year)))
        self.resize(760, 640)
        outer = QVBoxLayout(self)
        note = QLabel(register.annual_form.layout_note, self)
        note.setWordWrap(True)
        outer.addWidget(note)
        body = QWidget(self)
        form = QFormLayout(body)
        self.editors: dict[str, QWidget] = {}
        for s in register.annual_form.sections:
            edit = QPlainTextEdit(values.get(s.key) or "", body)
            edit.setObjectName(s.key)
            edit.setFixedHeight(70)
            form.addRow(s.label, edit)
            self.editors[s.key] = edit
        for f in register.figure_fields(cluster):
            raw = values.get(f.key)
            edit = QLineEdit("" if raw is None else (json.dumps(raw, ensure_ascii=False) if isinstance(raw, dict) else raw),
                             body)
            edit.setObjectName(f.key)
            edit.setPlaceholderText(f.metric.unit or "")
            form.addRow(f"{f.metric.label}（{f.metric.unit or '—'}）", edit)
            self.editors[f.key] = edit
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        readonly = bool(report and report.submitted_on) or register.store.readonly
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not readonly)

    def values(self) -> dict[str, str]:
        return {k: (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text()) for k, e in self.editors.items()}

    def save(self) -> None:
        try:
            self.register.set_annual(self.app_id, self.year, self.values())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.accept()


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class EventDialog(QDialog):
    """记录事件: a 重大变动 (主导产业、空间范围、运营管理机构), an accident or another event, with its 报备 date."""

    def __init__(self, register, app_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        from core.follow.register import EVENT_KINDS
        from desktop.qt import QCheckBox

        self.setObjectName("eventDialog")
        self.setWindowTitle(self.tr("记录事件"))
        self.register, self.app_id = register, app_id
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for key, label in EVENT_KINDS.items():
            self.kind.addItem(label, key)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit(self)
        self.reported = QCheckBox(self.tr("已报备"), self)
        self.reported_on = QDateEdit(QDate.currentDate(), self)
        self.reported_on.setDisplayFormat("yyyy-MM-dd")
        self.reported_on.setEnabled(False)
        self.reported.toggled.connect(self.reported_on.setEnabled)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("发生日期"), self.date)
        form.addRow(self.tr("内容"), self.text)
        form.addRow(self.reported, self.reported_on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            self.register.add_event(self.app_id, self.kind.currentData(), _day(self.date), self.text.text(),
                                    _day(self.reported_on) if self.reported.isChecked() else None)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.accept()
