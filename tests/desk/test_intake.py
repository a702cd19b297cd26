"""受理: a folder of 30 submissions of every kind, bad ones included, into a real register."""

from __future__ import annotations

import json
import sqlite3

from core.cli.main import main
from core.desk.intake import intake_folder


def test_intake_of_a_mixed_folder_takes_in_the_good_and_sets_aside_the_bad(desk, mixed_folder):
    result = intake_folder(desk, mixed_folder, "SH-2023")
    assert len(result.items) == 30
    by_name = {i.name: i for i in result.items}
    for line in (i.line() for i in result.items):
        print(line)
    assert len(result.taken_in) == 23 and len(result.set_aside) == 7
    assert result.exit_code == 1
    reasons = {n: i.reason for n, i in by_name.items() if not i.taken_in}
    assert "“有问题/被改动.zip”未通过校验" in reasons["有问题/被改动.zip"]
    assert "application.json" in reasons["有问题/被改动.zip"]
    assert "HN-2023" in reasons["有问题/海南集群.zip"] and "不是本批次 SH-2023" in reasons["有问题/海南集群.zip"]
    assert "不是完整的 zip 报送包" in reasons["有问题/损坏.zip"]
    assert "不是完整的 zip 报送包" in reasons["有问题/拷贝一半.zip"]
    assert "“有问题/格式不对.json”" in reasons["有问题/格式不对.json"]
    assert "旧模板.xlsx" in reasons["有问题/旧模板.xlsx"]
    assert "完全相同" in reasons["有问题/重复报送.zip"] and "SH-2023-014" in reasons["有问题/重复报送.zip"]
    # Every entry, refused ones included, is in the register with a number of its own.
    subs = desk.submissions("SH-2023")
    assert [s.number for s in subs] == [f"SH-2023-{n:03d}" for n in range(1, 31)]
    kinds = {s.source_kind for s in subs if s.taken_in}
    assert kinds == {"package", "json", "excel"}
    first = next(s for s in subs if s.source_kind == "package")
    assert first.verification_result == "unconfirmed" and first.fingerprint
    assert first.verdict in ("pass", "fail", "incomplete")


def test_received_bytes_are_kept_as_received(desk, mixed_folder, tmp_path):
    intake_folder(desk, mixed_folder, "SH-2023")
    for s in desk.submissions("SH-2023"):
        if s.file_sha256:
            original = mixed_folder / s.file_name
            out = desk.archive.export(s.file_sha256, tmp_path / "again.bin")
            assert out.read_bytes() == original.read_bytes()


def test_cli_intake_list_and_exit_codes(mixed_folder, register_path, capsys):
    register_path.parent.mkdir(parents=True)
    code = main(["desk", "intake", str(mixed_folder), "--rules", "SH-2023", "--db", str(register_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "不予受理 7 份" in out and "拷贝一半.zip" in out
    assert main(["desk", "list", "--rules", "SH-2023", "--format", "json", "--db", str(register_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 30
    keys = {"受理编号", "cluster_name", "source_kind", "verification", "status", "verdict"}
    assert all(keys <= set(r) for r in rows)
    conn = sqlite3.connect(register_path)
    assert conn.execute("SELECT count(*) FROM desk_submissions WHERE status='refused'").fetchone()[0] == 7
    conn.close()
    assert main(["desk", "intake", str(mixed_folder / "nowhere"), "--rules", "SH-2023",
                 "--db", str(register_path)]) == 2
    assert "不存在" in capsys.readouterr().err
