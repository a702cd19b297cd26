"""packaging/subset_fonts.py: the Noto Sans SC subsets the frozen build bundles.

They must hold every character the program itself prints or shows (form YAMLs, rule sets, the
推荐函 template, the sample, translations, the UI and core sources), all of GB 2312 and of the
通用规范汉字表 (names: 喆 堃 玥 昇 镕), with outlines and layout features untouched; the frozen
bundle carries exactly these subsets (slow test) and prints what they lack through system fonts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.conftest import load_subset_module

ROOT = Path(__file__).resolve().parents[2]
FACES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
FULL = ROOT / "resources" / "fonts"
# In the program's texts but in neither the full faces: check marks for Word, Excel and the terminal
# (the PDF draws its boxes as shapes, core/pdf/flowables.py). A new one here needs a look.
NOT_IN_NOTO = set("☐☑✔✗✘")


def _cmap(path: Path) -> set[int]:
    return set(TTFont(path, lazy=True).getBestCmap())


def _program_files() -> list[Path]:
    res = ROOT / "resources"
    files = [*res.glob("forms/*.yaml"), *res.glob("rulesets/*.yaml"), *res.glob("desk/*.yaml"),
             *res.glob("schema/*.json"), *res.glob("samples/*.json"), *res.glob("translations/*.ts"),
             *(ROOT / "core").rglob("*.py"), *(ROOT / "desktop").rglob("*.py")]
    assert len(files) > 100
    return files


@pytest.fixture(scope="module")
def cmaps(subset_fonts):
    return {face: _cmap(subset_fonts / face) for face in FACES}


def test_every_character_of_the_program_texts_is_in_both_subsets(cmaps):
    full = _cmap(FULL / FACES[0]) & _cmap(FULL / FACES[1])
    chars = {ch for path in _program_files() for ch in path.read_text(encoding="utf-8")
             if ch.isprintable() and not ch.isspace()}
    assert {ch for ch in chars if ord(ch) not in full} <= NOT_IN_NOTO
    for face, cmap in cmaps.items():
        missing = sorted(ch for ch in chars if ord(ch) not in cmap and ch not in NOT_IN_NOTO)
        assert not missing, (face, "".join(missing))


def test_gb2312_and_the_tongyong_guifan_list_are_in_both_subsets(cmaps):
    module = load_subset_module()
    tgh = module.tongyong_guifan()
    assert len(tgh) == 8105 and set("喆堃玥昇镕") <= tgh and "龜" not in tgh
    hanzi = {bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xF8) for lo in range(0xA1, 0xFF)
             if not (hi == 0xD7 and lo > 0xF9)}  # rows 16-87 (level 1: 16-55, which ends at 0xF9; level 2)
    assert len(hanzi) == 6763
    for face, cmap in cmaps.items():
        assert not [ch for ch in tgh | hanzi if ord(ch) not in cmap], face
        full = _cmap(FULL / face)
        assert not [ch for ch in module.gb2312() if ord(ch) in full and ord(ch) not in cmap], face


def test_subsets_keep_outlines_features_and_names(subset_fonts):
    for face in FACES:
        sub, full = TTFont(subset_fonts / face), TTFont(FULL / face)
        assert "glyf" in sub and sub["OS/2"].fsType == full["OS/2"].fsType  # reportlab embeds TrueType only
        assert sub["name"].getDebugName(1) == full["name"].getDebugName(1) == "Noto Sans SC"
        assert sub["name"].getDebugName(2) == full["name"].getDebugName(2)

        def features(font):
            return sorted({r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord})

        assert features(sub) == features(full) and "vert" in features(sub)
        for ch in "喆中，A":  # the same outline point for point
            gs, gf = sub.getGlyphSet(), full.getGlyphSet()
            from fontTools.pens.recordingPen import RecordingPen

            a, b = RecordingPen(), RecordingPen()
            gs[sub.getBestCmap()[ord(ch)]].draw(a)
            gf[full.getBestCmap()[ord(ch)]].draw(b)
            assert a.value == b.value and a.value, ch
        assert (subset_fonts / face).stat().st_size < min(3.5e6, (FULL / face).stat().st_size / 3)


def test_reportlab_embeds_the_subsets(subset_fonts):
    from reportlab.pdfbase.ttfonts import TTFont as RLFont

    font = RLFont("SubsetCheck", str(subset_fonts / FACES[0]))
    assert ord("喆") in font.face.charToGlyph and ord("龜") not in font.face.charToGlyph


def test_cli_writes_both_faces_and_reuses_an_unchanged_result(subset_fonts, tmp_path):
    out = tmp_path / "fonts"
    out.mkdir()
    for face in (*FACES, ".subset-key"):  # as left by an earlier build in the same work folder
        (out / face).write_bytes((subset_fonts / face).read_bytes())
    before = {face: (out / face).stat().st_mtime_ns for face in FACES}
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "subset_fonts.py"), str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert all(f"{face}:" in proc.stdout for face in FACES)
    assert {face: (out / face).stat().st_mtime_ns for face in FACES} == before  # reused, not rewritten
    (out / ".subset-key").write_text("stale")
    module = load_subset_module()
    module.write_subsets(out)
    assert all((out / face).stat().st_mtime_ns != before[face] for face in FACES)
    assert all(_cmap(out / face) == _cmap(subset_fonts / face) for face in FACES)


# --- the frozen bundle ---

@pytest.mark.slow
def test_frozen_bundle_ships_the_subsets_and_prints_rare_names(frozen_bundle, subset_fonts, tmp_path):
    fonts = frozen_bundle / "_internal" / "resources" / "fonts"
    for face in FACES:
        assert (fonts / face).stat().st_size < 3.5e6, face  # not the 10.6 MB full face
        assert _cmap(fonts / face) == _cmap(subset_fonts / face), face
    from core.pdf.sysfonts import faces_for

    if not faces_for("龜"):
        pytest.skip("needs a CJK system font (fonts-wqy-microhei)")
    data = json.loads((ROOT / "resources" / "samples" / "sample-application.json").read_text(encoding="utf-8"))
    data["values"]["basic.cluster_name"] = "龜山禕德产业集群"
    app, out = tmp_path / "app.json", tmp_path / "out.pdf"
    app.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTER_DECLARE")}
    env["CLUSTER_DECLARE_HOME"] = str(tmp_path / "home")
    proc = subprocess.run([str(frozen_bundle / "cluster-declare"), "pdf", str(app), "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0 and "警告" not in proc.stderr, proc.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "龜山禕德产业集群" in "".join(text.split()) and "〓" not in text
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert faces_for("龜")[0].family.replace(" ", "") in listing
