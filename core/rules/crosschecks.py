"""Checks across fields, from the form's ``checks:`` list and its derived values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.form.model import FormDef
from core.messages import form as form_msg
from core.messages import formdef as formdef_msg
from core.numbers import at_precision, fmt
from core.rules.derived import DerivedValue
from core.rules.fieldchecks import field_title
from core.rules.model import CONSISTENCY, ERROR, FORMAT, WARNING, Finding
from core.rules.state import FieldState

CHECK_TYPES = ("le_each_year", "total_length")
# A stated figure may differ from the computed one by one unit of its last decimal (the official
# may have computed from unrounded figures); more than that is flagged.
TOLERANCE = Decimal("0.01")


def cross_checks(form: FormDef) -> list[dict[str, Any]]:
    checks = list(form.raw.get("checks") or ())
    for c in checks:
        if c.get("type") not in CHECK_TYPES:
            raise formdef_msg.BAD_CHECK_TYPE.error(form=form.id, check=c.get("id"))
        for key in [*c.get("left", []), *([c["right"]] if "right" in c else []), *c.get("fields", [])]:
            if key not in form.fields:
                raise formdef_msg.CHECK_UNKNOWN_FIELD.error(form=form.id, check=c.get("id"), key=key)
    return checks


def check_fields(check: dict[str, Any]) -> list[str]:
    return [*check.get("left", []), *([check["right"]] if "right" in check else []), *check.get("fields", [])]


def run_cross_check(check: dict[str, Any], states: dict[str, FieldState], years: list[int]) -> list[Finding]:
    out = []
    if check["type"] == "le_each_year":
        right = states[check["right"]]
        for key in check["left"]:
            left = states[key]
            for y in years:
                lv, rv = left.series[y].value, right.series[y].value
                if lv is not None and rv is not None and lv > rv:
                    out.append(
                        Finding(
                            rule=check["id"],
                            indicator=left.field.indicator,
                            kind=FORMAT,
                            severity=ERROR,
                            fields=[key, check["right"]],
                            message=f"{y}年{field_title(left.field)}（{fmt(lv, 0)}家）多于{field_title(right.field)}"
                            f"（{fmt(rv, 0)}家），不可能成立",
                            citation=check["citation"],
                            expected=f"≤ {fmt(rv, 0)}",
                            found=fmt(lv, 0),
                        )
                    )
    elif check["type"] == "total_length":
        total = sum(len(states[k].text) for k in check["fields"])
        if total > check["max"]:
            first = states[check["fields"][0]].field
            out.append(
                Finding(
                    rule=check["id"],
                    indicator=first.indicator,
                    kind=FORMAT,
                    severity=ERROR,
                    fields=list(check["fields"]),
                    message=f"{first.section_number}、发展规划各部分合计{total}字，超出{check['max']}字限制",
                    citation=check["citation"],
                    expected=f"≤ {check['max']}字",
                    found=f"{total}字",
                )
            )
    return out


def stated_vs_computed(dv: DerivedValue, states: dict[str, FieldState]) -> list[Finding]:
    """Flag a stated figure that disagrees with the one computed from the official's own data."""
    d = dv.definition
    if not d.stated or dv.value is None:
        return []
    st = states[d.stated]
    stated = st.number.value
    if stated is None:
        return []
    computed = at_precision(dv.value)
    if abs(at_precision(stated) - computed) <= TOLERANCE:
        return []
    unit = "%" if d.unit == "%" else d.unit
    return [
        Finding(
            rule=f"FORM.derived.{d.key}",
            indicator=st.field.indicator,
            kind=CONSISTENCY,
            severity=WARNING,
            fields=[d.stated, *d.inputs],
            message=f"{field_title(st.field)}："
            + form_msg.DERIVED.text(stated=fmt(stated), computed=fmt(computed), unit=unit, formula=dv.formula),
            citation=d.citation,
            expected=f"{fmt(computed)}{unit}",
            found=f"{fmt(stated)}{unit}",
            value=computed,
            formula=dv.formula,
        )
    ]
