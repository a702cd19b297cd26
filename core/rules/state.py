"""Parsed view of the raw values: what each field holds once numbers are understood."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.form.model import STANDARD_LEVELS, STANDARD_ROLES, FieldDef
from core.numbers import BLANK, Parsed, parse_value


@dataclass(frozen=True)
class FieldState:
    """One field's parsed content. Only the attributes of its type are set."""

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
        t = self.field.type
        if t in ("text", "longtext"):
            return not self.text
        if t in ("yesno", "yesno_na", "choice"):
            return self.code is None
        if t == "checks":
            return not self.selected
        if t == "series":
            return all(p.blank for p in (self.series or {}).values())
        if t == "standards":
            return all(p.blank for p in (self.cells or {}).values())
        if t == "platform":
            return self.number.blank and not self.text
        return self.number.blank


def parse_field(fd: FieldDef, raw: Any, years: list[int]) -> FieldState:
    t = fd.type
    if t in ("number", "percent", "count", "year"):
        return FieldState(fd, raw, number=parse_value(raw, t, fd.unit, fd.decimals))
    if t in ("text", "longtext"):
        return FieldState(fd, raw, text=raw.strip() if isinstance(raw, str) else "")
    if t in ("yesno", "yesno_na"):
        return FieldState(fd, raw, code=raw if isinstance(raw, str) else None)
    if t == "choice":
        raw_d = raw if isinstance(raw, dict) else {}
        sel = raw_d.get("selected")
        return FieldState(fd, raw, code=sel, texts={sel: raw_d.get("text", "").strip()} if sel else {})
    if t == "checks":
        raw_d = raw if isinstance(raw, dict) else {}
        texts = {k: (v or "").strip() for k, v in (raw_d.get("texts") or {}).items()}
        return FieldState(fd, raw, selected=tuple(raw_d.get("selected") or ()), texts=texts)
    if t == "series":
        raw_d = raw if isinstance(raw, dict) else {}
        kind = fd.of or "number"
        series = {y: parse_value(raw_d.get(str(y)), kind, fd.unit, fd.decimals) for y in years}
        return FieldState(fd, raw, series=series)
    if t == "standards":
        raw_d = raw if isinstance(raw, dict) else {}
        cells = {}
        for y in years:
            row = raw_d.get(str(y)) or {}
            for level, _ in STANDARD_LEVELS:
                cell = row.get(level) or {}
                for role, _ in STANDARD_ROLES:
                    cells[(y, level, role)] = parse_value(cell.get(role), "count")
        return FieldState(fd, raw, cells=cells)
    if t == "platform":
        raw_d = raw if isinstance(raw, dict) else {}
        return FieldState(
            fd, raw, number=parse_value(raw_d.get("count"), "count"), text=(raw_d.get("names") or "").strip()
        )
    return FieldState(fd, raw)
