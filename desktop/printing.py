"""打印 and 预览 of the 申报表, the 真实性声明 or the 推荐意见 (the PDF comes from core.pdf).

- ``preview_pdf(parent, app, page)`` writes the PDF to a temporary file and opens it in the
  system's PDF viewer (QDesktopServices), where it can also be printed.
- ``print_pdf(parent, app, page)`` opens the system print dialog (QPrintDialog) and prints the
  PDF's pages as images rendered by poppler's ``pdftoppm`` at the printer's resolution (up to
  600 dpi). PySide6-Essentials has no QtPdf, so without ``pdftoppm`` (a bare Windows PC) the
  PDF opens in the system viewer instead, and the official prints from there.

``preview(window, page)`` and ``print_document(window, page)`` are the menu entry points: they
take the application open in the main window (``window.session.app``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # printing is only needed here

from core.errors import UserError
from desktop.qt import (
    QDesktopServices,
    QDialog,
    QImage,
    QMessageBox,
    QPageLayout,
    QPageSize,
    QPainter,
    QRect,
    QUrl,
)

PAGE_TITLES = {"all": "申报表", "declaration": "真实性声明", "recommendation": "推荐意见"}
MAX_DPI = 600


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")[:60] or "申报表"


def _render(parent, app, page: str, ruleset: str | None, path: Path) -> bool:
    """Write the PDF; show any error, and the missing-character warnings, in Chinese."""
    from core.pdf import render_pdf

    try:
        warnings = render_pdf(app, path, page=page, ruleset=ruleset)
    except UserError as exc:
        QMessageBox.critical(parent, "无法生成 PDF", exc.message)
        return False
    if warnings:
        QMessageBox.warning(parent, "个别字符无法打印", "\n".join(warnings))
    return True


def preview_pdf(parent, app, page: str = "all", ruleset: str | None = None) -> Path | None:
    """Render to a temporary file and open it in the system's viewer; return the file."""
    folder = Path(tempfile.gettempdir()) / "cluster-declare-print"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_safe_name(app.display_name)}-{PAGE_TITLES.get(page, page)}.pdf"
    if not _render(parent, app, page, ruleset, path):
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.information(parent, "预览", f"未能打开系统的 PDF 阅读器。文件已保存在：\n{path}")
    return path


def pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def _page_images(pdf: Path, dpi: int, first: int, last: int, folder: Path) -> list[Path]:
    cmd = [pdftoppm(), "-r", str(dpi), "-png"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    subprocess.run([*cmd, str(pdf), str(folder / "page")], check=True, capture_output=True, timeout=300)
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def print_pdf(parent, app, page: str = "all", ruleset: str | None = None) -> bool:
    """Ask for a printer in the system dialog and print; True when pages went to the printer."""
    if pdftoppm() is None:
        QMessageBox.information(parent, "打印", "本机缺少 PDF 栅格化工具（pdftoppm），将在系统 PDF 阅读器中打开，请从阅读器打印。")
        return preview_pdf(parent, app, page, ruleset) is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setDocName(f"{app.display_name} {PAGE_TITLES.get(page, page)}")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"打印{PAGE_TITLES.get(page, page)}")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    with tempfile.TemporaryDirectory(prefix="cluster-declare-print-") as tmp:
        pdf = Path(tmp) / "print.pdf"
        if not _render(parent, app, page, ruleset, pdf):
            return False
        dpi = max(150, min(printer.resolution(), MAX_DPI))
        try:
            images = _page_images(pdf, dpi, printer.fromPage(), printer.toPage(), Path(tmp))
        except (OSError, subprocess.SubprocessError) as exc:
            QMessageBox.critical(parent, "打印失败", f"无法把 PDF 转为打印页面：{exc}")
            return False
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.critical(parent, "打印失败", "无法连接打印机。")
            return False
        try:
            for n, image_path in enumerate(images):
                if n:
                    printer.newPage()
                image = QImage(str(image_path))
                target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()
    return True


def _current_app(window):
    session = getattr(window, "session", None)
    if session is None:
        window.show_error("请先打开一份申报。")
        return None
    return session.app


def preview(window, page: str = "all") -> Path | None:
    """Menu entry point: 预览 of the application open in ``window``."""
    app = _current_app(window)
    return preview_pdf(window, app, page or "all", getattr(window.session, "ruleset_id", None)) if app else None


def print_document(window, page: str = "all") -> bool:
    """Menu entry point: 打印 of the application open in ``window``."""
    app = _current_app(window)
    return print_pdf(window, app, page or "all", getattr(window.session, "ruleset_id", None)) if app else False
