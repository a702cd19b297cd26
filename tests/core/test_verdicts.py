"""What each kind of finding does to the indicator verdicts and the overall verdict."""

from __future__ import annotations

from core.rules import Evaluator


def _report(app, rs="SH-2023"):
    return Evaluator(app, rs).report()


def _rules(report):
    return [f.rule for f in report.findings]


def test_the_sample_passes_every_rule_set(sample_app):
    for rs in ("SH-2023", "HN-2023", "GZ-2024"):
        report = _report(sample_app, rs)
        assert report.verdict == "pass", (rs, [f.message for f in report.findings])
        assert report.findings == []


def test_a_failed_criterion_fails_its_indicator_and_the_application(sample_app):
    sample_app.values["industry.output_total"]["2021"] = "29.99"
    report = _report(sample_app)
    assert report.indicators[1] == "fail" and report.verdict == "fail"
    f = next(f for f in report.findings if f.rule == "SH-2023.1.output")
    assert f.kind == "criterion" and f.severity == "warning" and f.fields == ["industry.output_total"]
    assert "2021年 29.99亿元" in f.message and "2021年未达到" in f.message
    assert f.citation == "沪经信企〔2023〕304号 一（二）1"
    assert all(v == "pass" for i, v in report.indicators.items() if i != 1)


def test_hainan_message_names_year_value_and_operator(sample_app):
    sample_app.values["industry.leading_share"]["2022"] = "58.40"
    f = next(f for f in _report(sample_app, "HN-2023").findings if f.rule == "HN-2023.1.leading_share")
    assert f.message.startswith("主导产业产值占集群总产值比例：2022年为 58.40%，认定标准要求高于60%")
    assert "海南省中小企业特色产业集群认定标准 一" in f.message


def test_missing_data_makes_the_indicator_incomplete_with_an_error(sample_app):
    del sample_app.values["industry.sme_share"]
    report = _report(sample_app)
    assert report.indicators[1] == "incomplete" and report.verdict == "incomplete"
    f = next(f for f in report.findings if f.fields == ["industry.sme_share"])
    assert f.kind == "completeness" and f.severity == "error" and "2020年、2021年、2022年未填写" in f.message


def test_fail_outranks_incomplete(sample_app):
    del sample_app.values["plan.targets"]
    sample_app.values["basic.incidents"] = "yes"
    report = _report(sample_app)
    assert report.indicators[0] == "fail" and report.indicators[8] == "incomplete"
    assert report.verdict == "fail"


def test_soft_criterion_only_warns(sample_app):
    sample_app.values["basic.area"] = "100.01"
    report = _report(sample_app)
    assert report.verdict == "pass"
    f = next(f for f in report.findings if f.rule == "SH-2023.0.area")
    assert f.severity == "warning" and "一般性要求" in f.message
    # Guangzhou says 不超过 (hard): the same area fails indicator 1 there.
    gz = _report(sample_app, "GZ-2024")
    assert gz.indicators[1] == "fail"


def test_rules_sit_in_the_indicator_of_their_own_document(sample_app):
    sample_app.values["basic.restricted_industry"] = "yes"
    assert _report(sample_app, "SH-2023").indicators[0] == "fail"  # 基本条件 in Shanghai
    hn = _report(sample_app, "HN-2023")
    assert hn.indicators[0] == "pass" and hn.indicators[1] == "fail"  # part of indicator 1 in Hainan


def test_either_or_of_indicator_2(sample_app):
    v = sample_app.values
    zero = {"2020": "0", "2021": "0", "2022": "0"}
    v["industry.champions"] = v["industry.champions_municipal"] = v["industry.little_giants"] = dict(zero)
    assert _report(sample_app).indicators[2] == "pass"  # the second branch (101 firms) carries it
    v["industry.srdi_municipal"] = {"2020": "0", "2021": "0", "2022": "3"}
    v["industry.innovative"] = {"2020": "0", "2021": "0", "2022": "3"}
    v["industry.high_tech"] = {"2020": "0", "2021": "0", "2022": "3"}
    report = _report(sample_app)
    assert report.indicators[2] == "fail"
    assert "2022年合计 9" in next(f for f in report.findings if f.rule == "SH-2023.2.quality_firms").message
    v["industry.little_giants"] = {"2020": "0", "2021": "0", "2022": "1"}
    assert _report(sample_app).indicators[2] == "pass"


def test_each_year_versus_mean(sample_app):
    # 28, 31, 32: not 均在30亿元以上 (Shanghai), but a mean of 30.33 (Guangzhou 年均).
    sample_app.values["industry.output_total"] = {"2020": "28", "2021": "31", "2022": "32"}
    assert _report(sample_app, "SH-2023").indicators[1] == "fail"
    gz = Evaluator(sample_app, "GZ-2024")
    res = next(c for c in gz.report().criteria if c.rule.id == "GZ-2024.1.output")
    assert res.outcome == "met" and "近三年年均 30.33亿元" in res.found


