"""Blank is not zero: a criterion whose data are blank (or impossible) is 待补充, never 不符合 —
unless the data that are filled already decide it (docs/rules.md, "Blank is not zero")."""

from __future__ import annotations

import copy

import pytest

from core.application import Application
from core.form.loader import load_form
from core.rules import Evaluator, all_rulesets
from core.rules.model import ERROR, INCOMPLETE, MET, NOT_MET, UNKNOWN, WAIVED

RULESETS = [rs.id for rs in all_rulesets()]


def _app(sample_doc, values: dict, evidence: bool = True) -> Application:
    """An otherwise empty application holding only ``values`` (with the sample's evidence files, so
    that a filled count does not lack its evidence)."""
    doc = copy.deepcopy(sample_doc)
    doc["values"] = copy.deepcopy(values)
    doc["lists"] = {}
    if not evidence:
        doc["evidence"] = []
    return Application.from_json(doc)


def _outcome(sample_doc, rule_id: str, values: dict, evidence: bool = True) -> str:
    rs = rule_id.split(".")[0]
    report = Evaluator(_app(sample_doc, values, evidence), rs).report()
    return next(c for c in report.criteria if c.rule.id == rule_id).outcome


def _case(sample_doc, rule_id, values, expected, evidence=True):
    assert _outcome(sample_doc, rule_id, values, evidence) == expected, (rule_id, values)


# -- the empty application, under every rule set ------------------------------------------------

@pytest.mark.parametrize("ruleset_id", RULESETS)
def test_the_empty_application_is_incomplete_everywhere(sample_doc, ruleset_id):
    report = Evaluator(_app(sample_doc, {}, evidence=False), ruleset_id).report()
    assert [c.rule.id for c in report.criteria if c.outcome == NOT_MET] == []
    assert report.verdict == INCOMPLETE
    assert set(report.indicators.values()) == {INCOMPLETE}
    assert {c.outcome for c in report.criteria} == {UNKNOWN}
    assert not [f for f in report.findings if f.kind == "criterion" and f.severity != "info"]
    # What is missing is named: by the criterion itself or by an error on a field it reads.
    flagged = {k for f in report.findings if f.severity == ERROR for k in f.fields}
    assert not [res.found for res in report.criteria if "有误" in res.found]  # blank is blank, not wrong
    for res in report.criteria:
        assert "未填写" in res.found or "缺少" in res.found or "待补充" in res.found or set(res.fields) & flagged, \
            (res.rule.id, res.found)


def _rule_cases():
    for rs in all_rulesets():
        for rule in rs.rules:
            if rule.check["type"] != "qualitative":
                yield pytest.param(rs.id, rule.id, id=rule.id)


@pytest.mark.parametrize(("ruleset_id", "rule_id"), list(_rule_cases()))
def test_every_rule_with_its_data_blanked_is_unknown(sample_doc, ruleset_id, rule_id):
    """The complete sample meets every rule; blank what one rule reads and it is 待补充, not 不符合."""
    app = Application.from_json(copy.deepcopy(sample_doc))
    rule = next(r for r in all_rulesets() if r.id == ruleset_id).rule(rule_id)
    for key in rule.fields:
        app.values.pop(key, None)
    report = Evaluator(app, ruleset_id).report()
    res = next(c for c in report.criteria if c.rule.id == rule_id)
    assert res.outcome == UNKNOWN, (rule_id, res.found)
    assert report.indicators[rule.indicator] == INCOMPLETE and report.verdict == INCOMPLETE


# -- per combinator: undecided, and decided both ways by the filled data alone -----------------

def test_each(sample_doc):
    rule = "SH-2023.1.output"  # 近三年产值均在30亿元以上
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"industry.output_total": {"2021": "40", "2022": "45"}}, UNKNOWN)
    _case(sample_doc, rule, {"industry.output_total": {"2020": "20"}}, NOT_MET)  # fails whatever 2021/2022 hold
    _case(sample_doc, rule, {"industry.output_total": {"2020": "40", "2021": "41", "2022": "45"}}, MET)
    # An impossible year counts as blank: −5 亿元 neither meets nor (being no value) fails.
    _case(sample_doc, rule, {"industry.output_total": {"2020": "-5", "2021": "41", "2022": "45"}}, UNKNOWN)


def test_latest(sample_doc):
    rule = "SH-2023.1.sme_share"  # 2022 ≥ 50 %
    _case(sample_doc, rule, {"industry.sme_share": {"2020": "70", "2021": "70"}}, UNKNOWN)
    _case(sample_doc, rule, {"industry.sme_share": {"2022": "40"}}, NOT_MET)
    _case(sample_doc, rule, {"industry.sme_share": {"2022": "60"}}, MET)
    _case(sample_doc, rule, {"industry.sme_share": {"2020": "70", "2021": "70", "2022": "120"}}, UNKNOWN)


