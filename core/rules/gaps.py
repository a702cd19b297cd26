"""还差多少: for every criterion, how far it stands from its threshold and the smallest change of one
input (or, when none will do, of two inputs together) that would meet it.

Nothing here knows a rule. For a criterion that is not met, every input it reads (each year of a
series) is changed on its own, keeping every other input as it is, and the criterion itself is
re-evaluated (``criteria.evaluate``) on the changed value, to the field's precision (0.01 for
decimals, 1 for counts and years; core/rules/gaps_nearest.py, on core/rules/gaps_search.py's probes). So 高于10% at two decimals needs
10.01 and 不低于15% needs 15.00, the geometric growth is solved through its own formula, and an
``any_of`` gives one change per branch input; the changes are sorted cheapest first (relative to
the current value). Yes/no inputs are tried with each other answer. A criterion no single change
meets gets its two-field changes (core/rules/gaps_pairs.py). The sentences: core/rules/gaps_text.py.

The evaluator given is only read: the search runs on a private copy of its state, so it may run
on another thread than the edits (take the copy on the editing thread with ``sandbox(ev)`` and pass
that, for a consistent snapshot). See docs/rules.md (还差多少).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.rules.criteria import YESNO_WORDS
from core.rules.fieldchecks import field_title
from core.rules.gaps_nearest import grid, nearest
from core.rules.gaps_pairs import Axis, pairs
from core.rules.gaps_search import (
    YESNO,
    Probe,
    confirmed,
    current,
    held,
    inputs,
    sandbox,
    step_of,
    text_of,
    with_value,
)
from core.rules.gaps_text import JOIN, sentence
from core.rules.model import MET, NOT_MET, UNKNOWN, CriterionResult, Rule

if TYPE_CHECKING:  # pragma: no cover
    from core.rules.engine import Evaluator

DEFAULT_CRITICAL = Decimal("0.02")  # a pass within 2 % of its threshold is 临界
NO_SINGLE = "无法仅通过修改一项填报数据达到此标准"
NO_PAIR = "无法通过修改一项或两项填报数据达到此标准"
PAIRS_NOTE = "无法仅通过修改一项填报数据达到此标准，需同时修改两项"

_step, _with = step_of, with_value  # the names tests/core/test_gaps.py knows them by
__all__ = ["CriterionGaps", "Gap", "compute_gaps", "criterion_gaps", "gaps_json", "minimal_changes", "sandbox"]


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
        return with_value(raw, self.year, self.needed if self.change is None else str(self.needed), self.cell)

    def to_json(self) -> dict[str, Any]:
        def num(v):
            return str(v) if isinstance(v, Decimal) else v

        return {"rule": self.rule, "field": self.field, "year": self.year, "current": num(self.current),
                "needed": num(self.needed), "change": num(self.change), "unit": self.unit, "text": self.text}


def pair_text(pair: tuple[Gap, Gap]) -> str:
    return JOIN.join(g.text for g in pair)


def pair_json(pair: tuple[Gap, Gap]) -> dict[str, Any]:
    """A two-field change: the first change's keys, ``text`` the whole sentence, ``with`` the partner."""
    first, second = pair
    return {**first.to_json(), "text": pair_text(pair), "with": [second.to_json()]}


@dataclass
class CriterionGaps:
    rule: str
    outcome: str
    margin: Decimal | None = None  # measured − threshold, in the criterion's unit (+ = room, − = short)
    relative: Decimal | None = None  # margin ÷ |threshold|
    critical: bool = False  # met, but within the rule set's critical fraction of the threshold
    gaps: list[Gap] = field(default_factory=list)
    note: str = ""  # what is missing, or why no single change meets it
    pairs: list[tuple[Gap, Gap]] = field(default_factory=list)  # two-field changes, when no single one will do

    @property
    def lines(self) -> list[str]:
        return [g.text for g in self.gaps] or [pair_text(p) for p in self.pairs] or ([self.note] if self.note else [])


def _unit(ev: Evaluator, rule: Rule, key: str, cell: tuple[str, str] | None = None) -> str:
    fd = ev.form.fields[key]
    u = fd.display_unit or ""
    if not u and (fd.element_type in ("count", "platform") or cell is not None):
        u = rule.check.get("unit", "") or next((c.get("unit", "") for c in rule.check.get("checks", ())), "")
    return u


def _cost(cur: Decimal, change: Decimal, step: Decimal) -> Decimal:
    return abs(change) / abs(cur) if cur else abs(change) / step


def _gap(sb: Evaluator, rule: Rule, axis: Axis, n: int, after: CriterionResult | None) -> Gap:
    key, year, cell = axis.inp
    needed = Decimal(text_of(n, axis.step))
    unit = _unit(sb, rule, key, cell)
    return Gap(rule.id, key, year, axis.cur, needed, needed - axis.cur, unit,
               sentence(sb, rule, key, year, cell, axis.cur, needed, unit, after), cell)


