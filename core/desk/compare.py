"""Compare data (择优): one row per cluster of a campaign, the criteria's measured values, margins
and 还差 sentences (core.rules.gaps.compute_gaps), verdicts and the reviewer's remarks.

    detail = criteria_detail(evaluator)   # at intake, stored in the register (column ``compare_data``)
    rows = compare_rows(desk, "SH-2023")  # reads the register: fast enough for 200 rows in a view
    sort_rows(rows, "margin:SH-2023.1.output", descending=True)

Only the public gap API is used (``CriterionGaps.rule/outcome/margin/relative/critical/lines``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from core.desk import status as st
from core.desk import tables as t
from core.desk.register import Desk


def _num(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


def criteria_detail(ev) -> list[dict[str, Any]]:
    """Per criterion of the evaluator's rule set: outcome, measured value, threshold, margin, 还差."""
    from core.rules.gaps import compute_gaps

    out = []
    for cg in compute_gaps(ev):
        res = ev.results[cg.rule]
        out.append({"rule": cg.rule, "indicator": res.rule.indicator, "title": res.rule.title,
                    "outcome": cg.outcome, "found": res.found, "expected": res.expected,
                    "value": _num(res.value), "threshold": _num(res.threshold), "unit": res.unit,
                    "margin": _num(cg.margin), "relative": _num(cg.relative), "critical": bool(cg.critical),
                    "lines": list(cg.lines)})
    return out


def detail_for(sub) -> list[dict[str, Any]]:
    """The stored detail, or computed now for a row registered without it."""
    if sub.compare is not None or not sub.document:
        return sub.compare or []
    from core.rules import Evaluator

    return criteria_detail(Evaluator(sub.application(), sub.rules))


@dataclass
class CompareRow:
    number: str
    cluster: str
    status: str
    verdict: str | None
    source_kind: str
    criteria: dict[str, dict[str, Any]]  # rule id -> detail
    reviews: dict[str, dict[str, Any]] = field(default_factory=dict)  # item -> {verdict, remark}
    place: int | None = None
    reason: str = ""
    failing: int = 0  # criteria not met
    critical: int = 0  # criteria met within the critical margin

    @property
    def status_label(self) -> str:
        return st.label(self.status)

    def remarks(self) -> str:
        """The reviewer's own remarks (not the note left by taking the program's verdicts)."""
        from core.desk.review import ACCEPTED_REMARK

        return "；".join(f"{k.replace('indicator.', '指标')}：{v['remark']}" for k, v in self.reviews.items()
                        if v.get("remark") and v["remark"] != ACCEPTED_REMARK)

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "cluster": self.cluster, "status": self.status, "verdict": self.verdict,
                "source_kind": self.source_kind, "place": self.place, "reason": self.reason,
                "failing": self.failing, "critical": self.critical, "criteria": list(self.criteria.values()),
                "reviews": self.reviews}


def compare_rows(desk: Desk, rules: str) -> list[CompareRow]:
    """Every application of the campaign in the register (latest versions, taken in), in 受理 order.

    One query of the columns the comparison needs (not the stored documents): 200 rows in tens of
    milliseconds, so the compare view opens at once."""
    import json

    c = t.submissions.c
    with desk.read() as conn:
        newer = {r[0] for r in conn.execute(select(c.previous_id).where(c.previous_id.is_not(None)))}
        found = conn.execute(select(c.id, c.number, c.cluster_name, c.status, c.verdict, c.source_kind, c.compare_data)
                             .where((c.rules == rules) & (c.status != st.REFUSED) & c.document.is_not(None))
                             .order_by(c.id)).all()
        reviews: dict[int, dict[str, dict[str, Any]]] = {}
        for r in conn.execute(select(t.reviews.c.submission_id, t.reviews.c.item, t.reviews.c.verdict,
                                     t.reviews.c.remark)):
            reviews.setdefault(r[0], {})[r[1]] = {"verdict": r[2], "remark": r[3]}
        places = {r[0]: (r[1], r[2]) for r in conn.execute(
            select(t.ranking.c.submission_id, t.ranking.c.place, t.ranking.c.reason).where(t.ranking.c.rules == rules))}
    rows = []
    for sid, number, cluster, status, verdict, kind, stored in found:
        if sid in newer:
            continue
        detail = json.loads(stored) if stored else None
        if detail is None:  # registered before the compare data were kept: compute them now
            detail = detail_for(desk.get(sid))
        place, reason = places.get(sid, (None, ""))
        rows.append(CompareRow(number, cluster, status, verdict, kind, {d["rule"]: d for d in detail},
                               reviews.get(sid, {}), place, reason,
                               failing=sum(d["outcome"] == "not_met" for d in detail),
                               critical=sum(bool(d["critical"]) for d in detail)))
    return rows


def sort_key(column: str):
    """A key function for a column: ``number``, ``cluster``, ``status``, ``verdict``, ``place``,
    ``failing``, ``critical``, ``value:RULE``, ``margin:RULE`` or ``relative:RULE``. Missing values
    sort last."""
    big = Decimal("Infinity")
    if ":" in column:
        what, rule = column.split(":", 1)

        def k(row: CompareRow):
            v = (row.criteria.get(rule) or {}).get(what)
            return (v is None, Decimal(v) if v is not None else big)
        return k
    if column == "place":
        return lambda row: (row.place is None, row.place or 0)
    return lambda row: getattr(row, column)


def sort_rows(rows: list[CompareRow], column: str, descending: bool = False) -> list[CompareRow]:
    key = sort_key(column)
    present = [r for r in rows if not _missing(key(r))]
    missing = [r for r in rows if _missing(key(r))]
    return sorted(present, key=key, reverse=descending) + missing


def _missing(k) -> bool:
    return isinstance(k, tuple) and bool(k[0])
