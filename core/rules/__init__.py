"""The rules core: rule sets as data, an incremental engine, findings and verdicts."""

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
]


def __getattr__(name):
    # The engine imports core.application, which imports this package: load it lazily.
    if name in ("Evaluator", "evaluate"):
        from core.rules import engine

        return getattr(engine, name)
    raise AttributeError(name)
