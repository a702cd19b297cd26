"""A yearly report checked by the rules core: the application's figures moved on to the report's
year (the year's figures from this and earlier yearly reports), evaluated under the cluster's own
rule set — which criteria are still met, with the 还差 model (core.rules.gaps) for those that are
not — and each plan target's progress: met / not met in its own year, on track / behind before it
(against the straight line from the baseline to the target).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.application import Application
from core.follow import metrics as mt
from core.follow.annual_form import FIGURE_PREFIX
from core.follow.register import Cluster
from core.follow.targets import DOWN, Target
from core.form import load_form
from core.numbers import fmt
from core.rules.model import NOT_MET, OUTCOME_LABELS, UNKNOWN, indicator_title
from core.store.documents import shift_years

MET_T, NOT_MET_T, ON_TRACK, BEHIND, NO_DATA = "met", "not_met", "on_track", "behind", "no_data"
PROGRESS_LABELS = {MET_T: "已完成", NOT_MET_T: "未完成", ON_TRACK: "进度正常", BEHIND: "进度落后", NO_DATA: "无数据"}
PASS, FAIL, INCOMPLETE = "pass", "fail", "incomplete"
VERDICT_LABELS = {PASS: "符合", FAIL: "不符合", INCOMPLETE: "待补充"}


@dataclass
class CriterionCheck:
    rule: str
    indicator: str
    title: str
    outcome: str
    soft: bool
    qualitative: bool
    message: str
    citation: str
    gaps: list[str] = field(default_factory=list)

    @property
    def outcome_label(self) -> str:
        if self.qualitative and self.outcome == UNKNOWN:
            return "定性，由评审判断"
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "indicator": self.indicator, "title": self.title, "outcome": self.outcome,
                "outcome_label": self.outcome_label, "soft": self.soft, "message": self.message,
                "citation": self.citation, "gaps": self.gaps}


@dataclass
class TargetProgress:
    target: Target
    year: int  # the year judged
    actual: Decimal | None
    expected: Decimal | None  # the target itself in its year, the straight-line point before it
    status: str

    @property
    def shortfall(self) -> Decimal | None:
        """How much is still missing (还差), in the target's unit; None when nothing is."""
        if self.actual is None or self.expected is None:
            return None
        diff = self.actual - self.expected if self.target.direction == DOWN else self.expected - self.actual
        return diff if diff > 0 else None

    @property
    def text(self) -> str:
        t, u, d = self.target, self.target.unit, self.target.decimals
        got = "无数据" if self.actual is None else f"{fmt(self.actual, d)}{u}"
        goal = f"{t.year}年目标 {fmt(t.target, d)}{u}"
        if self.status in (ON_TRACK, BEHIND) and self.expected is not None:
            goal += f"，按进度 {self.year} 年应达 {fmt(self.expected, max(d, 2))}{u}"
        short = self.shortfall
        places = max(d, 2) if self.status == BEHIND else d
        tail = f"，还差 {fmt(short, places)}{' 个百分点' if u == '%' else u}" if short is not None and self.status in (BEHIND, NOT_MET_T) else ""
        if self.status == NO_DATA:
            return f"{t.label}：{self.year}年无数据（{goal}）"
        return f"{t.label}：{self.year}年 {got}（{goal}）{PROGRESS_LABELS[self.status]}{tail}"

    def to_json(self) -> dict[str, Any]:
        return {"target": self.target.to_json(), "year": self.year,
                "actual": None if self.actual is None else str(self.actual),
                "expected": None if self.expected is None else str(self.expected), "status": self.status,
                "status_label": PROGRESS_LABELS[self.status],
                "shortfall": None if self.shortfall is None else str(self.shortfall), "text": self.text}


@dataclass
class AnnualCheck:
    year: int
    criteria: list[CriterionCheck]
    targets: list[TargetProgress]
    missing: list[str]  # items of the report not filled

    @property
    def verdict(self) -> str:
        if any(c.outcome == NOT_MET and not c.soft for c in self.criteria):
            return FAIL
        if self.missing or any(c.outcome == UNKNOWN and not c.qualitative for c in self.criteria):
            return INCOMPLETE
        return PASS

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "verdict": self.verdict, "verdict_label": VERDICT_LABELS[self.verdict],
                "criteria": [c.to_json() for c in self.criteria], "targets": [t.to_json() for t in self.targets],
                "missing": self.missing}


