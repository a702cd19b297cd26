"""The main window: application list, sample offer, 回收站, JSON/backup, one window per database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.paths import resource
from desktop.applist import COL
from desktop.qt import Qt

ROOT = Path(__file__).resolve().parents[2]


def test_empty_database_offers_the_sample(window, qtbot):
    lv = window.list_view
    assert lv.banner.isVisibleTo(window)
    assert lv.table.rowCount() == 0
    qtbot.mouseClick(lv.sample_button, Qt.MouseButton.LeftButton)
    assert lv.table.rowCount() == 1
    assert not lv.banner.isVisibleTo(window)
    assert lv.table.item(0, COL["name"]).text() == "上海市闵行区智能传感器产业集群"
    assert [lv.table.item(0, COL[c]).text() for c in ("number", "region", "campaign", "status")] == [
        "2023-001", "上海", "2023", "草稿"]
    qtbot.waitUntil(lambda: lv.table.item(0, COL["verdict"]).text() == "符合", timeout=3000)


def test_open_with_enter_and_back_to_list(window, qtbot):
    window.load_sample()
    lv = window.list_view
    lv.table.setFocus()
    lv.table.setCurrentCell(0, 0)
    qtbot.keyClick(lv.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.wizard_view
    qtbot.mouseClick(window.wizard_view.back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is lv
    assert window.session is None


def test_duplicate_delete_restore_and_search(window, qtbot):
    lv = window.list_view
    first = window.load_sample()
    copy_id = lv.duplicate_selected()
    assert copy_id and copy_id != first
    assert lv.table.rowCount() == 2
    assert any("副本" in lv.table.item(r, COL["name"]).text() for r in range(2))
    lv.refresh(select=copy_id)
    qtbot.mouseClick(lv.delete_button, Qt.MouseButton.LeftButton)
    assert lv.table.rowCount() == 1
    lv.trash.setChecked(True)
    assert lv.table.rowCount() == 1 and lv.table.item(0, 0).data(Qt.ItemDataRole.UserRole) == copy_id
    assert lv.restore_button.isVisible()
    qtbot.mouseClick(lv.restore_button, Qt.MouseButton.LeftButton)
    assert lv.table.rowCount() == 0
    lv.trash.setChecked(False)
    assert lv.table.rowCount() == 2
    qtbot.keyClicks(lv.search, "nothing-like-this")
    qtbot.waitUntil(lambda: lv.table.rowCount() == 0, timeout=2000)
    lv.search.clear()
    qtbot.waitUntil(lambda: lv.table.rowCount() == 2, timeout=2000)


def test_new_application_opens_the_wizard_on_the_first_page(window):
    view = window.new_application("HN-2023")
    assert view.session.app.rules == "HN-2023"
    assert view.session.ruleset_id == "HN-2023"
    assert view.wizard.page.id == "basic"
    assert [view.page_list.item(i).text() for i in range(3)] == ["封面与基本情况", "1 核心竞争力", "2 梯度培育"]


def test_export_import_json_and_backup(window, tmp_path):
    app_id = window.load_sample()
    out = window.export_json(str(tmp_path / "申请.json"))
    assert out.is_file() and (tmp_path / "evidence").is_dir()
    new_id = window.import_json(str(out), on_conflict="copy")
    assert new_id and new_id != app_id
    assert window.list_view.table.rowCount() == 2
    assert window.store.load(new_id).values == window.store.load(app_id).values
    assert window.statusBar().currentMessage() == "已导入“申请.json”"
    backup = window.backup(str(tmp_path / "backup.sqlite"))
    assert window.statusBar().currentMessage() == f"已备份数据库：{backup.resolve()}"
    from core.store import Store

    with Store.open(str(backup)) as copy:  # the backup is a database holding both applications
        assert {a.id for a in copy.list_applications()} == {app_id, new_id}


def test_restore_replaces_the_database(window, tmp_path, messages):
    window.load_sample()
    backup = window.backup(str(tmp_path / "backup.sqlite"))
    window.new_application("SH-2023")
    window.show_list()
    assert window.list_view.table.rowCount() == 2
    safety = window.restore(str(backup))
    assert safety is not None and safety.is_file()
    assert window.list_view.table.rowCount() == 1
    assert window.list_view.table.item(0, COL["name"]).text() == "上海市闵行区智能传感器产业集群"
    assert messages[-1] == ("information", f"已从备份恢复。恢复前的数据已保存为：\n{safety}")


def test_second_window_on_the_same_database_is_read_only_or_quits(opened, db_file, qtbot, messages):
    from desktop.app import open_store
    from desktop.mainwindow import MainWindow

    asked = []
    assert open_store(str(db_file), ask=lambda holder, label: asked.append((holder, label)) or False) is None
    assert asked and str(db_file) in asked[0][1] and "进程" in asked[0][0]
    store, lock, note = open_store(str(db_file), ask=lambda *_: True)
    try:
        assert store.readonly and "只读" in note
        w = MainWindow(store, readonly_note=note)
        qtbot.addWidget(w)
        assert "只读" in w.windowTitle()
        assert not w.list_view.new_button.isEnabled()
    finally:
        store.close()
        lock.release()


def test_start_from_main_shows_the_window(db_file):
    """``desktop.app.main --db F`` in a fresh process (quitting the event loop here would stop
    Qt's cross-thread signals for the rest of the test session): window shown, bundled font."""
    code = (
        "import sys\n"
        "from desktop.qt import QApplication, QTimer\n"
        "app = QApplication(sys.argv[:1])\n"
        "def check():\n"
        "    shown = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]\n"
        "    print('SHOWN', shown, QApplication.font().family(), flush=True)\n"
        "    QApplication.instance().quit()\n"
        "QTimer.singleShot(300, check)\n"
        "from desktop.app import main\n"
        f"sys.exit(main(['--db', {str(db_file)!r}]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("SHOWN"))
    assert "集群申报助手" in line and "Noto Sans SC" in line
    assert db_file.is_file()
    assert resource("fonts", "NotoSansSC-Regular.ttf").is_file()


def test_menus_offer_print_excel_and_package(window):
    """Printing, Excel and the package always ship: their menus are never placeholders."""

    def texts(menu):
        return [a.text() for a in menu.actions() if a.text()]

    assert any("撤销" in t for t in texts(window.menuBar().actions()[1].menu()))
    assert {"预览 — 全表…", "打印 — 真实性声明…", "预览 — 推荐意见…"} <= set(texts(window.print_menu))
    assert {"导出报送包…", "校验报送包…", "本单位证书…"} <= set(texts(window.package_menu))
    assert texts(window.excel_menu) == ["导出、模板与导入…"]
    assert all(a.isEnabled() for m in (window.print_menu, window.excel_menu, window.package_menu)
               for a in m.actions() if a.text())
