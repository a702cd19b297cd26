"""The Word 申报表: built from the form definition, opened by LibreOffice (converted to PDF with the
program's own Noto Sans SC as the only CJK font) and read back: every filled value is there, the
Chinese intact; fonts are named (宋体/仿宋/黑体 as w:eastAsia), never embedded."""

from __future__ import annotations

import copy
import re
import subprocess
import zipfile

import pytest

from core.cli.main import main
from core.docx import render_docx
from core.errors import UserError
from core.form.kinds import PdfFill, PdfText, PdfTicks, kind_of, number_text
from core.xlsx.list_import import read_list_workbook
from tests.office import convert, needs_soffice

_FOOTER = re.compile(r"第\s*\d+\s*页\s*共\s*\d+\s*页")


def _squash(text: str) -> str:
    # Curly quotes are "weak" characters: LibreOffice sets them in the Latin font (Word follows the
    # w:hint="eastAsia" and uses 宋体), and pdftotext then reads them out of order — so they are left out.
    return re.sub(r"[\s“”‘’]+", "", _FOOTER.sub("", text))


def _raw_text(pdf) -> str:
    # -raw keeps the content-stream order: LibreOffice writes a table cell's lines together.
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def expected_texts(app) -> dict[str, list[str]]:
    """What each filled field must show, from its kind's printed parts (as the PDF prints it)."""
    form = app.local_form
    out: dict[str, list[str]] = {}
    for key, fd in form.fields.items():
        value = app.values.get(key)
        if value in (None, "", {}, []) or fd.supplementary or not kind_of(fd).in_sections:
            continue
        kind = kind_of(fd)
        texts: list[str] = []
        if kind.pdf_layout == "series":
            texts = [number_text(fd, value.get(str(y))) for y in app.years if value.get(str(y)) not in (None, "")]
        elif kind.pdf_layout == "table":
            continue  # the standards matrix: counts, checked by test_standards_matrix_is_a_table
        else:
            for part in kind.pdf(fd, value, form):
                if isinstance(part, PdfTicks):
                    texts += [lab for ticked, lab, _ in part.items if ticked]
                    texts += [ex for ticked, _, ex in part.items if ticked and ex]
                elif isinstance(part, PdfFill):
                    texts += [text for _, text, _, _ in part.lines if text]
                elif isinstance(part, PdfText) and part.style == "value":
                    texts += [line for line in str(part.text).splitlines() if line.strip()]
        if texts:
            out[key] = texts
    return out


@needs_soffice
def test_every_filled_value_reads_back_from_libreoffice(sample_app, tmp_path):
    docx = render_docx(sample_app, tmp_path / "form.docx")
    (pdf,) = convert([docx], "pdf", tmp_path / "pdf", tmp_path)
    text = _squash(_raw_text(pdf))
    assert _squash("上海市中小企业特色产业集群申报表") in text
    for heading in ("一、基本情况", "二、主导产业情况", "八、", "九、真实性声明及推荐意见"):
        assert _squash(heading) in text, heading
    wanted = expected_texts(sample_app)
    assert len(wanted) > 60  # the sample fills most of the form
    missing = {k: t for k, ts in wanted.items() for t in ts if _squash(t) not in text}
    assert not missing, missing
    assert "☑" in text and "☐" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "NotoSansSC" in fonts  # the CJK text was set in a real CJK face, not boxes


@needs_soffice
@pytest.mark.parametrize("page", ["declaration", "recommendation"])
def test_single_pages(sample_app, tmp_path, page):
    signed = [f for s in sample_app.local_form.sections for f in s.fields if f.signature]
    label = (signed[0] if page == "declaration" else signed[-1]).label
    docx = render_docx(sample_app, tmp_path / f"{page}.docx", page)
    (pdf,) = convert([docx], "pdf", tmp_path / "pdf", tmp_path)
    text = _squash(_raw_text(pdf))
    assert _squash(label) in text and _squash(sample_app.values["basic.applicant"]) in text
    assert "二、主导产业情况" not in text
    assert "年月日" in text  # the date line under the stamp room
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\b", info), info


def test_fonts_are_named_not_embedded(sample_app, tmp_path):
    docx = render_docx(sample_app, tmp_path / "form.docx")
    with zipfile.ZipFile(docx) as zf:
        names = zf.namelist()
        xml = zf.read("word/document.xml").decode("utf-8")
        styles = zf.read("word/styles.xml").decode("utf-8")
        settings = zf.read("word/settings.xml").decode("utf-8")
    assert not [n for n in names if n.startswith("word/fonts/")]
    assert "embedRegular" not in xml and "embedTrueTypeFonts" not in settings
    for face in ("宋体", "仿宋", "黑体"):
        assert f'w:eastAsia="{face}"' in xml, face
    assert 'w:eastAsia="宋体"' in styles  # the Normal style: anything not set explicitly is 宋体 too


def test_standards_matrix_is_a_table(sample_app, tmp_path):
    from docx import Document

    doc = Document(str(render_docx(sample_app, tmp_path / "form.docx")))
    nested = [t for table in doc.tables for row in table.rows for cell in row.cells for t in cell.tables]
    assert nested, "the standards matrix is a table inside its cell"
    head = [c.text for c in nested[0].rows[0].cells]
    assert all(f"{y}年" in head for y in sample_app.years)
    assert [r.cells[0].text for r in nested[0].rows[2:]] == ["国际", "国家", "行业", "团体"]


def test_blank_application_has_room_to_write(sample_app, tmp_path):
    blank = copy.deepcopy(sample_app)
    blank.values = {}
    docx = render_docx(blank, tmp_path / "blank.docx")
    from docx import Document

    doc = Document(str(docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "上海市中小企业特色产业集群申报表" in text
    assert sum(c.text.count("☐") for t in doc.tables for r in t.rows for c in r.cells) > 20  # nothing ticked
    assert sum(c.text.count("☑") for t in doc.tables for r in t.rows for c in r.cells) == 0


def test_cli_and_unwritable_targets(sample_app, tmp_path, capsys):
    from core.paths import resource

    sample = str(resource("samples", "sample-application.json"))
    out = tmp_path / "申报表.docx"
    assert main(["docx", sample, "-o", str(out), "--page", "declaration"]) == 0
    assert zipfile.is_zipfile(out) and "已生成真实性声明 Word 文件" in capsys.readouterr().out
    before = out.read_bytes()
    assert main(["docx", sample, "-o", str(tmp_path / "no" / "such" / "dir.docx")]) == 2
    assert "无法写入 Word 文件" in capsys.readouterr().err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code = main(["docx", sample, "-o", str(locked / "x.docx")])
        err = capsys.readouterr().err
        if code != 0:  # root ignores directory permissions; elsewhere the refusal is a message
            assert "无法写入 Word 文件" in err
    finally:
        locked.chmod(0o700)
    assert main(["docx", sample, "-o", "/dev/full"]) == 2
    assert "不是普通文件" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked", "申报表.docx"]  # no temporary left


def test_a_word_file_is_never_read_as_data(sample_app, tmp_path):
    docx = render_docx(sample_app, tmp_path / "form.docx")
    for read in (lambda p: read_list_workbook(p, "enterprises"),):
        with pytest.raises(UserError, match="是 Word 文档.*不作为数据读入"):
            read(docx)
    from core.xlsx.form_import import read_form_workbook

    with pytest.raises(UserError, match="申请 JSON 文件、Excel 工作簿或申报包"):
        read_form_workbook(docx, sample_app)
