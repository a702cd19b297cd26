"""Reminders at fixed dates (the clock frozen through the ``today`` parameter and ``due --on``)."""

from __future__ import annotations

from datetime import date

from core.follow.reminders import ANNUAL, EXPIRY, REVIEW, UNREPORTED, due_items, due_text
from tests.follow.conftest import LIST, ON_PLAN, fill_year


def _kinds(items):
    return [(d.kind, d.due, d.days_left) for d in items]


def test_nothing_is_due_in_the_year_of_recognition(reg, recognised):
    assert due_items(reg, date(2023, 12, 31)) == []
    assert "没有待办事项" in due_text([], date(2023, 12, 31))


def test_the_yearly_report_counts_down_then_is_overdue(reg, with_targets):
    recognised = with_targets
    assert _kinds(due_items(reg, date(2024, 1, 1))) == [(ANNUAL, "2024-04-10", 100)]
    [item] = due_items(reg, date(2024, 4, 10))
    assert item.days_left == 0 and not item.overdue
    [item] = due_items(reg, date(2024, 4, 11))
    assert item.overdue and "已逾期 1 天" in due_text([item], date(2024, 4, 11))
    assert item.citation.endswith("第十五条") and item.number == "2023-001"
    fill_year(reg, recognised, 2023, **ON_PLAN[2023])  # sent on 2024-04-01
    assert due_items(reg, date(2024, 4, 11)) == []
    # a year later the next one, and the one before stays done
    assert _kinds(due_items(reg, date(2025, 3, 1))) == [(ANNUAL, "2025-04-10", 40)]


def test_review_and_end_of_validity_from_the_prepare_window(reg, with_targets):
    recognised = with_targets
    for year in (2023, 2024, 2025):
        fill_year(reg, recognised, year, **ON_PLAN[year])
    assert due_items(reg, date(2026, 8, 20)) == []  # 90 days before 2026-11-19 is 2026-08-21
    items = due_items(reg, date(2026, 8, 21))
    assert sorted(_kinds(items)) == [(REVIEW, "2026-11-19", 90), (EXPIRY, "2026-11-19", 90)]
    items = due_items(reg, date(2026, 12, 1))
    assert all(d.overdue and d.days_left == -12 for d in items)


def test_unreported_major_change_is_listed_until_reported(reg, recognised):
    e = reg.add_event(recognised, "industry", "2024-06-01", "主导产业调整")
    items = due_items(reg, date(2024, 7, 1))
    assert _kinds(items) == [(ANNUAL, "2024-04-10", -82), (UNREPORTED, None, None)]  # overdue first, then no date
    assert "尽快报备" in due_text(items, date(2024, 7, 1))
    reg.report_event(recognised, e.id, "2024-07-02")
    assert [d.kind for d in due_items(reg, date(2024, 7, 3))] == [ANNUAL]


def test_several_clusters_soonest_first(store, reg, recognised):
    from core.follow.review import review

    other = store.duplicate(recognised, name="另一个集群")
    reg.recognize(other, "2023-12-01", LIST)
    assert review(reg, other, date(2024, 1, 1)).verdict != "pass"  # nothing reported yet
    items = due_items(reg, date(2024, 3, 1))
    assert [(d.app_id, d.days_left) for d in items] == [(recognised, 40), (other, 40)] or \
        [(d.app_id, d.days_left) for d in items] == [(other, 40), (recognised, 40)]
