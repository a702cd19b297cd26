"""Evaluate one rule of a rule set against the parsed application: met, not met, unknown, waived."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.numbers import at_precision, fmt
from core.rules.derived import DerivedValue
from core.rules.fieldchecks import field_title
from core.rules.model import MET, NOT_MET, OP_SYMBOLS, UNKNOWN, WAIVED, CriterionResult, Rule
from core.rules.state import FieldState

OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
}
YESNO_WORDS = {"yes": "是", "no": "否", "na": "不适用"}


@dataclass
class Context:
    """What a rule can read: parsed fields, derived values, and which fields still have errors."""

    states: dict[str, FieldState]
    derived: dict[str, DerivedValue]
    years: list[int]
    campaign: int
    has_error: Callable[[str], bool]
    indicator_fields: Callable[[int], list[str]]


@dataclass
class Measure:
    values: list[tuple[str, Decimal | None]]  # (year label or "", value); None = missing / 无
    label: str
    found: str
    unit: str
    places: int = 2
    formula: str | None = None
    missing: str = ""
    each: bool = False
    fields: list[str] = field(default_factory=list)


def _unit_of(st: FieldState) -> str:
    return st.field.display_unit or ""


def _fmt_u(v: Decimal | None, unit: str, places: int) -> str:
    return "无" if v is None else f"{fmt(v, places)}{unit}"


def measure(spec: dict[str, Any], ctx: Context) -> Measure:
    kind, ref = next(iter(spec.items()))
    if kind in ("each", "latest", "mean"):
        st = ctx.states[ref]
        unit, places = _unit_of(st), st.field.decimals
        label = field_title(st.field)
        series = st.series
        missing = [f"{y}年" for y, p in series.items() if p.blank or p.error]
        if kind == "latest":
            y = ctx.years[-1]
            p = series[y]
            miss = f"{y}年" if (p.blank or p.error) else ""
            return Measure([(f"{y}年", p.value)], label, f"{y}年为 {_fmt_u(p.value, unit, places)}", unit, places,
                           missing=miss, fields=[ref])
        if kind == "each":
            vals = [(f"{y}年", p.value) for y, p in series.items()]
            found = "、".join(f"{lab} {_fmt_u(v, unit, places)}" for lab, v in vals)
            return Measure(vals, label, found, unit, places, missing="、".join(missing), each=True, fields=[ref])
        vals = [p.value for p in series.values()]
        if missing or any(v is None for v in vals):
            return Measure([("", None)], label, "", unit, places, missing="、".join(missing) or "“无”", fields=[ref])
        mean = sum(vals) / len(vals)
        formula = f"({' + '.join(fmt(v, places) for v in vals)}) ÷ {len(vals)}"
        return Measure([("", mean)], f"近三年年均{label}", f"近三年年均 {fmt(mean, places)}{unit}（{formula}）",
                       unit, places, formula=formula, fields=[ref])
    if kind == "field":
        st = ctx.states[ref]
        p = st.number
        unit = _unit_of(st)
        return Measure([("", p.value)], field_title(st.field), f"填报 {_fmt_u(p.value, unit, st.field.decimals)}", unit,
                       st.field.decimals, missing="" if (p.value is not None or p.none_marker) else "未填写", fields=[ref])
    if kind == "derived":
        dv = ctx.derived[ref]
        d = dv.definition
        unit = d.unit
        if dv.value is not None:
            return Measure([("", dv.value)], d.label.split("（")[0], f"按填报数据计算为 {fmt(dv.value)}{unit}（{dv.formula}）",
                           unit, formula=dv.formula, fields=[*d.inputs])
        stated = ctx.states[d.stated].number.value if d.stated else None
        if stated is not None:
            return Measure([("", stated)], d.label.split("（")[0],
                           f"填报 {fmt(stated)}{unit}（无法按填报数据核算：{dv.missing}）", unit, fields=[d.stated])
        return Measure([("", None)], d.label.split("（")[0], "", unit, missing=dv.missing, fields=[*d.inputs])
    if kind in ("sum_latest", "sum"):
        total = Decimal(0)
        parts, missing = [], []
        y = ctx.years[-1]
        for key in ref:
            st = ctx.states[key]
            p = st.series[y] if st.field.type == "series" else st.number
            if p.value is None:
                if st.field.required:
                    missing.append(field_title(st.field))
                continue
            total += p.value
            parts.append(f"{_short(st.field.label)} {fmt(p.value, 0)}")
        when = f"{y}年" if kind == "sum_latest" else ""
        return Measure([("", total)], "合计", f"{when}合计 {fmt(total, 0)}（{'、'.join(parts) or '均未填写'}）", "", 0,
                       missing="、".join(missing), fields=list(ref))
    if kind == "standards_total":
        st = ctx.states[ref]
        cells = st.cells.values()
        total = sum((p.value for p in cells if p.value is not None), Decimal(0))
        lead = sum((p.value for (_, _, role), p in st.cells.items() if role == "lead" and p.value is not None), Decimal(0))
        found = f"近三年合计 {fmt(total, 0)} 项（主持 {fmt(lead, 0)} 项、参与 {fmt(total - lead, 0)} 项）"
        miss = "" if not st.blank else "未填写"
        return Measure([("", total)], "制修订标准数量", found, "项", 0, missing=miss, fields=[ref])
    if kind == "years_since":
        st = ctx.states[ref]
        y = st.number.value
        if y is None:
            return Measure([("", None)], "集群设立年限", "", "年", 0, missing="未填写设立年份", fields=[ref])
        age = Decimal(ctx.campaign) - y
        return Measure([("", age)], "集群设立年限", f"{fmt(y, 0)}年设立，至{ctx.campaign}年申报时为 {fmt(age, 0)} 年",
                       "年", 0, fields=[ref])
    raise ValueError(kind)  # pragma: no cover - checked when the rule set loads


def _short(label: str) -> str:
    for noise in ("主导产业相关的", "名称及数量", "数量"):
        label = label.replace(noise, "")
    return label


def evaluate(rule: Rule, ctx: Context) -> CriterionResult:
    res = _evaluate_check(rule.check, ctx)
    waiver = rule.check.get("waiver")
    if waiver and ctx.states[waiver["flag"]].code == "yes":
        reason = ctx.states[waiver["reason"]].text
        if reason:
            res.outcome, res.found = WAIVED, f"{res.found}；已申请不适用此指标：{reason}"
        else:
            res.outcome, res.found = UNKNOWN, f"{res.found}；已申请不适用此指标，但未说明特殊情况"
        res.fields = [*res.fields, waiver["flag"], waiver["reason"]]
    res.rule = rule
    res.message = render(rule, res)
    return res


def render(rule: Rule, res: CriterionResult) -> str:
    values = {
        "found": res.found or "未填写",
        "expected": res.expected,
        "threshold": fmt(res.threshold, 2).rstrip("0").rstrip(".") if res.threshold is not None else "",
        "unit": res.unit,
        "citation": rule.citation,
        "formula": res.formula or "",
    }
    return rule.message.format_map(values)


def _evaluate_check(check: dict[str, Any], ctx: Context) -> CriterionResult:
    ctype = check["type"]
    dummy: Any = None
    if ctype == "compare":
        m = measure(check["measure"], ctx)
        threshold = Decimal(str(check["threshold"]))
        op = check["op"]
        unit = check.get("unit", m.unit)
        agg = "每年" if m.each else ""
        expected = f"{agg}{OP_SYMBOLS[op]} {fmt(threshold, 2).rstrip('0').rstrip('.')}{unit}"
        res = CriterionResult(dummy, UNKNOWN, found=m.found, expected=expected, threshold=threshold, op=op,
                              unit=unit, formula=m.formula, fields=m.fields)
        compare = OPS[op]
        failing = []
        for lab, v in m.values:
            if v is None:
                continue
            if not compare(at_precision(v, max(m.places, 2)), threshold):
                failing.append(lab)
        present = [v for _, v in m.values if v is not None]
        res.value = min(present) if (m.each and op in (">=", ">") and present) else (present[0] if present else None)
        if m.each and present and op in ("<=", "<"):
            res.value = max(present)
        if failing:
            res.outcome = NOT_MET
            if m.each:
                res.found = f"{m.found}（{'、'.join(failing)}未达到）"
        elif m.missing or not present:
            res.outcome = UNKNOWN
            res.found = f"{m.found}（{m.missing or '无数据'}）" if m.found else f"缺少数据：{m.missing or '未填写'}"
        else:
            res.outcome = MET
        return res
    if ctype == "any_of":
        subs = [_evaluate_check(c, ctx) for c in check["checks"]]
        outcome = MET if any(s.outcome == MET for s in subs) else (
            UNKNOWN if any(s.outcome == UNKNOWN for s in subs) else NOT_MET)
        best = max(subs, key=lambda s: s.margin if s.margin is not None else Decimal(-10**9))
        return CriterionResult(dummy, outcome, found="；或 ".join(s.found for s in subs),
                               expected="；或 ".join(s.expected for s in subs), value=best.value,
                               threshold=best.threshold, op=best.op, unit=best.unit,
                               fields=[f for s in subs for f in s.fields])
    if ctype in ("not_value", "one_of"):
        key = check["field"]
        code = ctx.states[key].code
        label = field_title(ctx.states[key].field)
        if ctype == "not_value":
            ok = code != check["value"]
            expected = f"不得为“{YESNO_WORDS[check['value']]}”"
        else:
            ok = code in check["accept"]
            expected = "、".join(f"“{YESNO_WORDS[a]}”" for a in check["accept"])
        found = f"{label}：填报“{YESNO_WORDS.get(code, code)}”" if code else f"{label}：未填写"
        outcome = UNKNOWN if code is None else (MET if ok else NOT_MET)
        return CriterionResult(dummy, outcome, found=found, expected=expected, fields=[key])
    if ctype == "decreasing":
        key = check["field"]
        st = ctx.states[key]
        unit = _unit_of(st)
        vals = [(y, p.value) for y, p in st.series.items()]
        found = "、".join(f"{y}年 {_fmt_u(v, unit, 2)}" for y, v in vals)
        if any(v is None for _, v in vals):
            return CriterionResult(dummy, UNKNOWN, found=found, expected="逐年下降", fields=[key])
        rising = [f"{y}年" for (_, a), (y, b) in zip(vals, vals[1:], strict=False) if not at_precision(b) < at_precision(a)]
        outcome = NOT_MET if rising else MET
        if rising:
            found = f"{found}（{'、'.join(rising)}未下降）"
        return CriterionResult(dummy, outcome, found=found, expected="逐年下降", unit=unit, fields=[key])
    if ctype == "qualitative":
        return CriterionResult(dummy, MET, found="", expected="填报完整，勾选项均附佐证材料")
    raise ValueError(ctype)  # pragma: no cover


def evaluate_qualitative(rule: Rule, ctx: Context) -> CriterionResult:
    keys = ctx.indicator_fields(rule.indicator)
    pending = [k for k in keys if ctx.has_error(k)]
    res = CriterionResult(rule, UNKNOWN if pending else MET, expected="填报完整，勾选项均附佐证材料", fields=pending)
    res.found = f"尚有 {len(pending)} 个栏目待补充或缺少佐证材料" if pending else "填报完整，勾选项均已附佐证材料"
    res.message = render(rule, res)
    return res
