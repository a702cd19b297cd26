"""Real errors carry their catalogue code: a broken rule set, a broken form definition, a tampered
or foreign package, a bad print request, a CLI usage error (so docs/messages.md can explain them)."""

from __future__ import annotations

import copy
import json

import pytest

from core.errors import UserError
from core.form import load_form
from core.form.loader import parse_form
from core.messages.catalogue import lookup
from core.paths import resource
from core.rules.loader import load_ruleset, parse_ruleset, read_yaml


def _raises(code: str, func, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as err:
        func(*args, **kwargs)
    assert err.value.code == code, err.value.message
    assert lookup(code) is not None and lookup(code).help
    return err.value


def _sh2023() -> dict:
    return copy.deepcopy(read_yaml(resource("rulesets", "SH-2023.yaml")))


def test_a_rule_set_file_that_is_not_yaml_names_file_and_code(tmp_path):
    broken = tmp_path / "X.yaml"
    broken.write_text("rules: [unclosed\n", encoding="utf-8")
    err = _raises("FORMDEF.not_yaml", read_yaml, broken)
    assert str(broken) in err.message


@pytest.mark.parametrize(("change", "code", "words"), [
    (lambda d: d.pop("form"), "RULESET.missing_key", "缺少 form"),
    (lambda d: d["rules"][0].update(indicator=9), "RULESET.bad_indicator", "的指标应为 0–8"),
    (lambda d: d["rules"][0].update(kind="opinion"), "RULESET.bad_kind", "的类别“opinion”无效"),
    (lambda d: d["rules"].append(dict(d["rules"][0])), "RULESET.duplicate_rule", "重复"),
    (lambda d: d["rules"][0]["check"].update(measure={"years_since": "basic.no_such_field"}), "RULESET.bad_check",
     "引用了不存在的字段“basic.no_such_field”"),
])
def test_a_broken_rule_set_fails_at_load_with_its_code(change, code, words):
    data = _sh2023()
    change(data)
    err = _raises(code, parse_ruleset, data, "坏规则集.yaml")
    assert err.message.startswith("规则集文件 坏规则集.yaml 有误：") and words in err.message


def test_unknown_rule_set_and_form():
    assert "SH-2023" in _raises("RULESET.unknown", load_ruleset, "XX-1999").message
    assert "SH-FORM" in _raises("FORMDEF.unknown_form", load_form, "NO-FORM").message


def test_a_field_of_an_unknown_type_fails_the_form_definition():
    data = copy.deepcopy(load_form().raw)
    data["sections"][1]["fields"][0]["type"] = "colour"
    assert "类型“colour”无效" in _raises("FORMDEF.bad_type", parse_form, data, "<测试>").message


def test_a_foreign_or_newer_package_manifest_is_refused_with_its_code(tmp_path):
    from core.package.manifest import loads
    from core.package.verify import verify_package

    assert _raises("PACKAGE.not_found", verify_package, tmp_path / "none.zip").message.startswith("找不到报送包")
    not_zip = tmp_path / "a.zip"
    not_zip.write_bytes(b"not a zip at all")
    _raises("PACKAGE.not_zip", verify_package, not_zip)
    _raises("PACKAGE.manifest_not_json", loads, b"{")
    deep = _raises("PACKAGE.manifest_not_json", loads, b"[" * 100_000 + b"]" * 100_000)
    assert "嵌套层次过深" in deep.message
    _raises("PACKAGE.manifest_foreign", loads, json.dumps({"format": "other"}).encode())


def test_printing_an_unknown_page_and_cli_usage(capsys, sample_app):
    from core.cli.main import main
    from core.pdf import render_pdf_bytes

    _raises("PDF.unknown_page", render_pdf_bytes, sample_app, "cover")
    with pytest.raises(SystemExit) as done:
        main(["check", "--no-such-option"])
    assert done.value.code == 2
    assert lookup("CLI.usage").template.split("{")[0] in capsys.readouterr().err
