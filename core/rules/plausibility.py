"""Probably the wrong unit: warnings that ask, driven by the form definition's ``plausibility:`` block.

- ``fraction_percent``: in a share series, a year above 0 and at most ``fraction_max`` (a fraction
  such as 0.5 typed for 50 %) while every other filled year is at least ``others_at_least``.
- ``too_large``: a value of a field in ``unit`` above ``above`` (3000 亿元 for a district cluster is
  3000 万元 typed into the 亿元 column); the question offers the value divided by ``factor``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from core.form.kinds import KINDS
from core.form.loader import forms_dir, read_yaml
from core.form.model import FormDef
from core.messages import plausibility as msg
from core.numbers import Parsed, fmt
from core.rules.state import FieldState

CITATION = "申报表（计量单位）"


@lru_cache(maxsize=8)
def plausibility_of(form_id: str) -> dict[str, Any]:
    path = forms_dir() / f"{form_id}.yaml"
    if not path.is_file():
        return {}
    return read_yaml(path).get("plausibility") or {}


def _plain(v: Decimal) -> str:
    """0.50 → 0.5, 3000.00 → 3000: the number as the question quotes it."""
    text = fmt(v, 4)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _values(st: FieldState) -> list[tuple[str, Parsed]]:
    if st.series is not None:
        return [(f"{y}年", p) for y, p in st.series.items()]
    return [("", st.number)]


def plausibility_findings(st: FieldState, form: FormDef, make) -> Iterator[Any]:
    """``make(message, **fields)`` turns a message into the field's warning finding."""
    rules = plausibility_of(form.id)
    if not rules:
        return
    fd = st.field
    if not fd.is_numeric:
        return
    values = [(w, p.value) for w, p in _values(st) if p.value is not None and not p.error]
    frac = rules.get("fraction_percent")
    if frac and st.series is not None and KINDS[fd.element_type].percent and fd.range == "share":
        top, floor = Decimal(str(frac["fraction_max"])), Decimal(str(frac["others_at_least"]))
        for where, v in values:
            others = [o for w, o in values if w != where]
            if Decimal(0) < v <= top and others and all(o >= floor for o in others):
                low, high = min(others), max(others)
                span = f"{_plain(low)}%" if low == high else f"{_plain(low)}%～{_plain(high)}%"
                yield make(msg.FRACTION_PERCENT, where=where, value=_plain(v), others=span, suggest=_plain(v * 100))
    for rule in rules.get("too_large") or ():
        if fd.unit != rule["unit"]:
            continue
        above, factor = Decimal(str(rule["above"])), Decimal(str(rule["factor"]))
        for where, v in values:
            if v > above:
                yield make(msg.TOO_LARGE, where=where, value=_plain(v), unit=fd.unit, suggest=_plain(v / factor),
                           smaller=rule["smaller_unit"])