def test_hainan_growth_waiver_needs_a_reason(sample_app):
    v = sample_app.values
    v["industry.output_total"] = {"2020": "41.20", "2021": "40.00", "2022": "41.20"}
    v["industry.leading_share"] = {"2020": "70", "2021": "70", "2022": "70"}
    v["industry.leading_growth"] = "0.00"
    assert _report(sample_app, "HN-2023").indicators[1] == "fail"
    v["industry.growth_waiver"] = "yes"
    v["industry.growth_waiver_reason"] = ""
    report = _report(sample_app, "HN-2023")
    assert report.indicators[1] == "incomplete"
    f = next(f for f in report.findings if f.rule == "HN-2023.1.growth")
    assert f.severity == "error" and "未说明特殊情况" in f.message
    v["industry.growth_waiver_reason"] = "2022年受新冠疫情影响停产两个月。"
    report = _report(sample_app, "HN-2023")
    assert report.indicators[1] == "pass"
    res = next(c for c in report.criteria if c.rule.id == "HN-2023.1.growth")
    assert res.outcome == "waived" and "停产两个月" in res.found
    # The waiver is Hainan's alone: Shanghai still applies its growth rule.
    assert _report(sample_app, "SH-2023").indicators[1] == "fail"


def test_co2_intensity_must_fall_every_year(sample_app):
    sample_app.values["green.co2_intensity"] = {"2020": "0.42", "2021": "0.42", "2022": "0.36"}
    report = _report(sample_app)
    assert report.indicators[6] == "fail"
    assert "2021年未下降" in next(f for f in report.findings if f.rule == "SH-2023.6.co2").message


def test_benchmark_no_fails_but_not_applicable_passes(sample_app):
    sample_app.values["basic.water_benchmark"] = "no"
    assert _report(sample_app).indicators[6] == "fail"
    sample_app.values["basic.water_benchmark"] = "na"
    assert _report(sample_app).indicators[6] == "pass"


def test_ticked_box_without_evidence_leaves_the_qualitative_indicator_incomplete(sample_app):
    sample_app.evidence = [e for e in sample_app.evidence if e["target"] != "industry.chain_work:map"]
    report = _report(sample_app)
    assert report.indicators[3] == "incomplete"
    f = next(f for f in report.findings if f.rule == "FORM.evidence")
    assert f.fields == ["industry.chain_work"] and "绘制产业链图谱" in f.message and f.severity == "error"


def test_consistency_checks(sample_app):
    v = sample_app.values
    v["industry.smes"]["2022"] = "146"  # more SMEs than firms (145)
    v["industry.sme_share"]["2022"] = "100.5"
    v["innovation.platforms_other"] = {"count": "2", "names": ""}
    v["innovation.pct"] = "2.5"
    v["innovation.rd_growth"]["2021"] = "-150"  # a rate may be negative, but not below −100 % here
    report = _report(sample_app)
    rules = _rules(report)
    assert "FORM.smes_within_firms" in rules
    assert "FORM.share_range" in rules
    assert "FORM.names" in rules
    assert any(f.rule == "FORM.number" and "应为整数" in f.message for f in report.findings)
    assert all(f.severity == "error" for f in report.findings if f.rule.startswith("FORM."))
    v2 = dict(v)
    v2["open.export_growth"] = {"2020": "-35.5", "2021": "250", "2022": "0"}
    sample_app.values = v2
    assert not [f for f in _report(sample_app).findings if "open.export_growth" in f.fields]


def test_over_long_texts(sample_app):
    sample_app.values["industry.chain_summary"] = "链" * 201
    sample_app.values["plan.tasks"] = "务" * 1500
    report = _report(sample_app)
    f = next(f for f in report.findings if f.rule == "FORM.length")
    assert "超出200字限制（现201字）" in f.message and f.severity == "error"
    assert any(f.rule == "FORM.plan_length" for f in report.findings)
    sample_app.values["industry.chain_summary"] = "链" * 200
    assert "FORM.length" not in _rules(_report(sample_app))


def test_partial_national_rule_set_never_claims_eligibility(sample_app):
    report = _report(sample_app, "CN-2022")
    assert report.indicators[1] == "pass" and report.indicators[2] == "pass"
    assert {report.indicators[i] for i in (0, 3, 4, 5, 6, 7, 8)} == {"incomplete"}
    assert report.verdict == "incomplete"
    assert report.findings[-1].rule == "RULESET.partial"


def test_the_printed_title_follows_the_jurisdiction(sample_app):
    from core.rules.applications import form_title

    assert form_title(sample_app) == "上海市中小企业特色产业集群申报表"
    sample_app.rules = "HN-2023"
    assert form_title(sample_app) == "海南省中小企业特色产业集群申报表"
    sample_app.rules = "GZ-2024"
    assert form_title(sample_app) == "广州市中小企业特色产业集群申报表"
