"""The field kind's interface, its defaults, the parsed ``FieldState`` and the registry.

A kind's defaults describe a one-cell text value, so a new text-like kind overrides only what
differs (docs/field-kinds.md). Findings, Excel cells and PDF cells go through small interfaces
(``Checks``, ``CellReader``) and plain data (``Row``, ``PdfText`` …) that core/rules,
core/xlsx and core/pdf implement and render, so no kind imports openpyxl or reportlab.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from core.form.model import FIELD_TYPES, FieldDef, FormDef
from core.messages import application as app_msg
from core.messages import formdef as formdef_msg
from core.messages.base import Message
from core.numbers import BLANK, Parsed
from core.xlsx.grid import COL_VALUE, Row, Slot

NOTE_REQUIRED = "填报说明2"


@dataclass(frozen=True)
class FieldState:
    """One field's parsed content. Only the attributes of its kind are set."""

    field: FieldDef
    raw: Any
    number: Parsed = BLANK  # number/percent/count/year, platform count
    series: dict[int, Parsed] | None = None  # year -> parsed (series)
    cells: dict[tuple[int, str, str], Parsed] | None = None  # (year, level, role) -> parsed (standards)
    text: str = ""  # text/longtext, platform names
    code: str | None = None  # yesno / yesno_na / choice option key
    selected: tuple[str, ...] = ()  # checks
    texts: dict[str, str] | None = None  # free texts of options

    @property
    def blank(self) -> bool:
        return kind_of(self.field).blank(self)


class Checks(Protocol):
    """How a kind reports findings (core/rules/fieldchecks.py makes them ``Finding``s)."""

    def incomplete(self, message: Message, citation: str, **fields) -> Any: ...
    def bad_format(self, message: Message, citation: str, **fields) -> Any: ...
    def number(self, parsed: Parsed, where: str) -> Iterator[Any]: ...
    def evidence(self, target: str, what: str) -> Iterator[Any]: ...


class CellReader(Protocol):
    """How a kind reads its workbook cells (core/xlsx/form_import.py); errors name the cell."""

    def text(self, value: Any) -> str | None: ...
    def number(self, value: Any, kind: str, unit: str | None, decimals: int, at: str) -> tuple[str | None, Parsed]: ...
    def flag(self, value: Any, at: str, what: str) -> bool | None: ...
    def error(self, message: Message, **fields) -> Exception: ...


# -- a printed value cell, as data (core/pdf/cells.py renders it) --------------------------------

@dataclass(frozen=True)
class PdfText:
    text: str
    style: str = "value"  # "value" or "note"


@dataclass(frozen=True)
class PdfTicks:
    items: tuple[tuple[bool, str, str | None], ...]  # (ticked, label, free text or None)


@dataclass(frozen=True)
class PdfFill:
    """Lines of "prefix ___value___ suffix"; ``underline`` draws a fill-in line under the value."""

    lines: tuple[tuple[str, str, str, bool], ...]  # (prefix, value, suffix, underline)


def where(fd: FieldDef, origin: str) -> str:
    return f"{origin}：字段“{fd.label}”（{fd.key}）"