def year_document(cluster: Cluster, year: int) -> dict[str, Any]:
    """The application as it would stand with ``year`` as its latest year: every per-year column
    moves on (figures stay with their years, from the application or the yearly reports), and the
    reported single figures replace the application's."""
    doc = copy.deepcopy(cluster.doc)
    form = load_form(doc["form"])
    campaign = year + 1
    years = form.campaign_years(campaign)
    reported = {r.year: r.values for r in cluster.reports if r.year <= year}
    delta = campaign - int(doc["campaign"])
    for key, fd in form.fields.items():
        fig = FIGURE_PREFIX + key
        old = doc["values"].get(key)
        if isinstance(old, dict):  # every per-year value (series, standards …): years move on
            doc["values"][key] = old = shift_years(old, delta)
        if fd.type in ("series", "standards"):  # per-year values
            if not isinstance(old, dict) and not any(fig in v for v in reported.values()):
                continue
            out = dict(old) if isinstance(old, dict) else {str(y): None for y in years}
            for y in years:
                if fig in reported.get(y, {}):
                    out[str(y)] = reported[y][fig]
            doc["values"][key] = out
        elif fd.element_type in mt.NUMERIC and any(fig in v for v in reported.values()):
            this_year = reported.get(year, {})
            if fig in this_year:
                doc["values"][key] = this_year[fig]
            else:
                doc["values"].pop(key, None)  # not reported for this year: unknown, not last year's figure
    doc["campaign"] = campaign
    return doc


def check_annual(cluster: Cluster, year: int, figure_fields: list, text_sections: list) -> AnnualCheck:
    from core.rules.engine import Evaluator
    from core.rules.gaps import compute_gaps

    doc = year_document(cluster, year)
    app = Application.from_json(doc, origin=f"{year}年度培育情况")
    ev = Evaluator(app, doc["rules"])
    report = ev.report()
    gaps = {g.rule: g for g in compute_gaps(ev)}
    names = ev.ruleset.indicator_names
    criteria = []
    for res in report.criteria:
        r = res.rule
        if r.kind != "criterion":
            continue
        cg = gaps.get(r.id)
        criteria.append(CriterionCheck(
            r.id, indicator_title(r.indicator, names), r.title or r.id, res.outcome, r.soft,
            r.check.get("type") == "qualitative", res.message, r.citation,
            list(cg.lines) if cg is not None and cg.outcome in (NOT_MET, UNKNOWN) else []))
    values = (cluster.report(year).values if cluster.report(year) else {})
    missing = [s.label for s in text_sections if s.required and not values.get(s.key)]
    missing += [f"{f.metric.label}（{f.metric.unit or '无单位'}）" for f in figure_fields if values.get(f.key) in (None, "")]
    return AnnualCheck(year, criteria, progress(cluster, year), missing)


def check_registered(register, cluster: Cluster, year: int, figures: list | None = None) -> AnnualCheck:
    """``check_annual`` with what the register knows: its annual form's sections and, unless the
    caller already has them, the cluster's figure fields."""
    figures = register.figure_fields(cluster) if figures is None else figures
    return check_annual(cluster, year, figures, list(register.annual_form.sections))


def reported_figure(cluster: Cluster, key: str, year: int) -> Decimal | None:
    r = cluster.report(year)
    raw = r.values.get(FIGURE_PREFIX + key) if r else None
    try:
        return None if raw in (None, "") else Decimal(str(raw))
    except ArithmeticError:
        return None


def _meets(t: Target, actual: Decimal, goal: Decimal) -> bool:
    return actual <= goal if t.direction == DOWN else actual >= goal


def judge(cluster: Cluster, t: Target, year: int) -> TargetProgress:
    """A target judged on ``year``'s reported figure."""
    actual = reported_figure(cluster, t.metric, year)
    if t.year is not None and year >= t.year:
        expected = t.target
        if actual is None:
            return TargetProgress(t, year, None, expected, NO_DATA)
        return TargetProgress(t, year, actual, expected, MET_T if _meets(t, actual, expected) else NOT_MET_T)
    base_year = int(cluster.doc["campaign"]) - 1
    expected = None
    if t.baseline is not None and t.year is not None and t.year > base_year:
        expected = t.baseline + (t.target - t.baseline) * Decimal(year - base_year) / Decimal(t.year - base_year)
    if actual is None:
        return TargetProgress(t, year, None, expected, NO_DATA)
    on_track = expected is None or _meets(t, actual, expected)
    return TargetProgress(t, year, actual, expected, ON_TRACK if on_track else BEHIND)


def progress(cluster: Cluster, year: int) -> list[TargetProgress]:
    """Every confirmed target still ahead of or at ``year``."""
    return [judge(cluster, t, year) for t in cluster.targets
            if t.confirmed and t.year is not None and t.year >= year]
