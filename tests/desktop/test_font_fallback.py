"""The GUI on the subset font the frozen build bundles: a rare character in a name still shows.

Qt falls back by itself to an installed font that has a character the application font lacks;
this proves it for the subset (packaging/subset_fonts.py) in a real QLineEdit: the subset face
(renamed, so that the full Noto Sans SC other tests load cannot stand in for it) draws 王 and 明,
and 龜 / 禕 (outside GB 2312 and the 通用规范汉字表) come from another font as real glyphs: a glyph
index other than 0 (.notdef), a non-zero advance and an outline.
"""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from desktop.qt import QFont, QFontDatabase, QLineEdit, QRawFont, QTextLayout

FAMILY = "Cluster Declare Subset Test"
TEXT = "王龜禕明"


def _renamed_subset(subset_fonts, tmp_path) -> str:
    font = TTFont(subset_fonts / "NotoSansSC-Regular.ttf")
    for rec in font["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = FAMILY
        elif rec.nameID == 6:
            rec.string = FAMILY.replace(" ", "")
    path = tmp_path / "subset-test.ttf"
    font.save(str(path))
    return str(path)


def test_line_edit_shows_rare_characters_through_a_system_font(qtbot, subset_fonts, tmp_path):
    path = _renamed_subset(subset_fonts, tmp_path)
    assert not QRawFont(path, 12).supportsCharacter(ord("龜"))  # the subset really lacks it
    font_id = QFontDatabase.addApplicationFont(path)
    assert font_id >= 0 and QFontDatabase.applicationFontFamilies(font_id) == [FAMILY]
    try:
        edit = QLineEdit()
        qtbot.addWidget(edit)
        edit.setFont(QFont(FAMILY, 12))
        edit.setText(TEXT)
        edit.show()
        layout = QTextLayout(edit.text(), edit.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        for i, ch in enumerate(TEXT):
            runs = layout.glyphRuns(i, 1)
            assert len(runs) == 1, ch
            raw, glyphs = runs[0].rawFont(), runs[0].glyphIndexes()
            assert glyphs and glyphs[0] != 0, ch  # not .notdef (an empty box)
            assert raw.advancesForGlyphIndexes(glyphs)[0].x() > 0, ch
            assert not raw.pathForGlyph(glyphs[0]).isEmpty(), ch
            if ch in "王明":
                assert raw.familyName() == FAMILY
            else:
                assert raw.familyName() != FAMILY and raw.supportsCharacter(ord(ch)), raw.familyName()
    finally:
        QFontDatabase.removeApplicationFont(font_id)


@pytest.fixture(autouse=True)
def _needs_a_cjk_system_font():
    from core.pdf.sysfonts import faces_for

    if not faces_for("龜"):
        pytest.skip("needs a CJK system font (fonts-wqy-microhei, scripts/bootstrap.sh DEB_DEV)")