def minimal_changes(ev: Evaluator, rule: Rule, exhaustive: bool = False, *,
                    axes: list[Axis] | None = None) -> list[Gap]:
    """The single changes meeting ``rule``, cheapest first. ``ev`` should be a sandbox (it is
    probed); ``axes`` collects the numeric inputs the rule reads, for the two-field search.
    ``exhaustive``: the plain widening search on every side (the reference the fast one is tested against)."""
    out: list[tuple[Decimal, Gap]] = []
    now = ev.results[rule.id]
    for inp in inputs(ev, rule):
        key, year, cell = inp
        fd = ev.form.fields[key]
        cur = current(ev, key, year, cell)
        if cur is None:
            continue  # blank: the completeness finding asks for it
        probe = Probe(ev, rule, inp, now)
        if fd.type in YESNO:
            label = field_title(fd)
            for code in ["yes", "no", *(["na"] if fd.type == "yesno_na" else [])]:
                if code != cur and probe.result(code).outcome == MET and confirmed(ev, rule, [(inp, code)]):
                    text = f"{label}需为“{YESNO_WORDS[code]}”（现填报“{YESNO_WORDS.get(cur, cur)}”）"
                    out.append((Decimal(0), Gap(rule.id, key, None, cur, code, None, "", text)))
            continue
        units, lo, hi = grid(probe, cur)
        if not probe.reads(units + 1 if hi is None or units + 1 <= hi else units - 1):
            continue
        axis = Axis(inp, cur, units, lo, hi, probe)
        if axes is not None:
            axes.append(axis)
        for n in nearest(probe, units, lo, hi, exhaustive):
            if confirmed(ev, rule, [(inp, text_of(n, probe.step))]):
                g = _gap(ev, rule, axis, n, probe.result_at(n))
                out.append((_cost(cur, g.change, probe.step), g))
    out.sort(key=lambda t: t[0])
    return [g for _, g in out]


def two_field_changes(sb: Evaluator, rule: Rule, axes: list[Axis], exhaustive: bool = False) -> list[tuple[Gap, Gap]]:
    out = []
    for a, a_n, b, b_n in pairs(sb, rule, axes, exhaustive):
        # Each sentence is said with its partner made (a 按… names the partner's new value).
        with held(sb, rule, b.inp, text_of(b_n, b.step)):
            after = Probe(sb, rule, a.inp).result_at(a_n)
            ga = _gap(sb, rule, a, a_n, after)
        with held(sb, rule, a.inp, text_of(a_n, a.step)):
            gb = _gap(sb, rule, b, b_n, after)
        first, second = sorted((ga, gb), key=lambda g: (g.year or 0, g.field))  # earlier year first
        out.append((_cost(a.cur, ga.change, a.step) + _cost(b.cur, gb.change, b.step), (first, second)))
    out.sort(key=lambda t: t[0])
    return [p for _, p in out]


def criterion_gaps(ev: Evaluator, res: CriterionResult, critical: Decimal = DEFAULT_CRITICAL,
                   exhaustive: bool = False, sb: Evaluator | None = None) -> CriterionGaps:
    """``sb``: the sandbox to search on (taken from ``ev`` when needed, if not given)."""
    rule = res.rule
    cg = CriterionGaps(rule.id, res.outcome)
    if res.value is not None and res.threshold is not None and res.op:
        sign = -1 if res.op in ("<=", "<") else 1
        cg.margin = sign * (res.value - res.threshold)
        cg.relative = res.margin
        cg.critical = res.outcome == MET and cg.relative is not None and cg.relative <= critical
    if res.outcome == NOT_MET:
        sb = sb if sb is not None else sandbox(ev)
        axes: list[Axis] = []
        cg.gaps = minimal_changes(sb, rule, exhaustive, axes=axes)
        if not cg.gaps:
            cg.pairs = two_field_changes(sb, rule, axes, exhaustive)
            cg.note = PAIRS_NOTE if cg.pairs else NO_PAIR
    elif res.outcome == UNKNOWN:
        if rule.check["type"] == "qualitative":
            titles = "、".join(field_title(ev.form.fields[k]) for k in res.fields)
            cg.note = f"尚需补充或附佐证材料：{titles}" if titles else ""
        else:
            cg.note = ((res.found if res.found.startswith("缺少数据") else f"尚缺数据：{res.found}")
                       if res.found else "尚缺数据")  # criteria may already say 缺少数据：…
    return cg


def compute_gaps(ev: Evaluator, exhaustive: bool = False) -> list[CriterionGaps]:
    """Margins and minimal changes for every criterion of the evaluator's rule set, in rule order.
    Nothing is written into ``ev``: the search runs on a private copy, taken only when a
    criterion is not met (and its results are then the ones reported)."""
    sb = sandbox(ev) if any(r.outcome == NOT_MET for r in list(ev.results.values())) else None
    results = (sb or ev).results
    return [criterion_gaps(ev, results[r.id], ev.ruleset.critical_margin, exhaustive, sb) for r in ev.ruleset.rules]


def gaps_json(cgs: list[CriterionGaps]) -> list[dict[str, Any]]:
    """Every change of every not-met criterion; a two-field change carries its partner in ``with``."""
    return [d for cg in cgs for d in [*(g.to_json() for g in cg.gaps), *(pair_json(p) for p in cg.pairs)]]
