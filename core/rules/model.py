"""Rule sets, rules, findings and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.form.loader import load_form

PASS, FAIL, INCOMPLETE = "pass", "fail", "incomplete"
VERDICT_LABELS = {PASS: "符合", FAIL: "不符合", INCOMPLETE: "待补充"}

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", INFO: "提示"}

CRITERION, COMPLETENESS, FORMAT, CONSISTENCY = "criterion", "completeness", "format", "consistency"
KIND_LABELS = {CRITERION: "认定标准", COMPLETENESS: "完整性", FORMAT: "格式", CONSISTENCY: "一致性"}

# Outcome of one criterion.
MET, NOT_MET, UNKNOWN, WAIVED = "met", "not_met", "unknown", "waived"
# One wording for screen and print. 不要求: Hainan's own word for its waived growth criterion.
OUTCOME_LABELS = {MET: "达到", NOT_MET: "未达到", UNKNOWN: "待补充", WAIVED: "不要求"}

# How a criterion's comparison is printed (screen, chart, PDF appendix, finding text).
OP_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}

_NUMERALS = "〇一二三四五六七八九十"


def indicator_numeral(indicator: int) -> str:
    """The printed number of an indicator: 指标一 … 指标十 (the official forms use Chinese numerals)."""
    return _NUMERALS[indicator] if 0 <= indicator < len(_NUMERALS) else str(indicator)


def indicator_title(indicator: int, names: dict[int, str] | None = None) -> str:
    """``基本条件`` / ``指标一 具有较强核心竞争力``. ``names``: the rule set's (which the loader completes
    with the form's); without them, the names of the form definition (resources/forms/SH-FORM.yaml)."""
    if names is None or indicator not in names:
        found = load_form().indicator(indicator)
        name = found.name if found else ""
    else:
        name = names[indicator]
    return name if indicator == 0 else f"指标{indicator_numeral(indicator)} {name}"


@dataclass(frozen=True)
class Rule:
    id: str
    indicator: int
    kind: str
    severity: str
    title: str
    citation: str
    check: dict[str, Any]
    message: str
    soft: bool = False
    note: str = ""
    fields: frozenset[str] = frozenset()  # form fields the rule reads
    derived: frozenset[str] = frozenset()  # derived values the rule reads


@dataclass(frozen=True)
class RuleSet:
    id: str
    name: str
    short_name: str
    jurisdiction: str
    campaign: int
    version: int
    form: str
    issuer: str
    document: str
    partial: bool
    indicator_names: dict[int, str]
    rules: tuple[Rule, ...]
    notes: tuple[str, ...] = ()
    path: str = ""
    form_title: str = ""  # the form's title in this jurisdiction, when it uses another one's form
    critical_margin: Decimal = Decimal("0.02")  # a pass within this fraction of its threshold is 临界

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


@dataclass
class Finding:
    rule: str
    indicator: int
    kind: str
    severity: str
    fields: list[str]
    message: str
    citation: str
    expected: str | None = None
    found: str | None = None
    value: Decimal | None = None  # the computed value the finding is about, if any
    formula: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Exactly the shape of ``check --format json`` (spec/product.md)."""
        return {
            "rule": self.rule,
            "indicator": self.indicator,
            "kind": self.kind,
            "severity": self.severity,
            "fields": list(self.fields),
            "message": self.message,
            "citation": self.citation,
        }


@dataclass
class CriterionResult:
    """One criterion as the self-assessment shows it: measured value against threshold."""

    rule: Rule
    outcome: str  # met / not_met / unknown / waived
    found: str = ""
    expected: str = ""
    value: Decimal | None = None
    threshold: Decimal | None = None
    op: str | None = None
    unit: str = ""
    formula: str | None = None
    message: str = ""
    fields: list[str] = field(default_factory=list)

    @property
    def margin(self) -> Decimal | None:
        """How far the value stands from the threshold, relative to it (for the chart)."""
        if self.value is None or self.threshold is None or self.threshold == 0:
            return None
        sign = -1 if self.op in ("<=", "<") else 1
        return sign * (self.value - self.threshold) / abs(self.threshold)


@dataclass
class Report:
    verdict: str
    indicators: dict[int, str]
    findings: list[Finding]
    criteria: list[CriterionResult]
    derived: dict[str, Any]
    ruleset: str

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "indicators": {str(i): v for i, v in sorted(self.indicators.items())},
            "findings": [f.to_json() for f in self.findings],
        }

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def findings_for(self, indicator: int) -> list[Finding]:
        return [f for f in self.findings if f.indicator == indicator]

    def findings_for_field(self, key: str) -> list[Finding]:
        return [f for f in self.findings if key in f.fields]
