"""The wizard of one application: page list (with status marks), pages, findings panel, rule-set
switch. Pages and their order come from ``core.wizard``; every field widget from ``desktop.fields``.
"""

from __future__ import annotations

from core import palette
from core.rules.model import VERDICT_LABELS, indicator_title
from core.wizard import ASSESSMENT, BELOW, COMPLETE, EMPTY, ERRORS, PARTIAL, STATUS_LABELS, Page
from desktop.assessment import AssessmentPage
from desktop.fields import FieldEditor, field_widget
from desktop.findings import FindingsPanel
from desktop.i18n import tr_fmt
from desktop.qt import (
    QApplication,
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
                EMPTY: ("○", palette.EMPTY), PARTIAL: ("…", palette.PENDING)}


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
        on_page = set(page.fields)
        owned: dict[str, list[str]] = {}  # 申报单位 → its 联系人 and 联系方式
        for key in page.fields:
            owner = form.fields[key].owner
            if owner in on_page:
                owned.setdefault(owner, []).append(key)
        for heading, keys in page.groups:
            if len(page.groups) > 1 or heading not in (page.title,):
                sub = QLabel(heading, inner)
                sub.setStyleSheet(f"color: {palette.ACCENT}; font-weight: bold; margin-top: 8px;")
                layout.addWidget(sub)
            last_group = None
            for key in keys:
                fd = form.fields[key]
                if fd.owner in on_page:
                    continue  # shown with its owner
                if fd.group and fd.group != last_group:
                    group = QLabel(fd.group, inner)
                    group.setStyleSheet("font-weight: bold; margin-top: 4px;")
                    layout.addWidget(group)
                last_group = fd.group
                editor = self._editor(key, session, inner)
                if key in owned:
                    layout.addWidget(self._owner_box(editor, owned[key], session, inner))
                else:
                    layout.addWidget(editor)
        layout.addStretch(1)
        self.setWidget(inner)

    def _editor(self, key: str, session: EditSession, parent: QWidget) -> FieldEditor:
        editor = field_widget(session.form.fields[key], session.app.years, parent)
        editor.set_value(session.value(key))
        self.editors[key] = editor
        return editor

    def _owner_box(self, owner: FieldEditor, keys: list[str], session: EditSession, parent: QWidget) -> QFrame:
        """The owner's field with its own fields (联系人, 联系方式) side by side beneath it, in one
        frame: as on the printed form, each pair is the contact of the unit above it."""
        box = QFrame(parent)
        box.setObjectName("ownerBox")
        box.setStyleSheet(f"#ownerBox {{ border: 1px solid {palette.EMPTY}; border-radius: 4px; }}")
        column = QVBoxLayout(box)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(0)
        owner.setParent(box)
        column.addWidget(owner)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        for key in keys:
            row.addWidget(self._editor(key, session, box), 1)
        column.addLayout(row)
        return box


