"""What the rule set asks of a metric: the recognition threshold a plan target should not fall
below, and whether lower is better (a ``<=`` criterion or a ``decreasing`` one). Read from the rule
set's own criteria, so no metric is named in code."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.form import FormDef
from core.rules.model import CRITERION, OP_SYMBOLS, RuleSet


@dataclass(frozen=True)
class Threshold:
    rule: str
    title: str
    op: str
    value: Decimal
    citation: str

    @property
    def text(self) -> str:
        return f"{OP_SYMBOLS.get(self.op, self.op)} {self.value.normalize():f}"

    def holds(self, x: Decimal) -> bool:
        return {">=": x >= self.value, ">": x > self.value, "<=": x <= self.value, "<": x < self.value}[self.op]


def _compares(check: dict) -> list[dict]:
    if check.get("type") == "compare":
        return [check]
    if check.get("type") == "any_of":
        return [c for sub in check.get("checks", []) for c in _compares(sub)]
    return []


def threshold_for(rs: RuleSet, form: FormDef, key: str) -> Threshold | None:
    """The criterion that compares this field (directly, or through the derived value it states)."""
    for rule in rs.rules:
        if rule.kind != CRITERION:
            continue
        for c in _compares(rule.check):
            kind, ref = next(iter(c["measure"].items()))
            direct = kind in ("each", "mean", "latest", "field") and ref == key
            stated = kind == "derived" and ref in form.derived and form.derived[ref].stated == key
            if direct or stated:
                return Threshold(rule.id, rule.title, c["op"], Decimal(str(c["threshold"])), rule.citation)
    return None


def lower_is_better(rs: RuleSet, form: FormDef, key: str) -> bool:
    for rule in rs.rules:
        if rule.kind == CRITERION and rule.check.get("type") == "decreasing" and rule.check.get("field") == key:
            return True
    t = threshold_for(rs, form, key)
    return t is not None and t.op in ("<=", "<")


def criterion_fields(rs: RuleSet, form: FormDef) -> list[str]:
    """The numeric fields the rule set's measurable criteria read (not the qualitative ones), in form order."""
    keys: set[str] = set()
    for rule in rs.rules:
        if rule.kind == CRITERION and rule.check.get("type") in ("compare", "any_of", "decreasing"):
            keys |= rule.fields
    # standards: per-year counts by level and role, reported each year like a series
    numeric = [k for k in keys if k in form.fields
               and form.fields[k].element_type in ("number", "percent", "count", "standards")]
    return sorted(numeric, key=lambda k: form.fields[k].order)
