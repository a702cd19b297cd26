"""The wizard of one application: page list (with status marks), pages, findings panel, rule-set
switch. Pages and their order come from ``core.wizard``; every field widget from ``desktop.fields``.
"""

from __future__ import annotations

from core import palette
from core.rules.model import VERDICT_LABELS
from core.wizard import ASSESSMENT, BELOW, COMPLETE, EMPTY, ERRORS, STATUS_LABELS, Page
from desktop.assessment import AssessmentPage
from desktop.fields import FieldEditor, field_widget
from desktop.findings import FindingsPanel
from desktop.i18n import tr_fmt
from desktop.qt import (
    QColor,
    QComboBox,
    QFont,
    QFrame,
    QHBoxLayout,
    QIcon,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPainter,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.session import EditSession
from desktop.status_box import StatusBox

STATUS_MARKS = {COMPLETE: ("✓", palette.GOOD), ERRORS: ("!", palette.BAD), BELOW: ("↓", palette.PENDING),
                EMPTY: ("○", palette.EMPTY)}


def status_icon(status: str) -> QIcon:
    glyph, colour = STATUS_MARKS[status]
    pm = QPixmap(32, 32)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawEllipse(2, 2, 28, 28)
    p.setPen(QColor("white"))
    font = QFont(p.font())
    font.setPixelSize(20)
    font.setBold(True)
    p.setFont(font)
    p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return QIcon(pm)


class FormPage(QScrollArea):
    """One wizard page: its fields' editors under the printed section headings."""

    def __init__(self, page: Page, session: EditSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        inner.setObjectName("pageInner")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(4)
        title = QLabel(page.number_title if page.indicator else page.title, inner)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.editors: dict[str, FieldEditor] = {}
        form = session.form
        for heading, keys in page.groups:
            if len(page.groups) > 1 or heading not in (page.title,):
                sub = QLabel(heading, inner)
                sub.setStyleSheet(f"color: {palette.ACCENT}; font-weight: bold; margin-top: 8px;")
                layout.addWidget(sub)
            last_group = None
            for key in keys:
                fd = form.fields[key]
                if fd.group and fd.group != last_group:
                    group = QLabel(fd.group, inner)
                    group.setStyleSheet("font-weight: bold; margin-top: 4px;")
                    layout.addWidget(group)
                last_group = fd.group
                editor = field_widget(fd, session.app.years, inner)
                editor.set_value(session.value(key))
                layout.addWidget(editor)
                self.editors[key] = editor
        layout.addStretch(1)
        self.setWidget(inner)


class WizardView(QWidget):
    closed = Signal()  # the official went back to the list
    export_requested = Signal(str)

    def __init__(self, session: EditSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.wizard = session.wizard
        self.editors: dict[str, FieldEditor] = {}
        self._statuses: list[str | None] = [None] * len(self.wizard.pages)
        self._build()
        session.report_changed.connect(self._show_report)
        session.value_changed.connect(self._show_value)
        session.evidence_changed.connect(self._show_evidence)
        state = session.ui_state()
        if state.get("ruleset") and state["ruleset"] != session.ruleset_id and any(
                state["ruleset"] == r for r, _ in session.rulesets()):
            session.set_ruleset(state["ruleset"])
        self._select_ruleset_in_combo()
        self._show_evidence()
        self._show_report(session.report)
        self.go(self.wizard.restore(state).id)

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        s = self.session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("← 申请列表"), self)
        self.back.setToolTip(self.tr("返回申请列表（所有修改均已保存）"))
        self.back.clicked.connect(self.closed.emit)
        top.addWidget(self.back)
        self.title = QLabel(s.app.display_name, self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.status_box = StatusBox(s, self)  # desktop/status_box.py
        top.addWidget(self.status_box)
        rs_label = QLabel(self.tr("规则集(&R)："), self)
        top.addWidget(rs_label)
        self.ruleset_combo = QComboBox(self)
        self.ruleset_combo.setObjectName("rulesetCombo")
        for rs_id, label in s.rulesets():
            self.ruleset_combo.addItem(label, rs_id)
        rs_label.setBuddy(self.ruleset_combo)
        self.ruleset_combo.currentIndexChanged.connect(self._ruleset_chosen)
        top.addWidget(self.ruleset_combo)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdictLabel")
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.verdict)
        outer.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.page_list = QListWidget(self.splitter)
        self.page_list.setObjectName("pageList")
        for page in self.wizard.pages:
            QListWidgetItem(page.number_title, self.page_list)
        self.page_list.currentRowChanged.connect(self._page_chosen)

        centre = QWidget(self.splitter)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(centre)
        centre_layout.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("上一页(&P)"), centre)
        self.next_button = QPushButton(self.tr("下一页(&N)"), centre)
        self.prev_button.clicked.connect(lambda: self.go(self.wizard.previous().id))
        self.next_button.clicked.connect(lambda: self.go(self.wizard.next().id))
        self.saved_label = QLabel(centre)
        self.saved_label.setStyleSheet(f"color: {palette.MUTED};")
        nav.addWidget(self.saved_label, 1)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        centre_layout.addLayout(nav)

        self.pages: list[QWidget] = []
        for page in self.wizard.pages:
            if page.kind == ASSESSMENT:
                widget = AssessmentPage(self.stack)
                widget.export_requested.connect(self.export_requested.emit)
                self.assessment = widget
            else:
                widget = FormPage(page, s, self.stack)
                for editor in widget.editors.values():
                    editor.edited.connect(s.edit)
                    for button in editor.evidence_buttons.values():
                        button.attach_requested.connect(self._attach)
                        button.remove_requested.connect(s.remove_evidence)
                self.editors.update(widget.editors)
                if s.readonly:
                    widget.widget().setEnabled(False)
            self.stack.addWidget(widget)
            self.pages.append(widget)

        self.findings = FindingsPanel(self.splitter)
        self.findings.activated.connect(self.open_finding)
        self.splitter.addWidget(self.page_list)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.findings)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([170, 800, 360])
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.timeout.connect(self.saved_label.clear)
        s.saved.connect(lambda: self.flash(self.tr("已自动保存")))

    # --- navigation -----------------------------------------------------------------------------
    def go(self, page_id: str) -> None:
        index = self.wizard.index_of(page_id)
        self.wizard.go(index)
        if self.page_list.currentRow() != index:
            self.page_list.setCurrentRow(index)
        self.stack.setCurrentIndex(index)
        self.prev_button.setEnabled(self.wizard.has_previous)
        self.next_button.setEnabled(self.wizard.has_next)
        if self.wizard.page.kind == ASSESSMENT:
            self.assessment.refresh(self.session)
        self.session.save_ui_state()

    def _page_chosen(self, row: int) -> None:
        if row >= 0 and row != self.wizard.current:
            self.go(self.wizard.pages[row].id)

    def focus_field(self, key: str) -> bool:
        index = self.wizard.page_of_field(key)
        if index is None:
            return False
        self.go(self.wizard.pages[index].id)
        editor = self.editors[key]
        page = self.pages[index]
        page.ensureWidgetVisible(editor, 20, 40)
        editor.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_finding(self, finding) -> None:
        for key in finding.fields:
            if key in self.editors and self.focus_field(key):
                return
        self.go(self.wizard.pages[self.wizard.page_of_finding(finding)].id)

    # --- showing the core's results -------------------------------------------------------------
    def _show_report(self, report) -> None:
        by_field: dict[str, list] = {}
        for f in report.findings:
            for key in f.fields:
                by_field.setdefault(key, []).append(f)
        for key, editor in self.editors.items():
            editor.set_findings(by_field.get(key, ()))
        for i, status in enumerate(self.wizard.statuses(report, self.session.values)):
            if status != self._statuses[i]:
                self._statuses[i] = status
                item = self.page_list.item(i)
                item.setIcon(status_icon(status))
                item.setToolTip(STATUS_LABELS[status])
                item.setData(Qt.ItemDataRole.UserRole, status)
        self.findings.show_findings(report.findings)
        colour = palette.VERDICT[report.verdict]
        errors = len(report.errors)
        self.verdict.setText(tr_fmt(self.tr('结论：<b style="color:%1">%2</b>　错误 %3 条'), colour, VERDICT_LABELS[report.verdict], str(errors)))
        if self.wizard.page.kind == ASSESSMENT:
            self.assessment.refresh(self.session)

    def _show_value(self, key: str, value) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.set_value(value)

    def _show_evidence(self) -> None:
        for editor in self.editors.values():
            for target in editor.evidence_buttons:
                editor.set_evidence(target, self.session.evidence_for(target))

    def _attach(self, target: str, path: str) -> None:
        self.session.add_evidence(target, path)

    def flash(self, text: str) -> None:
        self.saved_label.setText(text)
        self._saved_timer.start(2500)

    # --- rule set -------------------------------------------------------------------------------
    def _select_ruleset_in_combo(self) -> None:
        index = self.ruleset_combo.findData(self.session.ruleset_id)
        self.ruleset_combo.blockSignals(True)
        self.ruleset_combo.setCurrentIndex(max(index, 0))
        self.ruleset_combo.blockSignals(False)
        from core.rules import load_ruleset

        self.findings.set_indicator_names(load_ruleset(self.session.ruleset_id).indicator_names)

    def _ruleset_chosen(self, _index: int) -> None:
        rs_id = self.ruleset_combo.currentData()
        if rs_id and rs_id != self.session.ruleset_id:
            from core.rules import load_ruleset

            self.findings.set_indicator_names(load_ruleset(rs_id).indicator_names)
            self.session.set_ruleset(rs_id)
            self.session.save_ui_state()
