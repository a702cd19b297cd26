"""The rules engine: findings and verdicts for an application under a rule set.

The evaluator keeps every intermediate result (parsed fields, per-field findings, derived values,
cross-field checks, criteria) and indexes which of them read which field, so ``set_value``
re-evaluates only what depends on the changed field — the GUI calls it on every keystroke.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from core.application import Application
from core.form.model import FormDef
from core.messages import ruleset as M
from core.rules import criteria
from core.rules.crosschecks import check_fields, cross_checks, run_cross_check, stated_vs_computed
from core.rules.derived import FUNCTIONS, DerivedValue, compute
from core.rules.fieldchecks import PER_VALUE_RULES, check_field
from core.rules.listchecks import COMPARED_FIELDS, ListChecker
from core.rules.loader import load_ruleset
from core.rules.model import (
    COMPLETENESS,
    CRITERION,
    ERROR,
    FAIL,
    INCOMPLETE,
    INFO,
    MET,
    NOT_MET,
    PASS,
    UNKNOWN,
    WARNING,
    CriterionResult,
    Finding,
    Report,
    Rule,
    RuleSet,
)
from core.rules.state import FieldState, parse_field


class Evaluator:
    def __init__(self, app: Application, ruleset: RuleSet | str | None = None):
        self.app = app
        self.form: FormDef = app.form_def
        self.ruleset = load_ruleset(ruleset or app.rules) if not isinstance(ruleset, RuleSet) else ruleset
        if self.ruleset.form != self.form.id:
            raise M.WRONG_FORM.error(ruleset=self.ruleset.id, form=self.ruleset.form, app_form=self.form.id)
        for d in self.form.derived.values():
            if d.function not in FUNCTIONS:
                raise M.UNKNOWN_FUNCTION.error(form=self.form.id, derived=d.key, function=d.function)
        self.years = self.form.campaign_years(app.campaign)
        self.values: dict[str, Any] = app.values  # the application's own dict: one copy in memory
        self.evidence: frozenset[str] = frozenset(e["target"] for e in app.evidence)
        self.lists = app.lists
        self._cross = cross_checks(self.form)
        self._build_indexes()
        self.states: dict[str, FieldState] = {}
        self.field_findings: dict[str, list[Finding]] = {}
        self.derived: dict[str, DerivedValue] = {}
        self.derived_findings: dict[str, list[Finding]] = {}
        self.cross_findings: dict[str, list[Finding]] = {}
        self.results: dict[str, CriterionResult] = {}
        self._lists = ListChecker(self.form, {})  # filled by evaluate_all
        self.list_findings: list[Finding] = []
        self._ctx = criteria.Context(
            states=self.states,
            derived=self.derived,
            years=self.years,
            campaign=app.campaign,
            has_error=self._has_error,
            indicator_fields=self._fields_by_indicator.__getitem__,
            blocked=self._blocked,
        )
        self.evaluate_all()

    # -- indexes --------------------------------------------------------------------------
    def _build_indexes(self) -> None:
        self._fields_by_indicator: dict[int, list[str]] = defaultdict(list)
        for fd in self.form.fields.values():
            self._fields_by_indicator[fd.indicator].append(fd.key)
        self._derived_by_field: dict[str, list[str]] = defaultdict(list)
        for d in self.form.derived.values():
            for key in {*d.inputs, *([d.stated] if d.stated else [])}:
                self._derived_by_field[key].append(d.key)
        self._cross_by_field: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self._cross):
            for key in check_fields(c):
                self._cross_by_field[key].append(i)
        self._rules_by_field: dict[str, list[Rule]] = defaultdict(list)
        self._rules_by_derived: dict[str, list[Rule]] = defaultdict(list)
        self._qualitative: list[Rule] = []
        for rule in self.ruleset.rules:
            if rule.check["type"] == "qualitative":
                self._qualitative.append(rule)
                continue
            for key in rule.fields:
                self._rules_by_field[key].append(rule)
            for name in rule.derived:
                self._rules_by_derived[name].append(rule)

    # -- evaluation -----------------------------------------------------------------------
    def evaluate_all(self) -> Report:
        for key, fd in self.form.fields.items():
            self.states[key] = parse_field(fd, self.values.get(key), self.years)
        for key, st in self.states.items():
            self.field_findings[key] = check_field(st, self.form, self.evidence, self.lists)
        for name, d in self.form.derived.items():
            self._compute_derived(name, d)
        for i, c in enumerate(self._cross):
            self.cross_findings[c["id"] + f"#{i}"] = run_cross_check(c, self.states, self.years)
        for rule in self.ruleset.rules:
            self._evaluate_rule(rule)
        self._lists.set_lists(self.lists)
        self.list_findings = self._lists.findings(self.states, self.years)
        return self.report()

    def set_value(self, key: str, value: Any) -> Report:
        """Apply one edit and re-evaluate only what reads that field."""
        fd = self.form.fields.get(key)
        if fd is None:
            raise M.UNKNOWN_FIELD.error(key=key)
        self.values[key] = value
        self.states[key] = parse_field(fd, value, self.years)
        self.field_findings[key] = check_field(self.states[key], self.form, self.evidence, self.lists)
        rules = {r.id: r for r in self._rules_by_field.get(key, ())}
        for name in self._derived_by_field.get(key, ()):
            self._compute_derived(name, self.form.derived[name])
            rules.update((r.id, r) for r in self._rules_by_derived.get(name, ()))
        for i in self._cross_by_field.get(key, ()):
            c = self._cross[i]
            self.cross_findings[c["id"] + f"#{i}"] = run_cross_check(c, self.states, self.years)
            for other in check_fields(c):  # an impossible combination blocks the other field's rules too
                rules.update(self._rules_reading(other))
        for rule in rules.values():
            self._evaluate_rule(rule)
        if key in COMPARED_FIELDS:
            self.list_findings = self._lists.findings(self.states, self.years)
        self._evaluate_qualitative()
        return self.report()

    def set_evidence(self, targets: frozenset[str] | set[str], lists: dict | None = None) -> Report:
        """Attachments (or imported lists) changed: re-check the fields that can need evidence."""
        self.evidence = frozenset(targets)
        if lists is not None:
            self.lists = lists
            self._lists.set_lists(lists)
            self.list_findings = self._lists.findings(self.states, self.years)
        rules: dict[str, Rule] = {}
        for key, st in self.states.items():
            if st.field.evidence:
                self.field_findings[key] = check_field(st, self.form, self.evidence, self.lists)
                rules.update(self._rules_reading(key))  # a missing evidence error blocks the answer
        for rule in rules.values():
            self._evaluate_rule(rule)
        self._evaluate_qualitative()
        return self.report()

    def _rules_reading(self, key: str) -> dict[str, Rule]:
        rules = {r.id: r for r in self._rules_by_field.get(key, ())}
        for name in self._derived_by_field.get(key, ()):
            rules.update((r.id, r) for r in self._rules_by_derived.get(name, ()))
        return rules

    def _compute_derived(self, name: str, d) -> None:
        dv = compute(d, self.states, self.years)
        self.derived[name] = dv
        self.derived_findings[name] = stated_vs_computed(dv, self.states)

    def _evaluate_rule(self, rule: Rule) -> None:
        if rule.check["type"] == "qualitative":
            self.results[rule.id] = criteria.evaluate_qualitative(rule, self._ctx)
        else:
            self.results[rule.id] = criteria.evaluate(rule, self._ctx)

    def _evaluate_qualitative(self) -> None:
        for rule in self._qualitative:
            self._evaluate_rule(rule)

    def _has_error(self, key: str) -> bool:
        return any(f.severity == ERROR for f in self.field_findings.get(key, ()))

    def _blocked(self, key: str) -> bool:
        """An error about the field as a whole (a series' per-year errors block only their year; the
        criteria test each value themselves), or an impossible combination with another field."""
        per_value_ok = self.form.fields[key].type == "series"
        for f in self.field_findings.get(key, ()):
            if f.severity == ERROR and not (per_value_ok and f.rule in PER_VALUE_RULES):
                return True
        for i in self._cross_by_field.get(key, ()):
            c = self._cross[i]
            if any(f.severity == ERROR and key in f.fields for f in self.cross_findings.get(c["id"] + f"#{i}", ())):
                return True
        return False

    # -- report ---------------------------------------------------------------------------
    def report(self) -> Report:
        findings: list[Finding] = []
        for key in self.form.fields:
            findings.extend(self.field_findings.get(key, ()))
        for fs in self.cross_findings.values():
            findings.extend(fs)
        for fs in self.derived_findings.values():
            findings.extend(fs)
        findings.extend(self.list_findings)
        error_indicators = {f.indicator for f in findings if f.severity == ERROR}
        flagged_fields = {k for f in findings if f.severity == ERROR for k in f.fields}
        indicators: dict[int, str] = {}
        fail_ind: set[int] = set()
        unknown_ind: set[int] = set()
        criteria_list = [self.results[r.id] for r in self.ruleset.rules]
        for res in criteria_list:
            rule = res.rule
            if res.outcome == NOT_MET:
                if not rule.soft:
                    fail_ind.add(rule.indicator)
                findings.append(self._criterion_finding(res, rule.severity))
            elif res.outcome == UNKNOWN:
                unknown_ind.add(rule.indicator)
                if rule.check["type"] != "qualitative" and not (set(res.fields) & flagged_fields):
                    findings.append(self._criterion_finding(res, ERROR, kind=COMPLETENESS))
        # A partial rule set cannot vouch for indicators it has no rules for.
        numbers = self.form.indicator_numbers  # the form's indicators, 0 = 基本条件 first
        uncovered = set(numbers) - {r.indicator for r in self.ruleset.rules} if self.ruleset.partial else set()
        for i in numbers:
            if i in fail_ind:
                indicators[i] = FAIL
            elif i in unknown_ind or i in error_indicators or i in uncovered:
                indicators[i] = INCOMPLETE
            else:
                indicators[i] = PASS
        if any(v == FAIL for v in indicators.values()):
            verdict = FAIL
        elif all(v == PASS for v in indicators.values()):
            verdict = PASS
        else:
            verdict = INCOMPLETE
        findings.sort(key=lambda f: f.indicator)
        if self.ruleset.partial:
            findings.append(
                Finding("RULESET.partial", 0, CRITERION, INFO, [],
                        f"规则集 {self.ruleset.name} 不完整：{'；'.join(self.ruleset.notes) or '部分指标没有数值标准'}",
                        self.ruleset.document)
            )
        return Report(
            verdict=verdict,
            indicators=indicators,
            findings=findings,
            criteria=criteria_list,
            derived=dict(self.derived),
            ruleset=self.ruleset.id,
        )

    @staticmethod
    def _criterion_finding(res: CriterionResult, severity: str, kind: str = CRITERION) -> Finding:
        rule = res.rule
        soft_note = "（一般性要求，仅作提醒）" if rule.soft and res.outcome == NOT_MET else ""
        return Finding(
            rule=rule.id,
            indicator=rule.indicator,
            kind=kind,
            severity=severity if not rule.soft else WARNING,
            fields=list(dict.fromkeys(res.fields)),
            message=res.message + soft_note,
            citation=rule.citation,
            expected=res.expected,
            found=res.found,
            value=res.value,
            formula=res.formula,
        )


def evaluate(app: Application, ruleset: RuleSet | str | None = None) -> Report:
    return Evaluator(app, ruleset).report()


__all__ = ["Evaluator", "evaluate", "MET"]
