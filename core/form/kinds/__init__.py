"""Field kinds: everything the program knows about one ``type:`` of the form, in one entry.

Each kind cleans a stored or imported value (refusing one of the wrong shape), parses it into the
rules' ``FieldState``, says when it is blank, yields its format findings, lays out and reads its
Excel cells and describes its PDF cell. The rest of core looks the kind up (``kind_of(fd)``)
instead of branching on ``fd.type``; a new kind is one ``register`` call (docs/field-kinds.md).
"""

from __future__ import annotations

from typing import Any

from core.form.kinds.base import (
    KINDS,
    NOTE_REQUIRED,
    CellReader,
    Checks,
    FieldState,
    Kind,
    PdfFill,
    PdfText,
    PdfTicks,
    blank_value,
    kind_of,
    register,
    short,
)
from core.form.kinds.choices import Checkboxes, Choice, YesNo, YesNoNA
from core.form.kinds.numeric import Count, Number, Percent, Series, Year, number_text
from core.form.kinds.structured import COUNT_FIELD, Platform, Standards
from core.form.kinds.text import Fixed, LongText, Text
from core.form.model import FieldDef

for _name, _kind in (
    ("text", Text()), ("longtext", LongText()),
    ("number", Number()), ("percent", Percent()), ("count", Count()), ("year", Year()),
    ("yesno", YesNo()), ("yesno_na", YesNoNA()), ("choice", Choice()), ("checks", Checkboxes()),
    ("series", Series()), ("standards", Standards()), ("platform", Platform()), ("fixed", Fixed()),
):
    register(_name, _kind)


def clean_value(fd: FieldDef, value: Any, years: list[int], origin: str = "申报数据") -> Any:
    """A stored or imported value in canonical form, or a UserError naming the field."""
    if value is None:
        return None
    return kind_of(fd).clean(fd, value, years, origin)


def parse_field(fd: FieldDef, raw: Any, years: list[int]) -> FieldState:
    return kind_of(fd).parse(fd, raw, years)


def is_blank(fd: FieldDef, raw: Any, years: list[int]) -> bool:
    """The one blank test: does this raw value leave the field empty?"""
    return kind_of(fd).parse(fd, raw, years).blank


__all__ = [
    "COUNT_FIELD", "KINDS", "NOTE_REQUIRED", "CellReader", "Checks", "FieldState", "Kind", "PdfFill", "PdfText",
    "PdfTicks", "blank_value", "clean_value", "is_blank", "kind_of", "number_text", "parse_field", "register", "short",
]
