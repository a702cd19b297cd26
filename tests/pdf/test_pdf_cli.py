"""``cluster-declare pdf``: outputs, warnings on stderr, Chinese errors with exit code 2."""

from __future__ import annotations

import json

from core.cli.main import main
from tests.pdf.conftest import SAMPLE, full_text, page_count, squash


def test_pdf_command_writes_each_page_kind(tmp_path, capsys):
    declaration, recommendation = "真实性声明", "区级中小企业主管部门推荐意见"
    for page, pages, shown, absent in (("all", None, (declaration, recommendation), ()),
                                       ("declaration", 1, (declaration,), (recommendation,)),
                                       ("recommendation", 1, (recommendation,), (declaration,))):
        out = tmp_path / f"{page}.pdf"
        assert main(["pdf", str(SAMPLE), "-o", str(out), "--page", page]) == 0
        text = squash(full_text(out))
        assert "上海市闵行区智能传感器产业集群" in text
        assert all(s in text for s in shown) and not any(s in text for s in absent), page
        if pages:
            assert page_count(out) == pages
        else:
            assert page_count(out) > 2
    printed = capsys.readouterr().out
    assert all(f"已生成{kind} PDF" in printed for kind in ("完整申报表", "真实性声明", "推荐意见"))
    assert not list(tmp_path.glob(".*.tmp"))  # no temp file left behind


def test_rules_option_changes_the_appendix(tmp_path):
    out = tmp_path / "hn.pdf"
    assert main(["pdf", str(SAMPLE), "-o", str(out), "--rules", "HN-2023"]) == 0
    assert "HN-2023" in full_text(out)


def test_bad_json_exits_2_with_a_chinese_message(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["pdf", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "不是有效的 JSON" in err and "bad.json" in err
    assert not out.exists()


def test_unknown_rules_and_unwritable_output_exit_2(tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["pdf", str(SAMPLE), "-o", str(out), "--rules", "XX-1999"]) == 2
    assert "规则集" in capsys.readouterr().err and not out.exists()
    assert main(["pdf", str(SAMPLE), "-o", str(tmp_path / "missing-dir" / "out.pdf")]) == 2
    assert "无法写入文件" in capsys.readouterr().err


def test_missing_glyph_warning_on_stderr(tmp_path, capsys):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["values"]["basic.cluster_name"] = "测试𠀀集群"
    app = tmp_path / "app.json"
    app.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["pdf", str(app), "-o", str(tmp_path / "out.pdf")]) == 0
    err = capsys.readouterr().err
    assert "警告：" in err and "U+20000" in err
