"""还差多少: for every criterion, how far it stands from its threshold and the smallest change of one
input that would meet it.

Nothing here knows a rule. For a criterion that is not met, every input it reads (each year of a
series) is changed on its own, keeping every other input as it is, and the criterion itself is
re-evaluated (``criteria.evaluate``) on the changed value: a widening search (×4) finds a value that
meets it, a bisection the nearest such value at the field's precision (0.01 for decimals, 1 for
counts and years). So 高于10% at two decimals needs 10.01 and 不低于15% needs 15.00, the geometric
growth is solved through its own formula, and an ``any_of`` gives one change per branch input;
the changes are sorted cheapest first (relative to the current value). Yes/no inputs are tried
with each other answer. See docs/rules.md (还差多少).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.form.kinds.structured import LEVEL_LABELS, ROLE_LABELS
from core.numbers import fmt
from core.rules import criteria
from core.rules.criteria import YESNO_WORDS
from core.rules.derived import compute
from core.rules.fieldchecks import field_title
from core.rules.model import MET, NOT_MET, UNKNOWN, CriterionResult, Rule
from core.rules.state import parse_field

if TYPE_CHECKING:  # pragma: no cover
    from core.rules.engine import Evaluator

DEFAULT_CRITICAL = Decimal("0.02")  # a pass within 2 % of its threshold is 临界
_GROWTH, _MAX_TRIES = 4, 20  # widening ×4, up to 4^20 = 2^40 steps: far beyond any plausible figure
_NUMERIC = ("number", "percent", "count")
_YESNO = ("yesno", "yesno_na")


@dataclass(frozen=True)
class Gap:
    """One minimal change: set ``field`` (its ``year``, for a series) from ``current`` to ``needed``."""

    rule: str
    field: str
    year: int | None
    current: Decimal | str | None
    needed: Decimal | str
    change: Decimal | None  # needed − current; None for an answer (是/否)
    unit: str
    text: str
    cell: tuple[str, str] | None = None  # a standards table's (level, role); not in the JSON

    def applied(self, raw: Any) -> Any:
        """The field's raw answer with this change made (what the official would type)."""
        return _with(raw, self.year, self.needed if self.change is None else str(self.needed), self.cell)

    def to_json(self) -> dict[str, Any]:
        def num(v):
            return str(v) if isinstance(v, Decimal) else v

        return {"rule": self.rule, "field": self.field, "year": self.year, "current": num(self.current),
                "needed": num(self.needed), "change": num(self.change), "unit": self.unit, "text": self.text}


@dataclass
class CriterionGaps:
    rule: str
    outcome: str
    margin: Decimal | None = None  # measured − threshold, in the criterion's unit (+ = room, − = short)
    relative: Decimal | None = None  # margin ÷ |threshold|
    critical: bool = False  # met, but within the rule set's critical fraction of the threshold
    gaps: list[Gap] = field(default_factory=list)
    note: str = ""  # what is missing, or why no single change meets it

    @property
    def lines(self) -> list[str]:
        return [g.text for g in self.gaps] or ([self.note] if self.note else [])


def _step(ev: Evaluator, key: str) -> Decimal:
    fd = ev.form.fields[key]
    if fd.element_type in ("count", "year", "platform"):
        return Decimal(1)
    return Decimal(1).scaleb(-fd.decimals)


def _bounds(ev: Evaluator, key: str) -> tuple[Decimal | None, Decimal | None]:
    fd = ev.form.fields[key]
    et = fd.element_type
    if et == "percent" and fd.range == "share":
        return Decimal(0), Decimal(100)
    if et == "percent":
        return Decimal("-99.99"), None
    if et in ("count", "platform"):
        return Decimal(0), None
    if et == "year":
        return Decimal(1900), Decimal(ev.app.campaign)
    if fd.minimum is not None:
        return Decimal(str(fd.minimum)), None
    return None, None


def _inputs(ev: Evaluator, rule: Rule) -> Iterator[tuple[str, int | None, tuple[str, str] | None]]:
    """Every value the rule reads that can be changed on its own: (field, year, standards cell)."""
    waiver = rule.check.get("waiver") or {}
    skip = {waiver.get("flag"), waiver.get("reason")}
    for key in sorted(rule.fields - skip):
        fd = ev.form.fields[key]
        if fd.type == "series" and fd.element_type in _NUMERIC:
            for y in ev.years:
                yield key, y, None
        elif fd.type == "standards":  # counts summed over the table: the latest year's cells will do
            for level in LEVEL_LABELS:
                for role in ROLE_LABELS:
                    yield key, ev.years[-1], (level, role)
        elif fd.type in (*_NUMERIC, "year", "platform", *_YESNO):
            yield key, None, None


