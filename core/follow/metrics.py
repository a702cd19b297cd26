"""What a plan target or a yearly figure can measure: the form's own numeric fields (each with its
unit and the application's figure), or a custom metric named by the official with its unit.

A series field's figure for a year is its value in that year's column; a single field's figure is
the value as at the end of the year the application reports (填报说明 5), i.e. its latest year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.form import FormDef
from core.form.model import FieldDef
from core.numbers import parse_value

NUMERIC = ("number", "percent", "count")
CUSTOM = "custom:"
# Words of field labels that say nothing about what is measured: dropped before matching text.
_NOISE = re.compile(r"（[^）]*）|\([^)]*\)|近三年|集群内|集群|主导产业相关的|中小企业从业人员(?=每万人)|数量|情况")


@dataclass(frozen=True)
class Metric:
    key: str  # a field key, or custom:<名称>
    label: str
    unit: str  # "%" for percentages
    kind: str  # number | percent | count
    series: bool
    decimals: int = 2

    @property
    def custom(self) -> bool:
        return self.key.startswith(CUSTOM)

    def parse(self, raw: Any):
        return parse_value(raw, self.kind, None if self.kind == "percent" else self.unit, self.decimals)


def _unit(fd: FieldDef) -> str:
    return "%" if fd.element_type == "percent" else (fd.unit or "")


def metric_of_field(fd: FieldDef) -> Metric:
    if fd.type == "standards":  # a year's matrix of counts; its figure is the total
        return Metric(fd.key, fd.label, "项", "standards", True, 0)
    return Metric(fd.key, fd.label, _unit(fd), fd.element_type, fd.type == "series",
                  0 if fd.element_type == "count" else fd.decimals)


def custom_metric(name: str, unit: str) -> Metric:
    name, unit = (name or "").strip(), (unit or "").strip()
    return Metric(f"{CUSTOM}{name}", name, unit, "number", False)


def numeric_fields(form: FormDef) -> list[FieldDef]:
    return [fd for fd in sorted(form.fields.values(), key=lambda f: f.order) if fd.element_type in NUMERIC
            and fd.type in (*NUMERIC, "series")]


def metric(form: FormDef, key: str, unit: str = "") -> Metric | None:
    if key.startswith(CUSTOM):
        return custom_metric(key[len(CUSTOM):], unit)
    fd = form.fields.get(key)
    if fd is None or fd.element_type not in NUMERIC or fd.type not in (*NUMERIC, "series"):
        return None
    return metric_of_field(fd)


def core_name(label: str) -> str:
    """The part of a field label that names the measure: 集群中小企业工业互联网平台应用普及率 → 中小企业工业互联网平台应用普及率."""
    return _NOISE.sub("", label)


def figure(values: dict[str, Any], m: Metric, year: int, latest_year: int) -> Decimal | None:
    """The application's figure for ``m`` in ``year`` (a single field counts for its latest year only)."""
    raw = values.get(m.key)
    if m.series:
        raw = raw.get(str(year)) if isinstance(raw, dict) else None
    elif year != latest_year:
        return None
    if m.kind == "standards":
        return standards_total(raw)
    p = m.parse(raw)
    return p.value if p.ok else None


def standards_total(row: Any) -> Decimal | None:
    """All standards led or joined in one year's matrix ({level: {role: n}})."""
    if not isinstance(row, dict):
        return None
    total = Decimal(0)
    for cell in row.values():
        for n in (cell or {}).values() if isinstance(cell, dict) else ():
            p = parse_value(n, "count")
            total += p.value or 0
    return total


