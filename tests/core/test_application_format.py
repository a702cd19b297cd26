"""The versioned JSON format: schema round-trip and clear refusals."""

from __future__ import annotations

import copy
import json

import pytest

from core.application import Application, read_application_file, write_application_file
from core.errors import UserError
from core.rules.applications import new_application


def test_round_trip_is_exact(sample_doc, tmp_path):
    app = Application.from_json(copy.deepcopy(sample_doc))
    assert app.to_json() == sample_doc
    out = tmp_path / "app.json"
    write_application_file(app, out)
    assert json.loads(out.read_text(encoding="utf-8")) == sample_doc
    assert read_application_file(out).to_json() == sample_doc


def test_schema_file_validates_the_sample(sample_doc):
    from jsonschema import Draft202012Validator

    from core.paths import resource

    schema = json.loads(resource("schema", "application.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert not list(Draft202012Validator(schema).iter_errors(sample_doc))


def test_new_application_follows_the_campaign_of_the_rule_set():
    app = new_application("GZ-2024")
    assert (app.campaign, app.jurisdiction, app.form, app.years) == (2024, "GZ", "SH-FORM", [2021, 2022, 2023])
    assert Application.from_json(app.to_json()).to_json() == app.to_json()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["values"].update({"industry.bogus": "1"}), "未知字段“industry.bogus”"),
        (lambda d: d["values"].update({"basic.area": ["12"]}), "集群占地面积"),
        (lambda d: d["values"].update({"basic.incidents": "maybe"}), "近三年是否发生"),
        (lambda d: d["values"].update({"industry.firms": {"2019": "5"}}), "年份 2019 不属于本次申报的近三年（2020–2022年）"),
        (lambda d: d["values"].update({"industry.chain_work": {"selected": ["nope"]}}), "没有选项“nope”"),
        (lambda d: d["values"].update({"industry.chain_work": {"selected": [], "texts": {"map": "x"}}}),
         "不能填写文字"),
        (lambda d: d.update({"format_version": 9}), "比本程序支持的版本 1 新"),
        (lambda d: d.update({"format": "something"}), "不是集群申报数据文件"),
        (lambda d: d.update({"surprise": 1}), "未知的键"),
        (lambda d: d.pop("campaign"), "缺少必需的键"),
        (lambda d: d.update({"campaign": "2023"}), "位置 campaign"),
        (lambda d: d["evidence"][0].update({"sha256": "xyz"}), "evidence/0/sha256"),
    ],
)
def test_bad_documents_are_refused_with_a_message_naming_the_problem(sample_doc, mutate, message):
    doc = copy.deepcopy(sample_doc)
    mutate(doc)
    with pytest.raises(UserError) as err:
        Application.from_json(doc, origin="文件 app.json")
    assert message in err.value.message
    assert err.value.message.startswith("文件 app.json")


def test_unreadable_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(UserError, match="不是有效的 JSON：第 1 行"):
        read_application_file(bad)
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(UserError, match="不是 UTF-8"):
        read_application_file(bad)
    with pytest.raises(UserError, match="找不到文件"):
        read_application_file(tmp_path / "missing.json")
    bad.write_text('{"values": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(UserError, match="嵌套层次过深") as deep:
        read_application_file(bad)
    assert deep.value.code == "APP.file.too_deep"
