"""Write an application (or a blank template for its campaign) as a workbook laid out like the form."""

from __future__ import annotations

import math
import os
import tempfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from core.application import Application
from core.form.model import FieldDef, FormDef
from core.messages import xlsx as xlsx_msg
from core.rules.applications import form_title
from core.xlsx.cells import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    INPUT_FILL,
    TITLE_FONT,
    UNLOCKED,
    WRAP,
    set_number,
    set_text,
)
from core.xlsx.formmap import (
    COL_DETAIL,
    COL_LABEL,
    COL_UNIT,
    COL_VALUE,
    HEADER_ROW,
    Row,
    cells_for,
    form_layout,
    note_col,
)
from core.xlsx.list_sheet import write_list_sheet
from core.xlsx.meta import KIND_FORM, KIND_TEMPLATE, Meta, write_meta
from core.xlsx.sharedstrings import convert

WIDTHS = {COL_LABEL: 44, COL_DETAIL: 30, COL_UNIT: 9, COL_VALUE: 46}
YEAR_WIDTH, NOTE_WIDTH = 12, 30


def build_workbook(app: Application, *, template: bool = False) -> Workbook:
    form = app.local_form  # its own region's notes
    years = app.years
    wb = Workbook()
    wb.remove(wb.active)
    meta = Meta(kind=KIND_TEMPLATE if template else KIND_FORM, form=form.id, form_version=form.version,
                campaign=app.campaign, rules=app.rules, jurisdiction=app.jurisdiction,
                uuid="" if template else app.uuid, written=datetime.now().astimezone().isoformat(timespec="seconds"))
    values = {} if template else app.values
    for layout in form_layout(form, years):
        ws = wb.create_sheet(layout.name)
        _sheet_frame(ws, layout.heading, years, app)
        choices: dict[tuple[tuple[str, ...], str, str], list[str]] = {}  # (options, title, hint) → cells
        last_key = None
        for i, row in enumerate(layout.rows):
            r = layout.row_number(i)
            first_of_field = row.key != last_key or row.key is None
            set_text(ws.cell(r, COL_LABEL), row.label if first_of_field else None)
            set_text(ws.cell(r, COL_DETAIL), row.detail or None)
            set_text(ws.cell(r, COL_UNIT), row.unit or None)
            set_text(ws.cell(r, note_col(years)), row.note or None)
            for c in range(COL_LABEL, note_col(years) + 1):
                cell = ws.cell(r, c)
                cell.border, cell.font = BORDER, BODY_FONT
                cell.alignment = CENTER if c == COL_UNIT else WRAP
            if row.key is None:  # fixed text (真实性声明)
                set_text(ws.cell(r, COL_VALUE), row.note)
                set_text(ws.cell(r, note_col(years)), None)
                _fit_height(ws, r, row.note, WIDTHS[COL_VALUE])
                continue
            fd = form.fields[row.key]
            if first_of_field:
                cells = cells_for(fd, values.get(row.key), years)
                meta.originals.update({row.key: values[row.key]} if values.get(row.key) is not None else {})
            for slot in row.slots:
                cell = ws.cell(r, slot.col)
                v = cells.get(slot.part)
                if row.places is not None and isinstance(v, (int, float)):
                    set_number(cell, v, row.places)
                else:
                    set_text(cell, v)
                    if row.places is not None:
                        cell.number_format = "0" if row.places == 0 else "0." + "0" * row.places
                cell.fill, cell.protection = INPUT_FILL, UNLOCKED
                if isinstance(v, str):
                    _fit_height(ws, r, v, WIDTHS.get(slot.col, YEAR_WIDTH))
                title, hint = _input_hint(form, fd, app.campaign, row)
                if row.choices or hint:
                    choices.setdefault((row.choices, title, hint), []).append(cell.coordinate)
            meta.rows.append((layout.name, r, row.key, ",".join(s.part for s in row.slots)))
            last_key = row.key
        for (options, title, hint), coords in choices.items():
            formula = '"' + ",".join(o.replace('"', '""') for o in options) + '"'
            if options and len(formula) <= 255:
                dv = DataValidation(type="list", formula1=formula, allow_blank=True)
                dv.error, dv.errorTitle, dv.showErrorMessage = f"请从下拉列表中选择：{'、'.join(options)}", "无效的选项", True
            else:  # no list: the validation only carries the input hint (any value is allowed)
                dv = DataValidation(allow_blank=True)
            if hint:
                dv.promptTitle, dv.prompt, dv.showInputMessage = title, hint, True
            for coord in coords:
                dv.add(coord)
            ws.add_data_validation(dv)
    for name, label in form.lists.items():
        write_list_sheet(wb, name, label, [] if template else app.lists.get(name) or [])
    write_meta(wb, meta)
    wb.active = 0
    return wb


