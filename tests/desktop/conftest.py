"""Fixtures for the GUI tests: the real main window offscreen, on a temporary database per test.

Chinese is typed with a ``QInputMethodEvent`` carrying a commit string (``qtbot.keyClicks`` with
non-ASCII text aborts Qt); ASCII goes through real key clicks.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.qt import QApplication, QInputMethodEvent, QMessageBox, Qt  # noqa: E402


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory):
    """QSettings (the last used rule set) go to a folder of the test run, not the user's own."""
    from desktop.qt import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.getbasetemp() / "settings"))
    QSettings("cluster-declare", "集群申报助手").clear()  # the names setup_application gives


@pytest.fixture
def gui_app(qapp):
    from desktop.app import setup_application

    return setup_application(lang="zh_CN")


@pytest.fixture
def messages(monkeypatch):
    """Message boxes never block a test: they are recorded instead."""
    seen: list[tuple[str, str]] = []

    def record(kind, answer=None):
        def box(_parent, title, text, *args, **kwargs):
            seen.append((kind, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record("warning")))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record("critical")))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(record("information")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(record("question", QMessageBox.StandardButton.Yes)))
    return seen


@pytest.fixture
def db_file(tmp_path):
    return tmp_path / "gui.sqlite"


@pytest.fixture
def opened(gui_app, db_file):
    from desktop.app import open_store

    store, lock, note = open_store(str(db_file))
    yield store, lock, note
    store.close()
    lock.release()


@pytest.fixture
def window(opened, qtbot, messages):
    from desktop.mainwindow import MainWindow

    store, _lock, note = opened
    w = MainWindow(store, readonly_note=note)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def sample_view(window):
    """The sample application opened in the wizard."""
    app_id = window.load_sample()
    return window.open_application(app_id)


def type_text(qtbot, widget, text: str) -> None:
    """Type at the end of the field like a user: ASCII by key clicks, anything else as an
    input-method commit."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def clear_field(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
