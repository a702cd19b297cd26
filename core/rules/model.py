"""Rule sets, rules, findings and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

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

INDICATOR_NAMES = {
    0: "基本条件",
    1: "具有较强核心竞争力",
    2: "优质中小企业梯度培育成效显著",
    3: "产业链供应链协作高效",
    4: "具有较强协同创新能力",
    5: "数字化转型效果明显",
    6: "具有较高绿色化发展水平",
    7: "积极参与产业开放合作",
    8: "具有较强治理和服务能力",
}
INDICATOR_NUMERALS = {0: "", 1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八"}


def indicator_title(indicator: int, names: dict[int, str] | None = None) -> str:
    name = (names or INDICATOR_NAMES).get(indicator, INDICATOR_NAMES.get(indicator, ""))
    return name if indicator == 0 else f"指标{INDICATOR_NUMERALS[indicator]} {name}"


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
