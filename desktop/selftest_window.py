"""The window steps of ``self-test``: open the main window offscreen, load the sample in it, and reach
Qt's printing support.

``desktop.launcher`` adds this module to the core command line; ``register`` puts the three steps in
front of core's own (validation, PDF, Excel, package). Qt is imported only when a step runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from core.cli.selftest_cmds import Context, StepFailed


def register(sub, common) -> None:
    common.selftest_steps.extend([("打开主窗口", step_window), ("载入示例申请", step_sample),
                                  ("打印接口", step_printing)])


def step_window(ctx: Context) -> str:
    from desktop.app import open_store, setup_application
    from desktop.mainwindow import MainWindow

    app = setup_application()
    translators = getattr(app, "_cluster_declare_translators", None)
    font = app.font().family()
    opened = open_store(ctx.db, ask=lambda holder, label: False)
    if opened is None:
        raise StepFailed("临时数据库被占用，无法打开")
    store, lock, _note = opened
    window = MainWindow(store)
    ctx.front = window

    def close() -> None:
        window.close()
        store.close()
        lock.release()

    ctx.closers.append(close)
    window.show()
    app.processEvents()
    if not window.isVisible():
        raise StepFailed("主窗口没有显示出来")
    print("      主窗口已显示", flush=True)  # the packaging benchmark times this line
    if "Noto" not in font and "Source Han" not in font:
        raise StepFailed(f"没有加载随附的中文字体（当前字体：{font}）")
    if translators == []:
        raise StepFailed("没有加载 Qt 中文翻译（qtbase_zh_CN.qm）")
    return f"字体 {font}"


def step_sample(ctx: Context) -> str:
    window = ctx.front
    if window is None or not ctx.closers:
        raise StepFailed("主窗口没有打开（上一步未成功）")
    app_id = window.load_sample()
    if not app_id:
        raise StepFailed("示例申请没有载入数据库")
    view = window.open_application(app_id)
    if view is None or window.session is None:
        raise StepFailed("示例申请没有在向导中打开")
    from desktop.app import setup_application

    setup_application().processEvents()
    shot = ctx.tmp / "window.png"
    if not window.grab().save(str(shot)):
        raise StepFailed("无法绘制主窗口（截图失败）")
    ctx.app_id = app_id
    return f"{window.session.app.display_name}"


def step_printing(ctx: Context) -> str:
    """Qt's printing support answers with the printers it sees. On Linux that is its CUPS plugin, which
    the frozen program loads with the system's libcups (package libcups2): without it the print dialog
    would offer no printer."""
    from desktop import printing

    names = printing.QPrinterInfo.availablePrinterNames()
    if sys.platform.startswith("linux") and "libcupsprintersupport" not in Path("/proc/self/maps").read_text():
        raise StepFailed("Qt 的 CUPS 打印插件没有加载，无法列出打印机：请安装 libcups2（sudo apt install libcups2）")
    default = printing.QPrinterInfo.defaultPrinterName()
    return f"{len(names)} 台打印机" + (f"，默认 {default}" if default else "") if names else "没有打印机（仍可导出 PDF）"
