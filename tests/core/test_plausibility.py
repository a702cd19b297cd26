"""Probably the wrong unit: a warning that asks, both sides of each trigger, under every rule set."""

from __future__ import annotations

import copy

import pytest

from core.application import Application
from core.rules import Evaluator, all_rulesets
from core.rules.model import ERROR, WARNING

SHARE = "industry.sme_share"
OUTPUT = "industry.output_total"


def _findings(sample_doc, ruleset="SH-2023", **values):
    doc = copy.deepcopy(sample_doc)
    doc["values"].update(values)
    report = Evaluator(Application.from_json(doc), ruleset).report()
    return [f for f in report.findings if f.rule.startswith("PLAUSIBLE.")], report


@pytest.mark.parametrize("ruleset_id", [rs.id for rs in all_rulesets()])
def test_a_fraction_among_percentages_asks_in_every_rule_set(sample_doc, ruleset_id):
    found, _ = _findings(sample_doc, ruleset_id, **{SHARE: {"2020": "50", "2021": "80", "2022": "0.5"}})
    assert [(f.rule, f.severity, f.kind, f.fields) for f in found] == [
        ("PLAUSIBLE.fraction_percent", WARNING, "format", [SHARE])]
    assert found[0].message.endswith("2022年填报 0.5%，其他年份为 50%～80%，是否应为 50%？")


def test_fraction_trigger_both_sides(sample_doc):
    ask = lambda series: _findings(sample_doc, **{SHARE: series})[0]  # noqa: E731
    assert ask({"2020": "50", "2021": "60", "2022": "0.5"})  # 0.5 among 50 and 60
    assert not ask({"2020": "50", "2021": "60", "2022": "50"})  # 50 and 60 themselves are fine
    one = ask({"2020": "55", "2021": "0.9", "2022": "56"})  # a year of 0.9 among 50s
    assert len(one) == 1 and one[0].message.endswith("2021年填报 0.9%，其他年份为 55%～56%，是否应为 90%？")
    assert not ask({"2020": "55", "2021": "1.5", "2022": "56"})  # above 1: a real (small) percentage
    assert ask({"2020": "55", "2021": "1", "2022": "56"})  # 1 itself is still a fraction (100 %)
    assert not ask({"2020": "9.9", "2021": "0.5", "2022": "12"})  # another year below 10 %: no pattern
    assert ask({"2020": "10", "2021": "0.5", "2022": "12"})  # 10 % is enough
    assert not ask({"2020": "0", "2021": "50", "2022": "60"})  # 0 is not a fraction
    assert not ask({"2022": "0.5"})  # no other year to compare with


def test_too_large_in_yi_yuan_both_sides(sample_doc):
    ask = lambda v: _findings(sample_doc, **{OUTPUT: {"2020": "41.20", "2021": "46.80", "2022": v}})  # noqa: E731
    found, report = ask("3000")
    assert [f.rule for f in found] == ["PLAUSIBLE.too_large"]
    assert found[0].message.endswith("2022年填报 3000亿元，是否应为 0.3亿元（即 3000 万元）？")
    assert not ask("300")[0]
    assert not ask("1000")[0]  # the boundary itself passes
    assert ask("1000.01")[0]
    # A warning, never an error: the value still counts (the criterion is met with it).
    assert not [f for f in report.findings if f.severity == ERROR]
    assert next(c for c in report.criteria if c.rule.id == "SH-2023.1.output").outcome == "met"


def test_the_sample_raises_no_question(sample_doc):
    assert _findings(sample_doc)[0] == []