def test_mean(sample_doc):
    rule = "GZ-2024.1.output"  # 年均产值 ≥ 30 亿元; output is never negative
    _case(sample_doc, rule, {"industry.output_total": {"2020": "30"}}, UNKNOWN)
    _case(sample_doc, rule, {"industry.output_total": {"2020": "100"}}, MET)  # 100 / 3 already ≥ 30
    _case(sample_doc, rule, {"industry.output_total": {"2020": "20", "2021": "20", "2022": "20"}}, NOT_MET)
    _case(sample_doc, rule, {"industry.output_total": {"2020": "40", "2021": "40", "2022": "40"}}, MET)


def test_field(sample_doc):
    rule = "SH-2023.4.patent_growth"  # ≥ 15 %
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"innovation.patent_growth": "10"}, NOT_MET)
    _case(sample_doc, rule, {"innovation.patent_growth": "20"}, MET)
    _case(sample_doc, "SH-2023.0.area", {}, UNKNOWN)
    _case(sample_doc, "SH-2023.0.area", {"basic.area": "-3"}, UNKNOWN)  # below the form's minimum 0


def test_derived(sample_doc):
    rule = "SH-2023.1.growth"  # computed leading-industry growth > 10 %
    _case(sample_doc, rule, {"industry.output_total": {"2020": "100"}}, UNKNOWN)
    grow = {"industry.output_total": {"2020": "100", "2021": "110", "2022": "144"},
            "industry.leading_share": {"2020": "70", "2021": "70", "2022": "70"}}
    _case(sample_doc, rule, grow, MET)  # (144 / 100) ^ ½ − 1 = 20 %
    flat = copy.deepcopy(grow)
    flat["industry.output_total"]["2022"] = "101"
    _case(sample_doc, rule, flat, NOT_MET)
    # A share of 120 % makes the computation worthless: not met, not failed either.
    bad = copy.deepcopy(grow)
    bad["industry.leading_share"]["2022"] = "120"
    _case(sample_doc, rule, bad, UNKNOWN)


def test_sum_latest_and_any_of(sample_doc):
    rule = "SH-2023.2.quality_firms"  # ≥1 champion/小巨人, or ≥10 专精特新/创新型/高新
    first = ("industry.champions", "industry.champions_municipal", "industry.little_giants")
    second = ("industry.srdi_municipal", "industry.innovative", "industry.high_tech")
    zero = {"2020": "0", "2021": "0", "2022": "0"}
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"industry.little_giants": {"2022": "1"}}, MET)  # one branch met by a partial sum
    _case(sample_doc, rule, {"industry.srdi_municipal": {"2022": "12"}}, MET)
    _case(sample_doc, rule, {k: zero for k in (*first, *second)}, NOT_MET)
    # First branch failed, second only partly filled and short of 10: undecided.
    partial = {**{k: zero for k in first}, "industry.srdi_municipal": {"2022": "5"}}
    _case(sample_doc, rule, partial, UNKNOWN)
    # The optional 市级单项冠军 row may stay blank: the others decide.
    _case(sample_doc, rule, {k: zero for k in (*first, *second) if k != "industry.champions_municipal"}, NOT_MET)


def test_sum_of_platforms(sample_doc):
    rule = "SH-2023.4.platforms"  # ≥ 1 platform
    one = {"innovation.platforms_national": {"count": "1", "names": "国家智能传感器创新中心"}}
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, one, MET)
    none = {f"innovation.platforms_{k}": {"count": "0"} for k in ("national", "provincial", "other")}
    _case(sample_doc, rule, none, NOT_MET)
    # A platform whose evidence is missing has an error: it does not make the criterion look met.
    _case(sample_doc, rule, one, UNKNOWN, evidence=False)


def test_standards_total(sample_doc):
    rule = "SH-2023.4.standards"  # ≥ 2 standards over three years
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"innovation.standards": {"2022": {"national": {"lead": 1}}}}, NOT_MET)
    _case(sample_doc, rule, {"innovation.standards": {"2022": {"national": {"lead": 1, "participate": 1}}}}, MET)


def test_years_since(sample_doc):
    rule = "SH-2023.0.established"  # set up 3 years or more before 2023
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"basic.established_year": 2022}, NOT_MET)
    _case(sample_doc, rule, {"basic.established_year": 2015}, MET)


def test_not_value_and_one_of(sample_doc):
    _case(sample_doc, "SH-2023.0.incidents", {}, UNKNOWN)
    _case(sample_doc, "SH-2023.0.incidents", {"basic.incidents": "yes"}, NOT_MET)
    _case(sample_doc, "SH-2023.0.incidents", {"basic.incidents": "no"}, MET)
    _case(sample_doc, "SH-2023.6.energy", {}, UNKNOWN)
    _case(sample_doc, "SH-2023.6.energy", {"basic.energy_benchmark": "no"}, NOT_MET)
    _case(sample_doc, "SH-2023.6.energy", {"basic.energy_benchmark": "na"}, MET)


