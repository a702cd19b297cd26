"""Plan targets (发展目标, 填报说明 28: "要可考核"): measurable rows proposed from the free text of
section 八, confirmed by the official, and checked against the baseline, the recognition threshold
and the validity.

The proposal only reads the text: a year ("到2025年"), a number with its unit, a verb (达到, 新增,
下降) and the words of the form's own field labels; every proposal is shown with the clause it came
from and stays unconfirmed until the official confirms it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from core.follow import metrics as mt
from core.follow.thresholds import lower_is_better, threshold_for
from core.form import FormDef
from core.messages import follow as M
from core.numbers import fmt
from core.rules.model import RuleSet

UP, DOWN = "up", "down"
DIRECTION_LABELS = {UP: "越高越好", DOWN: "越低越好"}

_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": "."})
_PARTS = re.compile(r"[；;。\n]+")
_ITEMS = re.compile(r"[，,、]+")
_CONTEXT_YEAR = re.compile(r"(?:到|至|截至|截止)(\d{4})年|(\d{4})年(?:底|末|前)")
_ITEM_YEAR = re.compile(r"^(?:[^\d]*[：:])?(\d{4})年(?![底末前])")
_BASE_YEAR = re.compile(r"较(\d{4})年")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(个百分点|亿元|万元|吨二氧化碳/万元|吨/万元|家|个|件|项|人|%)?(?![\d.年])")
_INCREASE = re.compile(r"新增|增加")
_DECREASE = re.compile(r"下降|降低|减少")
_CAP = re.compile(r"控制在|不超过|低于|以内")
_GENERIC = re.compile(r"（[^）]*）|\([^)]*\)|近三年|集群内|集群|中小企业|企业|主导产业相关的|数量|的|[“”\"]")
_COUNT_WORDS = {"家", "个", "件", "项", "人"}
_MONEY = {"亿元": Decimal(10000), "万元": Decimal(1)}
MIN_MATCH = 3  # characters a clause must share with a field label (after generic words are dropped)


@dataclass
class Target:
    metric: str
    label: str
    unit: str
    target: Decimal
    year: int | None
    direction: str = UP
    baseline: Decimal | None = None
    source: str = ""
    note: str = ""
    id: int | None = None
    confirmed: bool = False
    decimals: int = 2  # the metric's, for printing (0 for counts)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["target"] = str(self.target)
        d["baseline"] = None if self.baseline is None else str(self.baseline)
        return d

    @property
    def target_text(self) -> str:
        return f"{fmt(self.target, self.decimals)}{self.unit}"


@dataclass(frozen=True)
class Context:
    """What a target is judged against: the application, its rule set, the years a report exists for."""

    form: FormDef
    ruleset: RuleSet
    values: dict[str, Any]
    campaign: int
    years: tuple[int, ...]  # the years the plan may aim at (those reported during the validity)

    @property
    def latest_year(self) -> int:
        return self.campaign - 1

    def baseline(self, m: mt.Metric) -> Decimal | None:
        return None if m.custom else mt.figure(self.values, m, self.latest_year, self.latest_year)


@dataclass
class Problem:
    severity: str  # error (cannot be confirmed) | warning
    message: str
    code: str = ""


@dataclass
class Proposal:
    target: Target
    problems: list[Problem] = field(default_factory=list)


def _strip(text: str) -> str:
    return _GENERIC.sub("", text)


def _lcs(a: str, b: str) -> int:
    best, prev = 0, [0] * (len(b) + 1)
    for ch in a:
        cur = [0] * (len(b) + 1)
        for j, bj in enumerate(b, 1):
            if ch == bj:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def match_metric(clause: str, ctx: Context) -> mt.Metric | None:
    """The form field whose label shares the longest run of characters with the clause."""
    words = _strip(_BASE_YEAR.sub("", clause))
    best: tuple | None = None
    for fd in mt.numeric_fields(ctx.form):
        name = _strip(fd.label)
        n = _lcs(words, name)
        if n < MIN_MATCH:
            continue
        m = mt.metric_of_field(fd)
        has = ctx.baseline(m) not in (None, Decimal(0))
        score = (n, n / len(name), has, -fd.order)
        if best is None or score > best[0]:
            best = (score, m)
    return best[1] if best else None


def _units_agree(m: mt.Metric, unit: str | None) -> tuple[bool, Decimal]:
    """Whether a clause's unit fits the metric, and the factor into the metric's unit."""
    if unit is None:
        return True, Decimal(1)
    if m.unit == "%" or unit == "%":
        return m.unit == unit, Decimal(1)
    if unit in _MONEY and m.unit in _MONEY:
        return True, _MONEY[unit] / _MONEY[m.unit]
    if unit in _COUNT_WORDS and (m.unit in _COUNT_WORDS or m.kind == "count"):
        return True, Decimal(1)
    return unit == m.unit or unit.startswith("吨") and m.unit.startswith("吨"), Decimal(1)


def propose_targets(text: str, ctx: Context) -> list[Proposal]:
    """Targets found in the 发展目标 text, in the order they appear (duplicates dropped)."""
    text = (text or "").translate(_FULLWIDTH)
    out: list[Proposal] = []
    seen: set[tuple] = set()
    year: int | None = None
    last_by_unit: dict[str, mt.Metric] = {}
    for part in _PARTS.split(text):
        verb = ""
        for item in _ITEMS.split(part):
            item = item.strip()
            if not item:
                continue
            ctx_year = _CONTEXT_YEAR.search(item)
            if ctx_year:
                year = int(ctx_year.group(1) or ctx_year.group(2))
            own = _ITEM_YEAR.match(item)
            item_year = int(own.group(1)) if own and not ctx_year else year
            body = _CONTEXT_YEAR.sub("", _BASE_YEAR.sub("", item))
            if own and not ctx_year:
                body = body.replace(own.group(1) + "年", "", 1)
            numbers = [n for n in _NUMBER.finditer(body)]
            if not numbers:
                continue
            number = numbers[-1]
            unit = number.group(2)
            verb = "increase" if _INCREASE.search(item) else "decrease" if _DECREASE.search(item) else (
                "cap" if _CAP.search(item) else verb or "reach")
            m = match_metric(body, ctx)
            if m is None and unit and unit in last_by_unit:
                m = last_by_unit[unit]  # "分年度目标：2023年60亿元": the metric of the clause before
            if m is None:
                continue
            proposal = _proposal(ctx, m, Decimal(number.group(1)), unit, verb, item_year, item, _BASE_YEAR.search(item))
            if proposal is None:
                continue
            key = (m.key, item_year, proposal.target.target)
            if key in seen:
                continue
            seen.add(key)
            if unit:
                last_by_unit[unit] = m
            out.append(proposal)
    return out


def _proposal(ctx: Context, m: mt.Metric, number: Decimal, unit: str | None, verb: str, year: int | None,
              clause: str, base_year) -> Proposal | None:
    baseline = ctx.baseline(m)
    down = lower_is_better(ctx.ruleset, ctx.form, m.key) or verb in ("decrease", "cap")
    note = ""
    problems: list[Problem] = []
    if unit == "个百分点":
        if m.unit != "%" or baseline is None:
            return None
        value = baseline - number if verb == "decrease" else baseline + number
        note = f"按基数 {fmt(baseline)}% {'减' if verb == 'decrease' else '加'} {fmt(number)} 个百分点"
    elif verb == "decrease" and unit == "%" and m.unit != "%":
        if baseline is None:
            return None
        value = baseline * (1 - number / 100)
        note = f"按基数 {fmt(baseline)}{m.unit} 下降 {fmt(number)}%" + (f"（较{base_year.group(1)}年）" if base_year else "")
    else:
        ok, factor = _units_agree(m, unit)
        if not ok:
            problems.append(Problem("warning", M.TARGET_UNIT.text(label=m.label, unit=unit, expected=m.unit),
                                    M.TARGET_UNIT.code))
            factor = Decimal(1)
        value = number * factor
        if verb == "increase":
            if baseline is None:
                return None
            value = baseline + value
            note = f"按基数 {fmt(baseline, m.decimals)}{m.unit} 新增 {fmt(number, m.decimals)}{unit or ''}"
    t = Target(metric=m.key, label=m.label, unit=m.unit, target=value.quantize(Decimal(1).scaleb(-m.decimals)),
               year=year, direction=DOWN if down else UP, baseline=baseline, source=clause, note=note,
               decimals=m.decimals)
    return Proposal(t, problems + check_target(t, ctx))


def parse_target_value(raw: Any, m: mt.Metric) -> Decimal:
    p = m.parse(raw)
    if not p.ok or p.value is None:
        reason = p.error or "未填写"
        raise M.TARGET_VALUE.error(label=m.label, value=raw if raw not in (None, "") else "（空）", reason=reason)
    return p.value


def check_target(t: Target, ctx: Context) -> list[Problem]:
    """What is wrong with a target: errors stop its confirmation, warnings are shown with it."""
    out: list[Problem] = []

    def add(severity: str, msg, **kw) -> None:
        out.append(Problem(severity, msg.text(**kw), msg.code))

    if t.year is None:
        add("error", M.TARGET_NO_YEAR, label=t.label)
    elif ctx.years and t.year not in ctx.years:
        add("warning", M.TARGET_YEAR_OUTSIDE, label=t.label, year=t.year,
            first=min(ctx.years), last=max(ctx.years))
    if not t.unit and t.metric.startswith(mt.CUSTOM):
        add("error", M.TARGET_NO_UNIT, label=t.label)
    if t.baseline is not None:
        worse = t.target > t.baseline if t.direction == DOWN else t.target < t.baseline
        if worse:
            add("warning", M.TARGET_BELOW_BASELINE if t.direction == UP else M.TARGET_ABOVE_BASELINE,
                label=t.label, target=t.target_text, baseline=f"{fmt(t.baseline, t.decimals)}{t.unit}", year=ctx.latest_year)
    if not t.metric.startswith(mt.CUSTOM):
        th = threshold_for(ctx.ruleset, ctx.form, t.metric)
        if th is not None and not th.holds(t.target):
            add("warning", M.TARGET_BELOW_THRESHOLD, label=t.label, target=t.target_text, threshold=th.text,
                unit=t.unit, citation=th.citation)
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def decimal_or_none(text: str | None) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
