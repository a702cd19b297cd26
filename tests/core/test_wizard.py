"""The wizard flow without Qt: pages from the form, navigation, page status from a report."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from core.application import read_application_file
from core.form import load_form
from core.paths import resource
from core.rules import evaluate
from core.wizard import BELOW, COMPLETE, EMPTY, ERRORS, Wizard, build_pages, page_status

SAMPLE = resource("samples", "sample-application.json")


@pytest.fixture(scope="module")
def form():
    return load_form("SH-FORM")


@pytest.fixture()
def sample():
    return read_application_file(SAMPLE)


def test_page_order_and_titles(form):
    pages = build_pages(form)
    assert [p.id for p in pages] == ["basic", *(f"ind{i}" for i in range(1, 9)), "plan", "declaration",
                                     "assessment"]
    assert pages[0].title == "封面与基本情况"
    assert pages[1].number_title == "1 核心竞争力"
    assert pages[8].number_title == "8 治理和服务能力"
    assert pages[-1].fields == ()


def test_every_fillable_field_is_on_exactly_one_page(form):
    placed = [k for p in build_pages(form) for k in p.fields]
    assert len(placed) == len(set(placed))
    expected = {k for k, fd in form.fields.items() if fd.type != "fixed" or fd.section_number == "九"}
    assert set(placed) == expected


def test_fields_follow_their_indicator_not_their_section(form):
    w = Wizard.for_form(form)
    # Section 一 holds the energy benchmark question, but it feeds indicator 6 (绿色化).
    assert w.pages[w.page_of_field("basic.energy_benchmark")].id == "ind6"
    assert w.pages[w.page_of_field("basic.cluster_name")].id == "basic"
    assert w.pages[w.page_of_field("cover.district")].id == "basic"
    # Section 二 feeds indicators 1, 2 and 3.
    assert w.pages[w.page_of_field("industry.output_total")].id == "ind1"
    assert w.pages[w.page_of_field("industry.firms")].id == "ind2"
    assert w.pages[w.page_of_field("industry.chain_work")].id == "ind3"
    # Section 八 is the plan page even though its fields carry indicator 8; 九 the declaration page.
    assert w.pages[w.page_of_field("plan.overview")].id == "plan"
    assert w.pages[w.page_of_field("recommendation.opinion")].id == "declaration"
    assert "declaration.statement" in w.pages[w.index_of("declaration")].fields


def test_groups_keep_printed_section_headings(form):
    ind6 = Wizard.for_form(form).pages[6]
    assert [h for h, _ in ind6.groups] == ["一、基本情况", "五、绿色化转型情况"]
    assert sum(len(k) for _, k in ind6.groups) == len(ind6.fields)


def test_navigation_and_ui_state(form):
    w = Wizard.for_form(form)
    assert not w.has_previous
    w.previous()
    assert w.current == 0
    assert w.next().id == "ind1"
    w.go("assessment")
    assert not w.has_next
    assert w.next().id == "assessment"
    state = w.ui_state()
    assert state == {"page": "assessment"}
    other = Wizard.for_form(form)
    assert other.restore(state).id == "assessment"
    assert other.restore({"page": "no-such-page"}).id == "basic"
    assert other.restore(None).id == "basic"
    assert other.go(99).id == "basic"


def test_complete_sample_marks_every_page_complete(form, sample):
    report = evaluate(sample)
    w = Wizard.for_form(form)
    assert report.verdict == "pass"
    assert w.statuses(report, sample.values) == [COMPLETE] * len(w.pages)


def test_missing_value_marks_its_page_with_errors(form, sample):
    del sample.values["industry.firms"]
    report = evaluate(sample)
    statuses = dict(zip((p.id for p in build_pages(form)), Wizard.for_form(form).statuses(report, sample.values),
                        strict=True))
    assert statuses["ind2"] == ERRORS
    assert statuses["ind1"] == COMPLETE
    assert statuses["assessment"] == ERRORS  # overall: incomplete


def test_value_below_threshold_marks_page_below(form, sample):
    # SH-2023 indicator 1: the SME share of output must reach the threshold.
    sample.values["industry.sme_share"] = {k: "5" for k in sample.values["industry.sme_share"]}
    report = evaluate(sample)
    assert report.indicators[1] == "fail"
    page = Wizard.for_form(form).pages[1]
    assert page_status(page, report, sample.values) == BELOW
    assert page_status(build_pages(form)[-1], report) == BELOW


def test_untouched_page_is_empty_not_erroneous(form, sample):
    values = copy.deepcopy(sample.values)
    for key in build_pages(form)[9].fields:  # the plan page
        sample.values.pop(key, None)
        values.pop(key, None)
    report = evaluate(sample)
    assert page_status(build_pages(form)[9], report, values) == EMPTY
    assert page_status(build_pages(form)[9], report) == ERRORS


def test_page_of_finding(form, sample):
    del sample.values["industry.firms"]
    report = evaluate(sample)
    w = Wizard.for_form(form)
    finding = next(f for f in report.findings if "industry.firms" in f.fields)
    assert w.pages[w.page_of_finding(finding)].id == "ind2"

    class Loose:
        fields: list[str] = []
        indicator = 7

    assert w.pages[w.page_of_finding(Loose())].id == "ind7"


def test_wizard_module_does_not_import_qt():
    code = "import sys, core.wizard; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2]).returncode == 0


def test_pages_from_the_form_definition_are_those_the_code_used_to_build(form):
    """Pages moved from code into resources/forms/SH-FORM.yaml: ids, titles, kinds, verdicts, fields
    and groups are exactly those the hand-written page builder produced (snapshot taken from it)."""
    import json

    expected = json.loads((Path(__file__).parents[1] / "fixtures" / "wizard-pages-SH-FORM.json")
                          .read_text(encoding="utf-8"))
    got = [{"id": p.id, "title": p.title, "kind": p.kind, "indicator": p.indicator, "fields": list(p.fields),
            "groups": [[h, list(k)] for h, k in p.groups]} for p in build_pages(form)]
    assert got == expected


def _with_ninth_indicator(form):
    """The recipe of docs/form-definition.md ("adding an indicator page"), applied to a copy."""
    from core.form.loader import parse_form

    data = copy.deepcopy(form.raw)
    data["indicators"].append({"number": 9, "name": "具有较强品牌影响力", "short": "品牌建设"})
    plan_at = next(i for i, p in enumerate(data["pages"]) if p["id"] == "plan")
    data["pages"].insert(plan_at, {"id": "ind9", "indicator": 9})
    governance = next(s for s in data["sections"] if s["id"] == "governance")
    governance["fields"].append({"key": "governance.brand_awards", "label": "集群品牌获奖情况", "type": "longtext",
                                 "max": 300, "indicator": 9})
    return parse_form(data, "<含指标九的申报表>")


def test_the_recipe_for_an_indicator_page_adds_a_ninth_page(form, monkeypatch):
    nine = _with_ninth_indicator(form)
    w = Wizard.for_form(nine)
    assert [p.id for p in w.pages][8:11] == ["ind8", "ind9", "plan"]
    page = w.pages[w.index_of("ind9")]
    assert page.number_title == "9 品牌建设" and page.indicator == 9
    assert page.fields == ("governance.brand_awards",)
    assert page.groups == (("七、治理和服务水平", ("governance.brand_awards",)),)
    assert "governance.brand_awards" not in w.pages[w.index_of("ind8")].fields
    assert w.page_of_finding(type("F", (), {"fields": (), "indicator": 9})()) == w.index_of("ind9")
    # The rules report a verdict for the new indicator too (the form's indicators, not range(9)).
    import core.application
    from core.rules import Evaluator

    monkeypatch.setattr(core.application, "load_form", lambda form_id: nine)  # stands in for the shipped one
    app = core.application.Application(form="SH-FORM", campaign=2023, jurisdiction="上海市", rules="SH-2023")
    assert sorted(Evaluator(app, "SH-2023").report().indicators) == list(range(10))


@pytest.mark.parametrize(("change", "code", "words"), [
    (lambda d: d["pages"].append({"id": "x", "title": "X", "sections": ["nowhere"]}), "FORMDEF.unknown_section",
     "页面 x 引用了不存在的栏目 nowhere"),
    (lambda d: d["pages"].append({"id": "ind9", "indicator": 9}), "FORMDEF.unknown_indicator",
     "页面 ind9 引用了未定义的指标 9"),
    (lambda d: d["sections"][2].update(indicator=12), "FORMDEF.unknown_indicator", "引用了未定义的指标 12"),
    (lambda d: d["pages"].pop(1), "FORMDEF.unplaced_field", "不在任何页面上"),
    (lambda d: d["pages"].append(dict(d["pages"][0])), "FORMDEF.duplicate_page", "页面 basic 重复定义"),
])
def test_a_broken_page_or_indicator_list_fails_when_the_form_loads(form, change, code, words):
    from core.errors import UserError
    from core.form.loader import parse_form

    data = copy.deepcopy(form.raw)
    change(data)
    with pytest.raises(UserError) as err:
        parse_form(data, "<测试>")
    assert err.value.code == code
    assert words in err.value.message and "申报表定义 <测试> 有误" in err.value.message