def _with(raw: Any, year: int | None, value: str, cell: tuple[str, str] | None = None) -> Any:
    """The raw answer with one value replaced."""
    if cell is not None:
        table = copy.deepcopy(raw) if isinstance(raw, dict) else {}
        level, role = cell
        table.setdefault(str(year), {}).setdefault(level, {})[role] = int(Decimal(value))
        return table
    if year is not None:
        return {**(raw if isinstance(raw, dict) else {}), str(year): value}
    if isinstance(raw, dict) and "count" in raw:
        return {**raw, "count": value}
    return value


def _current(ev: Evaluator, key: str, year: int | None, cell: tuple[str, str] | None = None):
    st = ev.states[key]
    if ev.form.fields[key].type in _YESNO:
        return st.code
    if cell is not None:
        p = st.cells[(year, *cell)]
        return None if st.blank else (p.value if p.value is not None else Decimal(0))  # a filled table's empty cell is 0
    p = st.series[year] if year is not None else st.number
    return p.value


class _Probe:
    """Evaluate one rule with one input replaced, on the evaluator's own state (restored after)."""

    def __init__(self, ev: Evaluator, rule: Rule, key: str, year: int | None, cell: tuple[str, str] | None):
        self.ev, self.rule, self.key, self.year, self.cell = ev, rule, key, year, cell
        self.fd = ev.form.fields[key]
        self.derived = [n for n in ev._derived_by_field.get(key, ()) if n in rule.derived]

    def outcome(self, value: str) -> str:
        return self.result(value).outcome

    def reads(self, value: str) -> bool:
        """Whether the criterion reads this input at all: a change of it shows in the result (a
        series year a ``latest`` criterion never looks at does not)."""
        now, then = self.ev.results[self.rule.id], self.result(value)
        return (now.outcome, now.value, now.found) != (then.outcome, then.value, then.found)

    def result(self, value: str) -> CriterionResult:
        ev = self.ev
        old_state, old_derived = ev.states[self.key], {n: ev.derived[n] for n in self.derived}
        try:
            ev.states[self.key] = parse_field(self.fd, _with(ev.values.get(self.key), self.year, value, self.cell), ev.years)
            for name in self.derived:
                ev.derived[name] = compute(ev.form.derived[name], ev.states, ev.years)
            return criteria.evaluate(self.rule, ev._ctx)
        finally:
            ev.states[self.key] = old_state
            ev.derived.update(old_derived)

    def confirmed(self, value: str) -> bool:
        """The change through the engine itself (field checks, cross-field checks), then undone: a
        value the probe accepts but that opens an error elsewhere is no way to meet the criterion."""
        ev, old = self.ev, self.ev.values.get(self.key)
        try:
            ev.set_value(self.key, _with(old, self.year, value, self.cell))
            return ev.results[self.rule.id].outcome == MET
        finally:
            if old is None:
                ev.values.pop(self.key, None)
            ev.set_value(self.key, old)
            if old is None:
                ev.values.pop(self.key, None)

    def met(self, n: int, step: Decimal) -> bool:
        return self.outcome(str(n * step if step < 1 else Decimal(n))) == MET


def _search(met: Callable[[int], bool], cur: int, lo: int | None, hi: int | None) -> list[int]:
    """The nearest met values above and below ``cur`` (in steps): widening the distance until the
    criterion is met, then bisecting between the last unmet and the first met distance."""
    found = []
    for sign in (1, -1):
        bound = hi if sign > 0 else lo
        prev, d = 0, 1
        for _ in range(_MAX_TRIES):
            cand = cur + sign * d
            if bound is not None and sign * (cand - bound) > 0:
                d = sign * (bound - cur)
                if d <= prev or not met(bound):
                    break
                cand = bound
            elif not met(cand):
                prev, d = d, d * _GROWTH
                continue
            while d - prev > 1:  # met at d, not at prev
                mid = (prev + d) // 2
                if met(cur + sign * mid):
                    d = mid
                else:
                    prev = mid
            found.append(cur + sign * d)
            break
    return found


