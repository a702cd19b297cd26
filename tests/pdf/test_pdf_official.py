"""``pdf --official``: the Shanghai form in its official layout, without the 【补充】 rows."""

from __future__ import annotations

from core.cli.main import main
from core.form import load_form
from tests.pdf.conftest import SAMPLE, full_text, squash


def _supplementary_labels() -> list[str]:
    form = load_form("SH-FORM")
    return [fd.label for fd in form.fields.values() if fd.supplementary and not fd.signature]


def test_official_layout_drops_the_supplementary_rows(tmp_path, capsys):
    full, official = tmp_path / "full.pdf", tmp_path / "official.pdf"
    assert main(["pdf", str(SAMPLE), "-o", str(full)]) == 0
    assert main(["pdf", str(SAMPLE), "-o", str(official), "--official"]) == 0
    full_text_, official_text = squash(full_text(full)), squash(full_text(official))
    assert "【补充】" in full_text_
    assert "【补充】" not in official_text
    # Rows that only the supplementary fields have are gone; the official rows stay.
    for label in ("集群设立年份", "主导产业相关的市级制造业单项冠军企业数量", "主导产业相关的链主企业数量"):
        assert label in _supplementary_labels()
        assert squash(label) in full_text_ and squash(label) not in official_text, label
    for label in ("集群企业数量", "主导产业相关的国家级专精特新“小巨人”企业数量", "真实性声明"):
        assert squash(label) in official_text, label
    assert "自评结果" in full_text_ and "自评结果" not in official_text
    assert "官方表式" in capsys.readouterr().out


def test_official_single_pages_still_print(tmp_path):
    out = tmp_path / "decl.pdf"
    assert main(["pdf", str(SAMPLE), "-o", str(out), "--page", "declaration", "--official"]) == 0
    assert "真实性声明" in squash(full_text(out))
