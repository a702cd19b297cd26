"""Cell helpers shared by the form and list workbooks: safe writing, and reading with messages
that name the sheet, row and column (「集群企业清单」第 12 行 C 列)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter

from core.errors import UserError
from core.messages import xlsx as msg
from core.numbers import Parsed, parse_value, too_large

FORMULA_START = ("=", "+", "-", "@")
TEXT_FORMAT = "@"
THIN = Side(style="thin", color="A0A0A0")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
HEADER_FONT = Font(name="宋体", bold=True, size=11)
BODY_FONT = Font(name="宋体", size=11)
TITLE_FONT = Font(name="黑体", bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
UNLOCKED = Protection(locked=False)


def where(sheet: str, row: int, col: int) -> str:
    return f"「{sheet}」第 {row} 行 {get_column_letter(col)} 列"


def set_text(cell, value: str | None) -> None:
    """Write text that can never become a formula: data type 's', and a quote prefix so that
    Excel keeps it as text when the official edits the cell."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True


def set_number(cell, value: Decimal | int | float | None, places: int) -> None:
    if value is None:
        cell.value = None
    elif places == 0:
        cell.value = int(value)
    else:
        cell.value = float(value)
    cell.number_format = "0" if places == 0 else "0." + "0" * places


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number_text(value: object, kind: str, decimals: int) -> str:
    """A numeric cell as the text the application stores ("12.80", "145")."""
    if isinstance(value, bool):
        return "是" if value else "否"
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if kind in ("count", "year") and d == d.to_integral_value():
        return f"{d.quantize(Decimal(1)):f}"
    exp = d.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    if places > 10:  # binary float noise (0.1 + 0.2) from a calculation
        d = d.quantize(Decimal(1).scaleb(-10)).normalize()
        places = max(-d.as_tuple().exponent, 0)
    return f"{d:.{max(places, decimals)}f}"


class CellError(UserError):
    """A cell that cannot be read; the message names sheet, row and column."""


def read_number(value: object, kind: str, unit: str | None, decimals: int, at: str) -> tuple[str | None, Parsed]:
    """A numeric cell → (text to store, parsed). Text cells go through ``parse_value`` (full-width
    digits, 万元/亿元, "无"); dates and unreadable text raise ``CellError``."""
    if blank(value):
        return None, parse_value(None, kind)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise msg.DATE_NOT_NUMBER.error(CellError, at=at, value=_date_text(value))
    if isinstance(value, bool):
        raise msg.BOOL_NOT_NUMBER.error(CellError, at=at, value="TRUE" if value else "FALSE")
    if isinstance(value, (int, float)):
        if value != value or too_large(value):  # NaN, 1e300: no text the form could hold
            raise msg.BAD_NUMBER.error(CellError, at=at, error=parse_value(value, kind).error)
        text = number_text(value, kind, decimals if kind in ("number", "percent") else 0)
        parsed = parse_value(text, kind, unit, decimals)
    else:
        text = str(value).strip()
        parsed = parse_value(text, kind, unit, decimals)
    if parsed.error:
        raise msg.BAD_NUMBER.error(CellError, at=at, error=parsed.error)
    return text, parsed


def read_text(value: object) -> str | None:
    if blank(value):
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return _date_text(value)
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


def _date_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    return value.isoformat()
