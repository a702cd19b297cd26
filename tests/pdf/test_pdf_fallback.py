"""Characters outside the bundled font print through an installed system font (core.pdf.sysfonts).

The frozen build bundles a subset of Noto Sans SC (GB 2312, 通用规范汉字表, the program's texts).
These tests print real application PDFs in a fresh process running on those subsets
(``CLUSTER_DECLARE_FONTS``), as the frozen program does: a traditional form in a name (龜, 禕 are in
neither GB 2312 nor the 通用规范汉字表) comes out as itself in a system font that is embedded, and
only with no system font at all does it print as 〓 with a warning naming the field. In-process
tests cover the guard's runs, markup and bold with a character the full faces lack (Hebrew א).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from core.paths import FONTS_ENV
from core.pdf import sysfonts
from core.pdf.fonts import FONT, FONT_BOLD, PLACEHOLDER, TextGuard, register_fonts, runs
from tests.pdf.conftest import SAMPLE, fonts, full_text, squash

ROOT = Path(__file__).resolve().parents[2]
NAME = "龜山禕德智能传感器产业集群"
CONTACT = "王禕"
RARE = "龜禕"

pytestmark = pytest.mark.skipif(not sysfonts.faces_for("龜"), reason="needs a TrueType CJK system font "
                                "(fonts-wqy-microhei, scripts/bootstrap.sh DEB_DEV)")


def _print(tmp_path: Path, subset_fonts: Path, **env: str) -> tuple[subprocess.CompletedProcess, Path]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["values"]["basic.cluster_name"] = NAME
    data["values"]["basic.applicant_contact"] = CONTACT
    app = tmp_path / "app.json"
    app.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.pdf"
    proc = subprocess.run([sys.executable, "-m", "core.cli.main", "pdf", str(app), "-o", str(out)], cwd=ROOT,
                          env={**os.environ, FONTS_ENV: str(subset_fonts), **env}, capture_output=True, text=True,
                          timeout=300)
    return proc, out


def test_the_subset_lacks_the_test_characters(subset_fonts):
    for face in ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"):
        cmap = TTFont(subset_fonts / face, lazy=True).getBestCmap()
        assert not [ch for ch in RARE if ord(ch) in cmap], face
        assert all(ord(ch) in cmap for ch in "喆堃玥昇镕王德山智能")  # 通用规范汉字表 and GB 2312 are in


def test_rare_name_characters_print_with_an_embedded_system_font(subset_fonts, tmp_path):
    proc, out = _print(tmp_path, subset_fonts)
    assert proc.returncode == 0, proc.stderr
    assert "警告" not in proc.stderr and "字体缺少" not in proc.stderr
    text = squash(full_text(out))
    assert NAME in text and f"联系人{CONTACT}" in text.replace("：", "")
    assert PLACEHOLDER not in text
    family = sysfonts.faces_for("龜")[0].family.replace(" ", "")
    rows = fonts(out)
    fallback = [r for r in rows if family in r[0]]
    assert fallback, rows
    assert all(r[-5] == "yes" for r in fallback)  # emb column: embedded (a subset), not left to the reader
    assert any("NotoSansSC" in r[0] for r in rows)  # everything else still in the bundled face


def test_without_any_system_font_the_placeholder_and_a_warning_naming_the_fields(subset_fonts, tmp_path):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    proc, out = _print(tmp_path, subset_fonts, **{sysfonts.FONT_DIRS_ENV: str(empty)})
    assert proc.returncode == 0, proc.stderr
    assert "U+9F9C" in proc.stderr and "U+7995" in proc.stderr
    warning = next(line for line in proc.stderr.splitlines() if "U+7995" in line)
    assert "集群名称" in warning and "联系人" in warning
    text = squash(full_text(out))
    assert f"{PLACEHOLDER}山{PLACEHOLDER}德智能传感器产业集群" in text
    assert "龜" not in text


# --- in process, on the full faces: a character they lack (Hebrew), printed by DejaVu Sans or the like ---

HEBREW = "א"


@pytest.fixture
def hebrew_font():
    faces = sysfonts.faces_for(HEBREW)
    if not faces:
        pytest.skip("no system font with Hebrew letters (fonts-dejavu-core)")
    assert ord(HEBREW) not in register_fonts()
    return sysfonts.pick(faces)


def test_guard_keeps_the_character_and_tags_its_run(hebrew_font):
    guard = TextGuard()
    assert guard.clean(f"王{HEBREW}{HEBREW}明", "联系人") == f"王{HEBREW}{HEBREW}明"
    assert not guard.warnings() and HEBREW in guard.substituted
    name = guard.substituted[HEBREW]
    assert guard.markup(f"A&{HEBREW}<") == f'A&amp;<font name="{name}">{HEBREW}</font>&lt;'
    assert runs(f"王{HEBREW}明", FONT) == [(FONT, "王"), (name, HEBREW), (FONT, "明")]
    bold = runs(HEBREW, FONT_BOLD)[0][0]
    regular, bold_face = hebrew_font
    assert (bold != name) == (bold_face != regular)  # the family's bold face when it has one


def test_bold_paragraphs_and_canvas_text_use_the_fallback(hebrew_font, tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from core.pdf.fonts import draw_string, paragraph, string_width
    from core.pdf.styles import styles

    guard = TextGuard()
    st = styles()
    out = tmp_path / "mixed.pdf"

    def header(canv, doc):
        assert string_width(f"页眉{HEBREW}", FONT, 8) > string_width("页眉", FONT, 8)
        draw_string(canv, 50, 800, guard.clean(f"页眉{HEBREW}"), FONT, 8)

    doc = SimpleDocTemplate(str(out), pagesize=A4, invariant=1, initialFontName=FONT)
    doc.build([paragraph(guard.markup(f"标题{HEBREW}"), st["title"]), paragraph(guard.markup(f"正文{HEBREW}"), st["body"])],
              onFirstPage=header)
    regular, bold = hebrew_font
    rows = fonts(out)
    names = " ".join(r[0] for r in rows)
    assert regular.family.replace(" ", "") in names
    text = re.sub("[\u202a-\u202e]", "", squash(full_text(out)))  # pdftotext marks right-to-left runs
    assert f"页眉{HEBREW}" in text and f"标题{HEBREW}" in text and f"正文{HEBREW}" in text
    if bold != regular:  # the bold style's run is in the family's bold face
        assert len([r for r in rows if regular.family.replace(" ", "") in r[0]]) == 2, rows


def test_an_ordinary_export_never_searches_the_system_fonts(sample_app, tmp_path, monkeypatch):
    """Every character of the sample is in the bundled face: no fontconfig call, no font scan."""
    from core.pdf import render_pdf

    def no_search(*args, **kwargs):
        raise AssertionError("system fonts searched for a covered text")

    monkeypatch.setattr(sysfonts, "faces_for", no_search)
    monkeypatch.setattr(sysfonts, "fontconfig_faces", no_search)
    assert render_pdf(sample_app, tmp_path / "plain.pdf") == []
