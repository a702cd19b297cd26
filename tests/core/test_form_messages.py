"""FORM.*, APP.* and XLSX.* messages come from the catalogue: real errors carry their code and the
catalogue's wording."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from core.application import read_application_file
from core.errors import UserError
from core.form import load_form
from core.messages import form as form_msg
from core.messages.catalogue import catalogue
from core.rules import load_ruleset
from core.rules.engine import evaluate
from core.rules.fieldchecks import check_field
from core.rules.state import parse_field

YEARS = [2020, 2021, 2022]


def test_every_form_finding_of_a_real_evaluation_has_a_catalogue_entry(sample_app):
    app = sample_app
    app.values["basic.cluster_name"] = "名" * 200  # too long
    app.values.pop("basic.authority", None)  # required, missing
    report = evaluate(app, load_ruleset(app.rules))
    catalogued = {form_msg.rule_of(code) for code in catalogue() if code.startswith("FORM.")}
    rules = {f.rule for f in report.findings if f.rule.startswith("FORM.")}
    assert {"FORM.length", "FORM.required"} <= rules
    assert {r for r in rules if not r.startswith("FORM.derived.")} <= catalogued


def test_a_finding_uses_the_template_of_its_code():
    fd = load_form().fields["basic.cluster_name"]
    [f] = check_field(parse_field(fd, "名" * 61, YEARS), load_form(), frozenset(), {})
    assert f.rule == "FORM.length"
    assert f.message == f"{fd.label}：" + form_msg.LENGTH.text(limit=60, count=61) == f"{fd.label}：超出60字限制（现61字）"


def test_a_bad_application_file_names_its_code(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_application_file(path)
    assert err.value.code == "APP.file.json" and "第 1 行" in err.value.message
    path.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_application_file(path)
    assert err.value.code == "APP.wrong_format"
    with pytest.raises(UserError) as err:
        read_application_file(tmp_path / "missing.json")
    assert err.value.code == "APP.file.not_found"


def test_an_unknown_field_in_a_document(sample_doc):
    from core.application import Application

    doc = copy.deepcopy(sample_doc)
    doc["values"]["no.such"] = "x"
    with pytest.raises(UserError) as err:
        Application.from_json(doc)
    assert err.value.code == "APP.unknown_field" and "no.such" in err.value.message


def test_a_bad_cell_names_the_cell_and_its_code():
    from core.xlsx.cells import CellError, read_number

    with pytest.raises(CellError) as err:
        read_number(dt.date(2022, 3, 1), "number", "亿元", 2, "「二、主导产业情况」第 3 行 G 列")
    assert err.value.code == "XLSX.cell.date"
    assert str(err.value) == "「二、主导产业情况」第 3 行 G 列是日期或时间（2022-03-01），此栏应填写数字"
    with pytest.raises(CellError) as err:
        read_number("十二点五", "number", "亿元", 2, "「二、主导产业情况」第 3 行 G 列")
    assert err.value.code == "XLSX.cell.number" and str(err.value).startswith("「二、主导产业情况」第 3 行 G 列：")


def test_the_store_refuses_a_value_with_the_kinds_message():
    from core.store.documents import validate_value

    assert validate_value("SH-FORM", 2023, "basic.authority_phone", "021") == "021"
    with pytest.raises(UserError) as err:
        validate_value("SH-FORM", 2023, "industry.output_total", "12")
    assert err.value.code == "APP.value.type" and "填报内容：字段" in err.value.message
    with pytest.raises(UserError) as err:
        validate_value("SH-FORM", 2023, "no.such", "x")
    assert err.value.code == "APP.unknown_key" and err.value.message == "未知字段“no.such”（申报表 SH-FORM 中没有此栏目）"
