"""Evaluate one rule of a rule set against the parsed application: met, not met, unknown, waived."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.form.kinds import KINDS
from core.form.model import FieldDef
from core.numbers import Parsed, at_precision, fmt
from core.rules.derived import DerivedValue
from core.rules.fieldchecks import field_title, impossible
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
    # An error finding on the field as a whole (not on one of its values): none of its values count.
    blocked: Callable[[str], bool] = lambda key: False


# Why a value does not count: blank, or an impossible value (an error finding) taken as not filled.
OK, BLANK, INVALID, BLOCKED = "", "未填写", "数值有误，不予采用", "尚有待更正的问题，暂不计入"


@dataclass
class Slot:
    """One compared quantity as an interval: known exactly (lo == hi), or bounded while data are
    blank. ``None`` = unbounded on that side."""

    label: str  # year label or ""
    lo: Decimal | None
    hi: Decimal | None
    known: bool = True  # every input of it is filled and valid

    @property
    def value(self) -> Decimal | None:
        return self.lo if self.known else None


@dataclass
class Measure:
    values: list[Slot]
    label: str
    found: str
    unit: str
    places: int = 2
    formula: str | None = None
    missing: str = ""  # what is blank or invalid, named for the completeness finding
    each: bool = False
    fields: list[str] = field(default_factory=list)


def _unit_of(st: FieldState) -> str:
    return st.field.display_unit or ""


def _fmt_u(v: Decimal | None, unit: str, places: int) -> str:
    return "无" if v is None else f"{fmt(v, places)}{unit}"


def _fmt_p(p: Parsed, unit: str, places: int) -> str:
    """A value as found: blank is 未填写, not the official's own 无."""
    if p.blank:
        return "未填写"
    if p.error:
        return "（无法识别）"
    return _fmt_u(p.value, unit, places)


def _status(ctx: Context, st: FieldState, p: Parsed) -> str:
    if p.blank:
        return BLANK
    if impossible(st.field, p):
        return INVALID
    if ctx.blocked(st.field.key):
        return BLOCKED
    return OK


def _bounds(fd: FieldDef) -> tuple[Decimal | None, Decimal | None]:
    """What a blank value of this field could still turn out to be."""
    if KINDS[fd.element_type].percent and fd.range == "share":
        return Decimal(0), Decimal(100)
    if fd.element_type == "count":
        return Decimal(0), None
    if fd.minimum is not None:
        return Decimal(str(fd.minimum)), None
    return None, None


def _slot(ctx: Context, st: FieldState, p: Parsed, label: str) -> tuple[Slot, str]:
    status = _status(ctx, st, p)
    if status == OK:
        return Slot(label, p.value, p.value, known=p.value is not None), OK
    lo, hi = _bounds(st.field)
    return Slot(label, lo, hi, known=False), status


def _missing_text(parts: list[tuple[str, str]]) -> str:
    """[("2021年", BLANK), ("2022年", INVALID)] → 2021年未填写、2022年数值有误，不予采用"""
    return "、".join(f"{what}{why}" for what, why in parts if why)


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a + b


