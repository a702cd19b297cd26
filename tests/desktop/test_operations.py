"""Every change goes through one operation hub (desktop/operations.py): a keystroke is normalised
once and lands in the one dict of values the rules read; failures are reported once, in Chinese;
the list's context menu offers 复制为下一年度."""

from __future__ import annotations

import pytest

from core.errors import UserError
from core.form.kinds import KINDS
from desktop.applist import COL
from desktop.operations import OpChanges, Operations
from tests.desktop.conftest import clear_field, type_text


@pytest.fixture
def normalisations(monkeypatch):
    """Every call of any field kind's clean-up (what ``Store.set_value`` runs), by field key,
    whichever path calls it."""
    calls: list[str] = []

    def spy_on(kind):
        real = kind.clean

        def spy(fd, value, *args, **kwargs):
            calls.append(fd.key)
            return real(fd, value, *args, **kwargs)

        monkeypatch.setattr(kind, "clean", spy)

    for kind in KINDS.values():
        spy_on(kind)
    return calls


def test_one_keystroke_is_one_operation_normalised_once(sample_view, qtbot, normalisations):
    view, session = sample_view, sample_view.session
    assert session.values is session.evaluator.values is session.app.values  # one copy in memory
    editor = view.editors["basic.cluster_name"]
    clear_field(qtbot, editor.edit)
    ops: list[OpChanges] = []
    session.ops.changed.connect(ops.append)
    normalisations.clear()

    qtbot.keyClicks(editor.edit, "X")  # one keystroke into an empty required field

    assert normalisations == ["basic.cluster_name"]
    assert ops == [OpChanges(session.app_id, values=frozenset({"basic.cluster_name"}))]
    assert session.values is session.evaluator.values
    assert session.evaluator.values["basic.cluster_name"] == "X"
    assert session.store.get(session.app_id)["values"]["basic.cluster_name"] == "X"
    # ... and the findings panel no longer lists the missing name.
    assert not any("集群名称" in item.text(0) for item in view.findings.finding_items())


def test_the_session_keeps_the_value_the_store_cleaned(sample_view, qtbot):
    session = sample_view.session
    cell = sample_view.editors["industry.output_total"].cells["2022"]
    clear_field(qtbot, cell)
    type_text(qtbot, cell, "53.6")
    stored = session.store.get(session.app_id)["values"]["industry.output_total"]
    assert session.values["industry.output_total"] == stored
    assert session.evaluator.values["industry.output_total"]["2022"] == stored["2022"]


def test_a_failed_change_is_reported_once_in_chinese(window, messages):
    hub = window.ops
    heard: list[OpChanges] = []
    hub.changed.connect(heard.append)

    def boom():
        raise UserError("数据库已被另一个窗口锁定")

    done = hub.run(boom, OpChanges(app_list=True))
    assert not done and heard == []
    assert messages == [("warning", "数据库已被另一个窗口锁定")]


def test_operations_pass_the_result_and_announce_what_changed(qapp):
    hub = Operations()
    heard: list[OpChanges] = []
    hub.changed.connect(heard.append)
    done = hub.run(lambda: "abc", lambda app_id: OpChanges(app_id, app_list=True))
    assert done and done.value == "abc"
    assert heard == [OpChanges("abc", app_list=True)]
    assert heard[0].touches("abc") and not heard[0].touches("other")


def test_context_menu_copies_to_the_next_year(window, qtbot):
    lv = window.list_view
    first = window.load_sample()
    menu = lv.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["打开", "复制", "复制为下一年度", "删除"]
    action = menu.findChild(type(menu.actions()[0]), "actCopyNextYear")
    assert action.isEnabled()
    action.trigger()
    assert lv.table.rowCount() == 2
    copy_id = lv.selected_id()
    assert copy_id and copy_id != first
    years = sorted(lv.table.item(r, COL["campaign"]).text() for r in range(2))
    assert years == ["2023", "2024"]
    copy = window.store.get(copy_id)
    assert copy["values"]["industry.output_total"] == {"2021": "46.80", "2022": "53.60", "2023": None}


def test_context_menu_in_the_bin_offers_restore(window, qtbot):
    lv = window.list_view
    window.load_sample()
    lv.delete_selected()
    lv.trash.setChecked(True)
    menu = lv.context_menu()
    assert [a.text() for a in menu.actions()] == ["打开", "复制", "复制为下一年度", "恢复"]
    assert [a.isEnabled() for a in menu.actions()] == [False, False, False, True]
    menu.actions()[3].trigger()
    assert lv.table.rowCount() == 0
    lv.trash.setChecked(False)
    assert lv.table.rowCount() == 1


def test_readonly_store_disables_the_copy_entries(window, monkeypatch):
    window.load_sample()
    monkeypatch.setattr(type(window.store), "readonly", property(lambda _s: True), raising=False)
    menu = window.list_view.context_menu()
    enabled = {a.text(): a.isEnabled() for a in menu.actions()}
    assert enabled == {"打开": True, "复制": False, "复制为下一年度": False, "删除": False}
