"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17."""

from __future__ import annotations

from core.messages import misc as M
from core.numbers import normalize_text

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalize_code(raw: object) -> str:
    """Upper case, half-width, without spaces (people paste codes with spaces or in full width)."""
    if raw is None:
        return ""
    if isinstance(raw, str) and raw.isascii() and raw.isalnum():
        return raw.upper()
    text = normalize_text(str(raw)).upper()
    # Full-width Latin letters (Ａ–Ｚ) also turn up in pasted codes.
    return "".join(chr(ord(c) - 0xFEE0) if "Ａ" <= c <= "Ｚ" else c for c in text)


def check_character(first17: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def code_problem(code: str) -> str | None:
    """None when ``code`` (already normalized) is a valid code, else a Chinese reason."""
    if len(code) != 18:
        return M.CREDIT_LENGTH.text(length=len(code))
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        return M.CREDIT_CHARS.text(chars="".join(bad))
    expected = check_character(code[:17])
    if code[17] != expected:
        return M.CREDIT_CHECK.text(expected=expected, actual=code[17])
    return None


def is_valid(code: str) -> bool:
    return code_problem(normalize_code(code)) is None
