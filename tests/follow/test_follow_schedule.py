"""The follow-up calendar comes from each rule set's follow_up block, with its citation."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from core.errors import UserError
from core.follow import schedule
from core.follow.schedule import follow_up_rules, parse_date


@pytest.mark.parametrize(("rules", "year", "due", "citation"), [
    ("SH-2023", 2023, date(2024, 4, 10), "征求意见稿）第十五条"),
    ("HN-2023", 2023, date(2024, 3, 30), "第十三条"),
    ("GZ-2024", 2027, date(2028, 2, 29), "4.2"),  # 2月底 in a leap year
    ("GZ-2024", 2024, date(2025, 2, 28), "4.2"),
    ("CN-2022", 2023, date(2024, 4, 30), "第十六条"),
])
def test_yearly_report_due_date_per_rule_set(rules, year, due, citation):
    fu = follow_up_rules(rules)
    assert fu.report_due(year) == due
    assert fu.report.citation.endswith(citation)
    assert fu.validity_years == 3 and fu.validity.citation


def test_validity_and_the_years_reported():
    fu = follow_up_rules("SH-2023")
    assert fu.valid_until(date(2023, 11, 20)) == date(2026, 11, 19)
    assert fu.report_years(date(2023, 11, 20)) == [2023, 2024, 2025]
    # recognised on 1 March: the report on the last year (due 10 April 2026) is after the end of validity
    assert fu.report_years(date(2023, 3, 1)) == [2023, 2024]
    assert fu.valid_until(date(2024, 2, 29)) == date(2027, 2, 27)
    assert fu.review_opens(date(2023, 11, 20)) == date(2026, 8, 21)


def _with_block(monkeypatch, block):
    from core.rules import loader

    monkeypatch.setattr(loader, "load_follow_up_block", lambda rid: (block, "test.yaml"))
    schedule.follow_up_rules.cache_clear()


@pytest.mark.parametrize(("change", "needle"), [
    (lambda b: b["annual_report"].update(due="4月30日"), "annual_report.due"),
    (lambda b: b["annual_report"].update(due="02-30"), "不是有效日期"),
    (lambda b: b["validity"].update(years=0), "validity.years"),
    (lambda b: b["review"].pop("citation"), "review 缺少出处"),
])
def test_a_broken_block_is_refused_with_a_message_naming_it(monkeypatch, change, needle):
    from core.rules.loader import load_follow_up_block

    block = copy.deepcopy(load_follow_up_block("SH-2023")[0])
    change(block)
    _with_block(monkeypatch, block)
    try:
        with pytest.raises(UserError) as exc:
            follow_up_rules("SH-2023")
        assert needle in exc.value.message and "test.yaml" in exc.value.message
    finally:
        schedule.follow_up_rules.cache_clear()


def test_a_rule_set_without_block_says_so(monkeypatch):
    _with_block(monkeypatch, None)
    try:
        with pytest.raises(UserError, match="没有认定后管理的规定"):
            follow_up_rules("SH-2023")
    finally:
        schedule.follow_up_rules.cache_clear()


@pytest.mark.parametrize("bad", ["2023/11/20", "2023-02-30", "", "20231120"])
def test_bad_dates_name_the_field(bad):
    with pytest.raises(UserError, match="认定日期.*YYYY-MM-DD"):
        parse_date(bad, "认定日期")
