"""Read a filled form workbook back: map cells to fields through the hidden sheet, refuse a
workbook of another campaign or form, and compute what would change (nothing is applied here).

A field whose cells still show what was exported keeps its exported value exactly ("16,800" stays
"16,800" although the cell holds 16800); a changed field is rebuilt from its cells.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from core.application import Application, normalize_value
from core.errors import UserError
from core.form import load_form
from core.form.kinds import kind_of
from core.form.model import FieldDef
from core.messages import xlsx as xlsx_msg
from core.messages.base import Message
from core.xlsx.book import Book, open_book
from core.xlsx.cells import CellError, blank, read_number, read_text, where
from core.xlsx.formmap import (
    COL_DETAIL,
    COL_LABEL,
    FALSE_WORDS,
    TRUE_WORDS,
    Row,
    cells_for,
    form_layout,
    same_cells,
)
from core.xlsx.meta import Meta, read_meta
from core.xlsx.preview import Change, canonical, display_value

MAX_LISTED_ERRORS = 12


@dataclass
class FormImport:
    source: str
    meta: Meta
    values: dict[str, Any]  # every field the workbook speaks for: key → new value (None = cleared)
    changes: list[Change]
    notes: list[str] = field(default_factory=list)

    def apply_to(self, app: Application) -> Application:
        """A new Application with the changes applied in one step (the input is left untouched)."""
        new = copy.deepcopy(app)
        for c in self.changes:
            if c.new is None:
                new.values.pop(c.key, None)
            else:
                new.values[c.key] = copy.deepcopy(c.new)
        return new

    @property
    def changed_values(self) -> dict[str, Any]:
        return {c.key: c.new for c in self.changes}


def new_application_from_meta(meta: Meta) -> Application:
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    return Application(form=meta.form, campaign=meta.campaign, jurisdiction=meta.jurisdiction, rules=meta.rules,
                       form_version=meta.form_version, created=now, changed=now)


def check_campaign(meta: Meta, app: Application, name: str) -> None:
    if meta.form != app.form:
        raise xlsx_msg.OTHER_FORM.error(name=name, form=meta.form, app_form=app.form)
    if meta.campaign != app.campaign:
        raise xlsx_msg.OTHER_CAMPAIGN.error(name=name, campaign=meta.campaign, rules=meta.rules,
                                            app_campaign=app.campaign, app_rules=app.rules)


def read_form_workbook(path: str | Path, app: Application | None = None) -> FormImport:
    """Read ``path``; ``app`` is the application it would change (None: a new one from the workbook)."""
    with open_book(path) as book:
        return _read_form_book(book, app)


def _read_form_book(book: Book, app: Application | None) -> FormImport:
    path = book.path
    meta = read_meta(book, path.name)
    if app is None:
        try:
            load_form(meta.form)
        except UserError as exc:
            raise xlsx_msg.UNKNOWN_FORM.error(name=path.name, form=meta.form, reason=exc.message) from exc
        app = new_application_from_meta(meta)
    check_campaign(meta, app, path.name)
    form = app.form_def
    if meta.form_version != form.version:
        raise xlsx_msg.OTHER_VERSION.error(name=path.name, form=form.id, version=meta.form_version, own=form.version)
    years = app.years
    layouts = form_layout(form, years)
    expected = [(lay.name, lay.row_number(i), row.key, ",".join(s.part for s in row.slots))
                for lay in layouts for i, row in enumerate(lay.rows) if row.key]
    if meta.rows != expected:
        raise xlsx_msg.LAYOUT_MISMATCH.error(name=path.name)
    reader = _Reader(book)
    read: dict[str, dict[str, Any]] = {}
    rows_of: dict[str, list[int]] = {}
    at_of: dict[str, dict[str, str]] = {}
    for lay in layouts:
        reader.sheet(lay.name)
        last = None
        for i, row in enumerate(lay.rows):
            if row.key is None:
                continue
            r = lay.row_number(i)
            reader.check_labels(lay.name, r, row, first=row.key != last)
            last = row.key
            rows_of.setdefault(row.key, []).append(r)
            for slot in row.slots:
                read.setdefault(row.key, {})[slot.part] = reader.value(lay.name, r, slot.col)
                at_of.setdefault(row.key, {})[slot.part] = where(lay.name, r, slot.col)
    sheet_of = {row.key: lay.name for lay in layouts for row in lay.rows if row.key}
    values: dict[str, Any] = {}
    for key, cells in read.items():
        fd = form.fields[key]
        original = meta.originals.get(key)
        if same_cells(cells, cells_for(fd, original, years)):
            if original is not None:
                values[key] = original
            continue  # untouched blank template cells say nothing
        try:
            value = _value_from_cells(fd, cells, years, at_of[key])
            values[key] = normalize_value(fd, value, years, origin=f"工作簿“{path.name}”") if value is not None else None
        except UserError as exc:  # a CellError names the cell, a value error names the field
            reader.errors.append(exc.message)
    if reader.errors:
        shown = "\n".join(f"- {e}" for e in reader.errors[:MAX_LISTED_ERRORS])
        more = f"\n……另有 {len(reader.errors) - MAX_LISTED_ERRORS} 处" if len(reader.errors) > MAX_LISTED_ERRORS else ""
        raise xlsx_msg.CANNOT_IMPORT.error(name=path.name, count=len(reader.errors), shown=shown, more=more)
    changes = []
    for key, new in values.items():
        old = app.values.get(key)
        if old in (None, "", {}) and new is None:
            continue
        if canonical(old) != canonical(new):
            fd = form.fields[key]
            rows = rows_of[key]
            at = f"「{sheet_of[key]}」第 {rows[0]} 行" + (f"–{rows[-1]} 行" if len(rows) > 1 else "")
            changes.append(Change(key, fd.label if not fd.about else f"{fd.about}·{fd.label}", at, old, new,
                                  display_value(fd, old), display_value(fd, new)))
    return FormImport(str(path), meta, values, changes, reader.notes)


class _Reader:
    """Cell access with the checks every cell needs: merged ranges, formulas, labels."""

    def __init__(self, book: Book):
        self.book, self.path = book, book.path
        self.errors: list[str] = []
        self.notes: list[str] = []

    def sheet(self, name: str) -> None:
        if name not in self.book:
            raise xlsx_msg.MISSING_SHEET.error(name=self.path.name, sheet=name)

    def check_labels(self, sheet: str, r: int, row: Row, first: bool) -> None:
        ws = self.book.sheet(sheet)
        for col, want in ((COL_LABEL, row.label if first else None), (COL_DETAIL, row.detail or None)):
            got = ws.cell(r, col)
            if want is not None and (str(got).strip() if got is not None else None) != want:
                raise xlsx_msg.LABEL_MOVED.error(at=where(sheet, r, col), want=want, got=got if got is not None else "")

    def value(self, sheet: str, r: int, c: int) -> Any:
        ws = self.book.sheet(sheet)
        for min_col, min_row, max_col, max_row in ws.merged:
            if min_row <= r <= max_row and min_col <= c <= max_col and (min_col, min_row) != (max_col, max_row):
                rng = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
                self.errors.append(xlsx_msg.MERGED.text(at=where(sheet, r, c), range=rng))
                return None
        v = ws.cell(r, c)
        formula = self.book.formulas(ws).get((r, c))
        if formula is not None:
            if v is None:
                self.errors.append(xlsx_msg.FORMULA_NO_RESULT.text(at=where(sheet, r, c), formula=formula))
            else:
                self.notes.append(f"{where(sheet, r, c)}是公式“{formula}”，按其计算结果“{v}”导入")
        return v


class _CellReader:
    """What a kind reads its cells with (core/form/kinds ``CellReader``)."""

    text = staticmethod(read_text)
    number = staticmethod(read_number)

    @staticmethod
    def flag(value: Any, at: str, what: str) -> bool | None:
        if blank(value):
            return None
        if isinstance(value, bool):
            return value
        word = str(value).strip().upper()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise xlsx_msg.NOT_A_FLAG.error(CellError, at=at, what=what, value=value)

    @staticmethod
    def error(message: Message, **fields) -> CellError:
        return message.error(CellError, **fields)


def _value_from_cells(fd: FieldDef, cells: dict[str, Any], years: list[int], at: dict[str, str]) -> Any:
    """A field's value from its cells (``at``: part → where the cell is, for messages)."""
    if all(blank(v) for v in cells.values()):
        return None
    return kind_of(fd).from_cells(fd, cells, years, at, _CellReader)