def _text(ev: Evaluator, key: str, year: int | None, cell: tuple[str, str] | None,
          cur: Decimal, needed: Decimal, unit: str) -> str:
    fd = ev.form.fields[key]
    when = f"{year}年" if year is not None else ""
    label = field_title(fd)
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


def _unit(ev: Evaluator, rule: Rule, key: str, cell: tuple[str, str] | None = None) -> str:
    fd = ev.form.fields[key]
    u = fd.display_unit or ""
    if not u and (fd.element_type in ("count", "platform") or cell is not None):
        u = rule.check.get("unit", "") or next((c.get("unit", "") for c in rule.check.get("checks", ())), "")
    return u


def minimal_changes(ev: Evaluator, rule: Rule) -> list[Gap]:
    out: list[tuple[Decimal, Gap]] = []
    for key, year, cell in _inputs(ev, rule):
        fd = ev.form.fields[key]
        cur = _current(ev, key, year, cell)
        if cur is None:
            continue  # blank: the completeness finding asks for it
        probe = _Probe(ev, rule, key, year, cell)
        label = field_title(fd)
        if fd.type in _YESNO:
            options = ["yes", "no", *(["na"] if fd.type == "yesno_na" else [])]
            for code in options:
                if code != cur and probe.outcome(code) == MET and probe.confirmed(code):
                    text = f"{label}需为“{YESNO_WORDS[code]}”（现填报“{YESNO_WORDS.get(cur, cur)}”）"
                    out.append((Decimal(0), Gap(rule.id, key, None, cur, code, None, "", text)))
            continue
        step = Decimal(1) if cell is not None else _step(ev, key)
        lo, hi = (Decimal(0), None) if cell is not None else _bounds(ev, key)
        units = int((cur / step).to_integral_value())
        nudge = (units + 1) * step if hi is None or (units + 1) * step <= hi else (units - 1) * step
        if not probe.reads(str(nudge if step < 1 else Decimal(int(nudge)))):
            continue
        found = _search(lambda n, p=probe, s=step: p.met(n, s), units,
                        None if lo is None else int(lo / step), None if hi is None else int(hi / step))
        unit = _unit(ev, rule, key, cell)
        for n in found:
            needed = n * step if step < 1 else Decimal(n)
            if not probe.confirmed(str(needed)):
                continue
            change = needed - cur
            cost = abs(change) / abs(cur) if cur else abs(change) / step
            out.append((cost, Gap(rule.id, key, year, cur, needed, change, unit,
                                  _text(ev, key, year, cell, cur, needed, unit), cell)))
    out.sort(key=lambda t: t[0])
    return [g for _, g in out]


def criterion_gaps(ev: Evaluator, res: CriterionResult, critical: Decimal = DEFAULT_CRITICAL) -> CriterionGaps:
    rule = res.rule
    cg = CriterionGaps(rule.id, res.outcome)
    if res.value is not None and res.threshold is not None and res.op:
        sign = -1 if res.op in ("<=", "<") else 1
        cg.margin = sign * (res.value - res.threshold)
        cg.relative = res.margin
        cg.critical = res.outcome == MET and cg.relative is not None and cg.relative <= critical
    if res.outcome == NOT_MET:
        cg.gaps = minimal_changes(ev, rule)
        if not cg.gaps:
            cg.note = "无法仅通过修改一项填报数据达到此标准"
    elif res.outcome == UNKNOWN:
        if rule.check["type"] == "qualitative":
            titles = "、".join(field_title(ev.form.fields[k]) for k in res.fields)
            cg.note = f"尚需补充或附佐证材料：{titles}" if titles else ""
        else:
            cg.note = f"尚缺数据：{res.found}" if res.found else "尚缺数据"
    return cg


def compute_gaps(ev: Evaluator) -> list[CriterionGaps]:
    """Margins and minimal changes for every criterion of the evaluator's rule set, in rule order."""
    return [criterion_gaps(ev, ev.results[r.id], ev.ruleset.critical_margin) for r in ev.ruleset.rules]


def gaps_json(cgs: list[CriterionGaps]) -> list[dict[str, Any]]:
    return [g.to_json() for cg in cgs for g in cg.gaps]
