"""The follow-up calendar as data: each rule set's ``follow_up:`` block (validity, the yearly
report's due date, the 复核), checked when loaded, and the dates computed from it.

Nothing here knows a jurisdiction: Shanghai's 4月10日 and Guangzhou's 2月底 are in the YAML, each
with its citation (docs/follow-up.md).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from core.messages import follow as M

_DUE = re.compile(r"^(\d{2})-(\d{2}|end)$")


@dataclass(frozen=True)
class Clause:
    citation: str
    text: str = ""
    note: str = ""


@dataclass(frozen=True)
class FollowUpRules:
    ruleset: str
    validity_years: int
    validity: Clause
    report_title: str
    report_month: int
    report_day: int | None  # None: the last day of the month (2月底)
    report: Clause
    prepare_days: int  # how long before the end of validity the 复核 reminder starts
    review: Clause
    revocation: Clause

    def valid_until(self, recognized_on: date) -> date:
        """The last day of validity: the day before the ``validity_years``-th anniversary."""
        return add_years(recognized_on, self.validity_years) - timedelta(days=1)

    def report_due(self, year: int) -> date:
        """When the report on ``year`` is due (in the year after)."""
        y = year + 1
        day = self.report_day or calendar.monthrange(y, self.report_month)[1]
        return date(y, self.report_month, day)

    def report_years(self, recognized_on: date) -> list[int]:
        """The years a cluster reports on during its validity: from the year of recognition, each
        whose report falls due within the validity."""
        end = self.valid_until(recognized_on)
        years, y = [], recognized_on.year
        while self.report_due(y) <= end:
            years.append(y)
            y += 1
        return years

    def review_opens(self, recognized_on: date) -> date:
        return self.valid_until(recognized_on) - timedelta(days=self.prepare_days)

    @property
    def due_text(self) -> str:
        return f"{self.report_month}月底" if self.report_day is None else f"{self.report_month}月{self.report_day}日"


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February in a year that has none
        return d.replace(year=d.year + years, day=28)


def parse_date(text: Any, what: str) -> date:
    """``YYYY-MM-DD`` (the CLI's and the store's form), or a clear message naming ``what``."""
    raw = str(text or "").strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise M.BAD_DATE.error(what=what, value=raw or "（空）") from None


@lru_cache(maxsize=16)
def follow_up_rules(ruleset_id: str) -> FollowUpRules:
    from core.rules.loader import load_follow_up_block

    block, origin = load_follow_up_block(ruleset_id)
    if block is None:
        raise M.NO_FOLLOW_UP.error(ruleset=ruleset_id)

    def bad(problem: str) -> Exception:
        return M.BAD_FOLLOW_UP.error(origin=origin, problem=problem)

    def clause(name: str) -> Clause:
        part = block.get(name)
        if not isinstance(part, dict) or not str(part.get("citation") or "").strip():
            raise bad(f"{name} 缺少出处 citation")
        return Clause(str(part["citation"]), str(part.get("text") or ""), str(part.get("note") or ""))

    if not isinstance(block, dict):
        raise bad("follow_up 不是映射")
    validity, report, review = clause("validity"), clause("annual_report"), clause("review")
    years = block["validity"].get("years")
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 10:
        raise bad(f"validity.years 应为 1–10 的整数，实为 {years!r}")
    m = _DUE.match(str(block["annual_report"].get("due") or ""))
    if not m:
        raise bad("annual_report.due 应写作 MM-DD 或 MM-end")
    month, day = int(m.group(1)), None if m.group(2) == "end" else int(m.group(2))
    try:
        date(2001, month, day or 1)  # a non-leap year: 02-29 would be refused here too
    except ValueError:
        raise bad(f"annual_report.due 不是有效日期：{m.group(0)}") from None
    prepare = block["review"].get("prepare_days", 90)
    if not isinstance(prepare, int) or isinstance(prepare, bool) or not 0 <= prepare <= 366:
        raise bad(f"review.prepare_days 应为 0–366 的整数，实为 {prepare!r}")
    revocation = clause("revocation") if "revocation" in block else Clause(validity.citation)
    return FollowUpRules(ruleset=ruleset_id, validity_years=years, validity=validity,
                         report_title=str(block["annual_report"].get("title") or "集群年度培育情况信息表"),
                         report_month=month, report_day=day, report=report, prepare_days=prepare,
                         review=review, revocation=revocation)
