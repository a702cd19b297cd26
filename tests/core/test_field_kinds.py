"""The field-kind registry: every kind answers for its values, and the recipe of
docs/field-kinds.md adds a kind with one ``register`` call and nothing else."""

from __future__ import annotations

import copy

import pytest
import yaml

from core.application import Application, normalize_value
from core.errors import UserError
from core.form import load_form
from core.form import loader as form_loader
from core.form.kinds import (
    KINDS,
    FieldState,
    Kind,
    PdfText,
    blank_value,
    clean_value,
    is_blank,
    parse_field,
    register,
)
from core.form.model import FIELD_TYPES
from core.messages.base import Message
from core.paths import resource
from core.rules.fieldchecks import check_field

YEARS = [2020, 2021, 2022]


def test_every_type_of_the_form_has_a_kind():
    form = load_form()
    assert {fd.type for fd in form.fields.values()} <= set(KINDS)
    assert set(KINDS) <= FIELD_TYPES


@pytest.mark.parametrize(("key", "raw", "blank"), [
    ("basic.cluster_name", "  ", True), ("basic.cluster_name", "某集群", False),
    ("industry.output_total", {"2020": "", "2021": None}, True), ("industry.output_total", {"2021": "无"}, False),
    ("industry.output_total", {"2021": "abc"}, False),  # a typing error is content, not blank
])
def test_one_blank_test_per_kind(key, raw, blank):
    fd = load_form().fields[key]
    assert is_blank(fd, raw, YEARS) is blank
    assert parse_field(fd, raw, YEARS).blank is blank


def test_field_free_blank_test_agrees_on_raw_shapes():
    assert blank_value(None) and blank_value(" ") and blank_value({"2021": "", "2022": None}) and blank_value([])
    assert not blank_value("无") and not blank_value({"selected": ["a"]}) and not blank_value(0)


# -- the recipe: a "phone" kind ---------------------------------------------------------------

TEN_DIGITS = Message("FORM.phone", "电话号码“{raw}”应为 8 至 12 位数字", "")
NOT_DIGITS = Message("APP.value.phone", "{where}不是电话号码：{value}", "")
FULL_WIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")


class Phone(Kind):
    """A telephone number: stored without spaces, full-width digits made half-width."""

    def clean(self, fd, value, years, origin):
        text = super().clean(fd, value, years, origin)  # refuses a non-string with the usual message
        text = "".join(text.translate(FULL_WIDTH).split())
        if text.replace("-", "").isdigit() or not text:
            return text
        raise NOT_DIGITS.error(where=f"{origin}：字段“{fd.label}”", value=value)

    def check(self, st, checks):
        digits = st.text.replace("-", "")
        if not 8 <= len(digits) <= 12:
            yield checks.bad_format(TEN_DIGITS, "申报表", raw=st.text)


@pytest.fixture
def phone_form(tmp_path, monkeypatch):
    """The Shanghai form with 联系方式 declared ``type: phone``, loaded by the real loader."""
    register("phone", Phone())
    data = yaml.safe_load(resource("forms", "SH-FORM.yaml").read_text(encoding="utf-8"))
    basic = next(s for s in data["sections"] if s["id"] == "basic")
    field = next(f for f in basic["fields"] if f.get("key") == "basic.authority_phone")
    field["type"] = "phone"
    (tmp_path / "SH-FORM.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(form_loader, "forms_dir", lambda: tmp_path)
    load_form.cache_clear()
    yield load_form()
    load_form.cache_clear()
    del KINDS["phone"]
    FIELD_TYPES.discard("phone")


def test_a_new_kind_normalises_parses_and_checks(phone_form):
    fd = phone_form.fields["basic.authority_phone"]
    assert fd.type == "phone"
    assert clean_value(fd, "０２１－６１２３ ４５６７", YEARS) == "021-61234567"
    with pytest.raises(UserError, match="不是电话号码") as err:
        clean_value(fd, "打电话", YEARS)
    assert err.value.code == "APP.value.phone"
    with pytest.raises(UserError) as err:
        clean_value(fd, 12345678, YEARS)
    assert err.value.code == "APP.value.type"
    st = parse_field(fd, "021-612", YEARS)
    assert isinstance(st, FieldState) and not st.blank
    [finding] = check_field(st, phone_form, frozenset(), {})
    assert finding.rule == "FORM.phone" and finding.message == "联系方式：电话号码“021-612”应为 8 至 12 位数字"
    assert check_field(parse_field(fd, "021-61234567", YEARS), phone_form, frozenset(), {}) == []
    [required] = check_field(parse_field(fd, "", YEARS), phone_form, frozenset(), {})
    assert required.rule == "FORM.required"


def test_a_new_kind_goes_to_excel_and_back_and_into_the_pdf(phone_form, sample_doc, tmp_path):
    from openpyxl import load_workbook

    from core.pdf.cells import value_flowables
    from core.pdf.context import Ctx
    from core.xlsx.form_export import export_form
    from core.xlsx.form_import import read_form_workbook
    from core.xlsx.formmap import COL_VALUE, form_layout

    doc = copy.deepcopy(sample_doc)
    doc["values"]["basic.authority_phone"] = "０２１ 6123 4567"
    app = Application.from_json(doc)
    assert app.values["basic.authority_phone"] == "02161234567"  # cleaned once, on the way in

    path = export_form(app, tmp_path / "phone.xlsx")
    lay = next(lay for lay in form_layout(app.form_def, app.years) if lay.section == "basic")
    row = lay.row_number(next(i for i, r in enumerate(lay.rows) if r.key == "basic.authority_phone"))
    wb = load_workbook(path)
    assert wb[lay.name].cell(row, COL_VALUE).value == "02161234567"
    wb[lay.name].cell(row, COL_VALUE).value = "021－5555 6666"
    wb.save(path)
    imported = read_form_workbook(path, app)
    assert imported.changed_values == {"basic.authority_phone": "021-55556666"}

    flow = value_flowables(Ctx(imported.apply_to(app)), app.form_def.fields["basic.authority_phone"])
    assert [p.text for p in flow] == ["021-55556666"]
    assert Phone().pdf(app.form_def.fields["basic.authority_phone"], "x", app.form_def) == [PdfText("x")]


def test_values_of_the_wrong_shape_name_the_field_and_carry_a_code():
    form = load_form()
    cases = [("basic.cluster_name", 5, "APP.value.type"), ("industry.output_total", {"1999": "1"}, "APP.value.year"),
             ("industry.output_total", [], "APP.value.type")]
    for key, value, code in cases:
        with pytest.raises(UserError) as err:
            normalize_value(form.fields[key], value, YEARS)
        assert err.value.code == code and form.fields[key].label in err.value.message
