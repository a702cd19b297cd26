"""Per-jurisdiction placeholders and notes, 填报说明 numbers per field and a page's ``needs``."""

from __future__ import annotations

import copy

import pytest

from core.errors import UserError
from core.form import load_form
from core.form.loader import parse_form
from core.rules import load_ruleset
from core.wizard import COMPLETE, EMPTY, PARTIAL, Wizard, page_status

FORM = load_form("SH-FORM")


def variant(ruleset_id: str):
    return FORM.for_jurisdiction(load_ruleset(ruleset_id).jurisdiction)


@pytest.mark.parametrize(("ruleset_id", "district", "name_hint"), [
    ("SH-2023", "例如：闵行区", "上海市"),
    ("HN-2023", "例如：海口市", "海南省"),
    ("GZ-2024", "例如：黄埔区", "广州市"),
])
def test_each_rule_set_gets_its_own_placeholders(ruleset_id, district, name_hint):
    form = variant(ruleset_id)
    assert form.fields["cover.district"].hint == district
    assert name_hint in form.fields["basic.cluster_name"].hint
    # The section tuples carry the same variant (editors are built from either).
    assert form.section("cover").fields[0].hint == district
    others = {"上海市", "海南省", "广州市"} - {name_hint}
    texts = " ".join(f"{fd.hint or ''} {fd.note or ''}" for fd in form.fields.values())
    assert not any(o in texts for o in others), ruleset_id
    assert ("闵行" in texts) == (ruleset_id == "SH-2023")


def test_hainan_note_only_on_a_hainan_form():
    assert "海南" in variant("HN-2023").fields["industry.growth_waiver"].note
    assert variant("SH-2023").fields["industry.growth_waiver"].note is None
    assert variant("GZ-2024").fields["industry.growth_waiver"].note is None
    assert "广州" in variant("GZ-2024").fields["industry.chain_leaders"].note
    assert variant("HN-2023").fields["industry.chain_leaders"].note is None


def test_the_national_rule_set_names_no_district():
    form = variant("CN-2022")
    assert form.fields["cover.district"].hint is None
    assert "上海" not in form.fields["basic.cluster_name"].hint


def test_a_variant_is_built_once_and_keeps_everything_else():
    a, b = FORM.for_jurisdiction("GZ"), FORM.for_jurisdiction("GZ")
    assert a is b and a is not FORM
    assert FORM.for_jurisdiction("XX") is FORM
    assert a.fields["cover.district"].label == FORM.fields["cover.district"].label
    assert a.pages == FORM.pages and a.filling_notes == FORM.filling_notes


def raw_form():
    from core.form.loader import read_yaml
    from core.paths import resource

    return copy.deepcopy(read_yaml(resource("forms", "SH-FORM.yaml")))


@pytest.mark.parametrize(("mutate", "code"), [
    (lambda d: d["hints"]["GZ"].update({"nope.field": {"hint": "x"}}), "FORMDEF.bad_hint"),
    (lambda d: d["hints"]["GZ"].update({"cover.district": {"label": "x"}}), "FORMDEF.bad_hint"),
    (lambda d: d["hints"]["GZ"].update({"cover.district": {"hint": 3}}), "FORMDEF.bad_hint"),
    (lambda d: d["sections"][1]["fields"][0].update({"filling": [99]}), "FORMDEF.bad_filling"),
    (lambda d: d["sections"][1]["fields"][2].update({"owner": "basic.nothing"}), "FORMDEF.unknown_owner"),
    (lambda d: d["pages"][-2].update({"needs": ["basic.area"]}), "FORMDEF.bad_needs"),
])
def test_broken_overlays_are_refused_with_their_code(mutate, code):
    data = raw_form()
    mutate(data)
    with pytest.raises(UserError) as caught:
        parse_form(data, "test.yaml")
    assert caught.value.code == code


def test_fields_carry_their_filling_note_numbers():
    assert FORM.fields["industry.output_total"].filling == (4, 8)
    assert FORM.fields["industry.leading_growth"].filling == (9,)
    assert "几何平均数" in FORM.filling_note(9, 2023)


def test_declaration_page_is_not_complete_while_its_needed_fields_are_blank():
    from core.application import read_application_file
    from core.paths import resource
    from core.rules import evaluate

    app = read_application_file(resource("samples", "sample-application.json"))
    wizard = Wizard.for_form(app.form_def)
    page = wizard.pages[wizard.index_of("declaration")]
    assert set(page.needs) == {"declaration.signatory", "recommendation.opinion", "recommendation.unit"}
    assert page_status(page, evaluate(app), app.values) == COMPLETE
    for key in page.needs:
        values = dict(app.values)
        values.pop(key)
        assert page_status(page, evaluate(app), values) == PARTIAL, key
    blank = {k: v for k, v in app.values.items() if k not in page.fields}
    assert page_status(page, evaluate(app), blank) == EMPTY
