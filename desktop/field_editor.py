"""What every field editor shares: the label (required mark, 补充项, length), the input body built
by a subclass, the inline findings line and the evidence buttons; and the small widget helpers.

An editor emits ``edited(key, value)`` with the whole value in the shape of the application document
(see core.application) on every user change; it never judges the value."""

from __future__ import annotations

from typing import Any

from core import palette
from core.form.model import FieldDef
from desktop.evidence import EvidenceButton
from desktop.i18n import tr_fmt
from desktop.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
    "quiet": "",
}


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
        self._quiet = False
        self.dirty = False  # edited since it took the focus (leaving it then ends the quiet 未填写)
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
        # The inline message sits in a row that keeps one line's height whether or not a message
        # shows, so the page does not jump up and down while the official types.
        self.message_row = QWidget(self)
        row = QVBoxLayout(self.message_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self.message_row)
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.message)
        if fd.type != "fixed":
            self.message.setText("✗ 0")
            self.message_row.setMinimumHeight(self.message.sizeHint().height())
        self.message.clear()
        self.message.hide()
        outer.addWidget(self.message_row)
        # The change the gap model asks of this field: one line at most (elided, the full text and
        # every other change naming the field in its tooltip), so the editor grows by one line only.
        self.gap_line = ElidedLabel(self)
        self.gap_line.setObjectName("fieldGap")
        self.gap_line.setStyleSheet(f"color: {palette.ACCENT};")
        self.gap_line.hide()
        outer.addWidget(self.gap_line)

    def _title_text(self) -> str:
        fd = self.fd
        text = esc(fd.label)
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

    def focus_cell(self, cell: tuple) -> QWidget:
        """The input of one cell of the value (a year of a series); the field's own by default."""
        return self.focus_target()

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
            self.dirty = True
            self.edited.emit(self.key, self.value())

    def set_findings(self, findings: list, quiet: bool = False) -> None:
        """Show the rules core's findings about this field inline (only redraws on change).

        ``quiet``: the field is blank and the official has not been at it yet; its findings (a
        required field not filled) show as a grey 未填写, not as red errors."""
        messages = tuple((f.severity, strip_title(f.message, self.fd)) for f in findings)
        quiet = quiet and bool(messages)
        if messages == self._messages and quiet == self._quiet:
            return
        self._messages, self._quiet = messages, quiet
        state = "quiet" if quiet else next(
            (s for s in ("error", "warning", "info") if any(m[0] == s for m in messages)), None)
        if state != self._state:
            self._state = state
            self.setStyleSheet(STATE_STYLES[state])
        if not messages:
            self.message.hide()
            self.message.clear()
            return
        if quiet:
            self.message.setText(f'<span style="color:{palette.EMPTY}">○ {esc(self.tr("未填写"))}</span>')
            self.message.show()
            return
        shown = [f'<span style="color:{palette.SEVERITY[s]}">{"✗" if s == "error" else "!"} {esc(m)}</span>'
                 for s, m in messages[:3]]
        if len(messages) > 3:
            shown.append(self.tr("……另有 %n 条", "", len(messages) - 3))
        self.message.setText("<br>".join(shown))
        self.message.show()

    def set_gap(self, line) -> None:
        """``line``: core.rules.gap_view.FieldGapLine, or None when no gap names this field."""
        text = line.text if line is not None else ""
        if text == self.gap_line.full_text and (line is None or line.tooltip == self.gap_line.toolTip()):
            return
        self.gap_line.set_full_text(text)
        self.gap_line.setToolTip(line.tooltip if line is not None else "")
        self.gap_line.setVisible(bool(text))

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


class ElidedLabel(QLabel):
    """One line of plain text, cut with … to the label's width (the full text stays available)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(self.width(), 40))
        if shown != self.text():
            self.setText(shown)


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def strip_title(message: str, fd: FieldDef) -> str:
    """Inline, the field's own name in front of the message is redundant."""
    for prefix in (f"{fd.about}·{fd.label}：" if fd.about else None, f"{fd.label}："):
        if prefix and message.startswith(prefix):
            return message[len(prefix):]
    return message


def line_edit(parent: QWidget, width: int | None = None, placeholder: str | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    if width:
        edit.setFixedWidth(width)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def set_text(edit: QLineEdit, value: Any) -> None:
    text = "" if value is None else str(value)
    if edit.text() != text:
        edit.setText(text)


def hbox(body: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


class LineEditor(FieldEditor):
    """An editor whose whole value is the text of one ``self.edit`` line."""

    def value(self) -> Any:
        return self.edit.text()

    def show_value(self, value: Any) -> None:
        set_text(self.edit, value)

    def focus_target(self) -> QWidget:
        return self.edit
