"""The blank template for operating bodies, as LibreOffice (and so WPS, which reads the same
markup) opens it: converted with soffice and read back — the structure, the drop-downs for yes/no
and choices, the input hints from the 填报说明 and the campaign's year columns all survive, and a
template filled in and saved by the office suite imports."""

from __future__ import annotations

from openpyxl import load_workbook

from core.xlsx.form_export import export_form
from core.xlsx.form_import import read_form_workbook
from core.xlsx.formmap import HEADER_ROW
from tests.office import convert, needs_soffice

pytestmark = needs_soffice


def _validations(path):
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [(dv.type, dv.formula1, dv.prompt, str(dv.sqref)) for dv in ws.data_validations.dataValidation]
    return wb, out


def test_template_hints_and_drop_downs(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "template.xlsx", template=True)
    wb, dvs = _validations(path)
    lists = [d for sheet in dvs.values() for d in sheet if d[0] == "list"]
    assert any(d[1] == '"是,否"' for d in lists)  # yes/no and check boxes
    assert any("," in (d[1] or "") and d[1] != '"是,否"' for d in lists)  # a choice with its options
    prompts = [d[2] for sheet in dvs.values() for d in sheet if d[2]]
    form = sample_app.local_form
    fd = next(f for f in form.fields.values() if f.filling)
    assert any(form.filling_note(fd.filling[0], sample_app.campaign)[:20] in p for p in prompts), fd.key
    assert all(len(p) <= 255 for p in prompts)
    first = wb.worksheets[0] if wb.worksheets[0].sheet_state == "visible" else wb.worksheets[1]
    years = [c.value for c in next(ws for ws in wb.worksheets if any(
        str(c.value).endswith("年") for c in ws[HEADER_ROW]))[HEADER_ROW] if str(c.value).endswith("年")]
    assert years == [f"{y}年" for y in sample_app.years], years
    assert first.protection.sheet


def test_template_survives_libreoffice(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "template.xlsx", template=True)
    _, before = _validations(path)
    (resaved,) = convert([path], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path)
    (ods,) = convert([path], "ods", tmp_path / "lo", tmp_path)
    _, after = _validations(resaved)
    for sheet, dvs in before.items():
        if not dvs:
            continue
        got = after.get(sheet, [])
        assert {(t, p) for t, _, p, _ in dvs} <= {(t, p) for t, _, p, _ in got}, sheet
    blank = sample_app.__class__.from_json({**sample_app.to_json(), "values": {}, "lists": {}})
    for saved in (resaved, ods):
        assert read_form_workbook(saved, blank).changes == []  # nothing invented on the way
        assert read_form_workbook(saved).meta.kind == "template"


def test_template_filled_in_libreoffice_imports(sample_app, tmp_path):
    path = export_form(sample_app, tmp_path / "template.xlsx", template=True)
    wb = load_workbook(path)
    ws = next(ws for ws in wb.worksheets if ws.sheet_state == "visible")
    target = next(c for row in ws.iter_rows(min_row=HEADER_ROW + 1) for c in row[3:4]
                  if c.protection.locked is False and c.value is None)
    target.value = "上海某集群"
    wb.save(path)
    (xls,) = convert([path], "xls", tmp_path / "lo", tmp_path)
    result = read_form_workbook(xls)
    assert [c.new for c in result.changes] == ["上海某集群"], result.changes
