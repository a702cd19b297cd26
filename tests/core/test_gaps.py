"""还差多少 (core/rules/gaps.py): every suggested change meets its criterion, one step less does not,
and nothing else moves; boundaries at two decimals; JSON and text report agree with the model."""

from __future__ import annotations

import copy
import json
import random
from decimal import Decimal

import pytest

from core.application import Application
from core.errors import UserError
from core.paths import resource
from core.rules import Evaluator, available_rulesets, parse_ruleset
from core.rules.gaps import _step, _with, compute_gaps, gaps_json
from core.rules.model import MET, NOT_MET
from core.rules.report_text import render_text

SAMPLE = json.loads(resource("samples", "sample-application.json").read_text(encoding="utf-8"))
RULESETS = available_rulesets()


def _app(changes: dict | None = None, series: dict | None = None) -> Application:
    doc = copy.deepcopy(SAMPLE)
    doc["values"].update(changes or {})
    for (key, year), v in (series or {}).items():
        doc["values"][key] = {**doc["values"][key], str(year): v}
    return Application.from_json(doc)


def _perturbed(seed: int) -> Application:
    """The sample with its numbers scaled at random (counts stay whole, shares within 0–100)."""
    rng = random.Random(seed)
    doc = copy.deepcopy(SAMPLE)
    form = Application.from_json(doc).form_def
    for key, raw in list(doc["values"].items()):
        fd = form.fields.get(key)
        if fd is None or fd.element_type not in ("number", "percent", "count"):
            continue
        if rng.random() < 0.5:
            continue

        def scale(s: str, fd=fd) -> str:
            v = Decimal(str(s).replace(",", "")) * Decimal(str(rng.uniform(0.2, 1.3)))
            if fd.element_type == "count":
                return str(int(v))
            if fd.range == "share":
                v = min(v, Decimal(100))
            return str(v.quantize(Decimal(1).scaleb(-fd.decimals)))

        if isinstance(raw, dict) and fd.type == "series":
            doc["values"][key] = {y: scale(v) for y, v in raw.items()}
        elif isinstance(raw, dict) and "count" in raw:
            doc["values"][key] = {**raw, "count": scale(raw["count"])}
        elif isinstance(raw, str):
            doc["values"][key] = scale(raw)
    return Application.from_json(doc)


def _check_changes(app: Application, rs: str) -> int:
    """Apply each gap of each not-met criterion through a fresh evaluator; returns how many were checked."""
    ev = Evaluator(app, rs)
    before_values = copy.deepcopy(ev.values)
    before = {k: (r.outcome, r.value) for k, r in ev.results.items()}
    cgs = compute_gaps(ev)
    # Searching touched no input and left every result as it was.
    assert ev.values == before_values
    assert {k: (r.outcome, r.value) for k, r in ev.results.items()} == before
    checked = 0
    for cg in cgs:
        if cg.outcome != NOT_MET:
            assert not cg.gaps
            continue
        for g in cg.gaps:
            fresh = Evaluator(Application.from_json(copy.deepcopy(app.to_json())), rs)
            old = fresh.values.get(g.field)
            if g.change is None:  # an answer
                fresh.set_value(g.field, g.applied(old))
                assert fresh.results[g.rule].outcome == MET, g
                continue
            fresh.set_value(g.field, g.applied(old))
            assert fresh.results[g.rule].outcome == MET, g
            # Only that one input differs from the application.
            diff = {k for k in set(fresh.values) | set(app.values) if fresh.values.get(k) != app.values.get(k)}
            assert diff == {g.field}
            step = _step(fresh, g.field)
            back = g.needed - step if g.change > 0 else g.needed + step
            fresh.set_value(g.field, _with(old, g.year, str(back), g.cell))
            assert fresh.results[g.rule].outcome != MET, (g, back)
            checked += 1
    return checked


@pytest.mark.parametrize("rs", RULESETS)
def test_sample_has_no_gaps_and_margins_for_met_criteria(rs):
    cgs = compute_gaps(Evaluator(Application.from_json(copy.deepcopy(SAMPLE)), rs))
    assert _check_changes(Application.from_json(copy.deepcopy(SAMPLE)), rs) == 0
    for cg in cgs:
        assert not cg.gaps
        if cg.margin is not None and cg.outcome == MET:
            assert cg.margin >= 0


