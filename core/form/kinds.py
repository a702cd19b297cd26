"""Field kinds: everything the program knows about one ``type:`` of the form, in one entry.

Each kind cleans a stored or imported value (and refuses one of the wrong shape), parses it into
the rules' ``FieldState``, says when it is blank and yields its own format findings. The rest of
core looks the kind up (``kind_of(fd)``) instead of branching on ``fd.type``; a new kind is one
subclass registered with ``register`` (docs/field-kinds.md).

Findings are emitted through the ``checks`` context that core/rules/fieldchecks.py passes in, so
this module imports neither the rules package nor openpyxl/reportlab.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from core.form.model import FIELD_TYPES, NA, NO, STANDARD_LEVELS, STANDARD_ROLES, YES, FieldDef
from core.messages import application as app_msg
from core.messages import form as msg
from core.numbers import BLANK, Parsed, fmt, parse_value

_YESNO_ALIASES = {"是": YES, "否": NO, "不适用": NA, True: YES, False: NO}
NOTE_REQUIRED = "填报说明2"
LEVEL_LABELS = dict(STANDARD_LEVELS)
ROLE_LABELS = dict(STANDARD_ROLES)


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
    """What a kind's ``check`` reports through (implemented by core/rules/fieldchecks.py)."""

    def incomplete(self, message, citation: str, **fields) -> Any: ...
    def bad_format(self, message, citation: str, **fields) -> Any: ...
    def number(self, parsed: Parsed, where: str) -> Iterator[Any]: ...
    def evidence(self, target: str, what: str) -> Iterator[Any]: ...


def where(fd: FieldDef, origin: str) -> str:
    return f"{origin}：字段“{fd.label}”（{fd.key}）"


def _dict(raw: Any) -> dict:
    return raw if isinstance(raw, dict) else {}


class Kind:
    """The default behaviour; subclasses override what differs."""

    name = ""
    whole_required = True  # False: the kind reports its own missing parts (per-year kinds)

    def bad(self, fd: FieldDef, value: Any, origin: str):
        return app_msg.BAD_TYPE.error(where=where(fd, origin), value=json.dumps(value, ensure_ascii=False)[:60])

    def clean(self, fd: FieldDef, value: Any, years: list[int], origin: str) -> Any:
        """Check a non-None value's shape against the field; return it in canonical form."""
        raise self.bad(fd, value, origin)

    def parse(self, fd: FieldDef, raw: Any, years: list[int]) -> FieldState:
        return FieldState(fd, raw)

    def blank(self, st: FieldState) -> bool:
        return st.number.blank

    def check(self, st: FieldState, checks: Checks) -> Iterator[Any]:
        """Format findings of a field that is not blank-and-required."""
        return iter(())

    def evidence_targets(self, fd: FieldDef) -> list[str]:
        return [fd.key]


class Text(Kind):
    def clean(self, fd, value, years, origin):
        if not isinstance(value, str):
            raise self.bad(fd, value, origin)
        return value

    def parse(self, fd, raw, years):
        return FieldState(fd, raw, text=raw.strip() if isinstance(raw, str) else "")

    def blank(self, st):
        return not st.text

    def check(self, st, checks):
        fd = st.field
        if fd.max_chars and len(st.text) > fd.max_chars:
            yield checks.bad_format(msg.LENGTH, f"申报表“（{fd.max_chars}字以内）”、填报说明",
                                    limit=fd.max_chars, count=len(st.text))


class Number(Kind):
    def clean(self, fd, value, years, origin):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.bad(fd, value, origin)
        return value

    def parse(self, fd, raw, years):
        return FieldState(fd, raw, number=parse_value(raw, self.name, fd.unit, fd.decimals))

    def check(self, st, checks):
        yield from checks.number(st.number, "")


class Count(Number):
    def check(self, st, checks):
        yield from checks.number(st.number, "")
        if st.field.evidence and st.number.value and st.number.value > 0:
            yield from checks.evidence(st.field.key, "填报的数量")


class Year(Number):
    def check(self, st, checks):
        yield from checks.number(st.number, "")
        if st.number.value is not None and not 1949 <= st.number.value <= 2100:
            yield checks.bad_format(msg.YEAR_RANGE, "申报表", raw=st.raw)


class YesNo(Kind):
    allowed: tuple[str, ...] = (YES, NO)

    def clean(self, fd, value, years, origin):
        value = _YESNO_ALIASES.get(value, value)
        if value not in self.allowed:
            raise app_msg.BAD_YESNO.error(where=where(fd, origin), allowed="/".join(self.allowed), value=repr(value))
        return value

    def parse(self, fd, raw, years):
        return FieldState(fd, raw, code=raw if isinstance(raw, str) else None)

    def blank(self, st):
        return st.code is None

    def check(self, st, checks):
        if st.field.evidence and st.code == YES:
            yield from checks.evidence(st.field.key, "选择“是”")


class YesNoNA(YesNo):
    allowed = (YES, NO, NA)

    def check(self, st, checks):
        return iter(())


class Choice(Kind):
    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict):
            raise self.bad(fd, value, origin)
        sel = value.get("selected")
        if sel is not None and fd.option(sel) is None:
            raise app_msg.NO_OPTION.error(where=where(fd, origin), option=sel)
        return value

    def parse(self, fd, raw, years):
        raw_d = _dict(raw)
        sel = raw_d.get("selected")
        return FieldState(fd, raw, code=sel, texts={sel: raw_d.get("text", "").strip()} if sel else {})

    def blank(self, st):
        return st.code is None

    def check(self, st, checks):
        opt = st.field.option(st.code) if st.code else None
        if opt and opt.text and not st.texts.get(st.code):
            yield checks.incomplete(msg.OTHER_CHOSEN, NOTE_REQUIRED, option=opt.label)


