"""Editors of one value: text, long text, numbers, yes/no, a choice, checkboxes, fixed text."""

from __future__ import annotations

from typing import Any

from core import palette
from core.form.model import NA, NO, YES
from desktop.field_editor import (
    FieldEditor,
    LineEditor,
    hbox,
    line_edit,
    set_text,
)
from desktop.i18n import tr_fmt
from desktop.qt import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)


class TextEditor(LineEditor):
    def build(self, body: QWidget) -> None:
        row = hbox(body)
        self.edit = line_edit(body, placeholder=self.fd.hint)
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


class NumberEditor(LineEditor):
    """number, percent, count, year: typed as the official types it (core.numbers parses it)."""

    def build(self, body: QWidget) -> None:
        row = hbox(body)
        self.edit = line_edit(body, 180, self.fd.hint)
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
        row = hbox(body)
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
        row = hbox(body)
        self.combo = QComboBox(body)
        self.combo.addItem(self.tr("（请选择）"), None)
        for opt in self.fd.options:
            self.combo.addItem(opt.label + ("：" if opt.text else ""), opt.key)
        self.combo.currentIndexChanged.connect(self._selected)
        row.addWidget(self.combo)
        self.text = line_edit(body, placeholder=self.tr("请填写具体内容"))
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
        set_text(self.text, value.get("text") or "")

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
                edit = line_edit(body, placeholder=self.tr("请填写具体内容"))
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
            set_text(edit, texts.get(k, ""))

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))


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