def is_scalar(value: Any) -> bool:
    """A typed number or text, or blank: what one cell may hold. Never a yes/no, a container, or a
    float JSON cannot write back (``1e400`` parses as infinity, ``NaN`` is not JSON at all)."""
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def shown(value: Any) -> str:
    """A value as it appears in the JSON file, cut short for a message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def as_dict(raw: Any) -> dict:
    return raw if isinstance(raw, dict) else {}


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Kind:
    """One ``type:`` of the form. The defaults are those of a one-line text answer."""

    name = ""
    whole_required = True  # False: the kind reports its own missing parts (per-year kinds)
    pdf_layout = "cell"  # "cell" | "series" (a row of the year grid) | "table" (its own table)
    pairable = False  # two short ones may share a printed row
    long_text = False  # printed with its length limit and hint under the label
    in_sections = True  # False: printed elsewhere (the declaration's fixed text)
    whole_numbers = False  # Excel number format without decimals
    percent = False  # a percentage: 0–100 when the field's ``range`` is "share"
    yearly = False  # a number per campaign year (messages name the year)
    required_by_default = True  # a field must be filled in unless the form says ``required: false``

    # -- definition (checked when the form loads) -----------------------------------------------
    def default_decimals(self, spec: dict[str, Any]) -> int:
        """Decimals when the form's field ``spec`` names none."""
        return 2

    def definition_problem(self, fd: FieldDef) -> tuple[Message, dict[str, Any]] | None:
        """What is wrong with a field of this kind in the form definition, if anything: a
        message of ``core.messages.formdef`` and its fields (the loader adds ``key``)."""
        if fd.element_type == "percent" and fd.range not in ("share", "rate"):
            return formdef_msg.PERCENT_RANGE, {}
        return None

    # -- stored value ---------------------------------------------------------------------------
    def bad(self, fd: FieldDef, value: Any, origin: str) -> Exception:
        return app_msg.BAD_TYPE.error(where=where(fd, origin), value=shown(value))

    def bad_part(self, fd: FieldDef, part: str, value: Any, origin: str) -> Exception:
        """A part of a structured value (a year, ``names``, ``selected`` …) of the wrong type."""
        return app_msg.BAD_PART.error(where=where(fd, origin), part=part, value=shown(value))

    def clean(self, fd: FieldDef, value: Any, years: list[int], origin: str) -> Any:
        """A non-None value's shape checked against the field, returned in canonical form."""
        if not isinstance(value, str):
            raise self.bad(fd, value, origin)
        return value

    # -- rules ----------------------------------------------------------------------------------
    def parse(self, fd: FieldDef, raw: Any, years: list[int]) -> FieldState:
        return FieldState(fd, raw, text=raw.strip() if isinstance(raw, str) else "")

    def blank(self, st: FieldState) -> bool:
        return not st.text

    def check(self, st: FieldState, checks: Checks) -> Iterator[Any]:
        """Format findings of a field that is not blank-and-required."""
        return iter(())

    def evidence_targets(self, fd: FieldDef) -> list[str]:
        return [fd.key]

    # -- Excel ----------------------------------------------------------------------------------
    def rows(self, fd: FieldDef, years: list[int], label: str, unit: str, note: str) -> list[Row]:
        return [Row(fd.key, label, "", "", (Slot(COL_VALUE, ""),), note)]

    def cells(self, fd: FieldDef, value: Any, years: list[int]) -> dict[str, Any]:
        """part → cell value for every slot of the field's rows (None for empty)."""
        return {"": value if isinstance(value, str) and value != "" else None}

    def from_cells(self, fd: FieldDef, cells: dict[str, Any], years: list[int], at: dict[str, str],
                   read: CellReader) -> Any:
        """The value from cells that are not all blank (``at``: part → where the cell is)."""
        return read.text(cells[""])

    def display(self, fd: FieldDef, value: Any, limit: int) -> str:
        """A non-empty value in words, for the import preview."""
        return short(str(value), limit)

    # -- PDF ------------------------------------------------------------------------------------
    def pdf(self, fd: FieldDef, value: Any, form: FormDef) -> list:
        """The value cell as ``PdfText`` / ``PdfTicks`` / ``PdfFill`` parts."""
        return [PdfText(value)] if value else []


KINDS: dict[str, Kind] = {}


def register(name: str, kind: Kind) -> Kind:
    """Add a kind under its ``type:`` name; the form loader accepts every registered name."""
    kind.name = name
    KINDS[name] = kind
    FIELD_TYPES.add(name)
    return kind


def blank_value(value: Any) -> bool:
    """The blank test for a raw value when its field is not at hand: nothing but empty text,
    empty containers and None. With the field, use ``is_blank`` (the kind's own test)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(blank_value(v) for v in value.values())
    if isinstance(value, list):
        return not value
    return False


def kind_of(fd: FieldDef) -> Kind:
    return KINDS[fd.type]
