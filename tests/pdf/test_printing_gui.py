"""desktop.printing offscreen: print goes through QPrintDialog to a printer, pages rendered by
PDFium (no pdftoppm, no system viewer), failures said in Chinese."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from desktop import printing  # noqa: E402
from desktop.qt import QDialog, QWidget  # noqa: E402
from tests.pdf.conftest import page_count  # noqa: E402


class Recorder:
    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        return lambda *args: self.calls.append((name, args)) or True


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def file_dialog(out, seen, *, first=0, last=0, official=False):
    class FakeDialog:  # the system dialog, accepted with "print to file"
        def __init__(self, printer, parent_widget):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(150)
            if first:
                printer.setFromTo(first, last)
            seen["printer"] = printer

        def setWindowTitle(self, title):
            seen["title"] = title

        def setOptionTabs(self, tabs):
            seen["tabs"] = tabs
            if official:
                tabs[0].official.setChecked(True)  # the official ticks 仅官方表式 on the 表式 tab

        def exec(self):
            return QDialog.DialogCode.Accepted

    return FakeDialog


def test_print_goes_through_the_print_dialog(parent, sample_app, monkeypatch, tmp_path):
    out, seen = tmp_path / "printed.pdf", {}
    monkeypatch.setattr(printing, "QPrintDialog", file_dialog(out, seen))
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    assert printing.print_pdf(parent, sample_app, "recommendation") is True
    assert seen["title"] == "打印推荐意见"
    assert page_count(out) == 1
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 3  # header, rule, one full-page image


def test_the_print_dialogs_layout_tab_prints_the_official_form(parent, sample_app, monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    full, official, seen = tmp_path / "full.pdf", tmp_path / "official.pdf", {}
    monkeypatch.setattr(printing, "QPrintDialog", file_dialog(full, seen))
    assert printing.print_pdf(parent, sample_app, "all") is True
    (tab,) = seen["tabs"]
    assert tab.windowTitle() == "表式" and not tab.official.isChecked()
    monkeypatch.setattr(printing, "QPrintDialog", file_dialog(official, seen, official=True))
    assert printing.print_pdf(parent, sample_app, "all") is True
    from core.pdf import render_pdf_bytes

    expected = tmp_path / "expected.pdf"
    expected.write_bytes(render_pdf_bytes(sample_app, "all", official=True)[0])
    assert page_count(official) == page_count(expected) < page_count(full)


def test_printing_needs_no_pdftoppm_and_honours_the_page_range(parent, sample_app, monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)  # a bare Windows PC: no poppler
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    out, seen = tmp_path / "range.pdf", {}
    monkeypatch.setattr(printing, "QPrintDialog", file_dialog(out, seen, first=2, last=4))
    assert printing.print_pdf(parent, sample_app, "all") is True
    assert page_count(out) == 3


def test_cancelled_dialog_prints_nothing(parent, sample_app, monkeypatch, tmp_path):
    class Cancelled:
        def __init__(self, *_):
            pass

        def setWindowTitle(self, _):
            pass

        def setOptionTabs(self, _):
            pass

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(printing, "QPrintDialog", Cancelled)
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    assert printing.print_pdf(parent, sample_app, "all") is False


def test_no_printer_is_said_and_printing_to_a_file_still_works(parent, sample_app, monkeypatch, tmp_path):
    boxes = Recorder()
    monkeypatch.setattr(printing, "QMessageBox", boxes)
    monkeypatch.setattr(printing, "has_printer", lambda: False)
    out, seen = tmp_path / "file.pdf", {}
    monkeypatch.setattr(printing, "QPrintDialog", file_dialog(out, seen))
    assert printing.print_pdf(parent, sample_app, "declaration") is True
    assert boxes.calls[0][0] == "information" and "没有安装打印机" in boxes.calls[0][1][2]
    assert page_count(out) == 1


def test_a_pdf_that_cannot_be_built_is_said_in_chinese(parent, sample_app, monkeypatch, tmp_path):
    from core.messages import pdf as M

    boxes = Recorder()
    monkeypatch.setattr(printing, "QMessageBox", boxes)
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    out = tmp_path / "never.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", file_dialog(out, {}))

    def broken(*_a, **_k):
        raise M.UNWRITABLE.error(path="x.pdf", reason="磁盘已满")

    monkeypatch.setattr("core.pdf.render_pdf_bytes", broken)
    assert printing.print_pdf(parent, sample_app, "all") is False
    (kind, (_p, title, text)), = boxes.calls
    assert kind == "critical" and title == "无法生成 PDF" and "磁盘已满" in text
    assert not out.exists()  # nothing went to the printer


def test_menu_entry_points_use_the_open_application(parent, sample_app, monkeypatch, qtbot):
    class Window(QWidget):
        class session:  # noqa: N801 - stands in for the main window's EditSession
            app = sample_app
            ruleset_id = "SH-2023"

    window = Window()
    qtbot.addWidget(window)
    from desktop import print_preview

    dialog = print_preview.preview(window, "recommendation")
    assert dialog.isVisible() and dialog.page_count() == 1
    dialog.close()


def test_a_printer_that_cannot_be_opened_is_named(monkeypatch):
    from core.errors import UserError
    from desktop.qt import QPainter

    monkeypatch.setattr(QPainter, "begin", lambda self, device: False)
    printer = printing.new_printer("申报表")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName("/nonexistent/x.pdf")
    with pytest.raises(UserError) as caught:
        printing.print_to(printer, _declaration_pdf())
    assert "无法连接打印机" in caught.value.message


def _declaration_pdf() -> bytes:
    from core.application import read_application_file
    from core.pdf import render_pdf_bytes
    from tests.pdf.conftest import SAMPLE

    return render_pdf_bytes(read_application_file(SAMPLE), "declaration")[0]
