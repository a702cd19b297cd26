"""Incremental re-evaluation gives exactly what a full evaluation gives."""

from __future__ import annotations

import copy
import random

from core.application import Application
from core.rules import Evaluator

EDITS = [
    ("industry.output_total", {"2020": "29", "2021": "31", "2022": "35"}),
    ("industry.leading_share", {"2020": "70", "2021": "50", "2022": "50.00"}),
    ("industry.leading_growth", "3"),
    ("innovation.patents", "10"),
    ("innovation.sme_employees", "0"),
    ("innovation.rd_growth", {"2020": "1", "2021": "x", "2022": ""}),
    ("industry.smes", {"2020": "500", "2021": "1", "2022": "1"}),
    ("basic.area", "120"),
    ("basic.established_year", "2022"),
    ("industry.chain_work", {"selected": ["map", "supply_risk"]}),
    ("digital.services", {"selected": ["other"], "texts": {"other": ""}}),
    ("plan.overview", "规" * 1990),
    ("green.co2_intensity", {"2020": "1", "2021": "2", "2022": "3"}),
    ("basic.incidents", "yes"),
    ("basic.incidents", None),
    ("industry.growth_waiver", "yes"),
    ("innovation.platforms_national", {"count": "0", "names": ""}),
    ("innovation.standards", None),
    # Impossible values and combinations that block other rules (docs/rules.md, blank is not zero).
    ("industry.firms", {"2020": "0", "2021": "0", "2022": "0"}),
    ("industry.firms", {"2020": "500", "2021": "520", "2022": "540"}),
    ("industry.sme_share", {"2020": "60", "2021": "70", "2022": "120"}),
    ("industry.sme_share", {"2020": "60", "2021": "70", "2022": "0.7"}),
    ("industry.output_total", {"2020": "41", "2021": "-1", "2022": "3000"}),
    ("innovation.platforms_national", {"count": "2", "names": ""}),
]


def test_random_edit_sequences_match_a_fresh_evaluation(sample_doc):
    rng = random.Random(20231)
    for ruleset in ("SH-2023", "HN-2023", "GZ-2024"):
        ev = Evaluator(Application.from_json(copy.deepcopy(sample_doc)), ruleset)
        for _ in range(60):
            key, value = rng.choice(EDITS)
            incremental = ev.set_value(key, copy.deepcopy(value)).to_json()
            doc = copy.deepcopy(sample_doc)
            doc["values"] = copy.deepcopy(ev.values)
            doc["values"] = {k: v for k, v in doc["values"].items() if v is not None}
            fresh = Evaluator(Application.from_json(doc), ruleset).report().to_json()
            assert incremental == fresh, key
            fresh_outcomes = [c.outcome for c in Evaluator(Application.from_json(doc), ruleset).report().criteria]
            assert [c.outcome for c in ev.report().criteria] == fresh_outcomes, key


def test_evidence_change_re_evaluates(sample_app):
    ev = Evaluator(sample_app, "SH-2023")
    targets = {e["target"] for e in sample_app.evidence}
    report = ev.set_evidence(targets - {"open.activities:expos"})
    assert report.indicators[7] == "incomplete"
    assert ev.set_evidence(targets).indicators[7] == "pass"


def test_an_edit_reruns_only_dependent_rules(sample_app, monkeypatch):
    from core.rules import criteria

    ev = Evaluator(sample_app, "SH-2023")
    seen = []
    real = criteria.evaluate
    monkeypatch.setattr(criteria, "evaluate", lambda rule, ctx: seen.append(rule.id) or real(rule, ctx))
    ev.set_value("basic.area", "50")
    assert seen == ["SH-2023.0.area"]