def measure(spec: dict[str, Any], ctx: Context) -> Measure:
    kind, ref = next(iter(spec.items()))
    if kind in ("each", "latest", "mean"):
        st = ctx.states[ref]
        unit, places = _unit_of(st), st.field.decimals
        label = field_title(st.field)
        series = st.series
        years = [ctx.years[-1]] if kind == "latest" else list(series)
        slots, why = [], []
        for y in years:
            slot, status = _slot(ctx, st, series[y], f"{y}年")
            slots.append(slot)
            why.append((f"{y}年", status))
        missing = _missing_text(why)
        if kind == "latest":
            y = years[0]
            found = "" if series[y].blank else f"{y}年为 {_fmt_p(series[y], unit, places)}"
            return Measure(slots, label, found, unit, places, missing=missing, fields=[ref])
        if kind == "each":
            found = "" if st.blank else "、".join(f"{y}年 {_fmt_p(series[y], unit, places)}" for y in years)
            return Measure(slots, label, found, unit, places, missing=missing, each=True, fields=[ref])
        n = Decimal(len(slots))
        lo = hi = Decimal(0)
        for s in slots:
            lo, hi = _add(lo, s.lo), _add(hi, s.hi)
        if all(s.known for s in slots):
            vals = [s.lo for s in slots]
            mean = sum(vals) / n
            formula = f"({' + '.join(fmt(v, places) for v in vals)}) ÷ {len(vals)}"
            return Measure([Slot("", mean, mean)], f"近三年年均{label}",
                           f"近三年年均 {fmt(mean, places)}{unit}（{formula}）", unit, places, formula=formula, fields=[ref])
        if not missing:  # every year answered "无"
            missing = "“无”"
        slot = Slot("", None if lo is None else lo / n, None if hi is None else hi / n, known=False)
        return Measure([slot], label, "", unit, places, missing=missing, fields=[ref])
    if kind == "field":
        st = ctx.states[ref]
        p = st.number
        slot, status = _slot(ctx, st, p, "")
        missing = _missing_text([("", status)])
        if status == OK and p.none_marker:
            missing = ""  # "无": answered, but there is nothing to compare
        found = "" if p.blank else f"填报 {_fmt_p(p, _unit_of(st), st.field.decimals)}"
        return Measure([slot], field_title(st.field), found,
                       _unit_of(st), st.field.decimals, missing=missing, fields=[ref])
    if kind == "derived":
        return _derived_measure(ref, ctx)
    if kind in ("sum_latest", "sum"):
        return _sum_measure(kind, ref, ctx)
    if kind == "standards_total":
        st = ctx.states[ref]
        lo, hi, lead, bad = Decimal(0), Decimal(0), Decimal(0), []
        if st.blank:
            hi = None
        for (y, _, role), p in st.cells.items():
            if st.blank or p.blank:
                continue  # a filled table leaves its empty cells at 0
            if _status(ctx, st, p) != OK:
                hi = None
                bad.append(f"{y}年")
                continue
            lo, hi = lo + p.value, _add(hi, p.value)
            lead += p.value if role == "lead" else 0
        known = hi is not None
        found = "" if st.blank else f"近三年合计 {fmt(lo, 0)} 项（主持 {fmt(lead, 0)} 项、参与 {fmt(lo - lead, 0)} 项）"
        miss = "未填写" if st.blank else _missing_text([(y, INVALID) for y in dict.fromkeys(bad)])
        return Measure([Slot("", lo, hi, known)], "制修订标准数量", found, "项", 0, missing=miss, fields=[ref])
    if kind == "years_since":
        st = ctx.states[ref]
        p = st.number
        status = _status(ctx, st, p)
        if status != OK or p.value is None:
            miss = "未填写设立年份" if status != INVALID else "设立年份有误，不予采用"
            return Measure([Slot("", None, None, known=False)], "集群设立年限", "", "年", 0, missing=miss, fields=[ref])
        age = Decimal(ctx.campaign) - p.value
        return Measure([Slot("", age, age)], "集群设立年限",
                       f"{fmt(p.value, 0)}年设立，至{ctx.campaign}年申报时为 {fmt(age, 0)} 年", "年", 0, fields=[ref])
    raise ValueError(kind)  # pragma: no cover - checked when the rule set loads


def _derived_measure(ref: str, ctx: Context) -> Measure:
    dv = ctx.derived[ref]
    d = dv.definition
    unit = d.unit
    label = d.label.split("（")[0]
    # A value computed from an impossible input is no value: its inputs must all be valid.
    bad = [k for k in d.inputs if _field_invalid(ctx, ctx.states[k])]
    if dv.value is not None and not bad:
        return Measure([Slot("", dv.value, dv.value)], label, f"按填报数据计算为 {fmt(dv.value)}{unit}（{dv.formula}）",
                       unit, formula=dv.formula, fields=[*d.inputs])
    if bad:  # impossible inputs: the stated figure cannot be checked against them either
        why = "、".join(f"{field_title(ctx.states[k].field)}有误" for k in bad) + "，暂无法核算"
        return Measure([Slot("", None, None, known=False)], label, "", unit, missing=why, fields=[*d.inputs])
    why = dv.missing
    stated = ctx.states[d.stated] if d.stated else None
    if stated is not None and stated.number.value is not None and _status(ctx, stated, stated.number) == OK:
        v = stated.number.value
        return Measure([Slot("", v, v)], label, f"填报 {fmt(v)}{unit}（无法按填报数据核算：{why}）", unit,
                       fields=[d.stated])
    return Measure([Slot("", None, None, known=False)], label, "", unit, missing=why, fields=[*d.inputs])


