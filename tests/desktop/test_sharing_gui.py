"""Several officials at once, in the real window: another official's edit shows up after a poll
with a notice in the status bar; a conflicting edit asks "keep mine / take theirs"."""

from __future__ import annotations

import pytest

from core.store import Store
from desktop.qt import QApplication, QMessageBox, QTimer
from tests.desktop.conftest import type_text


@pytest.fixture
def colleague(opened, db_file):
    other = Store.open(db_file, user="李四")
    yield other
    other.close()


def _answer_conflict(button_text: str, seen: list[str]) -> None:
    """Click a button of the conflict dialog once it is up (it is modal)."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(20, click)


def test_others_edit_appears_after_a_poll_with_a_notice(window, sample_view, colleague):
    session = sample_view.session
    colleague.set_value(session.app_id, "basic.applicant", "区产业促进中心")
    session.poll()
    assert sample_view.editors["basic.applicant"].edit.text() == "区产业促进中心"
    assert session.values["basic.applicant"] == "区产业促进中心"
    assert window.statusBar().currentMessage().startswith("李四 修改了“")
    # Nothing new: the next poll is quiet.
    window.statusBar().clearMessage()
    assert session.poll() == []


def test_conflicting_edit_asks_and_keeps_mine(window, sample_view, colleague, qtbot):
    session = sample_view.session
    colleague.set_value(session.app_id, "basic.applicant", "李四写的")  # before this window polled
    seen: list[str] = []
    _answer_conflict("保留我的修改", seen)
    type_text(qtbot, sample_view.editors["basic.applicant"].edit, "Z")
    assert seen and "已被 李四" in seen[0] and "李四写的" in seen[0]
    stored = colleague.get(session.app_id)["values"]["basic.applicant"]
    assert stored == session.values["basic.applicant"] and stored.endswith("Z")


def test_conflicting_edit_can_take_theirs(window, sample_view, colleague, qtbot):
    session = sample_view.session
    colleague.set_value(session.app_id, "basic.applicant", "李四写的")
    seen: list[str] = []
    _answer_conflict("采用对方的内容", seen)
    type_text(qtbot, sample_view.editors["basic.applicant"].edit, "Z")
    assert seen
    assert colleague.get(session.app_id)["values"]["basic.applicant"] == "李四写的"
    assert session.values["basic.applicant"] == "李四写的"
    assert sample_view.editors["basic.applicant"].edit.text() == "李四写的"


def test_edit_while_the_server_is_away_is_kept_and_sent_when_it_is_back(gui_app, qtbot, messages):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pgserver import PgServer

    from desktop.mainwindow import MainWindow

    with PgServer(fsync=True) as server:
        store = Store.open(server.create_database("office"))
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        view = window.open_application(window.load_sample())
        session = view.session
        edit = view.editors["basic.applicant"].edit
        server.stop("immediate")
        type_text(qtbot, edit, "Q")
        assert any("连接已断开" in text and "没有保存" in text and "自动重新保存" in text for _kind, text in messages)
        assert session.pending == {"basic.applicant": edit.text()}
        assert session.poll() == []  # still away: kept, nothing claimed
        server.restart()
        notices = session.poll()
        assert notices and notices[0].startswith("已重新保存")
        assert session.pending == {}
        assert store.get(session.app_id)["values"]["basic.applicant"] == edit.text()
        assert window.statusBar().currentMessage().startswith("已重新保存")
        window.close()
        store.close()


def test_excel_import_over_a_colleagues_newer_edit_is_refused_not_silent(window, sample_view, colleague, messages):
    session = sample_view.session
    colleague.set_value(session.app_id, "basic.applicant", "李四写的")
    session.import_values({"basic.applicant": "表格里的", "basic.area": "99"})
    assert any("已被 李四" in text for _kind, text in messages)
    stored = colleague.get(session.app_id)["values"]
    assert stored["basic.applicant"] == "李四写的" and stored.get("basic.area") != "99"  # one transaction: none
    session.poll()  # the window now shows 李四's value; importing again goes through
    session.import_values({"basic.applicant": "表格里的", "basic.area": "99"})
    assert colleague.get(session.app_id)["values"]["basic.applicant"] == "表格里的"
    assert session.poll() == []  # its own import is no news