class WizardView(QWidget):
    closed = Signal()  # the official went back to the list
    export_requested = Signal(str)
    title_changed = Signal(str)  # the application's name as typed (the window title follows it)

    def __init__(self, session: EditSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.wizard = session.wizard
        self.editors: dict[str, FieldEditor] = {}
        self._statuses: list[str | None] = [None] * len(self.wizard.pages)
        self._build()
        session.report_changed.connect(self._show_report)
        session.gaps_changed.connect(self._show_gaps)  # 还差 lines, a moment after typing pauses
        session.value_changed.connect(self._show_value)
        session.evidence_changed.connect(self._show_evidence)
        session.navigate.connect(self._navigate)
        session.touched_changed.connect(lambda _keys: self._show_report(session.report))
        QApplication.instance().focusChanged.connect(self._focus_changed)  # dropped with the view
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
        self.check_button = QPushButton(self.tr("检查本页(&C)"), centre)
        self.check_button.setObjectName("checkPage")
        self.check_button.setToolTip(self.tr("把本页尚未填写的栏目作为问题逐条列出"))
        self.check_button.clicked.connect(self.check_page)
        nav.addWidget(self.check_button)
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
        self.findings.page_requested.connect(lambda index: self.go(self.wizard.pages[index].id))
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
        self.check_button.setEnabled(self.wizard.page.kind != ASSESSMENT)
        if self.wizard.page.kind == ASSESSMENT:
            self.assessment.refresh(self.session)
        self._show_findings(self.session.report)
        self.session.save_ui_state()

    def check_page(self) -> None:
        """检查本页: every blank field of the page is past its quiet state (its errors show)."""
        self.session.touch(self.wizard.page.fields)
        self.session.save_ui_state()

    def _focus_changed(self, old, new) -> None:
        """Leaving a field after editing it ends its quiet 未填写 state."""
        left = editor_of(old)
        if left is None or left is editor_of(new) or not left.dirty or self.editors.get(left.key) is not left:
            return
        left.dirty = False
        self.session.touch([left.key])

    def _navigate(self, key: str, cell) -> None:
        """An undo or redo changed this field: open its page and put the cursor in the cell."""
        if self.focus_field(key):
            self.editors[key].focus_cell(cell or ()).setFocus(Qt.FocusReason.OtherFocusReason)

    def focused_field(self) -> str | None:
        editor = editor_of(QApplication.focusWidget())
        return editor.key if editor is not None and editor.key in self.editors else None

    def show_field_help(self) -> bool:
        """F1 in a field: its 填报说明 items in a small popup; False when no field has the focus."""
        key = self.focused_field()
        if key is None:
            return False
        from desktop.field_help import FieldHelp

        self.help_popup = FieldHelp(self.session.form, key, self.session.app.campaign, self)
        self.help_popup.show_near(self.editors[key])
        return True

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
        quiet = {key for key in self.editors if self.session.is_quiet(key)}
        self._quiet = quiet
        for key, editor in self.editors.items():
            editor.set_findings(by_field.get(key, ()), key in quiet)
        for i, status in enumerate(self.wizard.statuses(report, self.session.values, quiet)):
            if status != self._statuses[i]:
                self._statuses[i] = status
                item = self.page_list.item(i)
                item.setIcon(status_icon(status))
                item.setToolTip(STATUS_LABELS[status])
                item.setData(Qt.ItemDataRole.UserRole, status)
        self._show_findings(report)
        colour = palette.VERDICT[report.verdict]
        pending = sum(1 for f in report.errors if self._is_quiet(f))
        text = tr_fmt(self.tr('结论：<b style="color:%1">%2</b>　错误 %3 条'), colour, VERDICT_LABELS[report.verdict],
                      str(len(report.errors) - pending))
        if pending:
            text += tr_fmt(self.tr('　<span style="color:%1">未填写 %2 项</span>'), palette.MUTED, str(pending))
        self.verdict.setText(text)
        if self.wizard.page.kind == ASSESSMENT:
            self.assessment.refresh(self.session)

    def _show_gaps(self, views) -> None:
        """The gap model's lines (core.rules.gap_view): under criterion findings and inline."""
        self.findings.show_gaps(views.finding_lines())
        for key, editor in self.editors.items():
            editor.set_gap(views.field_line(key))

    _quiet: set[str] = set()

    def _is_quiet(self, finding) -> bool:
        return bool(finding.fields) and all(k in self._quiet for k in finding.fields)

    def _show_findings(self, report) -> None:
        self.findings.show_findings(report.findings, group_of=self.wizard.page_of_finding,
                                    titles=self._group_titles(), current=self.wizard.current,
                                    quiet=self._is_quiet)

    def _group_titles(self) -> dict[int, str]:
        names = self.findings._names
        return {i: indicator_title(p.indicator, names) if p.indicator else p.title
                for i, p in enumerate(self.wizard.pages)}

    def _show_value(self, key: str, value) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.set_value(value)
        if key == "basic.cluster_name":
            self.title.setText(self.session.app.display_name)
            self.title_changed.emit(self.session.app.display_name)

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


def editor_of(widget) -> FieldEditor | None:
    """The field editor a widget (a line edit, a year cell) belongs to."""
    while widget is not None and not isinstance(widget, FieldEditor):
        widget = widget.parentWidget()
    return widget
