"""Two-field changes (core/rules/gaps_pairs.py): offered only when no single change meets the
criterion; applying both meets it, moving either one step back fails it, nothing else moves; and
where two changes cannot do it either, the note says so."""

from __future__ import annotations

import copy
import json
import random
from decimal import Decimal

import pytest

from core.application import Application
from core.rules import Evaluator
from core.rules.gaps import NO_PAIR, PAIRS_NOTE, compute_gaps, gaps_json
from core.rules.gaps_search import step_of, with_value
from core.rules.model import MET, NOT_MET
from core.rules.report_text import render_text
from tests.core.test_gaps import RULESETS, SAMPLE, _app, _gaps_for, _perturbed


def _check_pairs(app: Application, rs: str) -> int:
    ev = Evaluator(app, rs)
    checked = 0
    for cg in compute_gaps(ev):
        if cg.pairs:
            assert cg.outcome == NOT_MET and not cg.gaps and cg.note == PAIRS_NOTE
        for a, b in cg.pairs:
            fresh = Evaluator(Application.from_json(copy.deepcopy(app.to_json())), rs)

            def put(g, value, fresh=fresh):
                fresh.set_value(g.field, with_value(fresh.values.get(g.field), g.year, str(value), g.cell))

            put(a, a.needed)
            assert fresh.results[cg.rule].outcome != MET, (a, "one change alone does not do it")
            put(b, b.needed)
            assert fresh.results[cg.rule].outcome == MET, (a, b)
            diff = {k for k in set(fresh.values) | set(app.values) if fresh.values.get(k) != app.values.get(k)}
            assert diff == {a.field, b.field}
            for moved, kept in ((a, b), (b, a)):  # either one step back towards its current value
                step = step_of(fresh, moved.field, moved.cell)
                put(moved, moved.needed - step if moved.change > 0 else moved.needed + step)
                assert fresh.results[cg.rule].outcome != MET, (moved, kept)
                put(moved, moved.needed)
                assert fresh.results[cg.rule].outcome == MET
            checked += 1
    return checked


def _two_short(seed: int) -> Application:
    """A random application with two years' output below every rule set's bar (and the third above)."""
    rng = random.Random(seed)
    app = _perturbed(seed)
    doc = app.to_json()
    years = rng.sample(["2020", "2021", "2022"], 2)
    out = {y: f"{rng.uniform(45, 80):.2f}" for y in ("2020", "2021", "2022")}
    for y in years:
        out[y] = f"{rng.uniform(5, 29.9):.2f}"
    doc["values"]["industry.output_total"] = out
    co2 = sorted(Decimal(f"{rng.uniform(0.2, 0.6):.2f}") for _ in range(3))  # rising: 逐年下降 fails
    doc["values"]["green.co2_intensity"] = {y: str(v) for y, v in zip(("2020", "2021", "2022"), co2, strict=True)}
    return Application.from_json(doc)


@pytest.mark.parametrize("rs", RULESETS)
def test_random_two_field_changes_meet_and_either_step_back_fails(rs):
    total = 0
    for seed in range(8):
        total += _check_pairs(_two_short(seed), rs)
    rules = Evaluator(_two_short(0), rs).ruleset.rules
    if any(r.check["type"] == "decreasing" or "each" in r.check.get("measure", {}) for r in rules):
        assert total >= 8  # every application had at least one criterion needing two changes


def test_two_years_short_the_brief_example():
    app = _app(series={("industry.output_total", 2020): "28.00", ("industry.output_total", 2021): "28.50"})
    cg = _gaps_for(app, "SH-2023", "SH-2023.1.output")
    assert not cg.gaps and len(cg.pairs) == 1
    assert cg.lines == ["2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元），同时 "
                        "2021年集群总产值（营业收入）需达到 30.00亿元（还差 1.50亿元）"]
    (a, b), = cg.pairs
    assert (a.year, a.needed, b.year, b.needed) == (2020, Decimal("30.00"), 2021, Decimal("30.00"))
    assert _check_pairs(app, "SH-2023") == 1


def test_three_years_short_no_two_changes_will_do():
    app = _app(series={("industry.output_total", y): "20.00" for y in (2020, 2021, 2022)})
    cg = _gaps_for(app, "SH-2023", "SH-2023.1.output")
    assert cg.outcome == NOT_MET and not cg.gaps and not cg.pairs
    assert cg.note == NO_PAIR == "无法通过修改一项或两项填报数据达到此标准"
    assert cg.lines == [NO_PAIR]
    ev = Evaluator(app, "SH-2023")
    text = render_text(app, ev.report(), compute_gaps(ev))
    assert f"        （{NO_PAIR}）" in text.splitlines() and f"还差：{NO_PAIR}" not in text


def test_json_gives_a_pair_as_one_change_with_its_partner(tmp_path):
    from tests.core.test_cli_check import run_cli

    app = _app(series={("industry.output_total", 2020): "28.00", ("industry.output_total", 2021): "28.50"})
    path = tmp_path / "app.json"
    path.write_text(json.dumps(app.to_json(), ensure_ascii=False), encoding="utf-8")
    out = json.loads(run_cli("check", str(path), "--rules", "SH-2023", "--format", "json").stdout)
    cgs = compute_gaps(Evaluator(app, "SH-2023"))
    assert out["gaps"] == gaps_json(cgs)
    pair = next(g for g in out["gaps"] if g["rule"] == "SH-2023.1.output")
    keys = {"rule", "field", "year", "current", "needed", "change", "unit", "text"}
    assert set(pair) == keys | {"with"} and [set(w) for w in pair["with"]] == [keys]
    assert (pair["year"], pair["needed"], pair["change"]) == (2020, "30.00", "2.00")
    assert (pair["with"][0]["year"], pair["with"][0]["needed"], pair["with"][0]["change"]) == (2021, "30.00", "1.50")
    assert pair["text"].endswith("，同时 " + pair["with"][0]["text"])
    assert pair["text"].startswith("2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元），同时 ")
    singles = [g for g in out["gaps"] if "with" not in g]
    assert all(set(g) == keys for g in singles)
    text = run_cli("check", str(path), "--rules", "SH-2023").stdout
    assert f"还差：{pair['text']}" in text


def test_sample_needs_no_pairs():
    for rs in RULESETS:
        assert not any(c.pairs for c in compute_gaps(Evaluator(Application.from_json(copy.deepcopy(SAMPLE)), rs)))
