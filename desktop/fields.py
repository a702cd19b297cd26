"""One editor per field kind, built from the form definition (no hand-placed widget per field).

The editor is chosen by ONE mapping keyed by the field kind's name (``EDITORS``); the editors live in
``field_editor`` (the shared frame), ``field_simple`` (one value) and ``field_tables`` (per-year tables).
"""

from __future__ import annotations

from core.form.model import FieldDef
from desktop.field_editor import FieldEditor
from desktop.field_simple import (
    ChecksEditor,
    ChoiceEditor,
    FixedEditor,
    LongTextEditor,
    NumberEditor,
    TextEditor,
    YesNoEditor,
)
from desktop.field_tables import PlatformEditor, SeriesEditor, StandardsEditor
from desktop.qt import QWidget

__all__ = ["EDITORS", "FieldEditor", "field_widget"]

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


def field_widget(fd: FieldDef, years: list[int], parent: QWidget | None = None) -> FieldEditor:
    """The editor for one field: looked up by its kind's name."""
    return EDITORS[fd.type](fd, years, parent)
