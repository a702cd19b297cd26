"""Import a list (清单) from a workbook: find the sheet and its header row, read every row with a
message naming sheet, row and column for each fault, check the rows, and say what would change.

Reads any spreadsheet or CSV through core/xlsx/book.py (python-calamine: the whole sheet is parsed
in Rust, rows are handed over one at a time); merged cells come from the reader, formulas from a byte
search first, so a 10,000-row list costs less than iterating it with openpyxl.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from core.application import Application
from core.creditcode import normalize_code
from core.errors import UserError
from core.messages import xlsx as msg
from core.rules.listchecks import Comparison, ListSummary, RowIssue, comparisons, summarize
from core.xlsx.book import Book, Sheet, open_book
from core.xlsx.cells import CellError, blank, read_number, read_text, where
from core.xlsx.form_import import check_campaign
from core.xlsx.formmap import FALSE_WORDS, TRUE_WORDS
from core.xlsx.list_sheet import list_sheet_name
from core.xlsx.listdefs import LEVEL_WORDS, PLATFORM_LEVEL_WORDS, ROLE_WORDS, Column, ListDef, list_def
from core.xlsx.meta import META_SHEET, read_meta

MAX_ROWS = 100_000  # data rows; a cluster has hundreds of firms, a patent list a few thousand (issue 18: 100k)
MAX_SCANNED_ROWS = 300_000  # rows looked at, blank or not (formatted-but-empty sheets)
MAX_ERRORS = 50
HEADER_SEARCH_ROWS = 10
PROGRESS_EVERY = 500
_MONEY_FACTORS = {"万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "亿": Decimal(10000),
                  "元": Decimal("0.0001")}
_PARENS = re.compile(r"[（(]([^）)]*)[）)]")
_SIZE_WORDS = {"中型": True, "小型": True, "微型": True, "中小型": True, "中小微": True, "大型": False}

_MARK_FAST = {"是": True, "否": False, "√": True, "Y": True, "N": False, "": None}  # "": a blank cell

Progress = Callable[[int, int], "bool | None"]  # (rows read, rows expected) → False to cancel


@dataclass
class ListImport:
    source: str
    name: str
    label: str
    sheet: str
    header_row: int
    rows: list[dict[str, Any]]
    columns: dict[str, str]  # row key → column letter it was read from
    ignored: list[str] = field(default_factory=list)  # headers we do not use
    blank_rows: int = 0
    notes: list[str] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    old_count: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    _summary: tuple[tuple, ListSummary] | None = field(default=None, repr=False, compare=False)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed) and self.old_count == len(self.rows)

    def apply_to(self, app: Application) -> Application:
        new = copy.deepcopy(app)
        new.lists[self.name] = copy.deepcopy(self.rows)
        return new

    def comparisons(self, app: Application) -> list[Comparison]:
        """Counts from the imported list beside the figures declared in ``app``."""
        from core.rules.state import parse_field

        form = app.form_def
        states = {k: parse_field(fd, app.values.get(k), app.years) for k, fd in form.fields.items()}
        lists = {**app.lists, self.name: self.rows}
        key = _lists_key(lists)
        if self._summary is None or self._summary[0] != key:  # the same lists: the summary made on import
            self._summary = (key, summarize(lists))
        return comparisons(form, states, self._summary[1], app.years)

    def summary_text(self) -> str:
        return (f"{self.label}：原有 {self.old_count} 条，导入后 {len(self.rows)} 条"
                f"（新增 {self.added}、删除 {self.removed}、修改 {self.changed}）")


def _norm_header(text: Any) -> tuple[str, str]:
    """("营业收入", "万元") from "营业收入（万元）*"."""
    raw = "".join(str(text).split()).replace("*", "").replace("＊", "")
    units = _PARENS.findall(raw)
    base = _PARENS.sub("", raw)
    return base, (units[-1] if units else "")


def _match_headers(values: tuple[Any, ...], ld: ListDef) -> tuple[dict[int, Column], dict[int, str], list[str]]:
    names = {}
    for col in ld.columns:
        for alias in (col.header, *col.aliases):
            names.setdefault(_norm_header(alias)[0], col)
    found: dict[int, Column] = {}
    units: dict[int, str] = {}
    ignored = []
    for i, v in enumerate(values):
        if blank(v):
            continue
        base, unit = _norm_header(v)
        col = names.get(base)
        if col is None:
            ignored.append(str(v).strip())
            continue
        found[i] = col
        units[i] = unit
    return found, units, ignored


def read_list_workbook(path: str | Path, list_name: str, app: Application | None = None, *,
                       sheet: str | None = None, progress: Progress | None = None) -> ListImport:
    form_lists = app.form_def.lists if app else None
    ld = list_def(list_name)
    if form_lists is not None and list_name not in form_lists:
        raise msg.UNKNOWN_LIST.error(name=list_name, available="、".join(f"{k}（{v}）" for k, v in form_lists.items()))
    label = (form_lists or {}).get(list_name, list_name)
    if progress:
        progress(0, 0)  # opening: the reader parses the whole sheet before the first row comes
    with open_book(path, csv=True) as book:
        path = book.path
        if app is not None and META_SHEET in book:
            check_campaign(read_meta(book, path.name), app, path.name)
        ws, header_row, cols, units, ignored = _find_sheet(book, path, ld, label, sheet)
        result = _read_rows(book, ws, ld, header_row, cols, units, progress)
    result.source, result.name, result.label = str(path), list_name, label
    result.ignored = ignored
    if ignored:
        result.notes.insert(0, f"以下列不属于{label}，未导入：{'、'.join(ignored)}")
    # One summary of all the lists serves the row issues now and comparisons() later (the expensive
    # part — code checks and SME classification of every firm — runs once, not twice).
    lists = {**(app.lists if app else {}), list_name: result.rows}
    summary = summarize(lists)
    result._summary = (_lists_key(lists), summary)
    result.issues = [i for i in summary.issues if i.list_name == list_name]
    old = (app.lists.get(list_name) if app else None) or []
    _diff(result, old, ld)
    return result


def _lists_key(lists: dict[str, list]) -> tuple:
    return tuple(sorted((name, id(rows), len(rows)) for name, rows in lists.items()))


def _visible_sheets(book: Book) -> list[str]:
    return [n for n in book.sheetnames if n != META_SHEET and book.visible(n)]


def _find_sheet(book: Book, path: Path, ld: ListDef, label: str, wanted: str | None):
    if wanted:
        if wanted not in book:
            raise msg.NO_SUCH_SHEET.error(name=path.name, sheet=wanted, sheets="、".join(book.sheetnames))
        candidates = [wanted]
    else:
        named = [n for n in _visible_sheets(book) if n in (list_sheet_name(label), label, ld.name)]
        candidates = named or _visible_sheets(book)
    first_error = None
    for name in candidates:
        ws = book.sheet(name)
        try:
            return (ws, *_find_header(ws, ld, label))
        except UserError as exc:
            first_error = first_error or exc
    raise first_error or msg.NO_SHEET.error(name=path.name)


def _find_header(ws, ld: ListDef, label: str):
    best = None
    for r, values in enumerate(ws.rows(1, HEADER_SEARCH_ROWS), 1):
        found, units, ignored = _match_headers(values, ld)
        if found and (best is None or len(found) > len(best[1])):
            best = (r, found, units, ignored)
    if best is None:
        raise msg.NO_HEADER.error(name=ws.file, sheet=ws.title, rows=HEADER_SEARCH_ROWS, label=label,
                                  headers="、".join(c.header for c in ld.columns if c.required))
    r, found, units, ignored = best
    seen: dict[str, int] = {}
    for i, col in found.items():
        if col.key in seen:
            raise msg.DOUBLE_COLUMN.error(name=ws.file, sheet=ws.title, row=r, first=get_column_letter(seen[col.key] + 1),
                                          second=get_column_letter(i + 1), header=col.header)
        seen[col.key] = i
    missing = [c.header for c in ld.columns if c.required and c.key not in seen]
    if missing:
        got = "、".join(f"{get_column_letter(i + 1)}列“{c.header}”" for i, c in sorted(found.items())) or "无"
        raise msg.MISSING_COLUMNS.error(name=ws.file, sheet=ws.title, row=r, missing="”“".join(missing), got=got,
                                        headers="、".join(c.header for c in ld.columns))
    return r, found, units, ignored


def _read_rows(book: Book, ws: Sheet, ld: ListDef, header_row: int, cols: dict[int, Column], units: dict[int, str],
               progress: Progress | None) -> ListImport:
    title = ws.title
    errors: list[str] = []
    for min_col, min_row, max_col, max_row in ws.merged:
        rng = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
        if max_row >= header_row and any(min_col <= i + 1 <= max_col for i in cols):
            errors.append(msg.LIST_MERGED.text(sheet=title, range=rng, row=min_row, col=get_column_letter(min_col)))
    if errors:
        raise _refused(ws, errors)
    formulas = book.formulas(ws, header_row + 1)
    expected = max(ws.height - header_row, 0)
    rows: list[dict[str, Any]] = []
    result = ListImport("", ld.name, "", title, header_row, rows,
                        {c.key: get_column_letter(i + 1) for i, c in cols.items()})
    title_col = next(i for i, c in cols.items() if c.key == ld.title_key) if any(
        c.key == ld.title_key for c in cols.values()) else None
    keys = [c.key for c in ld.columns]
    marks = [c.key for c in ld.columns if c.type == "mark"]
    plan = [(i, col.key, None if col.type == "mark" else _fast(col, units.get(i, "")), col, units.get(i, ""))
            for i, col in cols.items()]
    scanned = 0
    for r, values in enumerate(ws.rows(header_row + 1), header_row + 1):
        scanned += 1
        if scanned > MAX_SCANNED_ROWS:
            raise msg.TOO_MANY_SCANNED.error(name=ws.file, sheet=title, limit=MAX_SCANNED_ROWS)
        if progress and scanned % PROGRESS_EVERY == 0 and progress(scanned, expected) is False:
            raise msg.CANCELLED.error()
        n = len(values)
        if all(blank(values[i]) if i < n else True for i in cols):
            result.blank_rows += 1
            continue
        if len(rows) >= MAX_ROWS:
            raise msg.TOO_MANY_ROWS.error(name=ws.file, sheet=title, limit=MAX_ROWS)
        row = dict.fromkeys(keys)
        for i, key, fast, col, unit in plan:
            v = values[i] if i < n else None
            if formulas and (r, i + 1) in formulas:
                if blank(v):
                    errors.append(msg.FORMULA_NO_RESULT.text(at=where(title, r, i + 1), formula=formulas[(r, i + 1)]))
                    continue
                if len(result.notes) < 20:
                    result.notes.append(f"{where(title, r, i + 1)}是公式，按计算结果“{v}”导入")
            if fast is None:  # a mark column, inline: most of a firm's 13 cells are 是/否
                got = _MARK_FAST.get(v, _SLOW) if type(v) is str else None if v is None else _SLOW
            else:
                got = fast(v)
            if got is _SLOW:
                try:
                    got = _convert(col, v, unit, title, r, i + 1)
                except CellError as exc:
                    errors.append(str(exc))
                    continue
            row[key] = got
        if title_col is not None and blank(values[title_col] if title_col < n else None):
            errors.append(msg.EMPTY_TITLE.text(at=where(title, r, title_col + 1), header=cols[title_col].header))
        for key in marks:
            if row[key] is None:
                row[key] = False  # 填报说明10: SMEs are marked; an unmarked firm is not one
        rows.append(row)
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise _refused(ws, errors)
    if progress:
        progress(scanned, scanned)
    if result.blank_rows:
        result.notes.append(f"跳过空行 {result.blank_rows} 行")
    if not rows:
        raise msg.NO_ROWS.error(name=ws.file, sheet=title, row=header_row)
    return result


def _refused(ws: Sheet, errors: list[str]) -> UserError:
    shown = "\n".join(f"- {e}" for e in errors[:20])
    more = f"\n……另有 {len(errors) - 20} 处（最多列出前 {MAX_ERRORS} 处）" if len(errors) > 20 else ""
    return msg.LIST_REFUSED.error(name=ws.file, sheet=ws.title, count=len(errors), plus="+" if len(errors) >= MAX_ERRORS else "",
                                  shown=shown, more=more)


_SLOW = object()  # "no fast answer": take the full conversion with its messages


def _fast(col: Column, unit: str) -> Callable[[Any], Any]:
    """The common cells of a column type, converted without building a cell address: a plain text,
    a whole number, a code (marks are inlined in ``_read_rows``). Everything else (and every fault) returns _SLOW for ``_convert``."""
    t = col.type

    def text(v):
        if type(v) is str:
            return v.strip() or None
        return None if v is None else _SLOW

    def count(v):
        if type(v) is float and v.is_integer() and 0 <= v < 2**53:
            return int(v)
        return v if type(v) is int and v >= 0 else None if v is None else _SLOW

    def money(v):
        if type(v) is float and v.is_integer() and abs(v) < 2**53:
            return str(int(v))
        return str(v) if type(v) is int else None if v is None else _SLOW

    def code(v):
        return v.upper() if type(v) is str and v.isascii() and v.isalnum() else None if v is None else _SLOW

    def slow(v):
        return None if v is None else _SLOW

    if t == "money" and unit not in ("", "万元", "万"):
        return slow
    return {"text": text, "int": count, "money": money, "code": code}.get(t, slow)


def _convert(col: Column, v: Any, unit: str, title: str, r: int, c: int) -> Any:
    if blank(v):
        return None
    if type(v) is float and v.is_integer() and abs(v) < 2**53:  # calamine reads every .xlsx number as float
        v = int(v)
    t = col.type
    if t == "text":
        return read_text(v)
    at = where(title, r, c)
    if t == "mark" and isinstance(v, str) and v in _MARK_FAST:  # the common case, first
        return _MARK_FAST[v]
    if t == "int" and type(v) is int and v >= 0:
        return v
    if t == "code":
        if isinstance(v, str) and v.isascii() and v.isalnum():
            return v.upper()
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            raise msg.CODE_AS_NUMBER.error(CellError, at=at)
        return normalize_code(v)
    if t == "int":
        text, parsed = read_number(v, "count", None, 0, at)
        return None if parsed.value is None else int(parsed.value)
    if t == "money":
        if type(v) is int and unit in ("", "万元", "万"):
            return str(v)
        factor = _MONEY_FACTORS.get(unit, Decimal(1)) if isinstance(v, (int, float)) else Decimal(1)
        if unit and unit not in _MONEY_FACTORS:
            raise msg.MONEY_UNIT.error(CellError, sheet=title, header=col.header, unit=unit)
        text, parsed = read_number(v, "number", "万元", 2, at)
        if parsed.value is None:
            return None
        return f"{(parsed.value * factor).normalize():f}"
    if t == "mark":
        if isinstance(v, bool):
            return v
        word = str(int(v)) if isinstance(v, (int, float)) and v == int(v) else str(v).strip().upper()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        if col.key == "sme" and word in _SIZE_WORDS:
            return _SIZE_WORDS[word]
        raise msg.BAD_MARK.error(CellError, at=at, value=v, header=col.header)
    if t == "date":
        if isinstance(v, (dt.datetime, dt.date)):
            return (v.date() if isinstance(v, dt.datetime) else v).isoformat()
        return read_text(v)
    if t == "year":
        if isinstance(v, (dt.datetime, dt.date)):
            return v.year
        text, parsed = read_number(v, "year", None, 0, at)
        if parsed.value is None or not 1949 <= parsed.value <= 2100:
            raise msg.BAD_YEAR.error(CellError, at=at, value=v)
        return int(parsed.value)
    words = {"level": LEVEL_WORDS, "role": ROLE_WORDS, "platform_level": PLATFORM_LEVEL_WORDS}[t]
    text = str(v).strip()
    for word, key in words.items():
        if word in text:
            return key
    raise msg.BAD_WORD.error(CellError, at=at, value=v, header=col.header, words="、".join(words))


def _row_key(row: dict[str, Any], ld: ListDef) -> str:
    value = row.get(ld.unique) if ld.unique else None
    return str(value or row.get(ld.title_key) or "")


def _diff(result: ListImport, old: list[dict[str, Any]], ld: ListDef) -> None:
    result.old_count = len(old)
    before = {_row_key(r, ld): r for r in old}
    after = {_row_key(r, ld): r for r in result.rows}
    result.added = len(after.keys() - before.keys())
    result.removed = len(before.keys() - after.keys())
    result.changed = sum(1 for k in after.keys() & before.keys() if after[k] != before[k])
