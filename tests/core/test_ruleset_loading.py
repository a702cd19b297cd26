"""Rule sets are checked when they load: a typo never reaches an official."""

from __future__ import annotations

import copy

import pytest

from core.errors import UserError
from core.form.loader import read_yaml
from core.rules import all_rulesets, parse_ruleset
from core.rules.loader import rulesets_dir


@pytest.fixture
def sh():
    return read_yaml(rulesets_dir() / "SH-2023.yaml")


def test_every_rule_has_id_indicator_citation_and_message():
    for rs in all_rulesets():
        assert rs.issuer and rs.document
        for rule in rs.rules:
            assert rule.id.startswith(rs.id + f".{rule.indicator}.")
            assert rule.citation and rule.message and rule.title
            assert "{found}" in rule.message and "{citation}" in rule.message


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["check"]["measure"].update({"latest": "industry.nope"}), "引用了不存在的字段“industry.nope”"),
        (lambda r: r["check"].update({"measure": {"each": "basic.area"}}), "不是逐年数据"),
        (lambda r: r["check"].update({"measure": {"field": "industry.sme_share"}}), "是逐年数据"),
        (lambda r: r["check"].update({"measure": {"derived": "nope"}}), "不存在的计算值“nope”"),
        (lambda r: r["check"].update({"op": "=>"}), "比较符“=>”无效"),
        (lambda r: r.update({"severtiy": "error"}), "未知的键：severtiy"),
        (lambda r: r.update({"indicator": 9}), "指标应为 0–8"),
        (lambda r: r.update({"kind": "rule"}), "类别“rule”无效"),
        (lambda r: r["check"].update({"type": "between"}), "判断方式无效"),
    ],
)
def test_broken_rules_fail_at_load_naming_the_rule(sh, mutate, message):
    data = copy.deepcopy(sh)
    rule = next(r for r in data["rules"] if r["id"] == "SH-2023.1.sme_share")
    mutate(rule)
    with pytest.raises(UserError) as err:
        parse_ruleset(data, "SH-2023.yaml")
    assert "SH-2023.yaml" in err.value.message and message in err.value.message


def test_duplicate_rule_ids_are_refused(sh):
    data = copy.deepcopy(sh)
    data["rules"].append(copy.deepcopy(data["rules"][0]))
    with pytest.raises(UserError, match="重复"):
        parse_ruleset(data, "SH-2023.yaml")


def test_yes_no_rules_check_their_values(sh):
    data = copy.deepcopy(sh)
    rule = next(r for r in data["rules"] if r["id"] == "SH-2023.6.energy")
    rule["check"]["accept"] = ["maybe"]
    with pytest.raises(UserError, match="取值"):
        parse_ruleset(data, "SH-2023.yaml")
