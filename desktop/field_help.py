"""F1 help: the 填报说明 items of the field in focus in a small popup, and the whole 填报说明 in a
scrollable window (Help menu, or F1 outside any field). Nothing is cut short: long texts wrap or
scroll."""

from __future__ import annotations

from core.form.model import FormDef
from desktop.field_editor import esc
from desktop.i18n import tr_fmt
from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

GENERAL_NOTES = (2, 5)  # 必填栏目不得空缺 / 未注明年度的填截止上年底: true of every field


def field_help_html(form: FormDef, key: str, campaign: int) -> str:
    """The help of one field: its own note and hint, then its 填报说明 items (or the general ones)."""
    fd = form.fields[key]
    parts = [f"<p><b>{esc(fd.label)}</b></p>"]
    for extra in (fd.note, fd.hint):
        if extra:
            parts.append(f"<p>{esc(extra)}</p>")
    numbers = fd.filling or GENERAL_NOTES
    head = "填报说明" if fd.filling else "本栏没有专门的填报说明；通用要求（填报说明）"
    parts.append(f"<p>{head}：</p>")
    # The item numbers as the 填报说明 prints them (a rich-text <ol> would count from 1).
    parts.extend(f"<p style='margin-left:12px'>{n}. {esc(form.filling_note(n, campaign))}</p>" for n in numbers)
    return "".join(parts)


class FieldHelp(QDialog):
    """A small, non-modal popup beside the field; Esc or 关闭 closes it."""

    def __init__(self, form: FormDef, key: str, campaign: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldHelp")
        self.setWindowTitle(tr_fmt(self.tr("填报说明 — %1"), form.fields[key].label))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.text = QLabel(field_help_html(form, key, campaign), self)
        self.text.setObjectName("fieldHelpText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setFixedWidth(440)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def show_near(self, widget: QWidget) -> None:
        self.adjustSize()
        where = widget.mapToGlobal(widget.rect().bottomLeft())
        screen = widget.screen().availableGeometry()
        x = min(max(where.x(), screen.left()), screen.right() - self.width())
        y = where.y() if where.y() + self.height() <= screen.bottom() else max(screen.top(), where.y() - widget.height() - self.height())
        self.move(x, y)
        self.show()
        self.raise_()


class NotesDialog(QDialog):
    """The whole 填报说明 of the form, scrollable (no truncated message box)."""

    def __init__(self, form: FormDef, campaign: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fillingNotes")
        self.setWindowTitle(self.tr("填报说明"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{esc(form.title)}</b>", self))
        self.browser = QTextBrowser(self)
        items = "".join(f"<li>{esc(form.filling_note(i, campaign))}</li>"
                        for i in range(1, len(form.filling_notes) + 1))
        self.browser.setHtml(f"<ol>{items}</ol>")
        layout.addWidget(self.browser, 1)
        tip = QLabel(self.tr("提示：在任一栏目中按 F1，只显示该栏目的填报说明。"), self)
        tip.setWordWrap(True)
        layout.addWidget(tip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 520)
