"""Files that are not what they claim: refused before openpyxl parses anything."""

from __future__ import annotations

import zipfile

import pytest

from core.errors import UserError
from core.xlsx.form_import import read_form_workbook
from core.xlsx.list_import import read_list_workbook
from core.xlsx.safety import CFB_SIGNATURE, check_xlsx


def test_text_file(tmp_path):
    p = tmp_path / "list.xlsx"
    p.write_text("名称,代码\n甲,1\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是 Excel 工作簿"):
        read_form_workbook(p)


def test_broken_compound_file(tmp_path):
    p = tmp_path / "secret.xlsx"
    p.write_bytes(CFB_SIGNATURE + b"\0" * 1024)
    with pytest.raises(UserError, match="已损坏"):
        read_form_workbook(p)


def test_zip_that_is_not_a_workbook(tmp_path):
    p = tmp_path / "a.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(UserError, match="不是 Excel 工作簿"):
        check_xlsx(p)


def test_truncated_zip(tmp_path, sample_app):
    from core.xlsx.form_export import export_form

    good = export_form(sample_app, tmp_path / "good.xlsx").read_bytes()
    p = tmp_path / "cut.xlsx"
    p.write_bytes(good[: len(good) // 2])
    with pytest.raises(UserError, match="已损坏"):
        read_form_workbook(p, sample_app)


def test_zip_bomb_is_refused_from_the_directory(tmp_path):
    p = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))  # 20 MB of zeros, ~20 KB packed
    assert p.stat().st_size < 200_000
    with pytest.raises(UserError, match="压缩炸弹") as err:
        read_list_workbook(p, "enterprises")
    assert "xl/worksheets/sheet1.xml" in err.value.message


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="找不到文件"):
        read_list_workbook(tmp_path / "nope.xlsx", "enterprises")
