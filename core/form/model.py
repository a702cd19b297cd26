"""Immutable description of the form: sections, fields, options, derived values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

# Field types of the form (see the header of resources/forms/SH-FORM.yaml).
SCALAR_NUMERIC = ("number", "percent", "count", "year")
TEXTUAL = ("text", "longtext")
CHOICES = ("yesno", "yesno_na", "choice", "checks")
STRUCTURED = ("series", "standards", "platform")
# The names the form loader accepts; core/form/kinds.py ``register`` adds a new kind's name here.
FIELD_TYPES: set[str] = {*SCALAR_NUMERIC, *TEXTUAL, *CHOICES, *STRUCTURED, "fixed"}

YES, NO, NA = "yes", "no", "na"
YESNO_LABELS = {YES: "是", NO: "否"}

STANDARD_LEVELS = (("international", "国际"), ("national", "国家"), ("industry", "行业"), ("group", "团体"))
STANDARD_ROLES = (("lead", "主持"), ("participate", "参与"))


@dataclass(frozen=True)
class OptionDef:
    key: str
    label: str
    text: bool = False  # a free-text entry goes with it ("其他____", "新赛道：____")


@dataclass(frozen=True)
class FieldDef:
    key: str
    label: str
    type: str
    section: str  # section id
    section_number: str  # printed number: 封面, 一 … 九
    indicator: int  # 0 = 基本条件, 1–8
    required: bool = True
    supplementary: bool = False
    unit: str | None = None
    decimals: int = 2
    max_chars: int | None = None
    minimum: float | None = None
    range: str | None = None  # percent: "share" (0–100) or "rate" (any sign)
    of: str | None = None  # series: element type
    options: tuple[OptionDef, ...] = ()
    na_label: str | None = None
    evidence: bool = False  # a ticked box / "是" / a non-zero count needs 佐证材料
    list_name: str | None = None  # the list (清单) that proves this total
    group: str | None = None  # printed row group, e.g. 创新平台建设情况
    owner: str | None = None  # the field this one belongs to (申报单位 → its 联系人), grouped on screen
    prompt: str | None = None
    hint: str | None = None
    note: str | None = None
    about: str | None = None
    derived: str | None = None  # this stated field has a computed twin
    text: str | None = None  # fixed text
    signature: tuple[str, ...] = ()
    filling: tuple[int, ...] = ()  # numbers of the 填报说明 items about this field (F1 help)
    order: int = 0

    @property
    def element_type(self) -> str:
        """The type of one value: a series' element, or the field's own type."""
        return self.of if self.type == "series" and self.of else self.type

    @property
    def is_numeric(self) -> bool:
        return self.element_type in SCALAR_NUMERIC

    def option(self, key: str) -> OptionDef | None:
        return next((o for o in self.options if o.key == key), None)

    @property
    def display_unit(self) -> str | None:
        return "%" if self.element_type == "percent" else self.unit


@dataclass(frozen=True)
class SectionDef:
    id: str
    number: str
    title: str
    indicator: int
    fields: tuple[FieldDef, ...]  # fields defined in this section
    refs: tuple[tuple[str, str], ...] = ()  # (field key, label) shown here but defined elsewhere (cover)
    layout: tuple[str, ...] = ()  # field keys in printed order, refs included
    char_limit: int | None = None  # combined limit over the section's long texts


@dataclass(frozen=True)
class DerivedDef:
    key: str
    label: str
    unit: str
    function: str
    inputs: tuple[str, ...]
    stated: str | None
    citation: str
    explain: str


@dataclass(frozen=True)
class IndicatorDef:
    number: int  # 0 = 基本条件, 1–8 = 八方面专项指标 (a form may add more)
    name: str  # the form's name for it; a rule set may print its own
    short: str = ""  # the title of its wizard page


# Wizard page kinds.
PAGE_FIELDS, PAGE_ASSESSMENT = "fields", "assessment"


@dataclass(frozen=True)
class PageDef:
    """One wizard page as the form defines it (which fields it shows is worked out in core.wizard)."""

    id: str
    title: str
    kind: str = PAGE_FIELDS
    indicator: int | None = None  # fields of this indicator not claimed by section; its verdict
    sections: tuple[str, ...] = ()  # section ids whose every field this page shows
    fixed: bool = False  # shows the fixed texts (type fixed) of its fields
    needs: tuple[str, ...] = ()  # fields that must hold something before the page is complete


@dataclass(frozen=True)
class FormDef:
    id: str
    version: int
    title: str
    source: str
    years: int
    sections: tuple[SectionDef, ...]
    fields: dict[str, FieldDef]
    derived: dict[str, DerivedDef]
    lists: dict[str, str]
    filling_notes: tuple[str, ...]
    evidence_note: str = ""
    indicators: tuple[IndicatorDef, ...] = ()
    pages: tuple[PageDef, ...] = ()
    # jurisdiction → field key → {"hint"/"note": text or None}: the placeholders and notes that
    # differ between 上海 / 海南 / 广州 (see ``for_jurisdiction``).
    hints: dict[str, dict[str, dict[str, str | None]]] = field(default_factory=dict, compare=False)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    _variants: dict[str, FormDef] = field(default_factory=dict, compare=False, repr=False)

    def for_jurisdiction(self, code: str | None) -> FormDef:
        """The same form with the placeholders and notes of one jurisdiction (a rule set's
        ``jurisdiction``); the form itself when it has no overlay for that code."""
        overlay = self.hints.get(code or "")
        if not overlay:
            return self
        if code not in self._variants:
            fields = {k: replace(fd, **overlay[k]) if k in overlay else fd for k, fd in self.fields.items()}
            sections = tuple(replace(s, fields=tuple(fields[f.key] for f in s.fields)) for s in self.sections)
            self._variants[code] = replace(self, fields=fields, sections=sections, hints={}, _variants={})
        return self._variants[code]

    def campaign_years(self, campaign: int) -> list[int]:
        """The years of every per-year column: the ``years`` years before the campaign."""
        return list(range(campaign - self.years, campaign))

    def section(self, section_id: str) -> SectionDef:
        return next(s for s in self.sections if s.id == section_id)

    def indicator(self, number: int) -> IndicatorDef | None:
        return next((i for i in self.indicators if i.number == number), None)

    @property
    def indicator_numbers(self) -> tuple[int, ...]:
        return tuple(i.number for i in self.indicators)

    def fields_of_indicator(self, indicator: int) -> list[FieldDef]:
        return [f for f in self.fields.values() if f.indicator == indicator]

    def filling_note(self, number: int, campaign: int) -> str:
        return self.filling_notes[number - 1].replace("{last_year}", str(campaign - 1))
