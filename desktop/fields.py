"""One editor per field type, built from the form definition (no hand-placed widget per field).

Every editor shows the field's label, its input widgets, and an inline line for the findings the
rules core reports about it. It emits ``edited(key, value)`` with the whole value in the shape of
the application document (see core.application) on every user change; it never judges the value.
"""

from __future__ import annotations

from typing import Any

from core import palette
from core.form.model import NA, NO, STANDARD_LEVELS, STANDARD_ROLES, YES, FieldDef
from core.numbers import split_pasted_cells
from desktop.evidence import EvidenceButton
from desktop.i18n import tr_fmt
from desktop.qt import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

STATE_STYLES = {
    None: "",
    "error": f"#fieldEditor {{ border-left: 3px solid {palette.BAD}; }}",
    "warning": f"#fieldEditor {{ border-left: 3px solid {palette.CAUTION}; }}",
    "info": "",
}


def field_widget(fd: FieldDef, years: list[int], parent: QWidget | None = None) -> FieldEditor:
    """The editor for one field: the factory keyed by field type."""
    return EDITORS[fd.type](fd, years, parent)


class FieldEditor(QFrame):
    edited = Signal(str, object)  # key, value

    def __init__(self, fd: FieldDef, years: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldEditor")
        self.fd, self.years = fd, years
        self.key = fd.key
        self._loading = False
        self._state: str | None = None
        self._messages: tuple[tuple[str, str], ...] = ()
        self.evidence_buttons: dict[str, EvidenceButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 4, 4)
        outer.setSpacing(3)
        self.title = QLabel(self._title_text(), self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        if fd.note or fd.hint:
            self.title.setToolTip(fd.note or fd.hint)
        outer.addWidget(self.title)
        body = QWidget(self)
        self.body = body
        self.build(body)
        outer.addWidget(body)
        if fd.note:
            note = QLabel(fd.note, self)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {palette.MUTED};")
            outer.addWidget(note)
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.hide()
        outer.addWidget(self.message)

    def _title_text(self) -> str:
        fd = self.fd
        text = _esc(fd.label)
        if fd.required and fd.type != "fixed":
            text = f'<span style="color:{palette.BAD}">*</span> {text}'
        if fd.supplementary:
            text += f' <span style="color:{palette.ACCENT}">{self.tr("（补充项）")}</span>'
        if fd.max_chars and fd.type == "longtext":
            text += f'<span style="color:{palette.MUTED}">{tr_fmt(self.tr("（%1字以内）"), fd.max_chars)}</span>'
        return text

    # --- for subclasses -------------------------------------------------------------------------
    def build(self, body: QWidget) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.body

    # --- common ---------------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show a value (from the store or undo) without emitting ``edited``."""
        self._loading = True
        try:
            self.show_value(value)
        finally:
            self._loading = False

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit(self.key, self.value())

    def set_findings(self, findings: list) -> None:
        """Show the rules core's findings about this field inline (only redraws on change)."""
        messages = tuple((f.severity, _strip_title(f.message, self.fd)) for f in findings)
        if messages == self._messages:
            return
        self._messages = messages
        state = next((s for s in ("error", "warning", "info") if any(m[0] == s for m in messages)), None)
        if state != self._state:
            self._state = state
            self.setStyleSheet(STATE_STYLES[state])
        if not messages:
            self.message.hide()
            self.message.clear()
            return
        shown = [f'<span style="color:{palette.SEVERITY[s]}">{"✗" if s == "error" else "!"} {_esc(m)}</span>'
                 for s, m in messages[:3]]
        if len(messages) > 3:
            shown.append(self.tr("……另有 %n 条", "", len(messages) - 3))
        self.message.setText("<br>".join(shown))
        self.message.show()

    @property
    def state(self) -> str | None:
        return self._state

    def set_evidence(self, target: str, entries: list[dict]) -> None:
        if target in self.evidence_buttons:
            self.evidence_buttons[target].set_entries(entries)

    def _evidence_button(self, target: str, parent: QWidget) -> EvidenceButton:
        button = EvidenceButton(target, parent)
        self.evidence_buttons[target] = button
        return button


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _strip_title(message: str, fd: FieldDef) -> str:
    """Inline, the field's own name in front of the message is redundant."""
    for prefix in (f"{fd.about}·{fd.label}：" if fd.about else None, f"{fd.label}："):
        if prefix and message.startswith(prefix):
            return message[len(prefix):]
    return message


def _line(parent: QWidget, width: int | None = None, placeholder: str | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    if width:
        edit.setFixedWidth(width)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _set_text(edit: QLineEdit, value: Any) -> None:
    text = "" if value is None else str(value)
    if edit.text() != text:
        edit.setText(text)


def _row(body: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


class _LineEditor(FieldEditor):
    """An editor whose whole value is the text of one ``self.edit`` line."""

    def value(self) -> Any:
        return self.edit.text()

    def show_value(self, value: Any) -> None:
        _set_text(self.edit, value)

    def focus_target(self) -> QWidget:
        return self.edit


class TextEditor(_LineEditor):
    def build(self, body: QWidget) -> None:
        row = _row(body)
        self.edit = _line(body, placeholder=self.fd.hint)
        self.edit.textEdited.connect(self._changed)
        row.addWidget(self.edit, 1)
        self.counter = QLabel(body)
        self.counter.setStyleSheet(f"color: {palette.MUTED};")
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance("000/000"))
        row.addWidget(self.counter)
        self.edit.textChanged.connect(self._count)
        self._count()

    def _count(self, *_args) -> None:
        if self.fd.max_chars:
            self.counter.setText(f"{len(self.edit.text().strip())}/{self.fd.max_chars}")


class LongTextEditor(FieldEditor):
    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.edit = QPlainTextEdit(body)
        self.edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.edit.setUndoRedoEnabled(False)  # one undo for the whole application (Ctrl+Z)
        self.edit.setPlaceholderText(self.fd.hint or "")
        tall = (self.fd.max_chars or 0) >= 1000
        self.edit.setMinimumHeight(200 if tall else 84)
        self.edit.setMaximumHeight(320 if tall else 130)
        self.edit.textChanged.connect(self._changed)
        self.edit.textChanged.connect(self._count)
        layout.addWidget(self.edit)
        self.counter = QLabel(body)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.counter)
        self._count()

    def _count(self) -> None:
        n = len(self.edit.toPlainText().strip())
        limit = self.fd.max_chars
        if limit:
            over = n > limit
            self.counter.setText(tr_fmt(self.tr("%1 / %2 字"), str(n), str(limit)))
            self.counter.setStyleSheet(f"color: {palette.BAD if over else palette.MUTED};")
        else:
            self.counter.setText(tr_fmt(self.tr("%1 字"), str(n)))

    def value(self) -> Any:
        return self.edit.toPlainText()

    def show_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)

    def focus_target(self) -> QWidget:
        return self.edit


class NumberEditor(_LineEditor):
    """number, percent, count, year: typed as the official types it (core.numbers parses it)."""

    def build(self, body: QWidget) -> None:
        row = _row(body)
        self.edit = _line(body, 180, self.fd.hint)
        self.edit.textEdited.connect(self._changed)
        row.addWidget(self.edit)
        unit = self.fd.display_unit
        if unit:
            row.addWidget(QLabel(unit, body))
        row.addStretch(1)
        if self.fd.evidence:
            row.addWidget(self._evidence_button(self.key, body))


class YesNoEditor(FieldEditor):
    def build(self, body: QWidget) -> None:
        row = _row(body)
        self.group = QButtonGroup(body)
        self.buttons: dict[str, QRadioButton] = {}
        choices = [(YES, self.tr("是")), (NO, self.tr("否"))]
        if self.fd.type == "yesno_na":
            choices.append((NA, self.fd.na_label or self.tr("不适用")))
        for code, label in choices:
            button = QRadioButton(label, body)
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)
        self.evidence = self._evidence_button(self.key, body) if self.fd.evidence else None
        if self.evidence:
            row.addWidget(self.evidence)
            self.evidence.setVisible(False)
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, _button, checked: bool) -> None:
        if self.evidence:
            self.evidence.setVisible(self.buttons[YES].isChecked())
        if checked:
            self._changed()

    def value(self) -> Any:
        return next((code for code, b in self.buttons.items() if b.isChecked()), None)

    def show_value(self, value: Any) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)
        else:
            self.group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self.group.setExclusive(True)
        if self.evidence:
            self.evidence.setVisible(value == YES)

    def focus_target(self) -> QWidget:
        return next((b for b in self.buttons.values() if b.isChecked()), self.buttons[YES])


