"""Read a filled form workbook back: map cells to fields through the hidden sheet, refuse a
workbook of another campaign or form, and compute what would change (nothing is applied here).

A field whose cells still show what was exported keeps its exported value exactly ("16,800" stays
"16,800" although the cell holds 16800); a changed field is rebuilt from its cells.
"""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from core.application import Application, normalize_value
from core.errors import UserError
from core.form import load_form
from core.form.model import NA, NO, STANDARD_LEVELS, STANDARD_ROLES, YES, FieldDef, FormDef
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
from core.xlsx.safety import check_xlsx, scan_sheet, sheet_parts

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


def open_workbook(path: Path, **kwargs):
    """openpyxl.load_workbook with every failure turned into a Chinese message."""
    try:
        return load_workbook(path, **kwargs)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise UserError(f"无法读取工作簿“{path.name}”：文件已损坏或不是标准的 Excel 工作簿（{type(exc).__name__}）。") from exc
    except Exception as exc:  # openpyxl raises assorted XML errors for malformed parts
        raise UserError(f"无法读取工作簿“{path.name}”：文件内容无法解析（{type(exc).__name__}）。") from exc


def new_application_from_meta(meta: Meta) -> Application:
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    return Application(form=meta.form, campaign=meta.campaign, jurisdiction=meta.jurisdiction, rules=meta.rules,
                       form_version=meta.form_version, created=now, changed=now)


def check_campaign(meta: Meta, app: Application, name: str) -> None:
    if meta.form != app.form:
        raise UserError(f"工作簿“{name}”是申报表 {meta.form} 的模板，与本申请使用的申报表 {app.form} 不符，拒绝导入。")
    if meta.campaign != app.campaign:
        raise UserError(
            f"工作簿“{name}”属于 {meta.campaign} 年度申报（规则集 {meta.rules}），与本申请的 {app.campaign} 年度申报"
            f"（规则集 {app.rules}）不符，年份栏目无法对应，拒绝导入。请为本申请重新导出模板。"
        )


def read_form_workbook(path: str | Path, app: Application | None = None) -> FormImport:
    """Read ``path``; ``app`` is the application it would change (None: a new one from the workbook)."""
    path = check_xlsx(path)
    wb = open_workbook(path, data_only=True)
    meta = read_meta(wb, path.name)
    if app is None:
        try:
            load_form(meta.form)
        except UserError as exc:
            raise UserError(f"工作簿“{path.name}”使用的申报表 {meta.form} 本程序没有：{exc.message}") from exc
        app = new_application_from_meta(meta)
    check_campaign(meta, app, path.name)
    form = app.form_def
    if meta.form_version != form.version:
        raise UserError(f"工作簿“{path.name}”按申报表 {form.id} 第 {meta.form_version} 版生成，本程序为第 {form.version} 版，"
                        "栏目可能不同，请重新导出模板。")
    years = app.years
    layouts = form_layout(form, years)
    expected = [(lay.name, lay.row_number(i), row.key, ",".join(s.part for s in row.slots))
                for lay in layouts for i, row in enumerate(lay.rows) if row.key]
    if meta.rows != expected:
        raise UserError(f"工作簿“{path.name}”的栏目对照表与本程序的申报表定义不一致（可能由其他版本的程序生成），请重新导出模板。")
    reader = _Reader(path, wb, form, years)
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
        except CellError as exc:
            reader.errors.append(str(exc))
        except UserError as exc:
            reader.errors.append(exc.message)
    if reader.errors:
        shown = "\n".join(f"- {e}" for e in reader.errors[:MAX_LISTED_ERRORS])
        more = f"\n……另有 {len(reader.errors) - MAX_LISTED_ERRORS} 处" if len(reader.errors) > MAX_LISTED_ERRORS else ""
        raise UserError(f"工作簿“{path.name}”有 {len(reader.errors)} 处无法导入，未做任何修改：\n{shown}{more}")
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

    def __init__(self, path: Path, wb, form: FormDef, years: list[int]):
        self.path, self.wb, self.form, self.years = path, wb, form, years
        self.parts = sheet_parts(path)
        self.errors: list[str] = []
        self.notes: list[str] = []
        self._formula_wb = None
        self._merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self._formulas: dict[str, bool] = {}

    def sheet(self, name: str) -> None:
        if name not in self.wb.sheetnames:
            raise UserError(f"工作簿“{self.path.name}”缺少工作表「{name}」，无法导入。")
        scan = scan_sheet(self.path, self.parts.get(name, ""))
        self._merged[name] = [range_boundaries(m) for m in scan.merged if ":" in m]
        self._formulas[name] = scan.has_formulas

    def check_labels(self, sheet: str, r: int, row: Row, first: bool) -> None:
        ws = self.wb[sheet]
        for col, want in ((COL_LABEL, row.label if first else None), (COL_DETAIL, row.detail or None)):
            got = ws.cell(r, col).value
            if want is not None and (str(got).strip() if got is not None else None) != want:
                raise UserError(
                    f"{where(sheet, r, col)}应为“{want}”，实为“{got if got is not None else ''}”：工作表的行被插入、删除"
                    "或移动，无法对应到申报表栏目，未做任何修改。请使用未改动结构的模板。"
                )

    def value(self, sheet: str, r: int, c: int) -> Any:
        for min_col, min_row, max_col, max_row in self._merged.get(sheet, ()):
            if min_row <= r <= max_row and min_col <= c <= max_col:
                rng = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
                self.errors.append(f"{where(sheet, r, c)}位于合并单元格 {rng} 中，请取消合并后再导入")
                return None
        v = self.wb[sheet].cell(r, c).value
        if self._formulas.get(sheet):
            formula = self._formula(sheet, r, c)
            if formula is not None:
                if v is None:
                    self.errors.append(f"{where(sheet, r, c)}是公式“{formula}”，但没有保存计算结果；"
                                       "请在 Excel 中打开并保存，或改为直接填写数值")
                else:
                    self.notes.append(f"{where(sheet, r, c)}是公式“{formula}”，按其计算结果“{v}”导入")
        return v

    def _formula(self, sheet: str, r: int, c: int) -> str | None:
        if self._formula_wb is None:
            self._formula_wb = open_workbook(self.path, data_only=False)
        cell = self._formula_wb[sheet].cell(r, c)
        return str(cell.value) if cell.data_type == "f" else None


