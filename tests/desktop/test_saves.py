"""Every save says what was written and where (full path, 打开所在文件夹), and every file dialog
starts in the same folder: the last one used, else the documents folder."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop import lastdir, saved
from desktop.qt import QFileDialog, QMessageBox, QWidget


@pytest.fixture
def dialogs(monkeypatch):
    """The file dialogs answer from ``dialogs.answers`` and record where they started."""
    state = SimpleNamespace(starts=[], answers=[])

    def save(_parent, _title, start, _filter, *a, **k):
        state.starts.append(start)
        return state.answers.pop(0), ""

    def open_one(_parent, _title, start, _filter, *a, **k):
        state.starts.append(start)
        return state.answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_one))
    return state


@pytest.fixture
def opened_folders(monkeypatch):
    seen = []
    monkeypatch.setattr(saved.QDesktopServices, "openUrl", staticmethod(lambda url: seen.append(url.toLocalFile()) or True))
    return seen


def notice(parent) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox, "savedNotice") if b.isVisible()]
    assert boxes, "no confirmation shown"
    return boxes[-1]


def test_last_folder_falls_back_to_documents_and_is_shared(tmp_path, gui_app):
    assert lastdir.last_folder() == lastdir.documents_folder()
    folder = tmp_path / "U盘"
    folder.mkdir()
    lastdir.remember(folder / "申报表.pdf")
    assert lastdir.last_folder() == str(folder.resolve())
    assert lastdir.start_path("a.xlsx") == str(folder.resolve() / "a.xlsx")
    folder.rmdir()  # the stick was pulled out
    assert lastdir.last_folder() == lastdir.documents_folder()


def test_json_export_confirms_and_the_next_dialog_starts_there(window, dialogs, opened_folders, tmp_path):
    window.load_sample()
    out = tmp_path / "导出" / "申请.json"
    out.parent.mkdir()
    dialogs.answers = [str(out)]
    written = window.export_json()
    assert written.is_file()
    assert Path(dialogs.starts[0]).parent == Path(lastdir.documents_folder())  # nothing used yet
    box = notice(window)
    assert str(out.resolve()) in box.text()
    assert str(out.resolve()) in window.statusBar().currentMessage()
    folder_button = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    folder_button.click()
    assert opened_folders == [str(out.parent.resolve())]
    # The backup dialog (another kind of save) now starts in the same folder.
    dialogs.answers = [str(tmp_path / "导出" / "备份.sqlite")]
    backup = window.backup()
    assert Path(dialogs.starts[1]).parent == out.parent.resolve()
    assert backup.is_file() and str(backup.resolve()) in notice(window).text()
    # … and so does an open dialog.
    dialogs.answers = [""]
    assert window.import_json() is None
    assert dialogs.starts[2] == str(out.parent.resolve())


def test_excel_export_confirms_the_full_path(qtbot, sample_app, dialogs, tmp_path):
    from desktop import excel_dialogs

    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs.answers = [str(tmp_path / "申报表.xlsx")]
    out = excel_dialogs.export_xlsx(parent, sample_app)
    assert out.is_file()
    box = notice(parent)
    assert "已导出 Excel 工作簿" in box.text() and str(out.resolve()) in box.text()
    assert lastdir.last_folder() == str(tmp_path.resolve())


def test_package_export_confirms_path_and_hash(qtbot, tmp_path):
    from desktop import package_dialogs

    parent = QWidget()
    qtbot.addWidget(parent)
    pkg = tmp_path / "报送包.zip"
    pkg.write_bytes(b"PK")
    package_dialogs.confirm_export(parent, SimpleNamespace(path=pkg, sha256="ab" * 32))
    box = notice(parent)
    assert str(pkg.resolve()) in box.text() and "ab" * 32 in box.informativeText()