class ChoiceEditor(FieldEditor):
    def build(self, body: QWidget) -> None:
        row = _row(body)
        self.combo = QComboBox(body)
        self.combo.addItem(self.tr("（请选择）"), None)
        for opt in self.fd.options:
            self.combo.addItem(opt.label + ("：" if opt.text else ""), opt.key)
        self.combo.currentIndexChanged.connect(self._selected)
        row.addWidget(self.combo)
        self.text = _line(body, placeholder=self.tr("请填写具体内容"))
        self.text.textEdited.connect(self._changed)
        row.addWidget(self.text, 1)
        self.text.setVisible(False)
        row.addStretch(0)

    def _selected(self, _index: int) -> None:
        opt = self.fd.option(self.combo.currentData()) if self.combo.currentData() else None
        self.text.setVisible(bool(opt and opt.text))
        self._changed()

    def value(self) -> Any:
        key = self.combo.currentData()
        if not key:
            return None
        opt = self.fd.option(key)
        return {"selected": key, "text": self.text.text() if opt and opt.text else ""}

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        index = self.combo.findData(value.get("selected")) if value.get("selected") else 0
        self.combo.setCurrentIndex(max(index, 0))
        opt = self.fd.option(value.get("selected")) if value.get("selected") else None
        self.text.setVisible(bool(opt and opt.text))
        _set_text(self.text, value.get("text") or "")

    def focus_target(self) -> QWidget:
        return self.combo


