"""The sentences of 还差多少 (core/rules/gaps.py), in the official's terms.

A change of one input is said as the input's new value and the distance to it. When the criterion
reads the input through a computed quantity, the sentence also says what that quantity becomes,
from the form's derived-value definition (resources/forms/*.yaml ``derived:``), never per rule:
- ``geometric_growth_of_product`` (inputs: a total and a share of it, per year): the year's part
  (total × share; named by the share field's label “A占B比例” → A) is the quantity needed, and the
  input is its equivalent at the other input's current value:
  2022年集群主导产业产值需达到 44.37亿元（即集群总产值 61.62亿元、还差 8.02亿元，按集群主导产业产值占比 72.00%）;
- any other derived value: the other inputs at their current values, and the value it reaches:
  …有效发明专利拥有量需达到 26个（再增加 6 个；按集群内中小企业从业人员数量 16800人，每万人有效发明专利拥有量为 15.48个）;
- a mean over the years: the mean it reaches (近三年年均为 30.00亿元).
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from core.form.kinds.structured import LEVEL_LABELS, ROLE_LABELS
from core.numbers import fmt
from core.rules.fieldchecks import field_title
from core.rules.model import CriterionResult, Rule

if TYPE_CHECKING:  # pragma: no cover
    from core.rules.engine import Evaluator

_PAREN = re.compile(r"（[^（）]*）|\([^()]*\)")
_PRODUCT = "geometric_growth_of_product"
JOIN = "，同时 "  # between the two changes of a two-field change


def short(label: str) -> str:
    """A label without its parenthetical notes: 集群总产值（营业收入） → 集群总产值."""
    return _PAREN.sub("", label).strip() or label


def _title(fd) -> str:
    """The field's title without a long parenthetical list (有效发明专利拥有量(包括发明专利、…)):
    a sentence names the quantity, the form's note stays on the form."""
    return _PAREN.sub(lambda m: m.group(0) if len(m.group(0)) <= 8 else "", field_title(fd)).strip()


def plain(ev: Evaluator, key: str, year: int | None, cell: tuple[str, str] | None,
          cur: Decimal, needed: Decimal, unit: str) -> str:
    fd = ev.form.fields[key]
    when = f"{year}年" if year is not None else ""
    label = _title(fd)
    if year is not None:  # 2021年单位产值二氧化碳排放量, not 2021年近三年…
        label = label.replace("近三年", "") or label
    if cell is not None:
        label = f"{LEVEL_LABELS[cell[0]]}标准{ROLE_LABELS[cell[1]]}"
    change = needed - cur
    if fd.element_type == "year":
        return f"{label}需为 {fmt(needed, 0)}年或更早（现为 {fmt(cur, 0)}年）" if change < 0 else \
            f"{label}需为 {fmt(needed, 0)}年或更晚（现为 {fmt(cur, 0)}年）"
    if fd.element_type in ("count", "platform") or cell is not None:
        u = unit or ""
        if change > 0:
            return f"{when}{label}需达到 {fmt(needed, 0)}{u}（再增加 {fmt(change, 0)} {u}）".replace(" ）", "）")
        return f"{when}{label}需减至 {fmt(needed, 0)}{u}（减少 {fmt(-change, 0)} {u}）".replace(" ）", "）")
    places = fd.decimals
    by = "个百分点" if fd.element_type == "percent" else unit  # a rate's change is in points
    if change > 0:
        return f"{when}{label}需达到 {fmt(needed, places)}{unit}（还差 {fmt(change, places)}{by}）"
    return f"{when}{label}需降至 {fmt(needed, places)}{unit}（需减少 {fmt(-change, places)}{by}）"


def _value(ev: Evaluator, key: str, year: int | None) -> Decimal | None:
    st = ev.states[key]
    return (st.series[year] if year is not None and st.series is not None else st.number).value


def _shown(ev: Evaluator, key: str, v: Decimal) -> str:
    fd = ev.form.fields[key]
    places = 0 if fd.element_type in ("count", "platform") else fd.decimals
    return f"{fmt(v, places)}{fd.display_unit or ''}"


def _product(ev: Evaluator, d, key: str, year: int, cur: Decimal, needed: Decimal) -> str | None:
    """The year's part of a total (total × share %) as the quantity needed, the input its equivalent."""
    total_key, share_key = d.inputs
    total, share = ev.form.fields[total_key], ev.form.fields[share_key]
    t = needed if key == total_key else _value(ev, total_key, year)
    s = needed if key == share_key else _value(ev, share_key, year)
    if t is None or s is None:
        return None
    name = short(share.label).split("占")[0] if "占" in share.label else f"{short(total.label)}×{short(share.label)}"
    u = total.display_unit or ""
    up = needed > cur
    part = (t * s / 100).quantize(Decimal("0.01"), rounding=ROUND_CEILING if up else ROUND_FLOOR)  # never short of it
    verb = "需达到" if up else "需降至"
    if key == total_key:
        by = f"还差 {fmt(needed - cur)}{u}" if up else f"需减少 {fmt(cur - needed)}{u}"
        return (f"{year}年{name}{verb} {fmt(part)}{u}（即{short(total.label)} {fmt(t)}{u}、{by}，"
                f"按{name}占比 {fmt(s)}%）")
    by = f"还差 {fmt(needed - cur)}个百分点" if up else f"需减少 {fmt(cur - needed)}个百分点"
    return f"{year}年{name}{verb} {fmt(part)}{u}（即{name}占比 {fmt(s)}%、{by}，按{short(total.label)} {fmt(t)}{u}）"


def sentence(ev: Evaluator, rule: Rule, key: str, year: int | None, cell: tuple[str, str] | None,
             cur: Decimal, needed: Decimal, unit: str, after: CriterionResult | None) -> str:
    """The change said in the official's terms; ``after``: the criterion with the change made."""
    text = plain(ev, key, year, cell, cur, needed, unit)
    kind, ref = next(iter((rule.check.get("measure") or {"": None}).items()))
    if kind == "derived":
        d = ev.form.derived[ref]
        if d.function == _PRODUCT and key in d.inputs and year in (ev.years[0], ev.years[-1]):
            return _product(ev, d, key, year, cur, needed) or text
        extra = []
        for other in d.inputs:
            if other != key and ev.form.fields[other].type != "series":
                v = _value(ev, other, None)
                if v is not None:
                    extra.append(f"按{short(field_title(ev.form.fields[other]))} {_shown(ev, other, v)}")
        if after is not None and after.value is not None:
            extra.append(f"{short(d.label)}为 {fmt(after.value)}{d.unit}")
        return text[:-1] + "；" + "，".join(extra) + "）" if extra and text.endswith("）") else text
    if kind == "mean" and after is not None and after.value is not None and text.endswith("）"):
        fd = ev.form.fields[ref]
        return text[:-1] + f"；近三年年均为 {fmt(after.value, fd.decimals)}{fd.display_unit or ''}）"
    return text
