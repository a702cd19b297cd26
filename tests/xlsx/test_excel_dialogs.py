"""The Excel dialogs offscreen: preview tables, accept/cancel, progress, applying to the store."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest.importorskip("PySide6")

from openpyxl import load_workbook  # noqa: E402

from desktop import excel_dialogs as xd  # noqa: E402
from desktop.qt import QDialog, QMessageBox  # noqa: E402

from .helpers import firm, list_workbook  # noqa: E402


@pytest.fixture
def answer(monkeypatch):
    """Replace the modal run: record each dialog and answer with ``answer.value``."""
    state = SimpleNamespace(value=QDialog.Accepted, dialogs=[])

    def run(dialog):
        state.dialogs.append(dialog)
        return state.value

    monkeypatch.setattr(xd, "_run_dialog", run)
    return state


@pytest.fixture
def warnings(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: seen.append(text)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a, **k: seen.append(text)))
    return seen


def test_export_then_import_with_preview(qtbot, sample_app, tmp_path, answer, warnings):
    path = xd.export_xlsx(None, sample_app, str(tmp_path / "a.xlsx"))
    wb = load_workbook(path)
    wb["一、基本情况"]["D10"].value = 13.5
    wb.save(path)
    changes = xd.import_form_xlsx(None, sample_app, str(path))
    assert changes == {"basic.area": "13.50"}
    dialog = answer.dialogs[-1]
    assert dialog.cell_texts() == [["集群占地面积", "「一、基本情况」第 10 行", "12.80", "13.50"]]
    assert dialog.apply_button.text() == "应用修改"
    answer.value = QDialog.Rejected
    assert xd.import_form_xlsx(None, sample_app, str(path)) is None
    assert sample_app.values["basic.area"] == "12.80"


def test_refused_workbook_shows_the_message(qtbot, sample_app, tmp_path, answer, warnings):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert xd.import_form_xlsx(None, sample_app, str(bad)) is None
    assert "不是 Excel 工作簿" in warnings[-1] and not answer.dialogs


def test_list_import_progress_and_comparisons(qtbot, sample_app, tmp_path, answer, warnings):
    path = list_workbook(tmp_path / "l.xlsx", [firm(i) for i in range(1200)] + [firm(5)])
    seen = []
    task = xd.ListImportTask(str(path), "enterprises", sample_app)
    task.progress.connect(lambda done, total: seen.append(done))
    with qtbot.waitSignal(task.finished, timeout=20000):
        task.start()
    qtbot.wait(10)
    assert task.result is not None and seen[:2] == [0, 500]  # 0: opening the file (a busy bar)
    rows = xd.import_list_xlsx(None, sample_app, "enterprises", str(path))
    assert len(rows) == 1201
    dialog = answer.dialogs[-1]
    assert dialog.cell_texts()[0][:2] == ["1201", "重复"]
    comps = {r[0]: r for r in dialog.cell_texts(dialog.extra)}
    assert comps["集群企业数量"][1:] == ["1201家", "145家", "不一致"]


def test_menu_dialog_applies_in_one_undoable_step(qtbot, sample_app, tmp_path, answer, warnings, monkeypatch):
    from core.store import Store
    from desktop.session import EditSession

    store = Store.open(str(tmp_path / "s.sqlite"))
    try:
        sample_app.evidence = []  # the sample's files are not in this fresh store
        app_id = store.create(sample_app)
        session = EditSession(store, app_id)
        window = SimpleNamespace(session=session, store=store)
        dialog = xd.ExcelDialog(window)
        qtbot.addWidget(dialog)
        before = [r["name"] for r in store.load(app_id).lists.get("enterprises", [])]
        path = list_workbook(tmp_path / "l.xlsx", [firm(1), firm(2)])
        monkeypatch.setattr(xd, "_ask_open", lambda *_: str(path))
        dialog.list_box.setCurrentIndex(dialog.list_box.findData("enterprises"))
        dialog.import_list()
        assert [r["name"] for r in store.load(app_id).lists["enterprises"]] == ["测试企业1", "测试企业2"]
        assert [r["name"] for r in session.app.lists["enterprises"]] == ["测试企业1", "测试企业2"]
        assert session.undo_stack.count() == 1
        assert session.undo_stack.undoText() == f"导入清单“{session.form.lists['enterprises']}”"
        answer.value = QDialog.Rejected
        dialog.import_list()
        assert session.undo_stack.count() == 1  # cancelled: nothing written, no new step
        session.undo_stack.undo()  # the whole import comes back in one step, in the store too
        assert [r["name"] for r in store.load(app_id).lists.get("enterprises", [])] == before
        assert [r["name"] for r in session.app.lists.get("enterprises", [])] == before
    finally:
        store.close()


def test_form_import_is_one_undoable_step_in_the_open_session(qtbot, sample_app, tmp_path, answer, warnings,
                                                              monkeypatch):
    from core.store import Store
    from desktop.session import EditSession

    store = Store.open(str(tmp_path / "s.sqlite"))
    try:
        sample_app.evidence = []
        app_id = store.create(sample_app)
        session = EditSession(store, app_id)
        path = xd.export_xlsx(None, session.app, str(tmp_path / "a.xlsx"))
        wb = load_workbook(path)
        wb["一、基本情况"]["D10"].value = 13.5
        wb.save(path)
        monkeypatch.setattr(xd, "_ask_open", lambda *_: str(path))
        dialog = xd.ExcelDialog(SimpleNamespace(session=session, store=store))
        qtbot.addWidget(dialog)
        shown: list[tuple[str, object]] = []
        session.value_changed.connect(lambda k, v: shown.append((k, v)))
        reports = []
        session.report_changed.connect(reports.append)
        dialog.import_form()
        assert shown == [("basic.area", "13.50")]  # the open editor hears of the new value
        assert len(reports) == 1
        assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "导入 Excel 申报表"
        assert store.get(app_id)["values"]["basic.area"] == "13.50" == session.values["basic.area"]
        assert session.values is session.evaluator.values
        session.undo_stack.undo()  # Ctrl+Z takes the import back, in the store too
        assert store.get(app_id)["values"]["basic.area"] == "12.80" == session.values["basic.area"]
        assert shown[-1] == ("basic.area", "12.80")
        session.undo_stack.redo()
        assert store.get(app_id)["values"]["basic.area"] == "13.50"
    finally:
        store.close()


def test_a_word_file_is_refused_by_both_imports(qtbot, sample_app, tmp_path, answer, warnings):
    from core.docx import render_docx

    docx = render_docx(sample_app, tmp_path / "申报表.docx")
    assert xd.import_form_xlsx(None, sample_app, str(docx)) is None
    assert "是 Word 文档" in warnings[-1] and "申请 JSON 文件、Excel 工作簿或申报包" in warnings[-1]
    assert xd.import_list_xlsx(None, sample_app, "enterprises", str(docx)) is None
    assert "是 Word 文档" in warnings[-1] and not answer.dialogs
