"""The sentences of 还差多少 (core/rules/gaps_text.py): a change read through a derived value names
the quantity it makes and the input's equivalent, from the form's derived-value definitions."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import pytest

from core.numbers import fmt
from core.rules import Evaluator
from core.rules.gaps import compute_gaps
from tests.core.test_gaps import RULESETS, _app, _gaps_for, _perturbed
from tests.core.test_gaps_pairs import _two_short


def _part(total: Decimal, share: Decimal, up: bool) -> str:
    return fmt((total * share / 100).quantize(Decimal("0.01"), rounding=ROUND_CEILING if up else ROUND_FLOOR))


def test_growth_names_the_leading_output_and_the_total_at_the_stated_share():
    app = _app(series={("industry.output_total", 2022): "35.00"})
    cg = _gaps_for(app, "SH-2023", "SH-2023.1.growth")
    ev = Evaluator(app, "SH-2023")
    share = {y: ev.states["industry.leading_share"].series[y].value for y in ev.years}
    total = {y: ev.states["industry.output_total"].series[y].value for y in ev.years}
    by = {(g.field, g.year): g for g in cg.gaps}
    g = by[("industry.output_total", 2022)]
    assert g.text == (f"2022年集群主导产业产值需达到 {_part(g.needed, share[2022], True)}亿元（即集群总产值 "
                      f"{fmt(g.needed)}亿元、还差 {fmt(g.change)}亿元，按集群主导产业产值占比 {fmt(share[2022])}%）")
    # The leading output needed is what the found total makes at the stated share.
    assert Decimal(_part(g.needed, share[2022], True)) >= g.needed * share[2022] / 100
    s = by[("industry.leading_share", 2022)]
    assert s.text == (f"2022年集群主导产业产值需达到 {_part(total[2022], s.needed, True)}亿元（即集群主导产业产值占比 "
                      f"{fmt(s.needed)}%、还差 {fmt(s.change)}个百分点，按集群总产值 {fmt(total[2022])}亿元）")
    down = by[("industry.output_total", 2020)]
    assert down.text.startswith(f"2020年集群主导产业产值需降至 {_part(down.needed, share[2020], False)}亿元（即集群总产值 "
                                f"{fmt(down.needed)}亿元、需减少 {fmt(-down.change)}亿元，")


def test_patents_per_10k_at_the_stated_employees_and_the_ratio_reached():
    cg = _gaps_for(_app({"innovation.patents": "20"}), "SH-2023", "SH-2023.4.patents_per_10k")
    by = {g.field: g for g in cg.gaps}
    p, e = by["innovation.patents"], by["innovation.sme_employees"]
    assert p.text == (f"集群内中小企业有效发明专利拥有量需达到 {fmt(p.needed, 0)}个（再增加 {fmt(p.change, 0)} 个；"
                      f"按集群内中小企业从业人员数量 16800人，每万人有效发明专利拥有量为 "
                      f"{fmt(p.needed / 16800 * 10000)}个）")
    assert e.text == (f"集群内中小企业从业人员数量需减至 {fmt(e.needed, 0)}人（减少 {fmt(-e.change, 0)} 人；"
                      f"按集群内中小企业有效发明专利拥有量 20个，每万人有效发明专利拥有量为 "
                      f"{fmt(Decimal(20) / e.needed * 10000)}个）")


def test_rd_growth_says_which_year_and_the_mean_it_makes():
    cg = _gaps_for(_app(series={("innovation.rd_growth", y): "3.00" for y in (2020, 2021, 2022)}),
                   "SH-2023", "SH-2023.4.rd_growth")
    for g in cg.gaps:
        factor = (1 + g.needed / 100) * Decimal("1.03") ** 2
        mean = (factor ** (Decimal(1) / 3) - 1) * 100
        assert g.text == (f"{g.year}年集群中小企业研发经费增速需达到 {fmt(g.needed)}%（还差 {fmt(g.change)}个百分点；"
                          f"近三年中小企业研发经费年均增长为 {fmt(mean)}%）")


def test_mean_output_says_the_mean_it_makes():
    cg = _gaps_for(_app(series={("industry.output_total", y): "1.00" for y in (2020, 2021, 2022)}),
                   "GZ-2024", "GZ-2024.1.output")
    assert cg.gaps[0].text == "2020年集群总产值（营业收入）需达到 87.99亿元（还差 86.99亿元；近三年年均为 30.00亿元）"


@pytest.mark.parametrize("rs", RULESETS)
def test_every_sentence_is_in_the_officials_terms(rs):
    """No form note pasted into a sentence, no 2021年近三年…, the value to type in every numeric change."""
    seen = 0
    for app in [*(_perturbed(s) for s in range(6)), *(_two_short(s) for s in range(3))]:
        for cg in compute_gaps(Evaluator(app, rs)):
            for line in cg.lines:
                seen += 1
                assert "(包括" not in line and "年近三年" not in line and "None" not in line, line
            for g in [*cg.gaps, *(g for p in cg.pairs for g in p)]:
                if g.change is not None:  # the value to type is in the sentence
                    assert fmt(g.needed, 0) in g.text or fmt(g.needed) in g.text, g.text
    assert seen