def test_decreasing(sample_doc):
    rule = "SH-2023.6.co2"
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"green.co2_intensity": {"2020": "0.42", "2021": "0.39"}}, UNKNOWN)
    _case(sample_doc, rule, {"green.co2_intensity": {"2020": "0.39", "2021": "0.42"}}, NOT_MET)  # adjacent rise
    _case(sample_doc, rule, {"green.co2_intensity": {"2020": "0.39", "2022": "0.40"}}, NOT_MET)  # 2022 ≥ 2020
    _case(sample_doc, rule, {"green.co2_intensity": {"2020": "0.42", "2021": "0.39", "2022": "0.36"}}, MET)
    _case(sample_doc, rule, {"green.co2_intensity": {"2020": "0.42", "2021": "-1", "2022": "0.36"}}, UNKNOWN)


def test_waiver(sample_doc):
    rule = "HN-2023.1.growth"  # > 5 %, unless waived with a reason
    slow = {"industry.output_total": {"2020": "100", "2021": "100", "2022": "101"},
            "industry.leading_share": {"2020": "70", "2021": "70", "2022": "70"}}
    _case(sample_doc, rule, {}, UNKNOWN)
    _case(sample_doc, rule, {"industry.growth_waiver": "yes"}, UNKNOWN)  # no reason given
    _case(sample_doc, rule, slow, NOT_MET)
    _case(sample_doc, rule, {**slow, "industry.growth_waiver": "yes", "industry.growth_waiver_reason": "疫情停产"},
          WAIVED)


def test_qualitative(sample_doc):
    _case(sample_doc, "SH-2023.3.qualitative", {}, UNKNOWN)


def test_incremental_edits_agree_with_a_fresh_evaluation(sample_doc):
    """An impossible combination (SMEs > firms) blocks another field's rule; fixing it unblocks it."""
    app = Application.from_json(copy.deepcopy(sample_doc))
    ev = Evaluator(app, "SH-2023")
    firms = dict(app.values["industry.firms"])
    ev.set_value("industry.firms", {**firms, "2022": "0"})
    fresh = Evaluator(Application.from_json(copy.deepcopy(app.to_json())), "SH-2023").report()
    assert [c.outcome for c in ev.report().criteria] == [c.outcome for c in fresh.criteria]
    assert next(c for c in fresh.criteria if c.rule.id == "SH-2023.2.quality_firms").outcome == UNKNOWN
    ev.set_value("industry.firms", firms)
    assert next(c for c in ev.report().criteria if c.rule.id == "SH-2023.2.quality_firms").outcome == MET
    ev.set_evidence(frozenset())
    assert next(c for c in ev.report().criteria if c.rule.id == "SH-2023.4.platforms").outcome == UNKNOWN


def _bad_value(fd, how: str) -> str | None:
    """An impossible value for a numeric field, or None when ``how`` cannot make one for it."""
    numeric = fd.type in ("series", "standards", "platform") or fd.is_numeric
    if not numeric:
        return None
    if how == "unparseable":
        return "一百四"  # not a number: a format error on the field
    if fd.range == "share":
        return "120"  # a share above 100 %
    if fd.minimum is not None or fd.element_type == "count" or fd.type in ("standards", "platform"):
        return "-1"  # below the form's minimum / a negative count
    return None


def _spoil(app: Application, key: str, bad: str) -> None:
    fd = app.form_def.fields[key]
    years = [str(y) for y in app.years]
    if fd.type == "series":
        app.values[key] = dict.fromkeys(years, bad)
    elif fd.type == "standards":
        app.values[key] = {y: {"national": {"lead": bad}} for y in years}
    elif fd.type == "platform":
        app.values[key] = {"count": bad, "names": "某平台"}
    else:
        app.values[key] = bad


def _spoil_cases():
    form = load_form("SH-FORM")
    for rs in all_rulesets():
        for rule in rs.rules:
            for how in ("unparseable", "out_of_range"):
                if rule.check["type"] != "qualitative" and any(
                        _bad_value(form.fields[k], how) for k in rule.fields):
                    yield pytest.param(rs.id, rule.id, how, id=f"{rule.id}-{how}")


@pytest.mark.parametrize(("ruleset_id", "rule_id", "how"), list(_spoil_cases()))
def test_no_criterion_is_met_on_impossible_inputs(sample_doc, ruleset_id, rule_id, how):
    """The complete sample meets every rule; with all of a rule's numbers impossible it never does
    (yes/no rules have no impossible answer and are not generated)."""
    app = Application.from_json(copy.deepcopy(sample_doc))
    rule = next(r for r in all_rulesets() if r.id == ruleset_id).rule(rule_id)
    for key in sorted(rule.fields):
        bad = _bad_value(app.form_def.fields[key], how)
        if bad is not None:
            _spoil(app, key, bad)
    report = Evaluator(app, ruleset_id).report()
    res = next(c for c in report.criteria if c.rule.id == rule_id)
    assert res.outcome == UNKNOWN, (rule_id, res.found)
    assert report.indicators[rule.indicator] == INCOMPLETE