@pytest.mark.parametrize("rs", RULESETS)
def test_random_applications_every_change_meets_and_one_step_less_does_not(rs):
    total = 0
    for seed in range(12):
        total += _check_changes(_perturbed(seed), rs)
    assert total > 0  # the perturbations did fail something


def test_not_met_numeric_criteria_offer_changes_cheapest_first():
    app = _perturbed(3)
    for rs in RULESETS:
        for cg in compute_gaps(Evaluator(app, rs)):
            if cg.outcome == NOT_MET and cg.gaps and cg.gaps[0].change is not None:
                costs = [abs(g.change) / abs(g.current) if g.current else abs(g.change) for g in cg.gaps]
                assert costs == sorted(costs)


def _gaps_for(app, rs, rule):
    return next(cg for cg in compute_gaps(Evaluator(app, rs)) if cg.rule == rule)


# -- boundaries, named by rule id -------------------------------------------------------------
def test_SH_2023_1_leading_share_above_50_needs_50_01():
    cg = _gaps_for(_app(series={("industry.leading_share", 2022): "49.00"}), "SH-2023", "SH-2023.1.leading_share")
    g = next(g for g in cg.gaps if g.field == "industry.leading_share")
    assert (g.year, g.needed, g.change) == (2022, Decimal("50.01"), Decimal("1.01"))
    at = _gaps_for(_app(series={("industry.leading_share", 2022): "50.00"}), "SH-2023", "SH-2023.1.leading_share")
    assert at.outcome == NOT_MET and at.gaps[0].needed == Decimal("50.01")
    above = _gaps_for(_app(series={("industry.leading_share", 2022): "50.01"}), "SH-2023", "SH-2023.1.leading_share")
    assert above.outcome == MET and above.critical and not above.gaps


def test_SH_2023_4_patent_growth_not_below_15_needs_15_00():
    cg = _gaps_for(_app({"innovation.patent_growth": "14.99"}), "SH-2023", "SH-2023.4.patent_growth")
    assert cg.gaps[0].needed == Decimal("15.00")
    assert cg.gaps[0].text == "集群中小企业近三年有效发明专利年均增速需达到 15.00%（还差 0.01个百分点）"
    met = _gaps_for(_app({"innovation.patent_growth": "15.00"}), "SH-2023", "SH-2023.4.patent_growth")
    assert met.outcome == MET and met.margin == 0 and met.critical


def test_SH_2023_1_output_each_year_30():
    cg = _gaps_for(_app(series={("industry.output_total", 2020): "28.00"}), "SH-2023", "SH-2023.1.output")
    assert [g.text for g in cg.gaps] == ["2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元）"]
    met = _gaps_for(_app(series={("industry.output_total", 2020): "30.00"}), "SH-2023", "SH-2023.1.output")
    assert met.outcome == MET


def test_SH_2023_2_quality_firms_any_of_counts_are_whole():
    zero = {("industry." + k, 2022): "0" for k in ("champions", "champions_municipal", "little_giants")}
    few = {("industry.srdi_municipal", 2022): "3", ("industry.innovative", 2022): "3", ("industry.high_tech", 2022): "2"}
    cg = _gaps_for(_app(series={**zero, **few}), "SH-2023", "SH-2023.2.quality_firms")
    assert cg.outcome == NOT_MET
    # The cheapest branch first: one 单项冠军 or 小巨人 would do, or two more of the ten.
    assert all(g.change == int(g.change) for g in cg.gaps)
    assert {g.change for g in cg.gaps} == {1, 2}
    assert any("再增加 2 家" in g.text for g in cg.gaps) and any("再增加 1 家" in g.text for g in cg.gaps)


