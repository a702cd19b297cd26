"""The reminders on the start page and a recognised cluster's page, real widgets offscreen."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core import palette  # noqa: E402
from tests.desktop.conftest import messages, own_settings, qapp_cls  # noqa: E402, F401 - fixtures
from tests.follow.conftest import ON_PLAN, fill_year  # noqa: E402

# The window on SQLite only: the register's SQL runs on both engines in the other follow tests; the
# widgets do not depend on the engine.
pytestmark = pytest.mark.parametrize("engine_name", ["sqlite"])


@pytest.fixture
def window(qtbot, store):
    from desktop.mainwindow import MainWindow

    w = MainWindow(store)
    qtbot.addWidget(w)
    return w


def test_before_any_recognition_only_the_button_line(window, app_id):
    panel = window.list_view.reminders
    panel.refresh()
    assert panel.table.isHidden() and "尚无记录" in panel.title.text()
    assert panel.recognize_button.isEnabled() and not panel.open_button.isEnabled()


def test_recognition_recorded_from_the_start_page(qtbot, window, reg, app_id, messages):  # noqa: F811
    from desktop.qt import QDate, QDialogButtonBox

    panel = window.list_view.reminders
    panel.today = date(2024, 1, 5)
    panel.recognize_button.click()
    dialog = panel.dialog
    assert dialog.app.currentData() == app_id
    dialog.date.setDate(QDate(2023, 11, 20))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no list name: refused with core's message, nothing stored
    assert messages and "认定名单" in messages[-1][1] and reg.recognition(app_id) is None
    dialog.list_name.setText("上海市2023年市级中小企业特色产业集群名单")
    ok.click()
    assert reg.recognition(app_id).valid_until == "2026-11-19"
    assert not panel.table.isHidden() and panel.table.rowCount() == 1  # the 2023 report, due 2024-04-10
    page = window.list_view.cluster_page  # opened on the new cluster
    qtbot.addWidget(page)
    assert page.app_id == app_id


def test_yearly_report_filled_in_its_dialog(qtbot, store, reg, with_targets, messages):  # noqa: F811
    from desktop.follow.cluster_page import ClusterPage
    from desktop.qt import QLabel

    page = ClusterPage(store, with_targets, today=date(2024, 2, 1))
    qtbot.addWidget(page)
    page.new_report_button.click()
    dialog = page.annual_dialog
    assert dialog.year == 2023 and "没有给出官方表样" in dialog.findChild(QLabel).text()
    dialog.editors["figures.industry.output_total"].setText("60万吨")
    dialog.save()
    assert "万吨" in messages[-1][1] and reg.annual(with_targets, 2023).values == {}
    dialog.editors["figures.industry.output_total"].setText("60")
    dialog.editors["report.problems"].setPlainText("人才引进不足")
    dialog.save()
    stored = reg.annual(with_targets, 2023).values
    assert stored["figures.industry.output_total"] == "60" and stored["report.problems"] == "人才引进不足"
    assert page.reports.rowCount() == 1 and page.reports.item(0, 0).text() == "2023"


def test_reminders_on_the_start_page_overdue_in_red(qtbot, window, reg, with_targets):
    panel = window.list_view.reminders
    panel.today = date(2024, 4, 20)
    panel.refresh()
    assert not panel.isHidden()
    assert panel.table.rowCount() == 1
    assert "2023 年度" in panel.table.item(0, 1).text() and panel.table.item(0, 3).text() == "逾期 10 天"
    assert panel.table.item(0, 0).foreground().color().name() == palette.BAD.lower()
    assert "其中逾期 1 项" in panel.title.text()
    panel.today = date(2024, 3, 1)
    panel.refresh()
    assert panel.table.item(0, 3).text() == "40"
    assert panel.table.item(0, 0).foreground().color().name() != palette.BAD.lower()
    assert panel.clusters.count() == 1 and panel.clusters.currentData() == with_targets


def test_cluster_page_shows_targets_reports_events_and_review(qtbot, window, reg, with_targets):
    for year in (2023, 2024, 2025):
        fill_year(reg, with_targets, year, **ON_PLAN[year])
    reg.add_event(with_targets, "operator", "2025-05-01", "运营管理机构变更为某某公司")
    panel = window.list_view.reminders
    panel.today = date(2026, 11, 1)
    panel.refresh()
    panel.open_button.click()
    page = window.list_view.cluster_page
    qtbot.addWidget(page)
    assert "有效期至 2026-11-19" in page.header.text()
    assert page.targets.rowCount() == 10 and page.targets.item(0, 5).text() == "已确认"
    assert [page.reports.item(r, 0).text() for r in range(3)] == ["2023", "2024", "2025"]
    assert page.reports.item(2, 3).text() == "符合"
    assert page.events.item(0, 3).text() == "是"
    assert page.events.item(0, 0).foreground().color().name() == palette.BAD.lower()
    assert "复核（2026-11-01）：不通过" in page.review_text.toPlainText()
    assert "运营管理机构变更" in page.review_text.toPlainText()


def test_propose_and_confirm_from_the_page(qtbot, store, reg, recognised, messages):  # noqa: F811 - the fixture
    from desktop.follow.cluster_page import ClusterPage
    from desktop.qt import QItemSelectionModel

    page = ClusterPage(store, recognised, today=date(2024, 1, 1))
    qtbot.addWidget(page)
    assert page.targets.rowCount() == 0
    page.propose_button.click()
    assert page.targets.rowCount() == 10 and "识别出 10 个新目标" in messages[-1][1]
    assert {page.targets.item(r, 5).text() for r in range(10)} == {"待确认"}
    hint = page.targets.item(1, 6).text()  # 年均增长14%以上 is below the 15.68% baseline
    assert "低于申报时的基数" in hint
    page.targets.selectionModel().select(page.targets.model().index(0, 0),
                                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    page.confirm_button.click()
    assert page.targets.item(0, 5).text() == "已确认"
    assert [t.confirmed for t in reg.targets(recognised)].count(True) == 1
    page.propose_button.click()  # nothing new the second time
    assert page.targets.rowCount() == 10


def test_event_recorded_and_report_submitted_from_the_page(qtbot, store, reg, with_targets, messages):  # noqa: F811
    from desktop.follow.cluster_page import ClusterPage
    from desktop.qt import QDate, QItemSelectionModel

    page = ClusterPage(store, with_targets, today=date(2024, 3, 1))
    qtbot.addWidget(page)
    page.event_button.click()
    dialog = page.event_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("operator"))
    dialog.date.setDate(QDate(2024, 2, 1))
    dialog.save()  # no text: refused
    assert "请写明事件的内容" in messages[-1][1] and reg.cluster(with_targets).events == []
    dialog.text.setText("运营管理机构变更为某某公司")
    dialog.save()
    assert page.events.rowCount() == 1 and page.events.item(0, 2).text() == "未报备"
    assert page.events.item(0, 3).text() == "是"
    reg.new_annual(with_targets, 2023)
    page.refresh()
    page.reports.selectionModel().select(page.reports.model().index(0, 0),
                                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    page.submit_button.click()
    assert reg.annual(with_targets, 2023).submitted_on == "2024-03-01"
    assert page.reports.item(0, 2).text() == "2024-03-01"