class ChecksEditor(FieldEditor):
    """Checkbox group; free-text options get a line; a ticked box gets its evidence control."""

    def build(self, body: QWidget) -> None:
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self.texts: dict[str, QLineEdit] = {}
        for row, opt in enumerate(self.fd.options):
            box = QCheckBox(opt.label, body)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.boxes[opt.key] = box
            grid.addWidget(box, row, 0)
            if opt.text:
                edit = _line(body, placeholder=self.tr("请填写具体内容"))
                edit.textEdited.connect(self._changed)
                self.texts[opt.key] = edit
                grid.addWidget(edit, row, 1)
            if self.fd.evidence:
                button = self._evidence_button(f"{self.key}:{opt.key}", body)
                button.setVisible(False)
                grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignRight)
            box.toggled.connect(lambda checked, k=opt.key: self._toggled(k, checked))
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def _toggled(self, key: str, checked: bool) -> None:
        button = self.evidence_buttons.get(f"{self.key}:{key}")
        if button:
            button.setVisible(checked)
        self._changed()

    def value(self) -> Any:
        selected = [k for k, b in self.boxes.items() if b.isChecked()]
        texts = {k: e.text() for k, e in self.texts.items() if e.text()}
        if not selected and not texts:
            return None
        return {"selected": selected, "texts": texts}

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        selected = set(value.get("selected") or ())
        for k, box in self.boxes.items():
            box.setChecked(k in selected)
            button = self.evidence_buttons.get(f"{self.key}:{k}")
            if button:
                button.setVisible(k in selected)
        texts = value.get("texts") or {}
        for k, edit in self.texts.items():
            _set_text(edit, texts.get(k, ""))

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))


class _RowPaste(QObject):
    """Ctrl+V of several spreadsheet cells into a year cell fills that cell and the ones after it."""

    def __init__(self, editor: SeriesEditor):
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
            return self.editor.paste_cells(obj, QApplication.clipboard().text())
        return False


class SeriesEditor(FieldEditor):
    """One value per campaign year, as one row of the printed per-year table."""

    def paste_cells(self, cell: QLineEdit, text: str) -> bool:
        """Spread cells copied from Excel across this year and the following ones (one edit, one
        undo step). A single cell is left to the line edit's own paste."""
        values = split_pasted_cells(text)
        if len(values) < 2:
            return False
        years = list(self.cells)
        start = years.index(next(y for y, e in self.cells.items() if e is cell))
        for year, v in zip(years[start:], values, strict=False):
            self.cells[year].setText(v)
        self._changed()
        return True

    def build(self, body: QWidget) -> None:
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.cells: dict[str, QLineEdit] = {}
        self._paste_filter = _RowPaste(self)
        for col, year in enumerate(self.years):
            grid.addWidget(QLabel(tr_fmt(self.tr("%1年"), str(year)), body), 0, col)
            edit = _line(body, 140)
            edit.setAccessibleName(f"{self.fd.label} {year}")
            edit.textEdited.connect(self._changed)
            edit.installEventFilter(self._paste_filter)
            self.cells[str(year)] = edit
            grid.addWidget(edit, 1, col)
        unit = self.fd.display_unit
        if unit:
            grid.addWidget(QLabel(unit, body), 1, len(self.years))
        grid.setColumnStretch(len(self.years) + 1, 1)

    def value(self) -> Any:
        out = {y: e.text() for y, e in self.cells.items() if e.text().strip()}
        return out or None

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for y, edit in self.cells.items():
            _set_text(edit, value.get(y))

    def focus_target(self) -> QWidget:
        return self.cells[str(self.years[0])]


