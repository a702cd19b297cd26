"""Read any spreadsheet an office has (.xlsx/.xlsm/.xls/.xlsb/.ods, WPS .et, a CSV list) as sheets of
plain values, with python-calamine (a Rust reader) — openpyxl stays the writer.

Values are what the file saved: text, int, float, bool, date/datetime; blank cells are None and
whole-number floats become int, as openpyxl returned them. Formulas: calamine reads a formula cell's
saved result. Where the format lets us see the formulas cheaply (.xlsx/.xlsm: a byte search of the
sheet XML and then openpyxl on that sheet only; .ods: the table:formula attributes) the importers name
every formula cell and refuse one without a saved result, as before; in .xls/.xlsb a formula cell is
read as its saved result (Excel, WPS and LibreOffice always save one in these formats).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as pc
from lxml import etree

from core.messages import xlsx as msg
from core.xlsx.safety import CSV, ODS, XLSM, XLSX, check_spreadsheet, sheet_has_formulas, sheet_parts

Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based, as openpyxl)
_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_SPAN = re.compile(rb"number-(?:columns|rows)-spanned=\"(?!1\")")
# What reading a damaged ZIP entry raises: CRC and header errors, a broken deflate stream, bad names.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, KeyError)
_HIDDEN = (pc.SheetVisibleEnum.Hidden, pc.SheetVisibleEnum.VeryHidden)


def plain(v: Any) -> Any:
    if v == "" and isinstance(v, str):
        return None
    if type(v) is float and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


@dataclass
class Sheet:
    title: str
    visible: bool
    height: int  # rows, counted from row 1
    _rows: Any = None  # calamine sheet, or a list of lists (CSV)
    _grid: list[list[Any]] | None = None
    merged: list[Range] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] | None = None  # (row, col) → formula; None: not known yet
    file: str = ""  # the file's name, for messages

    def rows(self, min_row: int = 1, max_row: int | None = None) -> Iterator[list[Any]]:
        """Rows from ``min_row`` (1-based), each a list from column A; blanks "" (call ``plain``)."""
        if isinstance(self._rows, list):
            yield from self._rows[min_row - 1:max_row]
            return
        pad = [""] * self._start_col
        for r, row in enumerate(self._rows.iter_rows(), 1):
            if r < min_row:
                continue
            if max_row is not None and r > max_row:
                return
            yield pad + row if pad else row

    @property
    def _start_col(self) -> int:
        start = self._rows.start
        return start[1] if start else 0

    def cell(self, r: int, c: int) -> Any:
        """The value at row ``r``, column ``c`` (1-based) — random access for the small form sheets."""
        if self._grid is None:
            self._grid = [[plain(v) for v in row] for row in self.rows()]
        if r - 1 < len(self._grid) and c - 1 < len(self._grid[r - 1]):
            return self._grid[r - 1][c - 1]
        return None


class Book:
    """An open spreadsheet; ``sheet()`` loads a sheet on first use."""

    def __init__(self, path: Path, fmt: str):
        self.path, self.fmt, self.name = path, fmt, path.name
        self._sheets: dict[str, Sheet] = {}
        if fmt == CSV:
            self._wb = None
            rows = _read_csv(path)
            self.sheetnames = [path.stem]
            self._visible = {path.stem: True}
            self._sheets[path.stem] = Sheet(path.stem, True, len(rows), rows, formulas={}, file=path.name)
            return
        try:
            self._wb = pc.CalamineWorkbook.from_path(str(path))
            meta = self._wb.sheets_metadata
        except pc.PasswordError as exc:
            raise msg.ENCRYPTED.error(name=self.name) from exc
        except Exception as exc:  # noqa: BLE001 - calamine's errors (zip, XML, BIFF) are all "damaged"
            raise msg.UNREADABLE.error(name=self.name, reason=_reason(exc)) from exc
        except BaseException as exc:  # a Rust panic surfaces as pyo3's PanicException (a BaseException)
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise msg.UNREADABLE.error(name=self.name, reason=_reason(exc)) from exc
        self.sheetnames = [m.name for m in meta if m.typ == pc.SheetTypeEnum.WorkSheet]
        self._visible = {m.name: m.visible not in _HIDDEN for m in meta}
        self._parts: dict[str, str] | None = None
        self._ods: dict[str, tuple[list[Range], dict[tuple[int, int], str]]] | None = None

    def visible(self, name: str) -> bool:
        return self._visible.get(name, False)

    def __contains__(self, name: str) -> bool:
        return name in self.sheetnames

    def sheet(self, name: str) -> Sheet:
        if name in self._sheets:
            return self._sheets[name]
        try:
            raw = self._wb.get_sheet_by_name(name)
            height = raw.height + (raw.start[0] if raw.start else 0)
            merged = [(c0 + 1, r0 + 1, c1 + 1, r1 + 1) for (r0, c0), (r1, c1) in (raw.merged_cell_ranges or [])]
        except Exception as exc:  # noqa: BLE001
            raise msg.UNREADABLE.error(name=self.name, reason=_reason(exc)) from exc
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise msg.UNREADABLE.error(name=self.name, reason=_reason(exc)) from exc
        sh = Sheet(name, self.visible(name), height, raw, merged=merged, file=self.name)
        if self.fmt in (XLSX, XLSM):
            self._xlsx_scan(sh)
        elif self.fmt == ODS:
            merged, formulas = self._ods_scan().get(name, ([], {}))
            sh.merged, sh.formulas = merged or sh.merged, formulas
        else:
            sh.formulas = {}  # .xls/.xlsb: formula cells read as their saved results (module docstring)
        self._sheets[name] = sh
        return sh

    def _xlsx_scan(self, sh: Sheet) -> None:
        try:
            if self._parts is None:
                self._parts = sheet_parts(self.path)
            sh.formulas = None if sheet_has_formulas(self.path, self._parts.get(sh.title, "")) else {}
        except (*_ZIP_ERRORS, etree.ParseError, SyntaxError) as exc:
            raise msg.UNREADABLE.error(name=self.name, reason=type(exc).__name__) from exc

    def formulas(self, sh: Sheet, min_row: int = 1) -> dict[tuple[int, int], str]:
        """Formula cells of a sheet (row, col → formula text); read only when the sheet has any."""
        if sh.formulas is None:
            wb = open_workbook(self.path, read_only=True, data_only=False)
            try:
                sh.formulas = {(c.row, c.column): str(c.value) for row in wb[sh.title].iter_rows(min_row=min_row)
                               for c in row if getattr(c, "data_type", None) == "f"}
            finally:
                wb.close()
        return sh.formulas

    def _ods_scan(self) -> dict[str, tuple[list[Range], dict[tuple[int, int], str]]]:
        """Merged ranges and formula cells of every table in content.xml (calamine reports neither
        for .ods); the XML is parsed only when a byte search finds either."""
        if self._ods is None:
            self._ods = {}
            try:
                with zipfile.ZipFile(self.path) as zf:
                    data = zf.read("content.xml") if "content.xml" in zf.namelist() else b""
            except _ZIP_ERRORS as exc:
                raise msg.UNREADABLE.error(name=self.name, reason=type(exc).__name__) from exc
            if b"table:formula=" in data or _ODS_SPAN.search(data):
                self._ods = _ods_tables(data, self.name)
        return self._ods

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_workbook(path: Path, **kwargs):
    """openpyxl.load_workbook (for the formula text of an .xlsx sheet) with every failure in Chinese."""
    from openpyxl import load_workbook

    try:
        return load_workbook(path, **kwargs)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise msg.UNREADABLE.error(name=path.name, reason=type(exc).__name__) from exc
    except Exception as exc:  # openpyxl raises assorted XML errors for malformed parts
        raise msg.UNPARSABLE.error(name=path.name, reason=type(exc).__name__) from exc


def open_book(path: str | Path, *, csv: bool = False) -> Book:
    """Check ``path`` (core/xlsx/safety.py) and open it; every failure is a Chinese message."""
    checked = check_spreadsheet(path, csv=csv)
    return Book(checked.path, checked.fmt)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read_csv(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))  # Excel's "Unicode text" export
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):  # GB18030 is a superset of GBK (and of GB2312)
        try:
            text = codecs.decode(data, encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise msg.CSV_ENCODING.error(name=path.name)
    sample = text[:4096]
    delimiter = "," if "," in sample else "\t" if "\t" in sample else ";" if ";" in sample else ","
    try:
        return [[v if v.strip() else None for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise msg.UNPARSABLE.error(name=path.name, reason=f"CSV：{exc}") from exc


def _ods_tables(data: bytes, name: str) -> dict[str, tuple[list[Range], dict[tuple[int, int], str]]]:
    t = f"{{{_ODS_TABLE}}}"
    out: dict[str, tuple[list[Range], dict[tuple[int, int], str]]] = {}
    try:
        merged: list[Range] = []
        formulas: dict[tuple[int, int], str] = {}
        r = 0
        for event, el in etree.iterparse(io.BytesIO(data), events=("start", "end"), huge_tree=False,
                                         resolve_entities=False, no_network=True):
            tag = el.tag
            if event == "start":
                if tag == t + "table":
                    merged, formulas, r = [], {}, 0
                continue
            if tag == t + "table-row":
                row_rep = int(el.get(t + "number-rows-repeated", "1"))
                c = 0
                for cell in el:
                    rep = int(cell.get(t + "number-columns-repeated", "1"))
                    if cell.tag == t + "table-cell":
                        cs = int(cell.get(t + "number-columns-spanned", "1"))
                        rs = int(cell.get(t + "number-rows-spanned", "1"))
                        if cs > 1 or rs > 1:
                            merged.append((c + 1, r + 1, c + cs, r + rs))
                        f = cell.get(t + "formula")
                        if f is not None:
                            for k in range(min(rep, 1024)):
                                formulas[(r + 1, c + 1 + k)] = f.removeprefix("of:")
                    c += rep
                r += min(row_rep, 1 << 20)
                el.clear()
            elif tag == t + "table":
                out[el.get(t + "name", "")] = (merged, formulas)
                el.clear()
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise msg.UNPARSABLE.error(name=name, reason=type(exc).__name__) from exc
    return out
