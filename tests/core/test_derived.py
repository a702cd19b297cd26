"""Derived values: worked examples, the stated-versus-computed check, and precision."""

from __future__ import annotations

from decimal import Decimal

from core.numbers import at_precision
from core.rules import Evaluator


def _criterion(report, rule_id):
    return next(c for c in report.criteria if c.rule.id == rule_id)


def test_geometric_growth_worked_example_from_the_criteria(sample_app):
    # spec/criteria.md: (46.30×72.00%) ÷ (40.10×70.00%) 开平方 − 1 = 8.98 %, stated 12.00 %.
    sample_app.values["industry.output_total"] = {"2020": "40.10", "2021": "43.00", "2022": "46.30"}
    sample_app.values["industry.leading_share"] = {"2020": "70.00", "2021": "71.00", "2022": "72.00"}
    sample_app.values["industry.leading_growth"] = "12.00"
    report = Evaluator(sample_app, "HN-2023").report()
    dv = report.derived["leading_output_growth"]
    assert at_precision(dv.value) == Decimal("8.98")
    assert dv.formula == "(46.30×72.00%) ÷ (40.10×70.00%) 开平方 − 1"
    warning = next(f for f in report.findings if f.rule == "FORM.derived.leading_output_growth")
    assert warning.kind == "consistency" and warning.severity == "warning"
    assert warning.fields[0] == "industry.leading_growth"
    assert "填报 12.00%，按填报数据计算为 8.98%" in warning.message
    # The verdict uses the computed value: 8.98 % > 5 % (HN) — met; under SH (> 10 %) not met.
    assert _criterion(report, "HN-2023.1.growth").outcome == "met"
    sh = Evaluator(sample_app, "SH-2023").report()
    assert _criterion(sh, "SH-2023.1.growth").outcome == "not_met"
    assert "8.98%" in _criterion(sh, "SH-2023.1.growth").message


def test_stated_growth_within_rounding_is_not_flagged(sample_app):
    sample_app.values["industry.leading_growth"] = "15.67"  # computed 15.68: one unit of the last decimal
    report = Evaluator(sample_app, "SH-2023").report()
    assert not [f for f in report.findings if f.rule.startswith("FORM.derived")]
    sample_app.values["industry.leading_growth"] = "15.66"
    report = Evaluator(sample_app, "SH-2023").report()
    assert [f.rule for f in report.findings] == ["FORM.derived.leading_output_growth"]


def test_growth_falls_back_to_the_stated_value_when_it_cannot_be_computed(sample_app):
    sample_app.values["industry.output_total"]["2020"] = "0"
    sample_app.values["industry.leading_growth"] = "12.00"
    res = _criterion(Evaluator(sample_app, "SH-2023").report(), "SH-2023.1.growth")
    assert res.outcome == "met" and res.value == Decimal("12.00")
    assert "无法按填报数据核算" in res.found


def test_rd_growth_is_the_compound_mean_of_the_stated_rates(sample_app):
    sample_app.values["innovation.rd_growth"] = {"2020": "9.80", "2021": "11.20", "2022": "12.40"}
    dv = Evaluator(sample_app, "SH-2023").report().derived["rd_growth_mean"]
    # ((1.098 × 1.112 × 1.124) ^ (1/3) − 1) × 100 = 11.1311…
    assert at_precision(dv.value) == Decimal("11.13")
    assert dv.formula == "((1+9.80%)×(1+11.20%)×(1+12.40%)) 开立方 − 1"
    # A fall that the arithmetic mean would hide: +30 %, −20 %, +5 % → arithmetic 5.00 %, compound 2.98 %.
    sample_app.values["innovation.rd_growth"] = {"2020": "30", "2021": "-20", "2022": "5"}
    report = Evaluator(sample_app, "SH-2023").report()
    assert at_precision(report.derived["rd_growth_mean"].value) == Decimal("2.98")
    assert _criterion(report, "SH-2023.4.rd_growth").outcome == "not_met"


def test_patents_per_10k_worked_example(sample_app):
    sample_app.values["innovation.patents"] = "420"
    sample_app.values["innovation.sme_employees"] = "16,800"
    sample_app.values["innovation.patents_per_10k"] = "25.00"  # a typo: 250.00 is right
    report = Evaluator(sample_app, "SH-2023").report()
    assert at_precision(report.derived["patents_per_10k"].value) == Decimal("250.00")
    f = next(f for f in report.findings if f.rule == "FORM.derived.patents_per_10k")
    assert "420 ÷ 16800 × 10000" in f.message and f.fields[0] == "innovation.patents_per_10k"


def test_computed_value_is_compared_at_two_decimals(sample_app):
    # Growth of exactly 10.004 % rounds to 10.00 %, which is not 高于 10 %.
    sample_app.values["industry.output_total"] = {"2020": "100", "2021": "110", "2022": str(100 * Decimal("1.10004") ** 2)}
    sample_app.values["industry.leading_share"] = {"2020": "70", "2021": "70", "2022": "70"}
    report = Evaluator(sample_app, "SH-2023").report()
    assert report.derived["leading_output_growth"].value > 10
    assert _criterion(report, "SH-2023.1.growth").outcome == "not_met"


def test_typed_share_is_compared_at_two_decimals(sample_app):
    sample_app.values["industry.leading_share"]["2022"] = "60.004"
    report = Evaluator(sample_app, "HN-2023").report()
    assert _criterion(report, "HN-2023.1.leading_share").outcome == "not_met"  # 60.00 % is not 高于 60 %
    assert any(f.rule == "FORM.decimals" for f in report.findings)
    sample_app.values["industry.leading_share"]["2022"] = "60.005"
    assert _criterion(Evaluator(sample_app, "HN-2023").report(), "HN-2023.1.leading_share").outcome == "met"
