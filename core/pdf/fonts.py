"""The bundled Noto Sans SC fonts for reportlab, and a guard for characters they lack.

reportlab embeds a subset of each TrueType font it uses, so the PDF prints the same everywhere.
A character missing from the font (a rare ideograph such as 𠀀, an emoji) would otherwise print
as nothing; ``TextGuard`` replaces it with a visible placeholder and records a warning naming it.
Coverage comes from the cmap reportlab has already parsed (the same table fontTools reads; the
tests compare the two), which saves a second parse of a 10 MB font on every export; the parsed
metrics are cached on disk (core.pdf.fontcache).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from core.paths import resource

FONT = "NotoSansSC"
FONT_BOLD = "NotoSansSC-Bold"
FONT_FILES = {FONT: "NotoSansSC-Regular.ttf", FONT_BOLD: "NotoSansSC-Bold.ttf"}
PLACEHOLDER = "〓"  # U+3013 GETA MARK: the traditional mark for a character the type lacks

# Invisible joiners and selectors: dropping one that the font lacks changes nothing on paper.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF} | set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register both faces with reportlab (once per process); return the covered code points."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from core.pdf.fontcache import load_ttfont

    fonts = {}
    for name, file in FONT_FILES.items():
        fonts[name] = load_ttfont(name, str(resource("fonts", file)))
        pdfmetrics.registerFont(fonts[name])
    for bold, face in ((0, FONT), (1, FONT_BOLD)):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, face)
    return frozenset(fonts[FONT].face.charToGlyph) & frozenset(fonts[FONT_BOLD].face.charToGlyph)


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"“{ch}”（U+{ord(ch):04X}{' ' + name if name else ''}）"


class TextGuard:
    """Makes any user text printable with the bundled font, and remembers what it replaced."""

    def __init__(self) -> None:
        self.covered = register_fonts()
        self.missing: dict[str, list[str]] = {}  # character -> where it occurred (field labels)

    def clean(self, text: object, where: str = "") -> str:
        """Plain text with every character the font lacks replaced by the placeholder."""
        s = "" if text is None else str(text)
        if all(ord(ch) in self.covered or ch in "\n\t" for ch in s):
            return s
        out = []
        for ch in s:
            cp = ord(ch)
            if cp in self.covered or ch in "\n\t":
                out.append(ch)
            elif cp in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Mn", "Me") and ch not in "\n\t":
                continue
            else:
                out.append(PLACEHOLDER)
                places = self.missing.setdefault(ch, [])
                if where and where not in places:
                    places.append(where)
        return "".join(out)

    def markup(self, text: object, where: str = "") -> str:
        """Paragraph markup: cleaned, XML-escaped, line breaks kept."""
        s = escape(self.clean(text, where).replace("\r\n", "\n").replace("\t", "  "))
        return s.replace("\n", "<br/>")

    def warnings(self) -> list[str]:
        out = []
        for ch, places in self.missing.items():
            where = f"，见：{'、'.join(places)}" if places else ""
            out.append(f"字体缺少字符 {describe(ch)}，打印时以“{PLACEHOLDER}”代替{where}")
        return out
