"""The print preview window: the sample application's PDF rendered to QImages by PDFium, page
count equal to the PDF's, zoom, navigation, the official layout, print and save, failures shown."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from desktop import lastdir, printing  # noqa: E402
from desktop.print_preview import PrintPreviewDialog  # noqa: E402
from desktop.qt import QDialog, QMessageBox, Qt  # noqa: E402
from tests.pdf.conftest import full_text, page_count, squash  # noqa: E402


@pytest.fixture
def preview(qtbot, sample_app):
    dialog = PrintPreviewDialog(sample_app, ruleset="SH-2023")
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def ink(image) -> float:
    """Share of sampled pixels that are not white."""
    dark = total = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 200
    return dark / total


def test_preview_shows_every_page_of_the_pdf(preview, tmp_path):
    pdf = tmp_path / "shown.pdf"
    pdf.write_bytes(preview.data)
    assert preview.page_count() == page_count(pdf) == len(preview.page_images) > 5
    assert preview.total_label.text() == f"页　共 {page_count(pdf)} 页"
    for image in preview.page_images:
        assert not image.isNull()
        assert image.width() < image.height()  # A4 portrait
        assert ink(image) > 0.002  # drawn, not blank
    assert not preview.message.isVisible()


def test_zoom_changes_the_rendered_size(preview):
    width = preview.page_images[0].width()
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findData(200))
    assert abs(preview.page_images[0].width() - 2 * width) <= 2
    preview.step_zoom(-1)
    assert preview.zoom_box.currentData() == 150
    preview.zoom_box.setCurrentIndex(0)  # 适合宽度
    room = preview.scroll.viewport().width()
    assert room * 0.8 < preview.page_images[0].width() <= room


def test_page_navigation(preview, qtbot):
    preview.go_to(3)
    assert preview.current_page() == 3
    assert preview.scroll.verticalScrollBar().value() > 0
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.current_page() == 4
    preview.go_to(999)
    assert preview.current_page() == preview.page_count()
    preview.go_to(1)
    assert preview.scroll.verticalScrollBar().value() == 0


def test_content_and_official_layout(preview):
    full_pages = preview.page_count()
    assert preview.official.isVisibleTo(preview)  # the Shanghai form has 【补充】 rows
    preview.official.setChecked(True)
    assert preview.page_count() < full_pages
    assert "【补充】" not in squash(_text(preview))
    preview.official.setChecked(False)
    assert "【补充】" in squash(_text(preview))
    preview.content.setCurrentIndex(preview.content.findData("declaration"))
    assert preview.page_count() == 1 and "真实性声明" in _text(preview)


def _text(preview) -> str:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.pdf"
        path.write_bytes(preview.data)
        return full_text(path)


def test_print_from_the_preview(preview, monkeypatch, tmp_path):
    out = tmp_path / "printed.pdf"

    class FileDialog:
        def __init__(self, printer, _parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(150)

        def setWindowTitle(self, _):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", FileDialog)
    monkeypatch.setattr(printing, "has_printer", lambda: False)
    assert preview.print_pages() is True
    assert page_count(out) == preview.page_count()
    assert "已送往打印机" in preview.message.text()


def test_printer_failure_is_said_in_the_window(preview, monkeypatch):
    from core.messages import pdf as M

    class Accepting:
        def __init__(self, *_):
            pass

        def setWindowTitle(self, _):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    def offline(_printer, _data):
        raise M.PRINTER_UNAVAILABLE.error(printer="办公室打印机")

    monkeypatch.setattr(printing, "QPrintDialog", Accepting)
    monkeypatch.setattr(printing, "print_to", offline)
    assert preview.print_pages() is False
    assert preview.message.isVisible() and "无法连接打印机“办公室打印机”" in preview.message.text()


def test_build_and_render_failures_are_shown_in_the_window(qtbot, sample_app, monkeypatch):
    from core.messages import pdf as M

    def broken(*_a, **_k):
        raise M.UNREADABLE.error(reason="字体文件缺失")

    monkeypatch.setattr(printing, "build", broken)
    dialog = PrintPreviewDialog(sample_app)
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0 and not dialog.print_button.isEnabled()
    assert "无法生成预览" in dialog.message.text() and "字体文件缺失" in dialog.message.text()
    monkeypatch.undo()

    import core.pdf.raster as raster

    monkeypatch.setattr(raster, "open_pdf", lambda _data: (_ for _ in ()).throw(M.NO_RENDERER.error(reason="x")))
    dialog.rebuild()
    assert dialog.page_count() == 0 and "缺少 PDF 渲染组件" in dialog.message.text()


def test_save_as_pdf_confirms_the_path(preview, monkeypatch, tmp_path, qtbot):
    target = tmp_path / "保存的.pdf"
    monkeypatch.setattr(lastdir, "save_file", lambda *_a: str(target))
    assert preview.save_pdf() == str(target)
    assert page_count(target) == preview.page_count()
    box = preview.findChild(QMessageBox, "savedNotice")
    assert box is not None and str(target) in box.text()
    assert any(b.text() == "打开所在文件夹" for b in box.buttons())
    box.close()
