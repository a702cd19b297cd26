"""One model, all surfaces equal: the CLI text, the JSON, the chart, the PDF appendix, the
self-assessment page and the package manifest all show each criterion as the Report decided it —
in particular no surface shows a criterion met whose inputs are blank or impossible."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from types import SimpleNamespace

import pytest

from core import palette
from core.application import Application
from core.chart import chart_model
from core.cli.main import main
from core.package.manifest import verdicts_of
from core.pdf.document import build_pdf
from core.pdf.styles import FRAME_W, MARGIN_X
from core.rules import Evaluator
from core.rules.model import MET, NOT_MET, OUTCOME_LABELS, UNKNOWN, VERDICT_LABELS, WAIVED

RULES = "SH-2023"
MARKS = {MET: "✓", NOT_MET: "✗", UNKNOWN: "?", WAIVED: "—"}  # the CLI's marks (docs/rules.md)


def _empty(doc):
    doc.update(values={}, evidence=[], lists={})


def _share_120(doc):
    doc["values"]["industry.sme_share"]["2022"] = "120"


def _blank_year(doc):
    del doc["values"]["industry.output_total"]["2021"]


def _fails_one(doc):
    doc["values"]["industry.output_total"]["2020"] = "20"


CASES = {"empty": _empty, "sample": lambda doc: None, "share-120": _share_120, "blank-year": _blank_year,
         "fails-one": _fails_one}


@pytest.fixture(params=list(CASES))
def case(request, sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    CASES[request.param](doc)
    path = tmp_path / "app.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    app = Application.from_json(copy.deepcopy(doc))
    return SimpleNamespace(name=request.param, doc=doc, path=path, app=app,
                           report=Evaluator(app, RULES).report())


def _in_print_order(report):
    """Criteria as every surface lists them: by indicator, then in the rule set's order."""
    return [c for i in sorted(report.indicators) for c in report.criteria if c.rule.indicator == i]


def _title(res):
    return res.rule.title + ("（一般性要求）" if res.rule.soft else "")


def test_the_cases_cover_what_they_claim(case):
    outcomes = {c.rule.id: c.outcome for c in case.report.criteria}
    expected = {"empty": UNKNOWN, "sample": MET, "share-120": UNKNOWN, "blank-year": UNKNOWN, "fails-one": NOT_MET}
    if case.name == "empty":
        assert set(outcomes.values()) == {UNKNOWN}
    else:
        rule = "SH-2023.1.sme_share" if case.name == "share-120" else "SH-2023.1.output"
        assert outcomes[rule] == expected[case.name]


def test_cli_text_marks(case, capsys):
    main(["check", str(case.path), "--rules", RULES])
    out = capsys.readouterr().out
    assert f"结论：{VERDICT_LABELS[case.report.verdict]}" in out
    shown = re.findall(r"^    (\S) (.+?)：", out, re.M)
    assert shown == [(MARKS[c.outcome], _title(c)) for c in _in_print_order(case.report)]


def test_json(case, capsys):
    main(["check", str(case.path), "--rules", RULES, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == case.report.verdict
    assert data["indicators"] == {str(i): v for i, v in case.report.indicators.items()}
    # A criterion finding exactly for the criteria that are not met; none for undecided ones.
    assert sorted(f["rule"] for f in data["findings"] if f["kind"] == "criterion") == sorted(
        c.rule.id for c in case.report.criteria if c.outcome == NOT_MET)


def _expect_chart(report, chart):
    for res in report.criteria:
        if res.threshold is None:
            continue
        rid = res.rule.id
        if res.outcome == MET:
            assert chart.bars.get(rid) == palette.GOOD_BAR and rid not in chart.marks, rid
        elif res.outcome == NOT_MET:
            assert chart.bars.get(rid) == palette.BAD_BAR and rid not in chart.marks, rid
        else:
            assert rid not in chart.bars and chart.marks[rid] == OUTCOME_LABELS[res.outcome], rid


def test_chart_model(case):
    for width in (640, 480):
        _expect_chart(case.report, chart_model(case.report, width, width * 0.55))


def _pdf_outcomes(pdf_path) -> list[str]:
    """The 结果 column of the appendix's verdict table, read back with pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], check=True, capture_output=True, text=True).stdout
    words = [m.groups() for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>', out)]
    column = MARGIN_X + FRAME_W * 0.9 - 1
    seen, inside = [], False
    for x, text in words:
        if text == "自评结果":
            inside = True
        elif text == "各项量化标准与阈值的距离":
            break
        elif inside and float(x) >= column and text in OUTCOME_LABELS.values():
            seen.append(text)
    return seen


def test_pdf_appendix(case, tmp_path):
    data, _ = build_pdf(case.app, ruleset=RULES)
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(data)
    assert _pdf_outcomes(pdf) == [OUTCOME_LABELS[c.outcome] for c in _in_print_order(case.report)]


def test_assessment_page(case, qtbot):
    from desktop.assessment import AssessmentPage

    page = AssessmentPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    session = SimpleNamespace(report=case.report, ruleset_id=RULES, app=case.app,
                              reports_by_ruleset=lambda: {RULES: case.report})
    page.refresh(session)
    table = page.criteria
    shown = [(table.item(r, 1).text(), table.item(r, 4).text()) for r in range(table.rowCount())]
    assert shown == [(_title(c), OUTCOME_LABELS[c.outcome]) for c in case.report.criteria]
    for r, res in enumerate(case.report.criteria):
        assert table.item(r, 4).foreground().color().name() == palette.OUTCOME[res.outcome].lower()
    _expect_chart(case.report, page.chart_model)


def test_manifest(case):
    v = verdicts_of(case.report)
    assert v["verdict"] == case.report.verdict
    assert [(c["rule"], c["outcome"]) for c in v["criteria"]] == [(c.rule.id, c.outcome) for c in case.report.criteria]
