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
