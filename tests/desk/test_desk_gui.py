"""The 评审台 window with pytest-qt: the main window's entry, intake from a folder with results,
the 初审 editor, the compare/rank table (sorting, filter, order with reasons, quota) and export."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.desk import status as st  # noqa: E402
from desktop.qt import QComboBox, Qt  # noqa: E402


@pytest.fixture
def desk_window(window, qtbot):
    window.findChild(type(window.menuBar().actions()[0]), "actDesk").trigger()
    dw = window.desk_window
    qtbot.addWidget(dw)
    dw.rules.setCurrentText("SH-2023")
    return dw


def _intake(qtbot, dw, folder):
    dialog = dw.intake(str(folder))
    with qtbot.waitSignal(dialog.finished_intake, timeout=60000):
        pass
    qtbot.waitUntil(lambda: dialog.result is not None)
    return dialog


def _pass_all(desk, numbers):
    from core.desk import review

    for no in numbers:
        review.accept_program(desk, no)
        for it in review.items(desk, no):
            if it.verdict is None:
                review.record(desk, no, it.key, "符合", "材料齐全")
        review.decide(desk, no, "初审通过")


def test_intake_from_the_window_shows_every_file_and_the_register(desk_window, qtbot, mixed_folder):
    dialog = _intake(qtbot, desk_window, mixed_folder)
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(lines) == 30 and sum(line.startswith("✗") for line in lines) == 7
    assert any("拷贝一半.zip" in line and "不是完整的 zip" in line for line in lines)
    assert "不予受理 7 份" in dialog.label.text()
    table = desk_window.register
    qtbot.waitUntil(lambda: table.rowCount() == 30)
    refused = [table.item(r, 8).text() for r in range(30) if table.item(r, 8).text()]
    assert len(refused) == 7
    assert "推荐截止" in desk_window.deadline.text()


def test_review_editor_records_beside_the_program_and_decides(desk_window, qtbot, package_pool, tmp_path):
    folder = tmp_path / "收件"
    folder.mkdir()
    shutil.copy(package_pool[0], folder)
    _intake(qtbot, desk_window, folder)
    editor = desk_window.open_review("SH-2023-001")
    qtbot.addWidget(editor)
    table = editor.table
    programs = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "由评审人判断" in programs and "符合" in programs
    editor.accept_btn.click()
    for r in range(table.rowCount()):
        combo = table.cellWidget(r, 2)
        assert isinstance(combo, QComboBox)
        if combo.currentText() == "未审":
            combo.setCurrentText("符合")
    editor.save_btn.click()
    editor.decision.setCurrentText("初审通过")
    assert editor.decide()
    assert desk_window.desk.get("SH-2023-001").status == st.PASSED
    assert "初审通过" in editor.head.text()


def test_compare_table_sorts_filters_ranks_and_exports(desk_window, qtbot, package_pool, tmp_path,
                                                       district_identity, messages):
    folder = tmp_path / "收件"
    folder.mkdir()
    for p in package_pool[:4]:
        shutil.copy(p, folder)
    _intake(qtbot, desk_window, folder)
    desk = desk_window.desk
    _pass_all(desk, ["SH-2023-001", "SH-2023-002", "SH-2023-003"])
    desk_window.refresh()
    view = desk_window.compare
    model = view.model
    assert model.rowCount() == 4
    col = next(c for c in range(model.columnCount()) if "近三年产值" in str(model.headerData(c, Qt.Orientation.Horizontal)))
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    rule = model.rules[col - 7][0]
    shown = [float(row.criteria[rule]["margin"]) for row in view.visible_rows()]
    assert shown == sorted(shown, reverse=True)
    view._chart_column(col)
    assert len(view.chart.bars) == 4
    view.status_filter.setCurrentText("初审通过")
    assert len(view.visible_rows()) == 3 and {r.status_label for r in view.visible_rows()} == {"初审通过"}
    view.status_filter.setCurrentText("")

    # The order: the three passed ones, one reason each; a quota of 2 warns.
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    view.table.selectRow(2)
    view.add_selected()
    view.table.selectRow(0)
    view.add_selected()
    assert [n for n, _ in view.order()] == ["SH-2023-003", "SH-2023-001"]
    view.ranking.setCurrentCell(1, 2)
    view._move(-1)
    assert [n for n, _ in view.order()] == ["SH-2023-001", "SH-2023-003"]
    assert not view.save_ranking()  # no reasons yet
    assert messages and "理由" in messages[-1][1]
    for r, reason in enumerate(["产值规模最大", "增速最快"]):
        view.ranking.item(r, 2).setText(reason)
    view.quota.setValue(1)
    assert view.save_ranking()
    assert "超过本批次可推荐的名额 1 个" in view.warning.text()
    from core.desk import ranking

    assert [(p, s.number, r) for p, s, r in ranking.ranking(desk, "SH-2023")] == [
        (1, "SH-2023-001", "产值规模最大"), (2, "SH-2023-003", "增速最快")]
    assert desk.get("SH-2023-001").status == st.RECOMMENDED

    out = tmp_path / "上报.zip"
    assert desk_window.export(str(out), identity=district_identity)
    from core.desk.verify_outgoing import verify_inner
    from core.package.verify import verify_package

    outer = verify_package(out)
    nested = verify_inner(out, outer)
    assert outer.intact and nested.exit_code == 0 and [i.number for i in nested.inner] == ["SH-2023-001", "SH-2023-003"]


def test_inspection_editor_and_trust_confirmation(desk_window, qtbot, package_pool, tmp_path, messages):
    import subprocess

    folder = tmp_path / "收件"
    folder.mkdir()
    shutil.copy(package_pool[5], folder)
    _intake(qtbot, desk_window, folder)
    editor = desk_window.open_inspection("SH-2023-001")
    qtbot.addWidget(editor)
    editor.people.setText("张三，李四")
    for c, text in enumerate(("2022年产值", "统计部门报表", "属实")):
        editor.items.item(0, c).setText(text)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 64)
    editor.attach([str(photo)])
    assert editor.save()
    from core.desk import inspection

    rec = inspection.inspections(desk_window.desk, "SH-2023-001")[0]
    assert rec["people"] == ["张三", "李四"] and rec["items"][0]["result"] == "属实"
    assert rec["attachments"][0]["name"] == "现场.jpg"
    out = tmp_path / "核查.pdf"
    assert editor.print_record(str(out))
    assert "统计部门报表" in subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    editor.items.item(0, 1).setText("")  # an item without its evidence: refused with the reason
    assert not editor.save() and "核查内容=对照的佐证材料=核查结果" in messages[-1][1]

    # Confirming the sender's certificate after the telephone check (the question answered 是).
    desk_window.register.selectRow(0)
    assert desk_window.desk.get("SH-2023-001").verification_result == "unconfirmed"
    desk_window.confirm_trust()
    assert any(kind == "question" and "核对证书指纹" in text for kind, text in messages)
    assert desk_window.desk.get("SH-2023-001").verification_result == "ok"
    assert "证书已确认" in desk_window.register.item(0, 3).text()
