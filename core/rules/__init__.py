"""The rules core: rule sets as data, an incremental engine, findings and verdicts."""

from core.rules.applications import form_title, new_application
from core.rules.engine import Evaluator, evaluate
from core.rules.loader import all_rulesets, available_rulesets, load_ruleset, parse_ruleset
from core.rules.model import (
    FAIL,
    INCOMPLETE,
    PASS,
    VERDICT_LABELS,
    CriterionResult,
    Finding,
    Report,
    Rule,
    RuleSet,
)

__all__ = [
    "FAIL", "INCOMPLETE", "PASS", "VERDICT_LABELS", "CriterionResult", "Finding", "Report", "Rule", "RuleSet",
    "all_rulesets", "available_rulesets", "load_ruleset", "parse_ruleset", "Evaluator", "evaluate",
    "form_title", "new_application",
]

