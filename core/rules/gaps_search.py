"""The probing behind 还差多少 (core/rules/gaps.py): a private copy of the evaluator, one criterion
re-evaluated with inputs replaced, a change confirmed through the engine.

The caller's evaluator is only read, once, when the copy is taken (``sandbox``): every probe and
every confirmation through ``set_value`` writes into the copy, so the window may compute gaps on
another thread than the one editing the application.
The search itself: core/rules/gaps_nearest.py.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from core.form.kinds.structured import LEVEL_LABELS, ROLE_LABELS
from core.numbers import parse_value
from core.rules import criteria
from core.rules.derived import compute
from core.rules.engine import Evaluator
from core.rules.model import MET, CriterionResult, Rule
from core.rules.state import FieldState, parse_field

NUMERIC = ("number", "percent", "count")
YESNO = ("yesno", "yesno_na")

Input = tuple[str, int | None, tuple[str, str] | None]  # (field, year, standards cell)


class _Sandbox(Evaluator):
    def report(self):  # a confirmation needs the results only, not a whole report per probe
        return None


def sandbox(ev: Evaluator) -> Evaluator:
    """A private copy of the evaluator's state (its dicts and lists copied, the immutable parts
    shared), on which ``set_value`` and probes can write without touching ``ev``."""
    sb = object.__new__(_Sandbox)
    copies: dict[int, Any] = {}
    for name, v in dict(ev.__dict__).items():  # dict(): one atomic read of the attributes
        if isinstance(v, (dict, list)):
            v = copies.setdefault(id(v), copy.copy(v))  # copy.copy keeps a defaultdict a defaultdict
        sb.__dict__[name] = v
    ctx = ev._ctx
    repl = {}
    for f in dataclasses.fields(ctx):
        v = getattr(ctx, f.name)
        if id(v) in copies:
            repl[f.name] = copies[id(v)]
        elif getattr(v, "__self__", None) is ev:  # the evaluator's own methods, bound to the copy
            repl[f.name] = getattr(sb, v.__name__)
    sb._ctx = dataclasses.replace(ctx, **repl)
    return sb


def with_value(raw: Any, year: int | None, value: str, cell: tuple[str, str] | None = None) -> Any:
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


def inputs(ev: Evaluator, rule: Rule) -> Iterator[Input]:
    """Every value the rule reads that can be changed on its own."""
    waiver = rule.check.get("waiver") or {}
    skip = {waiver.get("flag"), waiver.get("reason")}
    for key in sorted(rule.fields - skip):
        fd = ev.form.fields[key]
        if fd.type == "series" and fd.element_type in NUMERIC:
            for y in ev.years:
                yield key, y, None
        elif fd.type == "standards":  # counts summed over the table: the latest year's cells will do
            for level in LEVEL_LABELS:
                for role in ROLE_LABELS:
                    yield key, ev.years[-1], (level, role)
        elif fd.type in (*NUMERIC, "year", "platform", *YESNO):
            yield key, None, None


def current(ev: Evaluator, key: str, year: int | None, cell: tuple[str, str] | None = None):
    st = ev.states[key]
    if ev.form.fields[key].type in YESNO:
        return st.code
    if cell is not None:
        p = st.cells[(year, *cell)]
        return None if st.blank else (p.value if p.value is not None else Decimal(0))  # a filled table's empty cell is 0
    p = st.series[year] if year is not None else st.number
    return p.value


def step_of(ev: Evaluator, key: str, cell: tuple[str, str] | None = None) -> Decimal:
    fd = ev.form.fields[key]
    if cell is not None or fd.element_type in ("count", "year", "platform"):
        return Decimal(1)
    return Decimal(1).scaleb(-fd.decimals)


def bounds_of(ev: Evaluator, key: str, cell: tuple[str, str] | None = None) -> tuple[Decimal | None, Decimal | None]:
    fd = ev.form.fields[key]
    et = fd.element_type
    if cell is not None or et in ("count", "platform"):
        return Decimal(0), None
    if et == "percent" and fd.range == "share":
        return Decimal(0), Decimal(100)
    if et == "percent":
        return Decimal("-99.99"), None
    if et == "year":
        return Decimal(1900), Decimal(ev.app.campaign)
    if fd.minimum is not None:
        return Decimal(str(fd.minimum)), None
    return None, None


_HALF = Decimal("0.005")  # the criteria compare at two decimals, rounding half up


def score(res: CriterionResult) -> Decimal | None:
    """How far the criterion is from where it is met, + = met side, 0 = the boundary after the
    rounding to two decimals (≥ 30 is met from 29.995, > 10 from 10.005): the relative margin
    (comparable across an ``any_of``'s branches), the plain one for a threshold of 0; None without
    a number. It guides the search only; every answer is decided by the criterion itself."""
    if res.value is None or res.threshold is None or not res.op:
        return None
    up = res.op in (">=", ">")
    margin = res.value - res.threshold if up else res.threshold - res.value
    margin += _HALF if res.op in (">=", "<=") else -_HALF
    return margin / abs(res.threshold) if res.threshold != 0 else margin


def text_of(n: int, step: Decimal) -> str:
    return str(n * step if step < 1 else Decimal(n))


@contextmanager
def held(sb: Evaluator, rule: Rule, inp: Input, value: str):
    """One input of the sandbox set to ``value`` (raw answer, parsed state and the rule's derived
    values) while the block runs: the other input of a two-field change is searched against it."""
    key, year, cell = inp
    fd = sb.form.fields[key]
    names = [n for n in sb._derived_by_field.get(key, ()) if n in rule.derived]
    had, old_raw, old_state = key in sb.values, sb.values.get(key), sb.states[key]
    old_derived = {n: sb.derived[n] for n in names}
    try:
        sb.values[key] = with_value(old_raw, year, value, cell)
        sb.states[key] = parse_field(fd, sb.values[key], sb.years)
        for n in names:
            sb.derived[n] = compute(sb.form.derived[n], sb.states, sb.years)
        yield
    finally:
        if had:
            sb.values[key] = old_raw
        else:
            sb.values.pop(key, None)
        sb.states[key] = old_state
        sb.derived.update(old_derived)


class Probe:
    """Evaluate one rule with one input replaced, on the sandbox (restored after each probe)."""

    def __init__(self, sb: Evaluator, rule: Rule, inp: Input, now: CriterionResult | None = None):
        self.sb, self.rule, self.inp = sb, rule, inp
        self.key, self.year, self.cell = inp
        self.fd = sb.form.fields[self.key]
        self.raw, self.base = sb.values.get(self.key), sb.states[self.key]
        self.derived = [n for n in sb._derived_by_field.get(self.key, ()) if n in rule.derived]
        self.now = now if now is not None else criteria.evaluate(rule, sb._ctx)
        self.step = step_of(sb, self.key, self.cell)
        self._seen: dict[int, tuple[bool, Decimal | None]] = {}
        self._results: dict[int, CriterionResult] = {}

    def _state(self, value: str) -> FieldState:
        fd = self.fd
        if fd.type == "series" and self.cell is None:  # one year re-parsed, the others kept
            one = parse_value(value, fd.of or "number", fd.unit, fd.decimals)
            return FieldState(fd, with_value(self.raw, self.year, value), series={**self.base.series, self.year: one})
        return parse_field(fd, with_value(self.raw, self.year, value, self.cell), self.sb.years)

    def result(self, value: str) -> CriterionResult:
        sb = self.sb
        old_derived = {n: sb.derived[n] for n in self.derived}
        try:
            sb.states[self.key] = self._state(value)
            for name in self.derived:
                sb.derived[name] = compute(sb.form.derived[name], sb.states, sb.years)
            return criteria.evaluate(self.rule, sb._ctx)
        finally:
            sb.states[self.key] = self.base
            sb.derived.update(old_derived)

    def at(self, n: int) -> tuple[bool, Decimal | None]:
        """Met, and the score, with the input at ``n`` steps (cached: the searches revisit points)."""
        if n not in self._seen:
            self._note(n, self.result(text_of(n, self.step)))
        return self._seen[n]

    def _note(self, n: int, res: CriterionResult) -> None:
        # A result read from other fields is another measure (a growth that cannot be computed
        # falls back on the stated figure): it has no score, so no shortcut is taken across it.
        same = res.fields == self.now.fields
        self._seen[n] = (res.outcome == MET, score(res) if same else None)
        self._results[n] = res

    def result_at(self, n: int) -> CriterionResult:
        if n not in self._results:
            self._note(n, self.result(text_of(n, self.step)))
        return self._results[n]

    def reads(self, n: int) -> bool:
        """Whether the criterion reads this input at all: a change of it to ``n`` steps shows in the
        result (a series year a ``latest`` criterion never looks at does not)."""
        then = self.result(text_of(n, self.step))
        self._note(n, then)
        return (self.now.outcome, self.now.value, self.now.found) != (then.outcome, then.value, then.found)


def confirmed(sb: Evaluator, rule: Rule, changes: list[tuple[Input, str]]) -> bool:
    """The change(s) through the engine itself (field checks, cross-field checks), then undone: a
    value the probe accepts but that opens an error elsewhere is no way to meet the criterion."""
    saved = [(name, v, copy.copy(v)) for name, v in sb.__dict__.items() if isinstance(v, (dict, list))]
    try:
        for (key, year, cell), value in changes:
            sb.set_value(key, with_value(sb.values.get(key), year, value, cell))
        return sb.results[rule.id].outcome == MET
    finally:  # undone in place: the criteria context holds these very dicts
        for name, obj, content in saved:
            sb.__dict__[name] = obj
            if isinstance(obj, dict):
                obj.clear()
                obj.update(content)
            else:
                obj[:] = content
