"""打印 and 预览 of the 申报表, the 真实性声明 or the 推荐意见 (the PDF comes from core.pdf).

Both work the same on every platform, with nothing outside the program: the PDF's pages are
rendered by PDFium (``core.pdf.raster``, pypdfium2) and drawn onto the printer or the screen.

- ``print_pdf(parent, app, page, official=…)`` asks for a printer in the system dialog
  (QPrintDialog, with a 表式 tab for the official layout), builds the PDF and prints the pages
  rendered at the printer's resolution (up to 600 dpi).
- The preview window is desktop/print_preview.py (``preview_pdf``, and ``preview(window, page)``
  for Ctrl+Shift+P): pages, zoom, navigation, the official-layout option, 打印… and 另存为 PDF….
- ``print_data(parent, data, title)`` prints a PDF already built (the preview's 打印…).

``print_document(window, page)`` is the menu entry point (Ctrl+P): it takes the application open
in the main window (``window.session.app``). ``export_word(window, page)``, beside it in the menu,
writes the same pages as a Word document (core.docx).
Every failure (PDF build, rendering, no printer) is said in Chinese, in a message or the window.
"""

from __future__ import annotations

import re

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo  # printing is only needed here

from core.errors import UserError
from desktop.qt import (
    QCheckBox,
    QDialog,
    QImage,
    QMessageBox,
    QPageLayout,
    QPageSize,
    QPainter,
    QRect,
    QVBoxLayout,
    QWidget,
)

PAGE_TITLES = {"all": "申报表", "declaration": "真实性声明", "recommendation": "推荐意见"}
MAX_DPI = 600
MIN_DPI = 150
NO_PRINTER = "本机没有安装打印机：可在打印对话框中选择“打印到文件（PDF）”，或在预览中另存为 PDF。"


def safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")[:60] or "申报表"


def build(app, page: str = "all", ruleset: str | None = None, official: bool = False) -> tuple[bytes, list[str]]:
    """The PDF bytes and the missing-character warnings; raises UserError in Chinese."""
    from core.pdf import render_pdf_bytes

    try:
        return render_pdf_bytes(app, page, ruleset, official)
    except UserError:
        raise
    except Exception as exc:  # reportlab failing on odd content: say so, never a traceback
        from core.messages import pdf as M

        raise M.BUILD_FAILED.error(reason=exc) from exc


def page_image(page) -> QImage:
    """A core.pdf.raster.RasterPage as a QImage (RGBX bytes, copied so the buffer may go)."""
    return QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888).copy()


def has_printer() -> bool:
    return bool(QPrinterInfo.availablePrinterNames())


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setDocName(title)
    return printer


def print_to(printer: QPrinter, data: bytes) -> int:
    """Draw the PDF's pages (or the range chosen in the dialog) on ``printer``; the pages printed.
    Raises UserError when rendering or the printer fails."""
    from core.messages import pdf as M
    from core.pdf.raster import open_pdf

    dpi = max(MIN_DPI, min(printer.resolution(), MAX_DPI))
    with open_pdf(data) as doc:
        first = max(1, printer.fromPage() or 1)
        last = min(doc.page_count, printer.toPage() or doc.page_count)
        painter = QPainter()
        if not painter.begin(printer):
            raise M.PRINTER_UNAVAILABLE.error(printer=printer.printerName() or printer.outputFileName())
        try:
            for n in range(first - 1, last):
                if n > first - 1:
                    printer.newPage()
                image = page_image(doc.render(n, dpi))
                target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()
    return max(0, last - first + 1)


def print_data(parent, data: bytes, title: str) -> bool:
    """The system print dialog, then the pages; True when they went to the printer."""
    if not has_printer():
        QMessageBox.information(parent, "打印", NO_PRINTER)
    printer = new_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"打印{title}")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return _print_or_say(parent, printer, data)


def _print_or_say(parent, printer: QPrinter, data: bytes) -> bool:
    try:
        print_to(printer, data)
    except UserError as exc:
        QMessageBox.critical(parent, "打印失败", exc.message)
        return False
    return True


def layout_tab(app, official: bool) -> QWidget | None:
    """The print dialog's 表式 tab (Linux: Qt's own dialog shows it; Windows' native dialog has no
    room for it, the preview has the same choice): None when the form has no 【补充】 rows."""
    if not any(f.supplementary for f in app.form_def.fields.values()):
        return None
    tab = QWidget()
    tab.setWindowTitle("表式")
    column = QVBoxLayout(tab)
    box = QCheckBox("仅官方表式（不含【补充】栏目和自评结果附录）", tab)
    box.setObjectName("officialLayout")
    box.setChecked(official)
    column.addWidget(box)
    column.addStretch(1)
    tab.official = box
    return tab


def _built(parent, app, page: str, ruleset: str | None, official: bool) -> bytes | None:
    try:
        data, warnings = build(app, page, ruleset, official)
    except UserError as exc:
        QMessageBox.critical(parent, "无法生成 PDF", exc.message)
        return None
    if warnings:
        QMessageBox.warning(parent, "个别字符无法打印", "\n".join(warnings))
    return data


def print_pdf(parent, app, page: str = "all", ruleset: str | None = None, official: bool = False) -> bool:
    """The system print dialog (with the 表式 tab), then the PDF built and printed; True when pages
    went to the printer."""
    title = PAGE_TITLES.get(page, page)
    if not has_printer():
        QMessageBox.information(parent, "打印", NO_PRINTER)
    printer = new_printer(f"{app.display_name} {title}")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"打印{title}")
    tab = layout_tab(app, official)
    if tab is not None:
        dialog.setOptionTabs([tab])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    data = _built(parent, app, page, ruleset, tab.official.isChecked() if tab is not None else official)
    return data is not None and _print_or_say(parent, printer, data)


def current_app(window):
    session = getattr(window, "session", None)
    if session is None:
        window.show_error("请先打开一份申请。")
        return None
    return session.app


def print_document(window, page: str = "all") -> bool:
    """Menu entry point (Ctrl+P): 打印 of the application open in ``window``."""
    app = current_app(window)
    return print_pdf(window, app, page or "all", getattr(window.session, "ruleset_id", None)) if app else False


def export_word(window, page: str = "all", path: str | None = None):
    """Menu entry point: the 申报表 (or the 真实性声明 / 推荐意见 alone) as a .docx; the path or None."""
    from core.docx import render_docx
    from desktop import lastdir
    from desktop.saved import confirm_saved

    app = current_app(window)
    if app is None:
        return None
    title = PAGE_TITLES.get(page, page)
    if path is None:
        path = lastdir.save_file(window, f"导出 Word — {title}", f"{safe_name(app.display_name)} {title}.docx",
                                 "Word 文档 (*.docx)")
        if not path:
            return None
    try:
        out = render_docx(app, path, page)
    except UserError as exc:
        QMessageBox.critical(window, "无法导出 Word", exc.message)
        return None
    confirm_saved(window, "Word", f"已导出 Word {title}", out)
    return out