def _field_invalid(ctx: Context, st: FieldState) -> bool:
    """A filled value of the field is impossible or under an open error (blank is not invalid)."""
    parts = st.series.values() if st.series is not None else [st.number]
    return any(_status(ctx, st, p) in (INVALID, BLOCKED) for p in parts)


def _sum_measure(kind: str, ref: list[str], ctx: Context) -> Measure:
    lo, hi = Decimal(0), Decimal(0)
    parts, why = [], []
    y = ctx.years[-1]
    for key in ref:
        st = ctx.states[key]
        p = st.series[y] if st.field.type == "series" else st.number
        status = _status(ctx, st, p)
        if status == BLANK and not st.field.required:
            continue  # an optional row left empty: none
        if status != OK:
            hi = None  # counts are never negative: the rest can only add
            why.append((field_title(st.field), status))
            continue
        v = p.value if p.value is not None else Decimal(0)  # "无" = none
        lo, hi = lo + v, _add(hi, v)
        parts.append(f"{_short(st.field.label)} {fmt(v, 0)}")
    when = f"{y}年" if kind == "sum_latest" else ""
    known = hi is not None
    total = f"合计 {fmt(lo, 0)}" if known else f"已填报部分合计 {fmt(lo, 0)}"
    found = f"{when}{total}（{'、'.join(parts) or '均未填写'}）" if parts or known else ""
    return Measure([Slot("", lo, hi, known)], "合计", found, "", 0, missing=_missing_text(why), fields=list(ref))


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


def _holds(op: str, x: Decimal | None, threshold: Decimal, places: int) -> bool | None:
    return None if x is None else OPS[op](at_precision(x, max(places, 2)), threshold)


def _decide(slot: Slot, op: str, threshold: Decimal, places: int) -> str:
    """MET when every value the slot can still take meets the threshold, NOT_MET when none does."""
    best, worst = (slot.hi, slot.lo) if op in (">=", ">") else (slot.lo, slot.hi)
    if _holds(op, worst, threshold, places):
        return MET
    if _holds(op, best, threshold, places) is False:
        return NOT_MET
    return UNKNOWN


def _compare(check: dict[str, Any], ctx: Context) -> CriterionResult:
    m = measure(check["measure"], ctx)
    threshold = Decimal(str(check["threshold"]))
    op = check["op"]
    unit = check.get("unit", m.unit)
    agg = "每年" if m.each else ""
    expected = f"{agg}{OP_SYMBOLS[op]} {fmt(threshold, 2).rstrip('0').rstrip('.')}{unit}"
    res = CriterionResult(None, UNKNOWN, found=m.found, expected=expected, threshold=threshold, op=op,  # type: ignore[arg-type]
                          unit=unit, formula=m.formula, fields=m.fields)
    decided = [(s, _decide(s, op, threshold, m.places)) for s in m.values]
    failing = [s for s, o in decided if o == NOT_MET]
    up = op in (">=", ">")
    if failing:
        res.outcome = NOT_MET
        bounds = [s.hi if up else s.lo for s in failing]
        res.value = min(bounds) if up else max(bounds)
        if m.each:
            res.found = f"{m.found}（{'、'.join(s.label for s in failing)}未达到" + (f"；{m.missing}）" if m.missing else "）")
    elif all(o == MET for _, o in decided):
        res.outcome = MET
        bounds = [s.lo if up else s.hi for s in m.values]
        res.value = min(bounds) if up else max(bounds)
        if m.missing:  # decided by the filled part alone
            res.found = f"{m.found}（{m.missing}；已填报部分已达到要求）"
    else:
        res.outcome = UNKNOWN
        res.found = f"{m.found}（{m.missing or '无数据'}）" if m.found else f"缺少数据：{m.missing or '未填写'}"
    return res


