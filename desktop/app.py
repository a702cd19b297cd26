"""Start the desktop program: ``cluster-declare`` without arguments, ``cluster-declare gui --db F``
or ``python -m desktop.app [--db F]``.

Start-up does only what the first window needs: Qt, the bundled font, the translations, the
store. Rules load right after the window shows; reportlab, openpyxl and pyHanko load when a print,
Excel or package action is first used.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from core.paths import DB_ENV

LANG_ENV = "CLUSTER_DECLARE_LANG"
APP_NAME = "集群申报助手"
TRANSLATION_PREFIX = "cluster_declare_"
QT_EXTRA_PREFIX = "qt_extra_"  # Qt's strings that Qt's own translation leaves in English


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cluster-declare-gui", description="集群申报助手（图形界面）")
    parser.add_argument("--db", default=os.environ.get(DB_ENV),
                        help=f"数据库文件路径或 SQLAlchemy URL（默认：用户数据目录；也可设环境变量 {DB_ENV}）")
    parser.add_argument("--lang", default=os.environ.get(LANG_ENV, "zh_CN"), help="界面语言（默认 zh_CN）")
    parser.add_argument("--open", metavar="ID", help="启动后直接打开这份申请")
    return parser.parse_args(argv)


def load_font(app) -> str | None:
    """Make the bundled Noto Sans SC the application font: Chinese renders without system CJK fonts.

    The frozen build bundles a subset (GB 2312, 通用规范汉字表, the program's texts); a rarer
    character in a name is drawn by Qt's own fallback to an installed font that has it
    (tests/desktop/test_font_fallback.py)."""
    from core.paths import font_file
    from desktop.qt import QFont, QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(font_file("NotoSansSC-Regular.ttf")))
    QFontDatabase.addApplicationFont(str(font_file("NotoSansSC-Bold.ttf")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    size = app.font().pointSizeF()
    font.setPointSizeF(size if size > 0 else 10)
    app.setFont(font)
    return families[0]


def qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files are: Qt's configured folder, else PySide6's (the frozen build keeps
    qtbase_zh_CN.qm there, see packaging/cluster-declare.spec)."""
    from pathlib import Path

    import PySide6

    from desktop.qt import QLibraryInfo

    package = Path(PySide6.__file__).resolve().parent
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(package / "Qt" / "translations"), str(package / "translations")]
    return [d for i, d in enumerate(dirs) if d and d not in dirs[:i]]


def load_translations(app, lang: str) -> list:
    """Qt's own strings (file dialogs, buttons of standard dialogs), the few Qt leaves untranslated,
    and ours, through QTranslator (installed later wins)."""
    from core.paths import resource
    from desktop.qt import QTranslator

    loaded = []
    ours = str(resource("translations"))
    wanted = [(f"qtbase_{lang}", qt_translation_dirs()), (f"{QT_EXTRA_PREFIX}{lang}", [ours]),
              (f"{TRANSLATION_PREFIX}{lang}", [ours])]
    for name, folders in wanted:
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def use_locale(lang: str) -> None:
    """Dates and numbers in Qt's widgets as in the UI language (2026/12/1, not "1 12 2026").

    QLocale's default covers our widgets; Qt's file dialog formats dates with the *system* locale,
    which on Linux comes from LC_TIME (set here before the QApplication exists, unless LC_ALL
    overrides everything). Windows takes the system's own settings."""
    from desktop.qt import QLocale

    if lang.startswith("zh") and sys.platform != "win32" and not os.environ.get("LC_ALL"):
        os.environ["LC_TIME"] = f"{lang}.UTF-8"  # before any QLocale reads the system's
    QLocale.setDefault(QLocale(lang))


def setup_application(argv: list[str] | None = None, lang: str = "zh_CN"):
    """The QApplication with font, translations and names (reused when one exists, as in tests)."""
    from core.paths import resource
    from desktop.qt import QApplication, QGuiApplication, QIcon, Qt

    app = QApplication.instance()
    if app is None:
        use_locale(lang)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "cluster-declare", *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("cluster-declare")
    if not getattr(app, "_cluster_declare_ready", False):
        app.setWindowIcon(QIcon(str(resource("icons", "cluster-declare.svg"))))
        load_font(app)
        from desktop.qt import QLocale

        QLocale.setDefault(QLocale(lang))
        app._cluster_declare_translators = load_translations(app, lang)
        app._cluster_declare_ready = True
    return app


def ask_when_locked(holder: str, label: str) -> bool:
    """The database is in use elsewhere: True to open read-only, False to quit."""
    from desktop.lock import in_use_text
    from desktop.qt import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                      in_use_text(holder, label) + "\n\n"
                      "两个窗口同时修改同一份数据容易互相覆盖。可以以只读方式打开查看，"
                      "或退出后到另一个窗口继续工作。")
    readonly = box.addButton("以只读方式打开", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is readonly


def open_store(db: str | None, ask: Callable[[str, str], bool] = ask_when_locked):
    """(store, lock, note) — or None when the official chose to quit. Raises UserError."""
    from core.store import Store
    from core.store import database as dbmod
    from desktop.lock import DatabaseLock
    from desktop.settings_db import saved_connection

    saved_url, user = saved_connection()  # 文件 → 数据库连接 (desktop/settings_db.py)
    if db is None:  # no --db: the connection chosen there
        db = saved_url
    target = dbmod.resolve(db)
    lock = DatabaseLock(target.path)
    readonly, note = False, ""
    if not lock.acquire():
        if not ask(lock.holder(), target.label):
            return None
        readonly, note = True, "另一个窗口正在使用此数据库，本窗口为只读。"
    store = Store.open(db, readonly=readonly, user=user)
    if store.readonly and not note:
        note = "数据库文件不可写，本窗口为只读。"
    return store, lock, note


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = setup_application(lang=args.lang)
    from core.errors import UserError
    from desktop.qt import QMessageBox

    try:
        opened = open_store(args.db)
    except UserError as exc:
        from desktop.settings_db import reconnect

        opened = reconnect(exc.message, open_store) if args.db is None else None  # fix a saved server connection
        if opened is None:
            QMessageBox.critical(None, APP_NAME, exc.message)
            return 2
    if opened is None:
        return 0
    store, lock, note = opened
    from desktop.mainwindow import MainWindow

    window = MainWindow(store, readonly_note=note)
    window.show()
    if args.open:
        window.open_application(args.open)
    try:
        return int(app.exec())
    finally:
        store.close()
        lock.release()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
