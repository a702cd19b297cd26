"""The print, Excel and submission-package menus and the self-assessment page's export buttons.

Each handler imports its dialog module when it runs (desktop/printing.py, desktop/excel_dialogs.py,
desktop/package_dialogs.py), so the start stays fast and reportlab / openpyxl / pyHanko never load
before the official asks for them."""

from __future__ import annotations

from typing import Any


def preview(window: Any, page: str = "all") -> None:
    from desktop import print_preview

    print_preview.preview(window, page)


def print_document(window: Any, page: str = "all") -> None:
    from desktop import printing

    printing.print_document(window, page)


def export_word(window: Any, page: str = "all") -> None:
    from desktop import printing

    printing.export_word(window, page)


def open_excel(window: Any) -> None:
    from desktop import excel_dialogs

    excel_dialogs.open(window)


def export_package(window: Any) -> None:
    from desktop import package_dialogs

    package_dialogs.export(window)


def verify_package(window: Any) -> None:
    from desktop import package_dialogs

    package_dialogs.verify(window)


def office_certificate(window: Any) -> None:
    from desktop import package_dialogs

    package_dialogs.certificate(window)


def fill_menus(window: Any) -> None:
    tr = window.tr
    pages = ((tr("全表"), "all"), (tr("真实性声明"), "declaration"), (tr("推荐意见"), "recommendation"))
    from desktop.qt import QKeySequence

    # Ctrl+Shift+P previews and Ctrl+P prints the whole form (the other pages from the menu).
    keys = {"actPreviewAll": QKeySequence("Ctrl+Shift+P"), "actPrintAll": QKeySequence.StandardKey.Print}
    for what, func, name in ((tr("预览"), preview, "actPreview"), (tr("打印"), print_document, "actPrint")):
        for label, page in pages:
            action_name = f"{name}{page.capitalize()}"
            window._action(window.print_menu, f"{what} — {label}…", lambda f=func, p=page: f(window, p),
                           keys.get(action_name), action_name)
        window.print_menu.addSeparator()
    for label, page in pages:  # the same pages as a Word document (core/docx), for a last edit in WPS/Word
        window._action(window.print_menu, f"{tr('导出 Word')} — {label}…", lambda p=page: export_word(window, p),
                       None, f"actWord{page.capitalize()}")
    window._action(window.excel_menu, tr("导出、模板与导入…"), lambda: open_excel(window))
    window._action(window.package_menu, tr("导出报送包…"), lambda: export_package(window))
    window._action(window.package_menu, tr("校验报送包…"), lambda: verify_package(window))
    window.package_menu.addSeparator()
    window._action(window.package_menu, tr("本单位证书…"), lambda: office_certificate(window))
    from desktop import history_view

    history_view.fill_menu(window)  # 修改记录: the application's and the current field's history


def export_actions(window: Any) -> list[tuple[str, str]]:
    """The buttons of the self-assessment page's 导出 row."""
    tr = window.tr
    return [("json", tr("导出 JSON…")), ("print", tr("打印预览…")), ("package", tr("导出报送包…"))]


EXPORTS = {
    "json": lambda window: window.export_json(),
    "print": lambda window: preview(window, "all"),
    "package": export_package,
}


def run_export(window: Any, action_id: str) -> None:
    EXPORTS[action_id](window)
