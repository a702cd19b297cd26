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
