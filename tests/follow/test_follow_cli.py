"""The follow-up commands end to end on a real database file (docs/follow-up.md)."""

from __future__ import annotations

import json
import subprocess

import pytest

from core.cli.main import main
from tests.follow.conftest import LIST, ON_PLAN, SAMPLE

ID = "2023-001"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(store_url, capsys):
    path = str(store_url)  # a SQLite file or a PostgreSQL URL
    assert run(capsys, "import", str(SAMPLE), "--db", path)[0] == 0
    return path


def _year(capsys, db, year, figures):
    assert run(capsys, "annual", "new", ID, "--year", str(year), "--db", db)[0] == 0
    code, out, err = run(capsys, "annual", "fields", ID, "--db", db)
    keys = [line.split()[0] for line in out.splitlines()]
    items = [f"{k}={year}年情况" for k in keys if k.startswith("report.")]
    from tests.follow.conftest import latest

    for k in keys:
        if k.startswith("figures."):
            field = k[len("figures."):]
            v = figures.get(field, latest(field))
            items.append(f"{k}={json.dumps(v) if isinstance(v, dict) else v}")
    code, out, err = run(capsys, "annual", "set", ID, "--year", str(year), *items, "--db", db)
    assert code == 0, err
    assert run(capsys, "annual", "submit", ID, "--year", str(year), "--date", f"{year + 1}-04-01", "--db", db)[0] == 0


def test_headless_follow_up_to_the_review(capsys, db, tmp_path):
    code, out, err = run(capsys, "recognize", ID, "--date", "2023-11-20", "--list", LIST, "--db", db)
    assert code == 0 and "有效期至 2026-11-19" in out
    code, out, _ = run(capsys, "due", "--on", "2024-04-15", "--format", "json", "--db", db)
    data = json.loads(out)
    assert data["on"] == "2024-04-15"
    assert [(i["kind"], i["due"], i["days_left"], i["overdue"]) for i in data["items"]] == [
        ("annual_report", "2024-04-10", -5, True)]
    code, out, _ = run(capsys, "targets", "propose", ID, "--save", "--db", db)
    assert code == 0 and "识别出 10 个目标" in out and "出自“到2025年：集群总产值达到80亿元”" in out
    code, out, _ = run(capsys, "targets", "confirm", ID, "all", "--db", db)
    assert out.count("已确认发展目标") == 10
    for year in (2023, 2024, 2025):
        _year(capsys, db, year, ON_PLAN[year])
    code, out, _ = run(capsys, "annual", "check", ID, "--year", "2023", "--format", "json", "--db", db)
    check = json.loads(out)
    assert check["verdict"] == "pass" and any(t["status"] == "behind" for t in check["targets"])
    pdf = tmp_path / "复核.pdf"
    code, out, err = run(capsys, "review-report", ID, "-o", str(pdf), "--on", "2026-11-01", "--db", db)
    assert code == 0, err
    assert "复核（2026-11-01）：通过" in out
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "结论：通过" in text
    code, out, _ = run(capsys, "annual", "pdf", ID, "--year", "2024", "-o", str(tmp_path / "a.pdf"), "--db", db)
    assert code == 0 and (tmp_path / "a.pdf").stat().st_size > 1000
    code, out, _ = run(capsys, "event", "add", ID, "--kind", "operator", "--date", "2025-05-01", "--text",
                       "运营管理机构变更", "--db", db)
    assert code == 0 and "未报备" in out
    code, out, _ = run(capsys, "review-report", ID, "--on", "2026-11-01", "--format", "json", "--db", db)
    assert json.loads(out)["verdict"] == "fail"
    code, out, _ = run(capsys, "follow-export", "-o", str(tmp_path / "t.xlsx"), "--db", db)
    assert code == 0 and (tmp_path / "t.xlsx").is_file()


@pytest.mark.parametrize(("argv", "needle"), [
    (["recognize", ID, "--date", "2023-11-31", "--list", LIST], "认定日期“2023-11-31”不是有效日期"),
    (["recognize", ID, "--date", "2022-11-30", "--list", LIST], "早于申报年度 2023 年"),
    (["annual", "new", ID, "--year", "2023"], "尚未记录为已认定"),
    (["due", "--on", "明天"], "--on“明天”不是有效日期"),
    (["targets", "add", ID, "--metric", "industry.nonsense", "--target", "3"], "不是申报表中的数值项"),
    (["targets", "add", ID, "--metric", "industry.output_total", "--target", "八十"], "目标值“八十”无效"),
    (["annual", "set", ID, "--year", "2023", "no_equals_sign"], "应写作 KEY=VALUE"),
])
def test_bad_input_gives_a_chinese_message_and_exit_2(capsys, db, argv, needle):
    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 2 and needle in err and "Traceback" not in err


def test_second_report_for_a_year_is_refused(capsys, db):
    run(capsys, "recognize", ID, "--date", "2023-11-20", "--list", LIST, "--db", db)
    assert run(capsys, "annual", "new", ID, "--year", "2023", "--db", db)[0] == 0
    code, _, err = run(capsys, "annual", "new", ID, "--year", "2023", "--db", db)
    assert code == 2 and "同一年度不能再建一份" in err
