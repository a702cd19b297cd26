"""One model, all surfaces equal: the CLI text, the JSON, the chart, the PDF appendix, the
self-assessment page and the package manifest all show each criterion as the Report decided it —
in particular no surface shows a criterion met whose inputs are blank or impossible. And every
surface that shows 还差 / 余量 / 临界 (findings panel, field line, table, chart tooltip, CLI, JSON,
PDF, what-if table) shows exactly what core.rules.gap_view says."""

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
from core.rules.gap_view import CRITICAL_LABEL, failing_by_ruleset, gap_views
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


def _critical(doc):
    doc["values"]["industry.output_total"]["2020"] = "30.30"  # 1 % above 30亿元: 临界


def _fails_two(doc):
    doc["values"]["industry.output_total"]["2020"] = "20"
    doc["values"]["industry.sme_share"]["2022"] = "45"


CASES = {"empty": _empty, "sample": lambda doc: None, "share-120": _share_120, "blank-year": _blank_year,
         "fails-one": _fails_one, "critical": _critical, "fails-two": _fails_two}


@pytest.fixture(params=list(CASES))
def case(request, sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    CASES[request.param](doc)
    path = tmp_path / "app.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    app = Application.from_json(copy.deepcopy(doc))
    ev = Evaluator(app, RULES)
    report = ev.report()
    return SimpleNamespace(name=request.param, doc=doc, path=path, app=app, report=report,
                           views=gap_views(ev, report))


def _session(case):
    """What the assessment page asks of the session, from the case's own evaluation."""
    return SimpleNamespace(report=case.report, ruleset_id=RULES, app=case.app,
                           reports_by_ruleset=lambda: {RULES: case.report},
                           gap_views=lambda: case.views,
                           failing_by_ruleset=lambda: failing_by_ruleset(case.app, [RULES], {RULES: case.views}))


def _in_print_order(report):
    """Criteria as every surface lists them: by indicator, then in the rule set's order."""
    return [c for i in sorted(report.indicators) for c in report.criteria if c.rule.indicator == i]


def _title(res):
    return res.rule.title + ("（一般性要求）" if res.rule.soft else "")


def test_the_cases_cover_what_they_claim(case):
    outcomes = {c.rule.id: c.outcome for c in case.report.criteria}
    expected = {"empty": UNKNOWN, "sample": MET, "share-120": UNKNOWN, "blank-year": UNKNOWN, "fails-one": NOT_MET,
                "critical": MET, "fails-two": NOT_MET}
    if case.name == "empty":
        assert set(outcomes.values()) == {UNKNOWN}
    elif case.name == "fails-two":
        assert [v.rule for v in case.views.failing()] == ["SH-2023.1.output", "SH-2023.1.sme_share"]
        assert all(v.gaps for v in case.views.failing())
    else:
        rule = "SH-2023.1.sme_share" if case.name == "share-120" else "SH-2023.1.output"
        assert outcomes[rule] == expected[case.name]
    assert [v.rule for v in case.views.views.values() if v.critical] == (["SH-2023.1.output"] if case.name == "critical" else [])


def test_cli_text_marks(case, capsys):
    main(["check", str(case.path), "--rules", RULES])
    out = capsys.readouterr().out
    assert f"结论：{VERDICT_LABELS[case.report.verdict]}" in out
    shown = re.findall(r"^    (\S) (.+?)：", out, re.M)
    assert shown == [(MARKS[c.outcome], _title(c) + ("（临界）" if case.views[c.rule.id].critical else ""))
                     for c in _in_print_order(case.report)]
    # The 还差 lines under each criterion are the view's, in print order.
    assert re.findall(r"^        还差：(.+)$", out, re.M) == [
        line for c in _in_print_order(case.report) if c.outcome == NOT_MET for line in case.views[c.rule.id].lines[:3]]


def test_json(case, capsys):
    main(["check", str(case.path), "--rules", RULES, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == case.report.verdict
    assert data["indicators"] == {str(i): v for i, v in case.report.indicators.items()}
    # A criterion finding exactly for the criteria that are not met; none for undecided ones.
    assert sorted(f["rule"] for f in data["findings"] if f["kind"] == "criterion") == sorted(
        c.rule.id for c in case.report.criteria if c.outcome == NOT_MET)
    assert data["gaps"] == [g.to_json() for v in case.views.views.values() for g in v.gaps]


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


def _expect_tips(case, chart):
    assert chart.critical == {v.rule for v in case.views.views.values() if v.critical}
    rows = [c.rule.id for c in case.report.criteria if c.threshold is not None]
    assert [h.rule for h in chart.hits] == rows
    for h in chart.hits:
        assert h.tip == case.views[h.rule].detail
        assert chart.hit(h.x + h.w / 2, h.y + h.h / 2) is h  # the row's middle maps back to it


def test_chart_model(case):
    for width in (640, 480):
        _expect_chart(case.report, chart_model(case.report, width, width * 0.55))
        chart = chart_model(case.report, width, width * 0.55, case.views)
        _expect_chart(case.report, chart)
        _expect_tips(case, chart)


def _pdf_outcomes(pdf_path) -> list[str]:
    """The 结果 column of the appendix's verdict table, read back with pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], check=True, capture_output=True, text=True).stdout
    # In reading order: pdftotext lists a page's words in drawing order, which a cell of several
    # paragraphs (the 还差 line under the value) does not keep; sort each page by position.
    words = []
    for n, page in enumerate(out.split("<page ")):
        found = re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>', page)
        words += sorted(((n, float(y), float(x), text) for x, y, text in (m.groups() for m in found)))
    words = [(x, text) for _n, _y, x, text in words]
    column = MARGIN_X + FRAME_W * 0.9 - 1
    seen, inside = [], False
    for x, text in words:
        if text == "自评结果":
            inside = True
        elif text == "各项量化标准与阈值的距离":
            break
        elif inside and float(x) >= column and text in OUTCOME_LABELS.values():
            seen.append(text)
        elif inside and float(x) >= column and text == "（临界）" and seen:  # the label's second line
            seen[-1] += text
    return seen


def _pdf_text(pdf_path) -> str:
    """The appendix's text, lines joined (a sentence may wrap inside its cell)."""
    out = subprocess.run(["pdftotext", str(pdf_path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", out.split("附录")[-1])


def test_pdf_appendix(case, tmp_path):
    data, _ = build_pdf(case.app, ruleset=RULES)
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(data)
    assert _pdf_outcomes(pdf) == [case.views[c.rule.id].outcome_label for c in _in_print_order(case.report)]
    text = _pdf_text(pdf)
    for view in case.views.views.values():
        if view.outcome == NOT_MET:
            for line in view.shown:
                assert re.sub(r"\s+", "", f"还差：{line}") in text, line
        elif view.room:
            assert re.sub(r"\s+", "", view.room) in text, view.room


def test_assessment_page(case, qtbot):
    from desktop.assessment import AssessmentPage

    page = AssessmentPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.refresh(_session(case))
    table = page.criteria
    shown = [(table.item(r, 1).text(), table.item(r, 4).text(), table.item(r, 5).text())
             for r in range(table.rowCount())]
    views = [case.views[c.rule.id] for c in case.report.criteria]
    assert shown == [(_title(c), v.outcome_label, v.cell) for c, v in zip(case.report.criteria, views, strict=True)]
    for r, (res, view) in enumerate(zip(case.report.criteria, views, strict=True)):
        colour = palette.CRITICAL if view.critical else palette.OUTCOME[res.outcome]
        assert table.item(r, 4).foreground().color().name() == colour.lower()
        assert (table.item(r, 4).text() == CRITICAL_LABEL) == view.critical
    _expect_chart(case.report, page.chart_model)
    _expect_tips(case, page.chart_model)
    whatif = page.whatif
    failing = [(whatif.item(r, 1).text(), whatif.item(r, 2).text()) for r in range(whatif.rowCount())]
    expected = [(v.title, "\n".join(v.shown) or "—") for v in case.views.failing()]
    assert failing == (expected or [(failing[0][0], "—")])


def test_findings_panel_and_field_lines(case, qtbot):
    from desktop.findings import FindingsPanel

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings(case.report.findings)
    panel.show_gaps(case.views.finding_lines())
    under = {item.data(0, 0x0100).rule: [item.child(k).text(0) for k in range(item.childCount())]
             for item in panel.finding_items() if item.childCount()}
    assert under == {v.rule: [f"还差：{line}" for line in v.shown] for v in case.views.failing() if v.lines}
    for v in case.views.failing():
        for g in v.gaps:
            line = case.views.field_line(g.field)
            assert line is not None and g.text in line.tooltip


def test_manifest(case):
    v = verdicts_of(case.report)
    assert v["verdict"] == case.report.verdict
    assert [(c["rule"], c["outcome"]) for c in v["criteria"]] == [(c.rule.id, c.outcome) for c in case.report.criteria]
