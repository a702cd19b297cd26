"""Numbers as officials type them: full-width digits, thousands separators, units, "无".

``parse_value`` never raises: it returns a ``Parsed`` with either a Decimal, the "无" marker,
nothing (blank) or a Chinese error text (without the field name; the caller adds it).
Comparisons happen at the form's precision: ``at_precision`` rounds half up to two decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.messages import number as msg

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update(
    {
        "．": ".", "。": ".", "，": ",", "－": "-", "−": "-", "—": "-", "＋": "+",
        "％": "%", "‰": "‰", "　": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)
_TRANSLATE = str.maketrans(_FULLWIDTH)

NONE_WORDS = frozenset({"无", "無", "没有", "/", "／"})

# Units an official may type after a number, and their factor to the field's unit.
_UNIT_FACTORS: dict[str, dict[str, Decimal]] = {
    "亿元": {"亿元": Decimal(1), "亿": Decimal(1), "万元": Decimal("0.0001"), "万": Decimal("0.0001")},
    "万元": {"万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "亿": Decimal(10000), "元": Decimal("0.0001")},
    "平方公里": {"平方公里": Decimal(1), "km2": Decimal(1), "km²": Decimal(1), "平方千米": Decimal(1)},
}
_COUNT_UNITS = ("个", "家", "人", "项", "件", "名", "户", "年")

_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")

TWO_PLACES = Decimal("0.01")
# Far above any figure of the form (a cluster's output is some 10^6 万元), far below where the
# 28-digit decimal context can no longer round to the form's places (1e300 raised InvalidOperation).
MAX_MAGNITUDE = Decimal("1e15")


@dataclass(frozen=True)
class Parsed:
    value: Decimal | None = None
    none_marker: bool = False  # the official wrote "无"
    error: str | None = None
    extra_decimals: bool = False  # more than the form's decimals were typed

    @property
    def blank(self) -> bool:
        return self.value is None and not self.none_marker and self.error is None

    @property
    def ok(self) -> bool:
        return self.error is None


BLANK = Parsed()


def normalize_text(raw: str) -> str:
    """Full-width to half-width, spaces removed."""
    return "".join(raw.translate(_TRANSLATE).split())


def parse_value(raw: object, kind: str, unit: str | None = None, decimals: int = 2) -> Parsed:
    """Parse one numeric cell. ``kind`` is number, percent, count or year."""
    if raw is None:
        return BLANK
    if isinstance(raw, bool):
        return Parsed(error=msg.YESNO.text())
    if isinstance(raw, int):
        return _check(Decimal(raw), kind, decimals, str(raw))
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return Parsed(error=msg.INVALID.text())
        return _check(Decimal(repr(raw)), kind, decimals, repr(raw))
    if not isinstance(raw, str):
        return Parsed(error=msg.NOT_NUMBER.text())
    text = normalize_text(raw)
    if not text:
        return BLANK
    if text in NONE_WORDS:
        if kind == "count":
            return Parsed(value=Decimal(0), none_marker=True)
        return Parsed(none_marker=True)
    body = _strip_unit(text, kind, unit)
    if isinstance(body, Parsed):
        return body
    number_text, factor = body
    if _GROUPED_RE.match(number_text):
        number_text = number_text.replace(",", "")
    if not _NUMBER_RE.match(number_text):
        return Parsed(error=msg.UNREADABLE.text(raw=raw.strip()))
    try:
        value = Decimal(number_text)
    except InvalidOperation:
        return Parsed(error=msg.UNREADABLE.text(raw=raw.strip()))
    if too_large(value):  # before any scaling: 1e300 元 cannot be quantised to 万元 either
        return _check(value, kind, decimals, raw)
    if factor != 1:
        value = value * factor
        # A converted value is as precise as its unit allows; don't report extra decimals for it.
        return _check(value.quantize(Decimal(1).scaleb(-max(decimals, 2) - 4)).normalize(), kind, 99, raw)
    return _check(value, kind, decimals, raw)


def _strip_unit(text: str, kind: str, unit: str | None) -> tuple[str, Decimal] | Parsed:
    if kind == "percent":
        if text.endswith("%"):
            return text[:-1], Decimal(1)
        if text.endswith("‰"):
            return Parsed(error=msg.PER_MILLE.text())
        return text, Decimal(1)
    if text.endswith("%"):
        return Parsed(error=msg.NOT_PERCENT.text())
    if kind in ("count", "year"):
        for u in _COUNT_UNITS:
            if text.endswith(u):
                return text[: -len(u)], Decimal(1)
        return text, Decimal(1)
    factors = _UNIT_FACTORS.get(unit or "", {})
    for suffix in sorted(factors, key=len, reverse=True):
        if text.endswith(suffix):
            return text[: -len(suffix)], factors[suffix]
    if unit and text.endswith(unit):
        return text[: -len(unit)], Decimal(1)
    tail = re.match(r"^[+-]?[\d.,]+([^\d.,+\-]+)$", text)
    if tail:
        return Parsed(error=msg.WRONG_UNIT.text(unit=tail.group(1), expected=unit or "无单位"))
    return text, Decimal(1)


def too_large(value: Decimal | int | float) -> bool:
    return abs(value) >= MAX_MAGNITUDE


def _check(value: Decimal, kind: str, decimals: int, raw: object) -> Parsed:
    if not value.is_finite():
        return Parsed(error=msg.INVALID.text())
    if too_large(value):
        return Parsed(error=msg.TOO_LARGE.text(raw=str(raw)[:30]))
    if kind in ("count", "year"):
        if value != value.to_integral_value():
            return Parsed(error=msg.NOT_WHOLE.text(raw=raw))
        if value < 0:
            return Parsed(error=msg.NEGATIVE.text(raw=raw))
        return Parsed(value=value.quantize(Decimal(1)))
    extra = value.as_tuple().exponent < -decimals if isinstance(value.as_tuple().exponent, int) else False
    return Parsed(value=value, extra_decimals=extra)


def at_precision(value: Decimal, places: int = 2) -> Decimal:
    """Round half up to the form's precision before any comparison."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt(value: Decimal | None, places: int = 2) -> str:
    """Format a value the way the form prints it (two decimals, or whole for counts)."""
    if value is None:
        return "—"
    if places == 0:
        return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):f}"
    return f"{at_precision(value, places):f}"


def split_pasted_cells(text: str) -> list[str]:
    """Cells of a row copied from Excel/WPS: tab-separated, one trailing line break.

    A copied column (line breaks between cells) is spread the same way, so three years copied
    from either a row or a column fill the three year cells.
    """
    text = text.rstrip("\r\n")
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    if "\n" in text:
        return [c.strip() for c in text.replace("\r\n", "\n").split("\n")]
    return [text]
