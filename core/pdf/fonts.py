"""The bundled Noto Sans SC fonts for reportlab, system fonts for what they lack, and the guard.

reportlab embeds a subset of each TrueType font it uses, so the PDF prints the same everywhere.
The frozen build bundles a subset of Noto Sans SC (GB 2312, the 通用规范汉字表 and the program's
own texts; packaging/subset_fonts.py), a checkout the full faces. A character outside the bundled
face (a traditional form in a name, an extension-A ideograph) is printed with an installed system
font that has it (core.pdf.sysfonts, looked up once per character per process and only then):
``TextGuard`` keeps it, and ``markup`` wraps it in ``<font name="…">``; canvas text goes through
``draw_string`` / ``string_width``, which switch fonts the same way. Only when no installed font
has it does it print as a visible placeholder (〓), with a warning naming the character and field.

Coverage of the bundled faces comes from the cmap reportlab has already parsed (the same table
fontTools reads; the tests compare the two), which saves a second parse on every export; the
parsed metrics are cached on disk (core.pdf.fontcache).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from core.paths import font_file

FONT = "NotoSansSC"
FONT_BOLD = "NotoSansSC-Bold"
FONT_FILES = {FONT: "NotoSansSC-Regular.ttf", FONT_BOLD: "NotoSansSC-Bold.ttf"}
FALLBACK_PREFIX = "Fallback-"  # reportlab names of system fonts: Fallback-<family>[-Bold]
PLACEHOLDER = "〓"  # U+3013 GETA MARK: the traditional mark for a character the type lacks

# Invisible joiners and selectors: dropping one that the font lacks changes nothing on paper.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF} | set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))

# Per process: character -> (regular, bold) reportlab names of its system font, None when none has it;
# a system face -> its reportlab name (None when reportlab refused it); a regular name -> its bold.
_fallback: dict[str, tuple[str, str] | None] = {}
_registered: dict[tuple[str, int], str | None] = {}
_bold_of: dict[str, str] = {}


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register both faces with reportlab (once per process); return the covered code points."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from core.pdf.fontcache import load_ttfont

    fonts = {}
    for name, file in FONT_FILES.items():
        fonts[name] = load_ttfont(name, str(font_file(file)))
        pdfmetrics.registerFont(fonts[name])
    for bold, face in ((0, FONT), (1, FONT_BOLD)):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, face)
    return frozenset(fonts[FONT].face.charToGlyph) & frozenset(fonts[FONT_BOLD].face.charToGlyph)


def _register_face(face) -> str | None:
    """Register one system face with reportlab under a stable name; None if reportlab refuses it."""
    key = (face.path, face.index)
    if key in _registered:
        return _registered[key]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from core.pdf.fontcache import load_ttfont

    base = FALLBACK_PREFIX + (re.sub(r"[^A-Za-z0-9]+", "", face.family) or "Font") + ("-Bold" if face.bold else "")
    taken = set(n for n in _registered.values() if n)
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    try:
        pdfmetrics.registerFont(load_ttfont(name, face.path, face.index))
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
        name = None  # CFF outlines after all, embedding forbidden, a damaged file
    _registered[key] = name
    return name


def fallback_fonts(ch: str) -> tuple[str, str] | None:
    """(regular, bold) reportlab names of a system font that prints ``ch``, registered; None when
    no installed font can. Looked up once per character per process."""
    if ch in _fallback:
        return _fallback[ch]
    from reportlab.lib.fonts import addMapping

    from core.pdf import sysfonts

    faces, result = list(sysfonts.faces_for(ch)), None
    while faces and result is None:
        regular, bold = sysfonts.pick(faces)
        regular_name = _register_face(regular)
        if regular_name is None:
            faces.remove(regular)
            continue
        bold_name = (_register_face(bold) if bold != regular else None) or regular_name
        for italic in (0, 1):  # bold first: the last mapping of a name is what ps2tt answers for it
            addMapping(regular_name, 1, italic, bold_name)
        for italic in (1, 0):
            addMapping(regular_name, 0, italic, regular_name)
        _bold_of[regular_name] = bold_name
        result = (regular_name, bold_name)
    _fallback[ch] = result
    return result


def forget_fallbacks() -> None:
    """Look system fonts up afresh (tests that change where they are searched). Faces already
    registered with reportlab stay registered under their names."""
    from core.pdf import sysfonts

    _fallback.clear()
    sysfonts.clear_cache()


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"“{ch}”（U+{ord(ch):04X}{' ' + name if name else ''}）"


def runs(text: str, font: str = FONT) -> list[tuple[str, str]]:
    """(font name, piece) runs of a guarded text drawn in ``font``: the bundled face, and the system
    font of each character it lacks (bold when ``font`` is the bold face)."""
    covered = register_fonts()
    if all(ord(ch) in covered for ch in text):
        return [(font, text)] if text else []
    bold = font == FONT_BOLD
    out: list[tuple[str, str]] = []
    for ch in text:
        fb = None if ord(ch) in covered else _fallback.get(ch)
        name = font if fb is None else fb[1 if bold else 0]
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    return out


def string_width(text: str, font: str, size: float) -> float:
    """Width of a guarded text as ``draw_string`` prints it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, name, size) for name, piece in runs(text, font))


