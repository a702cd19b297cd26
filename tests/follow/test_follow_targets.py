"""Plan targets proposed from the free text of 发展目标, confirmed by the official, with warnings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.errors import UserError
from core.follow.metrics import metric
from core.follow.targets import DOWN, Target, check_target, propose_targets
from tests.follow.conftest import SAMPLE_DOC


def _found(reg, app_id, text):
    ctx = reg.cluster(app_id).context()
    return [(p.target.metric, p.target.year, p.target.target) for p in propose_targets(text, ctx)], ctx


def test_the_sample_plan_gives_its_targets(reg, recognised):
    ctx = reg.cluster(recognised).context()
    proposals = propose_targets(SAMPLE_DOC["values"]["plan.targets"], ctx)
    got = {(p.target.metric, p.target.year): p.target for p in proposals}
    assert got[("industry.output_total", 2025)].target == Decimal("80.00")
    assert got[("industry.output_total", 2023)].target == Decimal("60.00")  # 分年度目标：2023年60亿元
    assert got[("industry.output_total", 2024)].target == Decimal("70.00")
    # 新增 … 20家: the baseline (26 in 2022) plus 20
    assert got[("industry.srdi_municipal", 2025)].target == Decimal("46")
    assert got[("industry.little_giants", 2025)].target == Decimal("7")
    assert got[("innovation.rd_intensity", 2025)].target == Decimal("5.00")
    assert got[("innovation.patents_per_10k", 2025)].target == Decimal("300.00")
    assert got[("digital.iiot_rate", 2025)].target == Decimal("45.00")
    co2 = got[("green.co2_intensity", 2025)]  # 较2022年下降10%: 0.36 × 0.9, lower is better
    assert co2.target == Decimal("0.32") and co2.direction == DOWN and co2.baseline == Decimal("0.36")
    assert all(not p.target.confirmed for p in proposals)
    assert len(proposals) == len(got)  # "2025年80亿元" is not proposed twice


@pytest.mark.parametrize(("text", "expected"), [
    ("到2025年：集群总产值达到80亿元", [("industry.output_total", 2025, Decimal("80.00"))]),
    ("到２０２５年，专精特新中小企业达到30家", [("industry.srdi_municipal", 2025, Decimal("30"))]),
    ("2024年底前工业互联网平台应用普及率提高到40％；研发投入强度达到4.9%",
     [("digital.iiot_rate", 2024, Decimal("40.00")), ("innovation.rd_intensity", 2024, Decimal("4.90"))]),
    ("到2025年集群总产值达到800000万元", [("industry.output_total", 2025, Decimal("80.00"))]),  # 万元 → 亿元
    ("到2025年，研发投入强度提高1个百分点", [("innovation.rd_intensity", 2025, Decimal("5.62"))]),
    ("加强党建引领，优化营商环境。", []),
])
def test_proposals_from_sample_texts(reg, recognised, text, expected):
    found, _ = _found(reg, recognised, text)
    assert found == expected


def test_problems_name_the_field(reg, recognised):
    ctx = reg.cluster(recognised).context()
    [no_year] = propose_targets("专精特新中小企业达到30家", ctx)
    assert [p.severity for p in no_year.problems] == ["error"]
    assert "“主导产业相关的市级专精特新中小企业数量”没有目标年份" in no_year.problems[0].message
    [outside] = propose_targets("到2027年，集群总产值达到100亿元", ctx)
    assert "目标年份 2027 年不在有效期内（2023–2025 年）" in outside.problems[0].message
    [low] = propose_targets("到2025年，集群总产值达到25亿元", ctx)
    msgs = " ".join(p.message for p in low.problems)
    assert "低于申报时的基数（2022 年为 53.60亿元）" in msgs
    assert "达不到认定标准（≥ 30亿元" in msgs
    [worse] = propose_targets("到2025年，单位产值二氧化碳排放量控制在0.40吨二氧化碳/万元", ctx)
    assert "越低越好" in worse.problems[0].message
    custom = Target(metric="custom:集群品牌数", label="集群品牌数", unit="", target=Decimal(3), year=2025)
    assert "没有单位" in check_target(custom, ctx)[0].message


def test_confirmation_refuses_errors_and_keeps_warnings(reg, recognised):
    ctx = reg.cluster(recognised).context()
    [no_year] = propose_targets("专精特新中小企业达到30家", ctx)
    with pytest.raises(UserError, match="不能确认.*没有目标年份"):
        reg.add_target(recognised, no_year.target, confirm=True)
    saved = reg.add_target(recognised, no_year.target)  # kept as a proposal
    assert not saved.confirmed
    with pytest.raises(UserError, match="没有目标年份"):
        reg.update_target(recognised, saved.id, confirm=True)
    done = reg.update_target(recognised, saved.id, year=2025, confirm=True)
    assert done.confirmed and done.year == 2025
    [low] = propose_targets("到2025年，集群总产值达到25亿元", ctx)  # warnings only: the official may confirm
    assert reg.add_target(recognised, low.target, confirm=True).confirmed
    stored = reg.targets(recognised)
    assert [(t.metric, t.year, t.confirmed) for t in stored] == [
        ("industry.srdi_municipal", 2025, True), ("industry.output_total", 2025, True)]
    reg.delete_target(recognised, stored[1].id)
    assert len(reg.targets(recognised)) == 1
    with pytest.raises(UserError, match="没有编号为 99 的发展目标"):
        reg.update_target(recognised, 99, confirm=True)


def test_confirmed_targets_add_their_metric_to_the_yearly_figures(reg, recognised):
    from core.follow.annual_form import FIGURE_PREFIX

    cluster = reg.cluster(recognised)
    before = {f.key for f in reg.figure_fields(cluster)}
    assert FIGURE_PREFIX + "digital.software_spend" not in before
    ctx = cluster.context()
    t = Target(metric="digital.software_spend", label="工业软件采购金额", unit="万元", target=Decimal(3000), year=2025,
               baseline=ctx.baseline(metric(ctx.form, "digital.software_spend")))
    reg.add_target(recognised, t, confirm=True)
    after = {f.key: f.why for f in reg.figure_fields(reg.cluster(recognised))}
    assert after[FIGURE_PREFIX + "digital.software_spend"] == "发展目标"
    assert after[FIGURE_PREFIX + "industry.output_total"] == "认定标准"
