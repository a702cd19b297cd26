"""The visible signature block on the printed form: its text and a small cached font subset.

Its own module because both the certificate set-up (which prepares the font once) and the PDF
signing use it; signing imports the certificate, so the stamp cannot live in either.

The office name is user text: a character the bundled face lacks (the frozen build ships a
subset, packaging/subset_fonts.py) is copied into the stamp's font from an installed system
font that has it (core.pdf.sysfonts), scaled to the same em; one that no font has maps to the
placeholder's glyph (〓), so the block never silently loses a character.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

from core.paths import font_file, user_data_dir
from core.pdf.fonts import PLACEHOLDER

FONT = "NotoSansSC-Regular.ttf"
_STAMP_EXTRA = "0123456789:+-. …"  # what the %(ts)s timestamp and the fingerprint can print
FORMAT = 2  # of the cached stamp font: 2 = with system-font glyphs


def stamp_text(office: str, fingerprint: str) -> str:
    return (f"数字签名：{office}\n"
            "签名时间：%(ts)s\n"
            f"证书指纹（SHA-256）：{fingerprint[:16].upper()}…")


def _printed(chars: str) -> list[str]:
    """The characters that need a glyph (not line breaks, controls or combining marks)."""
    return [ch for ch in chars if unicodedata.category(ch) not in ("Cc", "Mn", "Me", "Cf")]


def stamp_font(text: str) -> Path:
    """A small subset of the bundled font with just the stamp's characters, cached.

    pyHanko subsets the font it embeds; doing that from the 10 MB Noto Sans SC on every export
    costs most of a second, while subsetting a cached 30 kB font is instant. A cached font that
    lacks a character (no system font had it then) is rebuilt, in case one has been installed."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = font_file(FONT)
    chars = "".join(sorted(set(text + _STAMP_EXTRA)))
    st = source.stat()
    digest = hashlib.sha256(f"{chars}|{st.st_size}|{FORMAT}".encode()).hexdigest()[:16]
    cached = user_data_dir() / "cache" / f"stamp-font-{digest}.ttf"
    if cached.is_file():
        with TTFont(str(cached), lazy=True) as font:
            has = font.getBestCmap()
            if all(ord(ch) in has and has[ord(ch)] != has.get(ord(PLACEHOLDER)) or ch == PLACEHOLDER
                   for ch in _printed(chars)):
                return cached
    options = subset.Options()
    options.layout_features = ["*"]
    font = subset.load_font(str(source), options)
    sub = subset.Subsetter(options)
    sub.populate(text=chars + PLACEHOLDER)
    sub.subset(font)
    has = font.getBestCmap()
    for ch in _printed(chars):
        if ord(ch) not in has:
            _add_glyph(font, ch)
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(tmp))
    os.replace(tmp, cached)
    return cached


def _map(font, cp: int, glyph: str) -> None:
    """Point ``cp`` at ``glyph`` in every Unicode cmap subtable that can hold it (a character past
    U+FFFF needs a format 12 table: made from the BMP one when the subset has none)."""
    cmap = font["cmap"]
    if cp > 0xFFFF and not any(t.format == 12 for t in cmap.tables):
        from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

        full = CmapSubtable.newSubtable(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0
        full.cmap = dict(font.getBestCmap())
        cmap.tables.append(full)
    for table in cmap.tables:
        if table.isUnicode() and (cp <= 0xFFFF or table.format in (12, 13)):
            table.cmap[cp] = glyph


def _add_glyph(font, ch: str) -> None:
    """Copy ``ch`` from the first system font that has it, or map it to the placeholder's glyph."""
    from core.pdf import sysfonts

    cp = ord(ch)
    for face in sysfonts.faces_for(ch):
        try:
            _copy_glyph(font, face, cp)
            return
        except Exception:  # noqa: BLE001 - an odd font: try the next one
            continue
    placeholder = font.getBestCmap().get(ord(PLACEHOLDER))
    if placeholder is not None:
        _map(font, cp, placeholder)


def _copy_glyph(font, face, cp: int) -> None:
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    with TTFont(face.path, fontNumber=face.index, lazy=True) as src:
        src_name = src.getBestCmap()[cp]
        glyphs = src.getGlyphSet()
        scale = font["head"].unitsPerEm / src["head"].unitsPerEm
        recording = DecomposingRecordingPen(glyphs)
        glyphs[src_name].draw(recording)
        advance = glyphs[src_name].width
    pen = TTGlyphPen(None)
    recording.replay(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
    glyph = pen.glyph()
    name = f"u{cp:04X}.sys"
    glyf = font["glyf"]
    glyf[name] = glyph
    if name not in font.getGlyphOrder():
        font.setGlyphOrder([*font.getGlyphOrder(), name])
    glyph.recalcBounds(glyf)
    font["hmtx"][name] = (round(advance * scale), getattr(glyph, "xMin", 0))
    if "vmtx" in font:
        upm = font["head"].unitsPerEm
        ascent = font["vhea"].ascent if "vhea" in font else upm * 0.88
        font["vmtx"][name] = (upm, round(ascent - getattr(glyph, "yMax", 0)))
    _map(font, cp, name)