def draw_string(canv, x: float, y: float, text: str, font: str, size: float) -> float:
    """``canv.drawString`` of a guarded text, switching to the system font for what the bundled face
    lacks; leaves ``font`` set and returns the x after the text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for name, piece in runs(text, font):
        canv.setFont(name, size)
        canv.drawString(x, y, piece)
        x += stringWidth(piece, name, size)
    canv.setFont(font, size)
    return x


_FALLBACK_TAG = re.compile(r'<font name="(' + re.escape(FALLBACK_PREFIX) + r'[^"]+)">')


def paragraph(markup: str, style):
    """A Paragraph of guarded markup. In a bold style the system-font runs take that font's bold
    (reportlab's ``<font name>`` resets bold to the named face's own)."""
    from reportlab.platypus import Paragraph

    if FALLBACK_PREFIX in markup and style.fontName == FONT_BOLD:
        markup = _FALLBACK_TAG.sub(lambda m: f'<font name="{_bold_of.get(m.group(1), m.group(1))}">', markup)
    return Paragraph(markup, style)


class TextGuard:
    """Makes any user text printable, and remembers what it could not print."""

    def __init__(self) -> None:
        self.covered = register_fonts()
        self.missing: dict[str, list[str]] = {}  # character -> where it occurred (field labels)
        self.substituted: dict[str, str] = {}  # character -> the system font (reportlab name) printing it

    def clean(self, text: object, where: str = "") -> str:
        """Plain text that the bundled face and the system fallbacks can print: a character none of
        them has is replaced by the placeholder. Draw it with ``draw_string``, not one font."""
        s = "" if text is None else str(text)
        if all(ord(ch) in self.covered or ch in "\n\t" for ch in s):
            return s
        out = []
        for ch in s:
            cp = ord(ch)
            if cp in self.covered or ch in "\n\t":
                out.append(ch)
            elif cp in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Mn", "Me"):
                continue
            elif (fb := fallback_fonts(ch)) is not None:
                out.append(ch)
                self.substituted.setdefault(ch, fb[0])
            else:
                out.append(PLACEHOLDER)
                places = self.missing.setdefault(ch, [])
                if where and where not in places:
                    places.append(where)
        return "".join(out)

    def markup(self, text: object, where: str = "") -> str:
        """Paragraph markup: cleaned, XML-escaped, line breaks kept, system-font runs tagged."""
        s = self.clean(text, where).replace("\r\n", "\n").replace("\t", "  ")
        pieces = runs(s, FONT)
        if all(name == FONT for name, _ in pieces):
            return escape(s).replace("\n", "<br/>")
        out = [escape(piece) if name == FONT else f'<font name="{name}">{escape(piece)}</font>' for name, piece in pieces]
        return "".join(out).replace("\n", "<br/>")

    def warnings(self) -> list[str]:
        out = []
        for ch, places in self.missing.items():
            where = f"，见：{'、'.join(places)}" if places else ""
            out.append(f"字体缺少字符 {describe(ch)}，打印时以“{PLACEHOLDER}”代替{where}")
        return out
