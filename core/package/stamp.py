"""The visible signature block on the printed form: its text and a small cached font subset.

Its own module because both the certificate set-up (which prepares the font once) and the PDF
signing use it; signing imports the certificate, so the stamp cannot live in either.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from core.paths import resource, user_data_dir

FONT = ("fonts", "NotoSansSC-Regular.ttf")
_STAMP_EXTRA = "0123456789:+-. …"  # what the %(ts)s timestamp and the fingerprint can print


def stamp_text(office: str, fingerprint: str) -> str:
    return (f"数字签名：{office}\n"
            "签名时间：%(ts)s\n"
            f"证书指纹（SHA-256）：{fingerprint[:16].upper()}…")


def stamp_font(text: str) -> Path:
    """A small subset of the bundled font with just the stamp's characters, cached.

    pyHanko subsets the font it embeds; doing that from the 10 MB Noto Sans SC on every export
    costs most of a second, while subsetting a cached 30 kB font is instant."""
    from fontTools import subset

    chars = "".join(sorted(set(text + _STAMP_EXTRA)))
    digest = hashlib.sha256(chars.encode("utf-8")).hexdigest()[:16]
    cached = user_data_dir() / "cache" / f"stamp-font-{digest}.ttf"
    if cached.is_file():
        return cached
    options = subset.Options()
    options.layout_features = ["*"]
    font = subset.load_font(str(resource(*FONT)), options)
    sub = subset.Subsetter(options)
    sub.populate(text=chars)
    sub.subset(font)
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(tmp))
    os.replace(tmp, cached)
    return cached