class StandardsEditor(FieldEditor):
    """The standards matrix: year × level (国际/国家/行业/团体) × role (主持/参与)."""

    def build(self, body: QWidget) -> None:
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.cells: dict[tuple[str, str, str], QLineEdit] = {}
        for i, (_level, level_label) in enumerate(STANDARD_LEVELS):
            head = QLabel(tr_fmt(self.tr("%1标准"), level_label), body)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, 1 + 2 * i, 1, 2)
            for j, (_role, role_label) in enumerate(STANDARD_ROLES):
                grid.addWidget(QLabel(role_label, body), 1, 1 + 2 * i + j, Qt.AlignmentFlag.AlignCenter)
        for r, year in enumerate(self.years):
            grid.addWidget(QLabel(tr_fmt(self.tr("%1年"), str(year)), body), 2 + r, 0)
            for i, (level, level_label) in enumerate(STANDARD_LEVELS):
                for j, (role, role_label) in enumerate(STANDARD_ROLES):
                    edit = _line(body, 56)
                    edit.setAccessibleName(f"{year}年{level_label}标准{role_label}")
                    edit.textEdited.connect(self._changed)
                    self.cells[(str(year), level, role)] = edit
                    grid.addWidget(edit, 2 + r, 1 + 2 * i + j)
        grid.setColumnStretch(1 + 2 * len(STANDARD_LEVELS), 1)

    def value(self) -> Any:
        out: dict[str, dict[str, dict[str, str]]] = {}
        for (year, level, role), edit in self.cells.items():
            if edit.text().strip():
                out.setdefault(year, {}).setdefault(level, {})[role] = edit.text()
        return out or None

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for (year, level, role), edit in self.cells.items():
            cell = ((value.get(year) or {}).get(level) or {}).get(role)
            _set_text(edit, cell)

    def focus_target(self) -> QWidget:
        return next(iter(self.cells.values()))


class PlatformEditor(FieldEditor):
    """Count and names of innovation platforms."""

    def build(self, body: QWidget) -> None:
        row = _row(body)
        row.addWidget(QLabel(self.tr("数量"), body))
        self.count = _line(body, 70)
        self.count.textEdited.connect(self._changed)
        row.addWidget(self.count)
        row.addWidget(QLabel(self.tr("个　名称"), body))
        self.names = _line(body, placeholder=self.tr("平台名称，多个用“、”分隔"))
        self.names.textEdited.connect(self._changed)
        row.addWidget(self.names, 1)
        if self.fd.evidence:
            row.addWidget(self._evidence_button(self.key, body))

    def value(self) -> Any:
        out = {k: e.text() for k, e in (("count", self.count), ("names", self.names)) if e.text()}
        return out or None

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        _set_text(self.count, value.get("count"))
        _set_text(self.names, value.get("names"))

    def focus_target(self) -> QWidget:
        return self.count


class FixedEditor(FieldEditor):
    """Fixed text (the declaration): shown, never edited."""

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(self.fd.text or "", body)
        text.setWordWrap(True)
        text.setFrameShape(QFrame.Shape.StyledPanel)
        text.setMargin(8)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)

    def value(self) -> Any:
        return None

    def show_value(self, value: Any) -> None:
        pass


EDITORS: dict[str, type[FieldEditor]] = {
    "text": TextEditor,
    "longtext": LongTextEditor,
    "number": NumberEditor,
    "percent": NumberEditor,
    "count": NumberEditor,
    "year": NumberEditor,
    "yesno": YesNoEditor,
    "yesno_na": YesNoEditor,
    "choice": ChoiceEditor,
    "checks": ChecksEditor,
    "series": SeriesEditor,
    "standards": StandardsEditor,
    "platform": PlatformEditor,
    "fixed": FixedEditor,
}
