"""Every numeric rule of every rule set at its threshold, just below and just above.

Each case is named after the rule id (and the branch, for either/or rules). The application is
the complete sample (which meets every criterion) with only the rule's measure moved to the
boundary; comparisons happen at the form's precision (two decimals, whole numbers for counts).
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from core.application import Application
from core.rules import Evaluator, all_rulesets
from core.rules.model import MET, NOT_MET

EXPECT = {  # operator -> outcome at (below, at, above) the threshold
    ">=": (NOT_MET, MET, MET),
    ">": (NOT_MET, NOT_MET, MET),
    "<=": (MET, MET, NOT_MET),
}


def _numeric_cases():
    for rs in all_rulesets():
        for rule in rs.rules:
            check = rule.check
            if check["type"] == "compare":
                yield pytest.param(rs.id, rule.id, check, None, id=rule.id)
            elif check["type"] == "any_of":
                for n, sub in enumerate(check["checks"]):
                    yield pytest.param(rs.id, rule.id, sub, n, id=f"{rule.id}[branch{n + 1}]")


def _set_measure(values: dict, check: dict, x: Decimal, years: list[int], campaign: int, branches: list | None):
    kind, ref = next(iter(check["measure"].items()))
    ys = [str(y) for y in years]
    if branches:  # either/or: silence the other branches so that only this one decides
        for other in branches:
            if other is not check:
                for key in next(iter(other["measure"].values())):
                    values[key] = dict.fromkeys(ys, "0")
    if kind == "field":
        values[ref] = str(x)
    elif kind == "latest":
        values[ref] = {**values[ref], ys[-1]: str(x)}
    elif kind in ("each", "mean"):
        values[ref] = dict.fromkeys(ys, str(x))
    elif kind == "years_since":
        values[ref] = str(campaign - int(x))
    elif kind in ("sum_latest", "sum"):
        for n, key in enumerate(ref):
            v = str(x) if n == 0 else "0"
            if key.startswith("innovation.platforms"):
                values[key] = {"count": v, "names": "测试平台" if v != "0" else ""}
            else:
                values[key] = dict.fromkeys(ys, v)
    elif kind == "standards_total":
        values[ref] = {y: {"national": {"lead": 0, "participate": 0}} for y in ys}
        values[ref][ys[-1]]["national"]["participate"] = int(x)
    elif kind == "derived" and ref == "leading_output_growth":
        # Leading-industry output grows from 100 × 70% by (1 + x%) per step over two steps.
        values["industry.output_total"] = {ys[0]: "100", ys[1]: "110", ys[2]: str(100 * (1 + x / 100) ** 2)}
        values["industry.leading_share"] = dict.fromkeys(ys, "70")
        values.pop("industry.leading_growth", None)
    elif kind == "derived" and ref == "rd_growth_mean":
        values["innovation.rd_growth"] = dict.fromkeys(ys, str(x))
    elif kind == "derived" and ref == "patents_per_10k":
        # 1,000,000 employees: one patent is 0.01 per 10,000.
        values["innovation.sme_employees"] = "1000000"
        values["innovation.patents"] = str(int(x * 100))
        values.pop("innovation.patents_per_10k", None)
    else:  # pragma: no cover - a new measure kind needs a case here
        raise AssertionError(f"no boundary setter for {kind}")


def _step(check: dict) -> Decimal:
    kind = next(iter(check["measure"]))
    whole = kind in ("years_since", "sum_latest", "sum", "standards_total")
    return Decimal(1) if whole else Decimal("0.01")


@pytest.mark.parametrize(("ruleset_id", "rule_id", "check", "branch"), list(_numeric_cases()))
def test_threshold_boundaries(sample_doc, ruleset_id, rule_id, check, branch):
    threshold = Decimal(str(check["threshold"]))
    step = _step(check)
    outcomes = []
    for x in (threshold - step, threshold, threshold + step):
        doc = copy.deepcopy(sample_doc)
        app = Application.from_json(doc)
        rs_rule = next(r for r in all_rulesets() if r.id == ruleset_id).rule(rule_id)
        branches = rs_rule.check["checks"] if branch is not None else None
        _set_measure(app.values, check, x, app.years, app.campaign, branches)
        report = Evaluator(app, ruleset_id).report()
        outcomes.append(next(c for c in report.criteria if c.rule.id == rule_id).outcome)
    assert tuple(outcomes) == EXPECT[check["op"]], f"{rule_id}: {check['op']} {threshold}"


def test_every_numeric_criterion_of_the_criteria_table_is_covered():
    """The thresholds of spec/criteria.md, rule set by rule set, with their operators."""
    wanted = {
        "SH-2023": {"0.established": (">=", 3), "0.area": ("<=", 100), "1.output": (">=", 30),
                    "1.sme_share": (">=", 50), "1.leading_share": (">", 50), "1.growth": (">", 10),
                    "4.rd_growth": (">", 5), "4.platforms": (">=", 1), "4.standards": (">=", 2),
                    "4.patent_growth": (">=", 15), "4.patents_per_10k": (">=", 15), "5.iiot": (">=", 10)},
        "HN-2023": {"1.area": ("<=", 100), "1.output": (">=", 20), "1.sme_share": (">=", 60),
                    "1.leading_share": (">", 60), "1.growth": (">", 5), "4.rd_growth": (">", 5),
                    "4.patent_growth": (">=", 10), "4.patents_per_10k": (">=", 6)},
        "GZ-2024": {"1.area": ("<=", 100), "1.output": (">=", 30), "1.sme_share": (">", 60),
                    "1.leading_share": (">", 60), "1.growth": (">", 5), "4.rd_growth": (">", 10),
                    "4.patent_growth": (">=", 15), "4.patents_per_10k": (">=", 15), "5.iiot": (">=", 15)},
    }
    sets = {rs.id: rs for rs in all_rulesets()}
    for rs_id, rules in wanted.items():
        for suffix, (op, threshold) in rules.items():
            rule = sets[rs_id].rule(f"{rs_id}.{suffix}")
            assert (rule.check["op"], rule.check["threshold"]) == (op, threshold), rule.id
    assert sets["SH-2023"].rule("SH-2023.0.area").soft and sets["HN-2023"].rule("HN-2023.1.area").soft
    assert not sets["GZ-2024"].rule("GZ-2024.1.area").soft  # 不超过, not 一般不超过
    assert next(iter(sets["GZ-2024"].rule("GZ-2024.1.output").check["measure"])) == "mean"  # 年均
    assert next(iter(sets["SH-2023"].rule("SH-2023.1.output").check["measure"])) == "each"  # 均在
    either = {rs: [(c["op"], c["threshold"]) for c in sets[rs].rule(f"{rs}.2.quality_firms").check["checks"]]
              for rs in ("SH-2023", "HN-2023", "GZ-2024")}
    assert either == {"SH-2023": [(">=", 1), (">=", 10)], "HN-2023": [(">=", 1), (">=", 5)],
                      "GZ-2024": [(">=", 1), (">=", 10)]}
