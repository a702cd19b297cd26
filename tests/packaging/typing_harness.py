"""The program from source, as `cluster-declare gui --db DB --open ID` starts it, plus one step a
person would do with the mouse: put the cursor into 集群名称. Used by test_chinese_typing.py: it
prints READY, the X window id and the field's centre on the screen once the field has the keyboard
focus; keys then come from xdotool through the X server and the input method, and the program
stores what arrives. (The frozen program is started as users start it; the test clicks that centre.)

    python tests/packaging/typing_harness.py DB APP_ID
"""

from __future__ import annotations

import sys


def main(db: str, app_id: str) -> int:
    from desktop.app import open_store, setup_application
    from desktop.mainwindow import MainWindow
    from desktop.qt import QTimer

    app = setup_application(lang="zh_CN")
    store, lock, _note = open_store(db)
    window = MainWindow(store)
    window.show()
    view = window.open_application(app_id)
    assert view is not None, "could not open the application"

    def focus() -> None:
        try:
            window.activateWindow()
            assert view.focus_field("basic.cluster_name")
            field = view.editors["basic.cluster_name"].focus_target()
            centre = field.mapToGlobal(field.rect().center())
            print("READY", int(window.winId()), centre.x(), centre.y(), flush=True)
        except Exception:  # the test reads stdout: end instead of waiting for keys that never come
            import traceback

            traceback.print_exc()
            app.exit(3)

    QTimer.singleShot(300, focus)
    try:
        return int(app.exec())
    finally:
        store.close()
        lock.release()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