class Checkboxes(Kind):
    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict):
            raise self.bad(fd, value, origin)
        for sel in value.get("selected", []):
            if fd.option(sel) is None:
                raise app_msg.NO_OPTION.error(where=where(fd, origin), option=sel)
        for key in value.get("texts", {}):
            opt = fd.option(key)
            if opt is None or not opt.text:
                raise app_msg.NO_OPTION_TEXT.error(where=where(fd, origin), option=key)
        return value

    def parse(self, fd, raw, years):
        raw_d = _dict(raw)
        texts = {k: (v or "").strip() for k, v in (raw_d.get("texts") or {}).items()}
        return FieldState(fd, raw, selected=tuple(raw_d.get("selected") or ()), texts=texts)

    def blank(self, st):
        return not st.selected

    def check(self, st, checks):
        fd = st.field
        for key in st.selected:
            opt = fd.option(key)
            if opt is None:
                continue
            if opt.text and not st.texts.get(key):
                yield checks.incomplete(msg.OTHER_TICKED, NOTE_REQUIRED, option=opt.label)
            if fd.evidence:
                yield from checks.evidence(f"{fd.key}:{key}", f"勾选项“{opt.label}”")

    def evidence_targets(self, fd):
        return [f"{fd.key}:{o.key}" for o in fd.options]


class PerYear(Kind):
    """A value per campaign year: ``{"2023": …}``."""

    whole_required = False

    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict):
            raise self.bad(fd, value, origin)
        wanted = {str(y) for y in years}
        for year in value:
            if year not in wanted:
                raise app_msg.BAD_YEAR.error(where=where(fd, origin), year=year, first=years[0], last=years[-1])
        return value


class Series(PerYear):
    def parse(self, fd, raw, years):
        raw_d = _dict(raw)
        of = fd.of or "number"
        return FieldState(fd, raw, series={y: parse_value(raw_d.get(str(y)), of, fd.unit, fd.decimals) for y in years})

    def blank(self, st):
        return all(p.blank for p in (st.series or {}).values())

    def check(self, st, checks):
        missing = []
        for year, parsed in st.series.items():
            if parsed.blank:
                missing.append(f"{year}年")
            yield from checks.number(parsed, f"{year}年")
        if missing and st.field.required:
            yield checks.incomplete(msg.REQUIRED_YEARS, NOTE_REQUIRED, years="、".join(missing))


class Standards(PerYear):
    def clean(self, fd, value, years, origin):
        value = super().clean(fd, value, years, origin)
        levels, roles = set(LEVEL_LABELS), set(ROLE_LABELS)
        for year, row in value.items():
            if not isinstance(row, dict) or not set(row) <= levels:
                raise app_msg.BAD_LEVELS.error(where=where(fd, origin), year=year, levels="/".join(sorted(levels)))
            for cell in row.values():
                if not isinstance(cell, dict) or not set(cell) <= roles:
                    raise app_msg.BAD_ROLES.error(where=where(fd, origin), year=year)
        return value

    def parse(self, fd, raw, years):
        raw_d = _dict(raw)
        cells = {}
        for y in years:
            row = raw_d.get(str(y)) or {}
            for level in LEVEL_LABELS:
                cell = row.get(level) or {}
                for role in ROLE_LABELS:
                    cells[(y, level, role)] = parse_value(cell.get(role), "count")
        return FieldState(fd, raw, cells=cells)

    def blank(self, st):
        return all(p.blank for p in (st.cells or {}).values())

    def check(self, st, checks):
        for (year, level, role), parsed in st.cells.items():
            if parsed.error:
                where_ = f"{year}年{LEVEL_LABELS[level]}标准{ROLE_LABELS[role]}数量"
                yield checks.bad_format(msg.NUMBER, NOTE_REQUIRED, where=where_, error=parsed.error)


class Platform(Kind):
    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict) or not set(value) <= {"count", "names"}:
            raise self.bad(fd, value, origin)
        return value

    def parse(self, fd, raw, years):
        raw_d = _dict(raw)
        return FieldState(fd, raw, number=parse_value(raw_d.get("count"), "count"),
                          text=(raw_d.get("names") or "").strip())

    def blank(self, st):
        return st.number.blank and not st.text

    def check(self, st, checks):
        fd = st.field
        yield from checks.number(st.number, "数量")
        count = st.number.value
        if count and count > 0 and not st.text:
            yield checks.incomplete(msg.NAMES_MISSING, "填报说明18", count=fmt(count, 0))
        if st.text and count is not None and count == 0:
            yield checks.bad_format(msg.NAMES_ZERO, "填报说明18")
        if fd.evidence and count and count > 0:
            yield from checks.evidence(fd.key, "平台")


class Fixed(Kind):
    whole_required = False

    def clean(self, fd, value, years, origin):
        raise app_msg.FIXED.error(where=where(fd, origin))

    def blank(self, st):
        return False  # printed text: never "missing"


KINDS: dict[str, Kind] = {}


def register(name: str, kind: Kind) -> Kind:
    """Add a kind under its ``type:`` name (the form loader accepts every registered name)."""
    kind.name = name
    KINDS[name] = kind
    FIELD_TYPES.add(name)
    return kind


for _name, _kind in (
    ("text", Text()), ("longtext", Text()),
    ("number", Number()), ("percent", Number()), ("count", Count()), ("year", Year()),
    ("yesno", YesNo()), ("yesno_na", YesNoNA()), ("choice", Choice()), ("checks", Checkboxes()),
    ("series", Series()), ("standards", Standards()), ("platform", Platform()), ("fixed", Fixed()),
):
    register(_name, _kind)


def kind_of(fd: FieldDef) -> Kind:
    return KINDS[fd.type]


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
