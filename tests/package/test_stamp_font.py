"""The visible signature block keeps every character of the office name on the subset font.

The office name is user text; on the subset Noto Sans SC that the frozen build bundles, a
character outside it (龜, 禕: in neither GB 2312 nor the 通用规范汉字表) is copied into the stamp's
font from an installed system font, and one that no font has shows as 〓 rather than nothing.
"""

from __future__ import annotations

import subprocess

import pytest
from fontTools.ttLib import TTFont

from core.package.stamp import stamp_font, stamp_text
from core.paths import FONTS_ENV
from core.pdf import sysfonts
from tests.package.conftest import make_identity

OFFICE = "龜山县禕德经济委员会"
FINGERPRINT = "ab" * 32


@pytest.fixture
def on_subset(monkeypatch, subset_fonts):
    monkeypatch.setenv(FONTS_ENV, str(subset_fonts))
    sysfonts.clear_cache()
    yield
    sysfonts.clear_cache()


def _glyph(font: TTFont, ch: str):
    name = font.getBestCmap().get(ord(ch))
    return name, (font["glyf"][name] if name else None)


@pytest.mark.skipif(not sysfonts.faces_for("龜"), reason="needs a CJK system font (fonts-wqy-microhei)")
def test_stamp_font_takes_missing_characters_from_a_system_font(on_subset):
    font = TTFont(stamp_font(stamp_text(OFFICE, FINGERPRINT)))
    for ch in "龜禕县经济数字签名":
        name, glyph = _glyph(font, ch)
        assert name is not None, ch
        assert glyph.numberOfContours > 0, ch  # a real outline
        assert font["hmtx"][name][0] > 0, ch
    # Scaled to the same em: the copied ideograph is as wide as the bundled ones.
    assert font["hmtx"][_glyph(font, "龜")[0]][0] == font["hmtx"][_glyph(font, "县")[0]][0]


def test_without_system_fonts_a_missing_character_shows_the_placeholder(on_subset, monkeypatch, tmp_path):
    monkeypatch.setenv(sysfonts.FONT_DIRS_ENV, str(tmp_path))  # an empty folder: no system font
    sysfonts.clear_cache()
    font = TTFont(stamp_font(stamp_text(OFFICE + "𠀀", FINGERPRINT)))
    placeholder = _glyph(font, "〓")[0]
    assert placeholder is not None
    assert _glyph(font, "龜")[0] == placeholder and _glyph(font, "𠀀")[0] == placeholder
    assert _glyph(font, "县")[0] != placeholder


@pytest.mark.skipif(not sysfonts.faces_for("龜"), reason="needs a CJK system font (fonts-wqy-microhei)")
def test_signed_pdf_stamp_shows_the_whole_office_name(on_subset, tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    from core.package.signing import sign_pdf

    home = tmp_path / "home"
    identity = make_identity(home, OFFICE)
    monkeypatch.setenv("CLUSTER_DECLARE_HOME", str(home))
    src, dest = tmp_path / "form.pdf", tmp_path / "signed.pdf"
    c = canvas.Canvas(str(src))
    c.drawString(72, 720, "form")
    c.save()
    sign_pdf(identity, src, dest)
    text = subprocess.run(["pdftotext", str(dest), "-"], check=True, capture_output=True, text=True).stdout
    assert f"数字签名：{OFFICE}" in text.replace(" ", "")
    # The text layer alone would read back even from empty glyphs: every distinct character of the
    # block must also have an outline in the font embedded for it.
    stamp = text[text.index("数字签名"):]
    chars = {ch for ch in stamp if not ch.isspace()}
    assert _outlined_glyphs(dest, "NotoSansSC") == len(chars), sorted(chars)


def _outlined_glyphs(pdf, font_name: str) -> int:
    """Glyphs with an outline in the embedded font program whose name contains ``font_name``."""
    import io
    import re

    from pyhanko.pdf_utils.generic import Reference
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = pdf.read_bytes()
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    for num in range(1, reader.trailer["/Size"]):
        try:
            obj = reader.get_object(Reference(num, 0))
        except Exception:  # noqa: BLE001 - free or compressed-away object numbers
            continue
        if hasattr(obj, "get") and obj.get("/Type") == "/FontDescriptor" and font_name in str(obj.get("/FontName")):
            program = TTFont(io.BytesIO(obj["/FontFile2"].get_object().data))
            glyf = program["glyf"]
            return sum(1 for name in program.getGlyphOrder() if glyf[name].numberOfContours != 0)
    raise AssertionError(f"no embedded {font_name} in {pdf}: {re.findall(rb'/FontName /[^ /]+', data)}")
