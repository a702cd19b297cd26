"""The whole 申报表 read back with pdftotext / pdffonts: every filled value, every heading, fonts."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from core.pdf import render_pdf
from core.rules import load_ruleset
from tests.pdf.conftest import body_text, fonts, page_count, squash


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    from core.application import read_application_file
    from tests.pdf.conftest import SAMPLE

    app = read_application_file(SAMPLE)
    out = tmp_path_factory.mktemp("pdf") / "application.pdf"
    assert render_pdf(app, out) == []
    return app, out


def _number(raw, decimals: int) -> str:
    value = Decimal(str(raw).replace(",", ""))
    return f"{value:.{decimals}f}"


def expected_texts(app) -> list[tuple[str, str]]:
    """(field, printed text) for every value the sample fills, worked out from the raw JSON."""
    form = app.form_def
    out = []
    for key, v in app.values.items():
        fd = form.fields[key]
        if fd.type in ("text", "longtext"):
            out.append((key, v))
        elif fd.type in ("number", "percent", "count", "year"):
            out.append((key, _number(v, fd.decimals)))
        elif fd.type == "series":
            out += [(f"{key}[{y}]", _number(raw, fd.decimals)) for y, raw in v.items()]
        elif fd.type == "platform":
            out += [(key, v["names"]), (key, f"数量：{v['count']}个")]
        elif fd.type in ("checks", "choice"):
            selected = v.get("selected")
            for sel in selected if isinstance(selected, list) else [selected]:
                out.append((f"{key}:{sel}", fd.option(sel).label))
            out += [(key, t) for t in (v.get("texts") or {}).values()]
            if isinstance(v.get("text"), str) and v["text"]:
                out.append((key, v["text"]))
        elif fd.type == "standards":
            for year, levels in v.items():
                out.append((key, f"{year}年"))
                assert levels  # the matrix is checked row by row below
    return out


def test_every_filled_value_is_printed(sample_pdf):
    app, pdf = sample_pdf
    text = squash(body_text(pdf))
    missing = [(k, t) for k, t in expected_texts(app) if squash(t) not in text]
    assert not missing


def test_standards_matrix_rows(sample_pdf):
    app, pdf = sample_pdf
    text = body_text(pdf)
    # 国际: 2020 主持 0 参与 0, 2021 0 1, 2022 0 1 — read in row order.
    v = app.values["innovation.standards"]
    for level, label in (("international", "国际"), ("national", "国家"), ("group", "团体")):
        cells = [str(v[str(y)][level][r]) for y in app.years for r in ("lead", "participate")]
        assert f"{label}\n" in text
        assert " ".join(cells) in " ".join(text.split()), label


def test_every_section_heading_and_the_cover(sample_pdf):
    app, pdf = sample_pdf
    text = squash(body_text(pdf))
    for sec in app.form_def.sections:
        if sec.number != "封面":
            assert squash(f"{sec.number}、{sec.title}") in text
    for heading in ("附录自评结果", "佐证材料目录", app.form_def.title):
        assert heading in text
    assert squash(f"{load_ruleset(app.rules).issuer} 制") in text
    for label in ("所属区：", "区中小企业主管部门(盖章)：", "申报时间：", "联系人及联系电话："):
        assert label in text


def test_supplementary_fields_units_and_years(sample_pdf):
    app, pdf = sample_pdf
    text = squash(body_text(pdf))
    assert "集群设立年份【补充】" in text
    assert "集群总产值（营业收入）（亿元）" in text
    assert "年度2020年2021年2022年" in text
    assert "（200字以内）" in text and "（2000字以内）" in text


def test_appendix_verdicts_and_evidence_hashes(sample_pdf):
    from core.rules import evaluate

    app, pdf = sample_pdf
    text = squash(body_text(pdf))
    report = evaluate(app)
    for res in report.criteria:  # long titles wrap beside other cells: look for their start
        assert squash(res.rule.title)[:10] in text
    assert "总体结论：符合" in text
    for ev in app.evidence:
        assert ev["sha256"] in text
        assert squash(ev["name"]) in text


def test_only_embedded_subset_fonts(sample_pdf):
    _, pdf = sample_pdf
    rows = fonts(pdf)
    assert rows
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert "NotoSansSC" in name and emb == "yes" and sub == "yes", row


def test_page_count_and_a4(sample_pdf):
    _, pdf = sample_pdf
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in out
    n = page_count(pdf)
    assert 8 <= n <= 20
    footer = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert f"第{n}页共{n}页" in squash(footer)


def test_importing_core_pdf_does_not_load_reportlab():
    code = "import sys, core.pdf, core.chart; print('reportlab' in sys.modules, 'PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