PROMPT_TITLE_MAX, PROMPT_MAX = 32, 255  # Excel's limits for an input message (WPS and LibreOffice keep them)


def _input_hint(form: FormDef, fd: FieldDef, campaign: int, row: Row) -> tuple[str, str]:
    """The input message shown when the cell is selected: the field's own hint and the 填报说明 items
    about it (form data: ``filling``), within Excel's limits. ('', '') when there is nothing to say."""
    bits = [f"{n}. {form.filling_note(n, campaign)}" for n in fd.filling]
    if fd.hint:
        bits.insert(0, fd.hint)
    if row.choices and not bits:
        bits.append("请从下拉列表中选择")
    if not bits:
        return "", ""
    text = "\n".join(bits)
    if len(text) > PROMPT_MAX:
        text = text[: PROMPT_MAX - 1] + "…"
    title = (fd.label if len(fd.label) <= PROMPT_TITLE_MAX else fd.label[: PROMPT_TITLE_MAX - 1] + "…")
    return title, text


def _sheet_frame(ws, heading: str, years: list[int], app: Application) -> None:
    ws.cell(1, 1, f"{form_title(app)} · {heading}").font = TITLE_FONT
    ws.cell(1, COL_VALUE, f"{app.campaign}年申报（规则集 {app.rules}）").font = BODY_FONT
    headers = {COL_LABEL: "栏目", COL_DETAIL: "明细", COL_UNIT: "单位", COL_VALUE: "填报内容"}
    headers.update({COL_VALUE + 1 + i: f"{y}年" for i, y in enumerate(years)})
    headers[note_col(years)] = "说明"
    for c, text in headers.items():
        cell = ws.cell(HEADER_ROW, c, text)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, CENTER
        ws.column_dimensions[cell.column_letter].width = WIDTHS.get(c, YEAR_WIDTH)
    ws.column_dimensions[ws.cell(1, note_col(years)).column_letter].width = NOTE_WIDTH
    ws.freeze_panes = "B3"
    ws.print_title_rows = f"1:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    # Structure stays fixed (rows map to fields); yellow input cells stay editable.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _fit_height(ws, row: int, text: str, width: int) -> None:
    # Chinese characters take about two width units; Excel does not re-measure rows we write.
    units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 8 * text.count("\n")
    lines = max(1, math.ceil(units / max(width - 2, 1)))
    height = min(409, 15 * lines + 4)
    current = ws.row_dimensions[row].height or 0
    if height > max(current, 19):
        ws.row_dimensions[row].height = height


def save_workbook(wb: Workbook, path: str | Path) -> Path:
    """Save atomically: a failed save leaves the old file (or none), never half a workbook."""
    path = Path(path)
    from core.oserrors import SPECIAL_TARGET, ordinary_mode, special_target

    if special_target(path):  # os.replace would turn /dev/full into a regular file
        raise xlsx_msg.UNWRITABLE.error(path=path, reason=SPECIAL_TARGET)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".xlsx", dir=path.parent or ".")
        os.close(fd)
        packed = tmp + ".sst"
        try:
            wb.save(tmp)
            convert(tmp, packed)
            ordinary_mode(packed)
            os.replace(packed, path)
        finally:
            for leftover in (tmp, packed):
                if os.path.exists(leftover):
                    os.unlink(leftover)
    except _WRITE_ERRORS as exc:
        from core.oserrors import os_reason

        error = xlsx_msg.UNWRITABLE.error(path=path, reason=os_reason(exc))
        _drop_failed_writers(exc)
        raise error from None
    return path


def _drop_failed_writers(exc: BaseException) -> None:
    """openpyxl's sheet writers (generators) and zip archives are left open by the failed save;
    finalised later they fail again and Python prints "Exception ignored …" after our message.
    Release them now, quietly: the failure is already reported."""
    import gc
    import sys
    import traceback

    hook, sys.unraisablehook = sys.unraisablehook, lambda _u: None
    try:
        seen: set[int] = set()
        link: BaseException | None = exc
        while link is not None and id(link) not in seen:  # the whole chain holds their frames
            seen.add(id(link))
            traceback.clear_frames(link.__traceback__)
            link.__traceback__, nxt = None, link.__context__ or link.__cause__
            link.__context__ = link.__cause__ = None
            link = nxt
        gc.collect()
    finally:
        sys.unraisablehook = hook


try:  # openpyxl writes through lxml when it is installed; lxml reports a full disk its own way
    from lxml.etree import SerialisationError as _LxmlWriteError

    _WRITE_ERRORS: tuple[type[BaseException], ...] = (OSError, _LxmlWriteError)
except ImportError:  # pragma: no cover - lxml is optional for openpyxl
    _WRITE_ERRORS = (OSError,)


def export_form(app: Application, path: str | Path, *, template: bool = False) -> Path:
    return save_workbook(build_workbook(app, template=template), path)