def test_SH_2023_1_growth_solved_through_geometric_growth():
    # (53.60×72%)/(41.20×70%) ≈ 1.338 → 15.7 %; with 2022 total 35 the growth falls below 10 %.
    app = _app(series={("industry.output_total", 2022): "35.00"})
    cg = _gaps_for(app, "SH-2023", "SH-2023.1.growth")
    assert cg.outcome == NOT_MET
    g = next(g for g in cg.gaps if g.field == "industry.output_total" and g.year == 2022)
    ev = Evaluator(app, "SH-2023")
    ev.set_value("industry.output_total", _with(ev.values["industry.output_total"], 2022, str(g.needed)))
    assert ev.results["SH-2023.1.growth"].outcome == MET
    ev.set_value("industry.output_total", _with(ev.values["industry.output_total"], 2022, str(g.needed - Decimal("0.01"))))
    assert ev.results["SH-2023.1.growth"].outcome == NOT_MET


def test_SH_2023_6_co2_decreasing_names_the_year_to_drop():
    cg = _gaps_for(_app(series={("green.co2_intensity", 2021): "0.45"}), "SH-2023", "SH-2023.6.co2")
    assert cg.outcome == NOT_MET
    assert any(g.year == 2021 and g.needed == Decimal("0.41") for g in cg.gaps)


def test_SH_2023_0_policy_answer_says_what_to_change_without_numbers():
    cg = _gaps_for(_app({"basic.restricted_industry": "yes"}), "SH-2023", "SH-2023.0.policy")
    assert [(g.needed, g.change) for g in cg.gaps] == [("no", None)]
    assert "“否”" in cg.gaps[0].text


def test_SH_2023_0_established_year_is_whole_years():
    cg = _gaps_for(_app({"basic.established_year": "2022"}), "SH-2023", "SH-2023.0.established")
    assert [(g.needed, g.change) for g in cg.gaps] == [(Decimal(2020), Decimal(-2))]


def test_GZ_2024_1_output_mean_and_HN_rd_growth():
    cg = _gaps_for(_app(series={("industry.output_total", 2020): "1.00", ("industry.output_total", 2021): "1.00",
                                ("industry.output_total", 2022): "1.00"}), "GZ-2024", "GZ-2024.1.output")
    assert cg.outcome == NOT_MET and cg.gaps and cg.gaps[0].needed == Decimal("87.99")  # (87.99+1+1)/3 = 29.9967, 30.00 at two decimals
    rd = {("innovation.rd_growth", y): "3.00" for y in (2020, 2021, 2022)}
    cg = _gaps_for(_app(series=rd), "HN-2023", "HN-2023.4.rd_growth")
    assert cg.outcome == NOT_MET and {g.year for g in cg.gaps} == {2020, 2021, 2022}


def test_patents_per_10k_at_the_stated_employees():
    cg = _gaps_for(_app({"innovation.patents": "20"}), "SH-2023", "SH-2023.4.patents_per_10k")
    g = next(g for g in cg.gaps if g.field == "innovation.patents")
    assert g.needed == 26 and "再增加 6 个" in g.text  # 25.2 at 16,800 employees → 26


def _zero_standards() -> dict:
    table = copy.deepcopy(SAMPLE["values"]["innovation.standards"])
    for row in table.values():
        for cell in row.values():
            for role in cell:
                cell[role] = 0
    return table


def test_SH_2023_4_standards_table_cells():
    app = _app({"innovation.standards": _zero_standards()})
    cg = _gaps_for(app, "SH-2023", "SH-2023.4.standards")
    assert cg.outcome == NOT_MET and cg.gaps
    assert cg.gaps[0].text == "2022年国际标准主持需达到 2项（再增加 2 项）"
    assert _check_changes(app, "SH-2023") == len(cg.gaps)
    one = _zero_standards()
    one["2021"]["national"]["lead"] = 1
    assert _gaps_for(_app({"innovation.standards": one}), "SH-2023", "SH-2023.4.standards").gaps[0].change == 1
    one["2020"]["national"]["lead"] = 1
    assert _gaps_for(_app({"innovation.standards": one}), "SH-2023", "SH-2023.4.standards").outcome == MET