def _decreasing(check: dict[str, Any], ctx: Context) -> CriterionResult:
    key = check["field"]
    st = ctx.states[key]
    unit = _unit_of(st)
    slots, why = [], []
    for y, p in st.series.items():
        slot, status = _slot(ctx, st, p, f"{y}年")
        slots.append(slot)
        why.append((f"{y}年", status))
    found = "、".join(f"{y}年 {_fmt_p(p, unit, 2)}" for y, p in st.series.items())
    if st.blank:
        found = ""
    # Strictly decreasing means every later year below every earlier one: a later year that cannot
    # be below an earlier one (whatever the blank years hold) already decides.
    rising = []
    for j, later in enumerate(slots):
        for earlier in slots[:j]:
            if later.lo is not None and earlier.hi is not None and not at_precision(later.lo) < at_precision(earlier.hi):
                adjacent = earlier is slots[j - 1]
                rising.append(f"{later.label}未下降" if adjacent else f"{later.label}未低于{earlier.label}")
                break
    missing = _missing_text(why)
    res = CriterionResult(None, UNKNOWN, found=found, expected="逐年下降", unit=unit, fields=[key])  # type: ignore[arg-type]
    if rising:
        res.outcome = NOT_MET
        res.found = f"{found}（{'、'.join(rising)}" + (f"；{missing}）" if missing else "）")
    elif missing or not all(s.known for s in slots):
        res.found = f"{found}（{missing or '无数据'}）" if found else f"缺少数据：{missing}"
    else:
        res.outcome = MET
    return res


def _answer(check: dict[str, Any], ctx: Context) -> CriterionResult:
    key = check["field"]
    st = ctx.states[key]
    code = st.code
    label = field_title(st.field)
    if check["type"] == "not_value":
        ok = code != check["value"]
        expected = f"不得为“{YESNO_WORDS[check['value']]}”"
    else:
        ok = code in check["accept"]
        expected = "、".join(f"“{YESNO_WORDS[a]}”" for a in check["accept"])
    found = f"{label}：填报“{YESNO_WORDS.get(code, code)}”" if code else f"{label}：未填写"
    if code is None:
        outcome = UNKNOWN
    elif not ok:
        outcome = NOT_MET  # the answer decides, whatever else the field still lacks
    elif ctx.blocked(key):
        outcome = UNKNOWN  # an answer with an open error (e.g. its evidence) is not yet a met criterion
        found = f"{found}（尚有待更正的问题）"
    else:
        outcome = MET
    return CriterionResult(None, outcome, found=found, expected=expected, fields=[key])  # type: ignore[arg-type]


def _any_of(check: dict[str, Any], ctx: Context) -> CriterionResult:
    subs = [_evaluate_check(c, ctx) for c in check["checks"]]
    outcomes = {s.outcome for s in subs}
    outcome = MET if MET in outcomes else (NOT_MET if outcomes == {NOT_MET} else UNKNOWN)
    # The bar shows the branch that decides: the best met one, or the closest of the failed ones.
    pool = [s for s in subs if s.outcome == outcome] or subs
    best = max(pool, key=lambda s: s.margin if s.margin is not None else Decimal(-10**9))
    return CriterionResult(None, outcome, found="；或 ".join(s.found for s in subs),  # type: ignore[arg-type]
                           expected="；或 ".join(s.expected for s in subs),
                           value=best.value if outcome != UNKNOWN else None,
                           threshold=best.threshold, op=best.op, unit=best.unit,
                           fields=[f for s in subs for f in s.fields])


def _evaluate_check(check: dict[str, Any], ctx: Context) -> CriterionResult:
    ctype = check["type"]
    if ctype == "compare":
        return _compare(check, ctx)
    if ctype == "any_of":
        return _any_of(check, ctx)
    if ctype in ("not_value", "one_of"):
        return _answer(check, ctx)
    if ctype == "decreasing":
        return _decreasing(check, ctx)
    if ctype == "qualitative":
        return CriterionResult(None, MET, found="", expected="填报完整，勾选项均附佐证材料")  # type: ignore[arg-type]
    raise ValueError(ctype)  # pragma: no cover


def evaluate_qualitative(rule: Rule, ctx: Context) -> CriterionResult:
    keys = ctx.indicator_fields(rule.indicator)
    pending = [k for k in keys if ctx.has_error(k)]
    res = CriterionResult(rule, UNKNOWN if pending else MET, expected="填报完整，勾选项均附佐证材料", fields=pending)
    res.found = f"尚有 {len(pending)} 个栏目待补充或缺少佐证材料" if pending else "填报完整，勾选项均已附佐证材料"
    res.message = render(rule, res)
    return res
