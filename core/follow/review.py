"""The 复核 at the end of validity: each confirmed plan target met or not in its own year, each
recognition criterion re-checked on the latest reported year, and what would revoke the title
(accidents and violations; 重大变动 not reported; yearly reports not sent by their due date)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.follow.annual_check import (
    FAIL,
    INCOMPLETE,
    MET_T,
    NO_DATA,
    NOT_MET_T,
    PASS,
    VERDICT_LABELS,
    AnnualCheck,
    TargetProgress,
    check_registered,
    judge,
)
from core.follow.register import Cluster, Register
from core.rules.model import NOT_MET

REVIEW_LABELS = {PASS: "通过", FAIL: "不通过", INCOMPLETE: "待补充"}


@dataclass
class Revocation:
    what: str
    when: str
    citation: str

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "when": self.when, "citation": self.citation}


@dataclass
class Review:
    cluster: Cluster
    on: date
    latest_year: int | None
    targets: list[TargetProgress]
    check: AnnualCheck | None  # the criteria on the latest reported year
    revocations: list[Revocation] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.revocations or any(p.status == NOT_MET_T for p in self.targets):
            return FAIL
        if self.check is not None and any(c.outcome == NOT_MET and not c.soft for c in self.check.criteria):
            return FAIL
        if self.check is None or not self.targets or any(p.status == NO_DATA for p in self.targets):
            return INCOMPLETE
        if self.check.verdict == INCOMPLETE:
            return INCOMPLETE
        return PASS

    @property
    def verdict_label(self) -> str:
        return REVIEW_LABELS[self.verdict]

    @property
    def reasons(self) -> list[str]:
        out = [f"发展目标未完成：{p.text}" for p in self.targets if p.status == NOT_MET_T]
        out += [f"发展目标无数据：{p.text}" for p in self.targets if p.status == NO_DATA]
        if self.check is not None:
            out += [f"{c.indicator} {c.title}：{VERDICT_LABELS[FAIL]}" for c in self.check.criteria
                    if c.outcome == NOT_MET and not c.soft]
        elif self.latest_year is None:
            out.append("没有任何年度培育情况，无法按最近年度复查认定标准")
        out += [f"{r.what}（{r.when}，{r.citation}）" for r in self.revocations]
        if not self.targets:
            out.append("没有确认的发展目标，无法考核三年发展规划目标完成情况")
        return out

    def to_json(self) -> dict[str, Any]:
        rec = self.cluster.recognition
        return {"cluster": rec.to_json(), "on": self.on.isoformat(), "verdict": self.verdict,
                "verdict_label": self.verdict_label, "latest_year": self.latest_year,
                "targets": [p.to_json() for p in self.targets],
                "criteria": [c.to_json() for c in self.check.criteria] if self.check else [],
                "revocations": [r.to_json() for r in self.revocations], "reasons": self.reasons,
                "citation": self.cluster.rules.review.citation}


def review(register: Register, ref: str, on: date | None = None) -> Review:
    on = on or date.today()
    cluster = register.cluster(ref)
    fu = cluster.rules
    reported = [r.year for r in cluster.reports]
    latest = max(reported) if reported else None
    targets = [judge(cluster, t, t.year) for t in cluster.targets if t.confirmed and t.year is not None]
    check = None
    if latest is not None:
        check = check_registered(register, cluster, latest)
    revocations = [Revocation(f"{e.kind_label}：{e.description}" + ("" if e.reported_on else "（未报备）"),
                              e.happened_on, fu.revocation.citation) for e in cluster.events if e.revokes]
    for year in cluster.report_years:
        due = fu.report_due(year)
        r = cluster.report(year)
        late = r is None or r.submitted_on is None or date.fromisoformat(r.submitted_on) > due
        if due < on and late:
            sent = f"，{r.submitted_on} 才报送" if r is not None and r.submitted_on else "，未报送"
            revocations.append(Revocation(f"{year} 年度{fu.report_title}未按时报送（应于 {due.isoformat()} 前{sent}）",
                                          due.isoformat(), fu.report.citation))
    return Review(cluster, on, latest, targets, check, revocations)


__all__ = ["MET_T", "Review", "review"]
