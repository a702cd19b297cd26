"""Menus that come from other parts of the GUI when they are installed: printing
(desktop/printing.py), Excel (desktop/excel_dialogs.py) and the submission package
(desktop/package_dialogs.py). They are imported only when used, so the start stays fast and
reportlab / openpyxl / pyHanko never load before the official asks for them."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

PRINTING, EXCEL, PACKAGE = "desktop.printing", "desktop.excel_dialogs", "desktop.package_dialogs"


def available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _placeholder(menu, text: str) -> None:
    action = menu.addAction(text)
    action.setEnabled(False)


def fill_menus(window: Any) -> None:
    tr = window.tr
    if available(PRINTING):
        pages = ((tr("全表"), "all"), (tr("真实性声明"), "declaration"), (tr("推荐意见"), "recommendation"))
        for what, func in ((tr("预览"), "preview"), (tr("打印"), "print_document")):
            for label, page in pages:
                window._action(window.print_menu, f"{what} — {label}…",
                               lambda f=func, p=page: call(window, PRINTING, f, p))
            window.print_menu.addSeparator()
    else:
        _placeholder(window.print_menu, tr("（打印模块未安装）"))
    if available(EXCEL):
        window._action(window.excel_menu, tr("导出、模板与导入…"), lambda: call(window, EXCEL, "open", None))
    else:
        _placeholder(window.excel_menu, tr("（Excel 模块未安装）"))
    if available(PACKAGE):
        window._action(window.package_menu, tr("导出报送包…"), lambda: call(window, PACKAGE, "export", None))
        window._action(window.package_menu, tr("校验报送包…"), lambda: call(window, PACKAGE, "verify", None))
        window.package_menu.addSeparator()
        window._action(window.package_menu, tr("本单位证书…"), lambda: call(window, PACKAGE, "certificate", None))
    else:
        _placeholder(window.package_menu, tr("（报送模块未安装）"))


def export_actions(window: Any) -> list[tuple[str, str]]:
    """The buttons of the self-assessment page's 导出 row."""
    tr = window.tr
    actions = [("json", tr("导出 JSON…"))]
    if available(PRINTING):
        actions.append(("print", tr("打印预览…")))
    if available(PACKAGE):
        actions.append(("package", tr("导出报送包…")))
    return actions


def run_export(window: Any, action_id: str) -> None:
    if action_id == "json":
        window.export_json()
    elif action_id == "print":
        call(window, PRINTING, "preview", "all")
    elif action_id == "package":
        call(window, PACKAGE, "export", None)


def call(window: Any, module: str, what: str, arg: Any) -> Any:
    """Call the other module's entry point (adapted to its API when it lands)."""
    mod = importlib.import_module(module)
    func = getattr(mod, what, None)
    if func is None:
        window.show_error(window.tr("该功能尚未提供。"))
        return None
    return func(window, arg)
