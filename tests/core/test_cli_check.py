"""The headless commands rules, new and check, run as a user runs them."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys

import pytest

from core.cli.main import main
from core.paths import resource

SAMPLE = str(resource("samples", "sample-application.json"))


def run_cli(*args, env=None):
    """Run the real console entry point in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "core.cli.main", *args],
        capture_output=True, text=True, encoding="utf-8", env={**os.environ, **(env or {})}, timeout=60,
    )


def test_rules_lists_every_rule_set(capsys):
    assert main(["rules", "--format", "json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert ids == ["CN-2022", "GZ-2024", "HN-2023", "SH-2023"]


def test_new_writes_an_empty_application(tmp_path, capsys):
    out = tmp_path / "new.json"
    assert main(["new", "--rules", "HN-2023", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["rules"], doc["campaign"], doc["values"]) == ("HN-2023", 2023, {})
    assert main(["check", str(out), "--format", "json"]) == 1  # empty: incomplete


def test_check_json_has_exactly_the_documented_shape():
    proc = run_cli("check", SAMPLE, "--rules", "SH-2023", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"verdict", "indicators", "findings", "gaps"}
    assert out["gaps"] == []  # everything met: nothing to change
    assert out["verdict"] == "pass" and list(out["indicators"]) == [str(i) for i in range(9)]


def test_check_exit_1_and_findings_when_not_eligible(tmp_path, sample_doc):
    doc = copy.deepcopy(sample_doc)
    doc["values"]["industry.leading_share"]["2022"] = "58.40"
    path = tmp_path / "app.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("check", str(path), "--rules", "HN-2023", "--format", "json")
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["verdict"] == "fail" and out["indicators"]["1"] == "fail"
    finding = next(f for f in out["findings"] if f["kind"] == "criterion")
    assert set(finding) == {"rule", "indicator", "kind", "severity", "fields", "message", "citation"}
    assert finding["rule"] == "HN-2023.1.leading_share" and finding["fields"] == ["industry.leading_share"]
    text = run_cli("check", str(path), "--rules", "HN-2023")
    assert text.returncode == 1
    assert "【不符合】指标一 具有较强核心竞争力" in text.stdout and "58.40%" in text.stdout


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("{not json", (), "不是有效的 JSON"),
        ('{"format": "cluster-declare.application"}', (), "缺少必需的键"),
        (None, ("--rules", "XX-2099"), "未知的规则集“XX-2099”"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(tmp_path, content, args, message):
    path = tmp_path / "app.json"
    if content is None:
        shutil.copy(SAMPLE, path)
    else:
        path.write_text(content, encoding="utf-8")
    proc = run_cli("check", str(path), *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("错误：") and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_rule_set_with_a_broken_field_reference_is_refused_at_load(tmp_path):
    res = tmp_path / "resources"
    shutil.copytree(resource(), res)
    path = res / "rulesets" / "SH-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("industry.sme_share", "industry.sme_shares"),
                    encoding="utf-8")
    proc = run_cli("check", SAMPLE, "--rules", "SH-2023", env={"CLUSTER_DECLARE_RESOURCES": str(res)})
    assert proc.returncode == 2
    assert "规则集文件" in proc.stderr and "SH-2023.1.sme_share" in proc.stderr
    assert "引用了不存在的字段“industry.sme_shares”" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_errors_are_in_chinese_with_exit_2():
    proc = run_cli("check")
    assert proc.returncode == 2
    assert "错误：缺少必需的参数" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("check", SAMPLE, "--format", "xml")
    assert proc.returncode == 2 and "取值无效" in proc.stderr


def test_text_report_does_not_repeat_the_row_label():
    proc = run_cli("check", SAMPLE)
    assert "✓ 工业软件应用率稳步提升：填报“是”" in proc.stdout
