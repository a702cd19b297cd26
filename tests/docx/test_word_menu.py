"""导出 Word in the window: the 打印 menu offers the three pages beside 预览 and 打印, and the action
writes the .docx of the application open in the window (the real main window, offscreen)."""

from __future__ import annotations

import os
import zipfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.qt import QApplication, QMessageBox  # noqa: E402


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture
def window(qapp, qtbot, tmp_path, monkeypatch):
    from desktop.app import open_store, setup_application
    from desktop.mainwindow import MainWindow

    setup_application(lang="zh_CN")
    shown: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    store, lock, note = open_store(str(tmp_path / "gui.sqlite"))
    w = MainWindow(store, readonly_note=note)
    qtbot.addWidget(w)
    w.shown = shown
    yield w
    w.close()
    store.close()
    lock.release()


def test_word_pages_in_the_print_menu_and_export(window, tmp_path, sample_doc):
    from desktop import printing

    texts = [a.text() for a in window.print_menu.actions() if a.text()]
    assert {"导出 Word — 全表…", "导出 Word — 真实性声明…", "导出 Word — 推荐意见…"} <= set(texts)
    assert texts.index("导出 Word — 全表…") > texts.index("打印 — 全表…")  # beside the PDF actions
    assert printing.export_word(window, "all", str(tmp_path / "none.docx")) is None  # nothing open yet
    assert not (tmp_path / "none.docx").exists()
    from core.application import Application

    doc = {k: v for k, v in sample_doc.items() if k != "evidence"}  # attachments need their files in the store
    app_id = window.store.create(Application.from_json(doc))
    window.open_application(app_id)
    out = printing.export_word(window, "declaration", str(tmp_path / "声明.docx"))
    assert out is not None and zipfile.is_zipfile(out)
    with zipfile.ZipFile(out) as zf:
        assert "真实性声明" in zf.read("word/document.xml").decode("utf-8")
    assert printing.export_word(window, "all", str(tmp_path / "missing" / "x.docx")) is None
    assert any("无法写入 Word 文件" in t for t in window.shown)
