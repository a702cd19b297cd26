"""The whole desk from the command line: intake, review, notice, compare, rank, status, export, verify."""

from __future__ import annotations

import json
import shutil

from core.cli.main import main

from .conftest import PASSPHRASE


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_campaign_from_the_command_line(tmp_path, package_pool, district_identity, capsys, monkeypatch,
                                       register_path):
    monkeypatch.setenv("CLUSTER_DECLARE_CERT_PASSPHRASE", PASSPHRASE.decode())
    db = register_path  # a SQLite file or a PostgreSQL URL (engine_name)
    folder = tmp_path / "收件"
    folder.mkdir()
    for p in package_pool[:3]:
        shutil.copy(p, folder)
    d = ["--db", str(db)]
    code, out, _ = run(capsys, "desk", "intake", str(folder), "--rules", "SH-2023", *d)
    assert code == 0 and "共 3 份：已受理 3 份" in out and "desk trust" in out
    numbers = ["SH-2023-001", "SH-2023-002", "SH-2023-003"]

    code, out, _ = run(capsys, "desk", "status", "--rules", "SH-2023", "--today", "2023-05-08", *d)
    assert "推荐截止：2023-05-12，还有 4 天" in out and "3 份未开始初审" in out and "沪经信企〔2023〕304号" in out

    code, out, _ = run(capsys, "desk", "review", numbers[0], *d)
    assert code == 0 and "[0.established]" in out and "由评审人判断" in out
    code, _, err = run(capsys, "desk", "review", numbers[0], "--item", "0.area", *d)
    assert code == 2 and "--verdict" in err
    for no in numbers:
        code, out, _ = run(capsys, "desk", "review", no, "--accept-program", *d)
        for item in ("3", "7", "8"):
            run(capsys, "desk", "review", no, "--item", item, "--verdict", "符合", "--remark", "材料齐全", *d)
    code, out, _ = run(capsys, "desk", "review", numbers[2], "--request", "补充产业链图谱", "--due", "2023-05-05",
                       "--decide", "需补正", "--notice", str(tmp_path / "补正.pdf"), *d)
    assert code == 0 and "需补正" in out and (tmp_path / "补正.pdf").stat().st_size > 1000
    for no in numbers[:2]:
        code, out, err = run(capsys, "desk", "review", no, "--decide", "初审通过", *d)
        assert code == 0, err

    code, out, _ = run(capsys, "desk", "compare", "--rules", "SH-2023", "--format", "json",
                       "--sort", "margin:SH-2023.1.output", "--desc", *d)
    rows = json.loads(out)
    margins = [next(c["margin"] for c in r["criteria"] if c["rule"] == "SH-2023.1.output") for r in rows]
    assert [float(m) for m in margins] == sorted((float(m) for m in margins), reverse=True)

    code, out, err = run(capsys, "desk", "rank", "--rules", "SH-2023", "--order", ",".join(numbers[:2]),
                         "--reason", "产值增速最快", "--reason", "中小企业占比最高", "--quota", "1",
                         "--office", "上海市闵行区经济委员会", *d)
    assert code == 0 and "第 1 名  SH-2023-001" in out and "超过本批次可推荐的名额 1 个" in err
    code, _, err = run(capsys, "desk", "rank", "--rules", "SH-2023", "--order", numbers[2], "--reason", "理由充分", *d)
    assert code == 2 and "只有初审通过的申报才能推荐" in err

    out_zip = tmp_path / "上报.zip"
    code, out, err = run(capsys, "desk", "export", "--rules", "SH-2023", "-o", str(out_zip), *d)
    assert code == 0, err
    assert "推荐 2 个" in out
    code, out, _ = run(capsys, "verify", str(out_zip))
    assert code == 3 and "内含报送包 2 个" in out and "第 1 名 SH-2023-001" in out

    code, out, _ = run(capsys, "desk", "list", "--rules", "SH-2023", "--format", "json", *d)
    status = {r["受理编号"]: r["status_label"] for r in json.loads(out)}
    assert status == {numbers[0]: "已推荐", numbers[1]: "已推荐", numbers[2]: "需补正"}
    code, out, _ = run(capsys, "desk", "get", numbers[0], "-o", str(tmp_path / "again.zip"), *d)
    assert (tmp_path / "again.zip").read_bytes() == (folder / package_pool[0].name).read_bytes()
