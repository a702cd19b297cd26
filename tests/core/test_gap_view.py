"""core/rules/gap_view.py headless: one wording of 还差 / 余量 / 临界 for every surface, and the
what-if comparison (per rule set, the criteria not met and the change meeting each)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from core.application import Application
from core.paths import resource
from core.rules import Evaluator, available_rulesets
from core.rules.gap_view import CRITICAL_LABEL, failing_by_ruleset, gap_views
from core.rules.gaps import compute_gaps
from core.rules.model import MET, NOT_MET, UNKNOWN

SAMPLE = json.loads(resource("samples", "sample-application.json").read_text(encoding="utf-8"))


def _app(**series) -> Application:
    doc = copy.deepcopy(SAMPLE)
    for name, value in series.items():
        key, year = name.rsplit("_", 1)
        doc["values"][key.replace("__", ".")][year] = value
    return Application.from_json(doc)


def test_views_follow_the_gap_model_criterion_by_criterion():
    for rs in available_rulesets():
        app = _app(industry__output_total_2020="25", industry__sme_share_2022="30")
        ev = Evaluator(app, rs)
        cgs = {cg.rule: cg for cg in compute_gaps(ev)}
        views = gap_views(ev)
        assert list(views.views) == [r.id for r in ev.ruleset.rules]
        for rule, v in views.views.items():
            cg = cgs[rule]
            assert v.outcome == cg.outcome and v.critical == (cg.critical and cg.outcome == MET), rule
            assert v.gaps == tuple(cg.gaps)
            if v.outcome == NOT_MET:
                assert v.lines == tuple(cg.lines) and v.lines, rule
                assert v.cell.startswith("还差：" if v.gaps else cg.note[:4]), rule
                assert v.sentence == cg.lines[0] and not v.room
            elif v.outcome == UNKNOWN:
                assert v.lines == tuple(cg.lines)
            elif cg.margin is not None:
                assert v.room.startswith("余量 ") and v.cell == v.room and not v.lines, rule
            assert v.outcome_label == (CRITICAL_LABEL if v.critical else {MET: "达到", NOT_MET: "未达到",
                                                                         UNKNOWN: "待补充"}.get(v.outcome, "不要求"))


def test_room_text_in_the_criterion_unit():
    views = gap_views(Evaluator(_app(industry__output_total_2020="32.35"), "SH-2023"))
    assert views["SH-2023.1.output"].room == "余量 2.35亿元（7.83%）"  # 32.35 − 30, ÷ 30
    assert views["SH-2023.1.sme_share"].room == "余量 30.10个百分点（60.2%）"  # a rate: in points
    assert views["SH-2023.2.quality_firms"].room.startswith("余量 91家")  # counts: whole


def test_field_line_is_the_cheapest_change_naming_the_field_without_its_name():
    views = gap_views(Evaluator(_app(industry__output_total_2020="28"), "SH-2023"))
    line = views.field_line("industry.output_total")
    assert line.text == "→ 2020年需达到 30.00亿元（还差 2.00亿元）"
    assert line.tooltip == "近三年产值均在30亿元以上：2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元）"
    assert views.field_line("industry.sme_share") is None


def test_failing_by_ruleset_gives_each_rule_sets_failures_and_changes_that_work():
    app = _app(industry__output_total_2020="25")
    failing = failing_by_ruleset(app, available_rulesets())
    assert list(failing) == available_rulesets()
    assert {rs: [v.rule for v in views] for rs, views in failing.items()} == {
        "CN-2022": ["CN-2022.1.output"], "GZ-2024": [], "HN-2023": [], "SH-2023": ["SH-2023.1.output"]}
    needed = {rs: views[0].gaps[0].needed for rs, views in failing.items() if views}
    assert needed == {"CN-2022": Decimal("40.00"), "SH-2023": Decimal("30.00")}
    # Each change, applied alone, meets its criterion under its rule set.
    for rs, views in failing.items():
        for v in views:
            g = v.gaps[0]
            ev = Evaluator(_app(industry__output_total_2020="25"), rs)
            ev.set_value(g.field, g.applied(ev.values.get(g.field)))
            assert ev.results[v.rule].outcome == MET, (rs, v.rule)
    # The search left the application as it was.
    assert app.values["industry.output_total"]["2020"] == "25"


def test_known_views_are_reused():
    app = _app(industry__output_total_2020="25")
    mine = gap_views(Evaluator(app, "SH-2023"))
    failing = failing_by_ruleset(app, ["SH-2023"], {"SH-2023": mine})
    assert failing["SH-2023"][0] is mine["SH-2023.1.output"]


def test_two_field_change_is_said_as_a_change_on_every_surface_and_names_both_fields():
    # Two years short of 30亿元: no single change meets 近三年均在30亿元以上, the pair does.
    views = gap_views(Evaluator(_app(industry__output_total_2020="28", industry__output_total_2021="28.5"),
                                "SH-2023"))
    v = views["SH-2023.1.output"]
    assert v.outcome == NOT_MET and not v.gaps and len(v.pairs) == 1 and v.changes
    assert v.cell.startswith("还差：2020年") and "同时 2021年" in v.cell
    assert any(line.startswith("还差：") and "同时" in line for line in v.detail.splitlines())
    line = views.field_line("industry.output_total")
    assert line is not None and "还差 2.00亿元" in line.text and "还差 1.50亿元" in line.tooltip