def _flag(value: Any, at: str, what: str) -> bool | None:
    if blank(value):
        return None
    if isinstance(value, bool):
        return value
    word = str(value).strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"{at}应填写{what}，实为“{value}”")


def _value_from_cells(fd: FieldDef, cells: dict[str, Any], years: list[int], at: dict[str, str]) -> Any:
    """A field's value from its cells (``at``: part → where the cell is, for messages)."""
    t = fd.type
    if all(blank(v) for v in cells.values()):
        return None
    if t in ("text", "longtext"):
        return read_text(cells[""])
    if t in ("number", "percent", "count", "year"):
        return read_number(cells[""], t, fd.unit, fd.decimals, at[""])[0]
    if t in ("yesno", "yesno_na"):
        v = cells[""]
        word = str(v).strip()
        if t == "yesno_na" and (word in ("不适用", "NA", "N/A") or word == fd.na_label):
            return NA
        flag = _flag(v, at[""], "“是”或“否”" + ("或“不适用”" if t == "yesno_na" else ""))
        return None if flag is None else YES if flag else NO
    if t == "choice":
        v = read_text(cells[""])
        opt = next((o for o in fd.options if v in (o.label, o.key)), None) if v else None
        if v and opt is None:
            raise CellError(f"{at['']}“{v}”不是可选项（可选：{'、'.join(o.label for o in fd.options)}）")
        out = {"selected": opt.key} if opt else {}
        text = read_text(cells.get("text"))
        if text:
            out["text"] = text
        return out or None
    if t == "checks":
        selected, texts = [], {}
        for o in fd.options:
            if _flag(cells.get(f"opt:{o.key}"), at[f"opt:{o.key}"], "“是”或“否”"):
                selected.append(o.key)
            text = read_text(cells.get(f"text:{o.key}"))
            if text:
                texts[o.key] = text
        return {"selected": selected, "texts": texts} if texts else {"selected": selected}
    if t == "series":
        out = {}
        for y in years:
            text = read_number(cells[str(y)], fd.of or "number", fd.unit, fd.decimals, at[str(y)])[0]
            if text is not None:
                out[str(y)] = text
        return out or None
    if t == "standards":
        out: dict[str, Any] = {}
        for y in years:
            for level, _ in STANDARD_LEVELS:
                for role, _ in STANDARD_ROLES:
                    part = f"{y}:{level}:{role}"
                    text, parsed = read_number(cells[part], "count", None, 0, at[part])
                    if text is None:
                        continue
                    n = int(parsed.value) if parsed.value is not None and text.isdigit() else text
                    out.setdefault(str(y), {}).setdefault(level, {})[role] = n
        return out or None
    if t == "platform":
        out = {}
        count = read_number(cells["count"], "count", None, 0, at["count"])[0]
        if count is not None:
            out["count"] = count
        names = read_text(cells["names"])
        if names:
            out["names"] = names
        return out or None
    return None

