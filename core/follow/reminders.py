"""What is due, for every recognised cluster, on a given day: yearly reports by the rule set's date,
the end of validity and the 复核 to prepare, 重大变动 not yet reported. ``today`` is a parameter so
tests and ``due --on`` freeze the clock."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from core.follow.register import MAJOR_CHANGES, Register

ANNUAL, REVIEW, EXPIRY, UNREPORTED = "annual_report", "review", "validity_end", "unreported_change"
KIND_LABELS = {ANNUAL: "年度培育情况报送", REVIEW: "复核准备", EXPIRY: "有效期届满", UNREPORTED: "重大变动待报备"}


@dataclass(frozen=True)
class Due:
    app_id: str
    number: str
    cluster: str
    kind: str
    what: str
    due: str | None  # YYYY-MM-DD; None when the documents set no date (报备)
    days_left: int | None  # negative: overdue
    citation: str

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "kind_label": self.kind_label, "overdue": self.overdue}


def due_items(register: Register, today: date | None = None) -> list[Due]:
    """Everything due or overdue on ``today``, soonest first (overdue first of all)."""
    today = today or date.today()
    out: list[Due] = []
    for rec in register.recognitions():
        cluster = register.cluster(rec.app_id)
        fu = cluster.rules
        recognized = date.fromisoformat(rec.recognized_on)
        until = date.fromisoformat(rec.valid_until)

        def add(kind: str, what: str, when: date | None, citation: str, rec=rec) -> None:
            out.append(Due(rec.app_id, rec.number, rec.name, kind, what, when.isoformat() if when else None,
                           (when - today).days if when else None, citation))

        for year in fu.report_years(recognized):
            report = cluster.report(year)
            if report is not None and report.submitted_on:
                continue
            due = fu.report_due(year)
            if today.year > year:  # the year reported on is over: its report is being prepared or late
                add(ANNUAL, f"{year} 年度{fu.report_title}（{fu.due_text}前）", due, fu.report.citation)
        if fu.review_opens(recognized) <= today:
            add(REVIEW, f"复核：考核三年发展规划目标完成情况（有效期至 {until.isoformat()}）", until, fu.review.citation)
            add(EXPIRY, f"认定有效期届满（{rec.list_name}）", until, fu.validity.citation)
        for e in cluster.events:
            if e.kind in MAJOR_CHANGES and not e.reported_on:
                add(UNREPORTED, f"{e.kind_label}（{e.happened_on}）：{e.description}", None, fu.revocation.citation)
    out.sort(key=lambda d: (d.days_left is None, d.days_left if d.days_left is not None else 0, d.cluster))
    return out


def due_text(items: list[Due], today: date) -> str:
    if not items:
        return f"{today.isoformat()}：没有待办事项。"
    lines = [f"{today.isoformat()} 待办事项（{len(items)} 项）："]
    for d in items:
        if d.days_left is None:
            when = "尽快报备"
        elif d.overdue:
            when = f"截止 {d.due}，已逾期 {-d.days_left} 天"
        else:
            when = f"截止 {d.due}，还剩 {d.days_left} 天"
        lines.append(f"  [{d.kind_label}] {d.number or d.app_id[:8]} {d.cluster}：{d.what}；{when}（{d.citation}）")
    return "\n".join(lines)
