"""A disk cache of what reportlab reads from a TrueType font, so a fresh process starts fast.

reportlab parses the whole cmap and every glyph's metrics of the 31,000-glyph Noto Sans SC in
pure Python: about 0.15 s per face, on every export in a new process. The parsed tables are
plain numbers, so they are kept in the user's cache folder with ``marshal`` (fast, and unlike
pickle it cannot run code) under a key of file size, mtime and reportlab version. Any problem
with the cache falls back to parsing the font; a read-only cache folder just means no cache.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from pathlib import Path

FORMAT = 2


def cache_dir() -> Path:
    from core.paths import APP_AUTHOR, APP_NAME

    home = os.environ.get("CLUSTER_DECLARE_HOME")
    if home:
        return Path(home) / "cache" / "fonts"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, APP_AUTHOR) / "fonts"


def _cache_file(font_path: str, subfont: str = "") -> Path:
    """``subfont`` is reportlab's "-N" of a face inside a .ttc (empty for a .ttf)."""
    import reportlab

    st = os.stat(font_path)
    stem = f"{Path(font_path).stem}{subfont}"
    return cache_dir() / f"{stem}-{st.st_size}-{st.st_mtime_ns}-rl{reportlab.Version}-{FORMAT}.marshal"


def _face_class():
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

    class CachedFace(TTFontFace):
        """TTFontFace whose metrics come from the cache when it holds them."""

        def extractInfo(self, charInfo=1):  # noqa: N802, N803 - reportlab's names
            path = _cache_file(self.filename, getattr(self, "subfontNameX", b"").decode("ascii", "replace"))
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError, KeyError):
                data = marshal.loads(path.read_bytes())
                names = data.pop("__names__")
                self.__dict__.update(data)
                for key in names:
                    setattr(self, key, TTFNameBytes(getattr(self, key)))
                self._pdfScale = _scale(self.unitsPerEm)
                return
            super().extractInfo(charInfo)
            _store(self, path)

    return CachedFace


def _scale(units_per_em: int):
    return (lambda x: x) if units_per_em == 1000 else (lambda x: x * 1000 / units_per_em)


def _store(face, path: Path) -> None:
    # glyphToChar (30,000 small lists) only serves the parse itself: leave it out, it halves the load.
    skip = {"_ttf_data", "_pdfScale", "_pos", "filename", "glyphToChar"}
    data = {k: v for k, v in face.__dict__.items() if k not in skip}
    data["__names__"] = [k for k, v in data.items() if type(v).__name__ == "TTFNameBytes"]
    for k in data["__names__"]:
        data[k] = bytes(data[k])
    try:
        blob = marshal.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".font-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # no cache this time; the font is loaded all the same


def load_ttfont(name: str, path: str, subfont_index: int = 0):
    """A reportlab TTFont whose face metrics may come from the cache (``subfont_index``: the face
    inside a .ttc)."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.TTFontFace
    ttfonts.TTFontFace = _face_class()  # TTFont.__init__ builds its face from this module name
    try:
        return ttfonts.TTFont(name, path, subfontIndex=subfont_index)
    finally:
        ttfonts.TTFontFace = original