def test_unmeetable_by_one_field_offers_two():
    # 逐年下降 with 2022 above 2020 and 2021 in between rising: no single year can fix both steps,
    # two can (tests/core/test_gaps_pairs.py checks such changes in general).
    app = _app(series={("green.co2_intensity", 2020): "0.30", ("green.co2_intensity", 2021): "0.40",
                       ("green.co2_intensity", 2022): "0.50"})
    cg = _gaps_for(app, "SH-2023", "SH-2023.6.co2")
    assert cg.outcome == NOT_MET and not cg.gaps and cg.pairs
    assert cg.note == "无法仅通过修改一项填报数据达到此标准，需同时修改两项"
    assert cg.lines == [f"{a.text}，同时 {b.text}" for a, b in cg.pairs]
    assert ("2020年单位产值二氧化碳排放量需达到 0.41吨二氧化碳/万元（还差 0.11吨二氧化碳/万元），同时 "
            "2022年单位产值二氧化碳排放量需降至 0.39吨二氧化碳/万元（需减少 0.11吨二氧化碳/万元）") in cg.lines


# -- critical margin ------------------------------------------------------------------------------
def test_critical_margin_is_configurable_and_validated():
    from core.form.loader import read_yaml
    from core.rules.loader import rulesets_dir

    data = read_yaml(rulesets_dir() / "SH-2023.yaml")
    assert parse_ruleset(data).critical_margin == Decimal("0.02")
    rs = parse_ruleset({**data, "critical_margin": 0.5})
    assert rs.critical_margin == Decimal("0.5")
    cgs = compute_gaps(Evaluator(Application.from_json(copy.deepcopy(SAMPLE)), rs))
    assert next(c for c in cgs if c.rule == "SH-2023.1.leading_share").critical  # 72 is within 50 % of 50
    for bad in ("lots", 1.5, -0.1, True):
        with pytest.raises(UserError) as exc:
            parse_ruleset({**data, "critical_margin": bad})
        assert exc.value.code == "RULESET.bad_critical_margin"


# -- JSON and text agree with the model ---------------------------------------------------------------
def test_json_and_text_report_agree_with_the_model(tmp_path):
    from tests.core.test_cli_check import run_cli

    app = _app(series={("industry.output_total", 2020): "28.00", ("digital.iiot_rate", 2022): "10.10"})
    path = tmp_path / "app.json"
    path.write_text(json.dumps(app.to_json(), ensure_ascii=False), encoding="utf-8")
    ev = Evaluator(app, "SH-2023")
    cgs = compute_gaps(ev)
    proc = run_cli("check", str(path), "--rules", "SH-2023", "--format", "json")
    out = json.loads(proc.stdout)
    assert out["gaps"] == gaps_json(cgs) and out["gaps"]
    assert set(out["gaps"][0]) == {"rule", "field", "year", "current", "needed", "change", "unit", "text"}
    assert out["gaps"][0]["needed"] == "30.00" and out["gaps"][0]["year"] == 2020
    text = run_cli("check", str(path), "--rules", "SH-2023").stdout
    assert text == render_text(app, ev.report(), cgs) + "\n"
    for cg in cgs:
        for g in cg.gaps[:3]:
            assert f"还差：{g.text}" in text
        for g in cg.gaps[3:]:
            assert g.text not in text  # the rest are in the JSON, counted in the text
    critical = [cg.rule for cg in cgs if cg.critical]
    assert critical == ["SH-2023.5.iiot"]
    assert "（临界）" in next(line for line in text.splitlines() if "互联网平台应用普及率" in line)
    # Many ways: the text names the three cheapest and counts the rest.
    zero = {("industry." + k, 2022): "0" for k in ("champions", "champions_municipal", "little_giants",
                                                  "srdi_municipal", "innovative", "high_tech")}
    many = _app(series=zero)
    ev = Evaluator(many, "SH-2023")
    cgs = compute_gaps(ev)
    cg = next(c for c in cgs if c.rule == "SH-2023.2.quality_firms")
    text = render_text(many, ev.report(), cgs)
    assert len(cg.gaps) > 3 and f"（另有 {len(cg.gaps) - 3} 种改法，见 --format json 的 gaps）" in text
