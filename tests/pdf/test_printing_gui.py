"""desktop.printing offscreen: preview opens the PDF, print goes through QPrintDialog to a printer."""

from __future__ import annotations

import subprocess

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from desktop import printing  # noqa: E402
from desktop.qt import QDialog, QWidget  # noqa: E402
from tests.pdf.conftest import full_text, page_count  # noqa: E402


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


def test_preview_renders_and_opens_the_system_viewer(parent, sample_app, monkeypatch):
    opened = Recorder()
    monkeypatch.setattr(printing, "QDesktopServices", opened)
    path = printing.preview_pdf(parent, sample_app, "declaration")
    assert path.is_file() and page_count(path) == 1
    assert "真实性声明" in full_text(path)
    (name, (url,)), = opened.calls
    assert name == "openUrl" and url.toLocalFile() == str(path)


def test_print_goes_through_the_print_dialog(parent, sample_app, monkeypatch, tmp_path):
    out = tmp_path / "printed.pdf"
    seen = {}

    class FakeDialog:  # the system dialog, accepted with "print to file"
        def __init__(self, printer, parent_widget):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(150)
            seen["printer"] = printer

        def setWindowTitle(self, title):
            seen["title"] = title

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", FakeDialog)
    assert printing.print_pdf(parent, sample_app, "recommendation") is True
    assert seen["title"] == "打印推荐意见"
    assert page_count(out) == 1
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 3  # header, rule, one full-page image


def test_cancelled_dialog_prints_nothing(parent, sample_app, monkeypatch):
    class Cancelled:
        def __init__(self, *_):
            pass

        def setWindowTitle(self, _):
            pass

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(printing, "QPrintDialog", Cancelled)
    assert printing.print_pdf(parent, sample_app, "all") is False


def test_without_pdftoppm_the_pdf_opens_in_the_viewer(parent, sample_app, monkeypatch):
    opened, boxes = Recorder(), Recorder()
    monkeypatch.setattr(printing, "pdftoppm", lambda: None)
    monkeypatch.setattr(printing, "QDesktopServices", opened)
    monkeypatch.setattr(printing, "QMessageBox", boxes)
    assert printing.print_pdf(parent, sample_app, "declaration") is True
    assert boxes.calls[0][0] == "information" and "pdftoppm" in boxes.calls[0][1][2]
    (name, (url,)), = opened.calls  # the declaration itself opens, for printing from the viewer
    assert name == "openUrl" and page_count(url.toLocalFile()) == 1
    assert "真实性声明" in full_text(url.toLocalFile())


def test_menu_entry_points_use_the_open_application(parent, sample_app, monkeypatch):
    opened = Recorder()
    monkeypatch.setattr(printing, "QDesktopServices", opened)

    class Window(QWidget):
        class session:  # noqa: N801 - stands in for the main window's EditSession
            app = sample_app
            ruleset_id = "SH-2023"

    path = printing.preview(Window(), "recommendation")
    assert path.name.endswith("推荐意见.pdf") and opened.calls
