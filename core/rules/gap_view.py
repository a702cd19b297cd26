"""What every surface shows of the gap model (core/rules/gaps.py), worded once.

The findings panel, a field's inline line, the self-assessment table, the chart's tooltips, the
PDF appendix and the what-if table all take their 还差 sentences, 余量 text, 临界 mark and short
cell text from ``CriterionView``; none of them formats a gap or a margin itself, so they cannot
disagree. ``gap_views(ev)`` reads one evaluator; ``failing_by_ruleset`` the same data under every
rule set (the what-if comparison).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from core import palette
from core.numbers import fmt
from core.rules.fieldchecks import field_title
from core.rules.gaps import CriterionGaps, Gap, compute_gaps
from core.rules.model import MET, NOT_MET, OUTCOME_LABELS, UNKNOWN, CriterionResult, Report

if TYPE_CHECKING:  # pragma: no cover
    from core.application import Application
    from core.rules.engine import Evaluator

CRITICAL_LABEL = "达到（临界）"
COUNTED = ("家", "个", "项", "年", "人", "件", "次")  # units of whole numbers: no decimals in 余量
SHOWN_LINES = 3  # sentences shown under a criterion; the rest in its tooltip


def critical_reason(critical: Decimal) -> str:
    pct = fmt(critical * 100, 0 if critical * 100 == int(critical * 100) else 1)
    return (f"临界：实测值距门槛不足 {pct}%。复核人员重新核算填报数据时会首先查看这类刚好达到的标准，"
            "数据或口径稍有出入即可能变为未达到，请核对数据与佐证材料。")


@dataclass(frozen=True)
class CriterionView:
    """One criterion as every surface shows it."""

    rule: str
    title: str
    outcome: str
    outcome_label: str  # 达到 / 达到（临界）/ 未达到 / 待补充 / 不要求
    colour: str  # the outcome's colour (palette), amber for 临界
    critical: bool
    room: str  # "余量 2.35亿元（7.8%）" for a met numeric criterion, "" otherwise
    lines: tuple[str, ...]  # the 还差 sentences (not met), or what is missing (待补充)
    gaps: tuple[Gap, ...]
    found: str  # the measured value, as the criterion words it
    expected: str  # the threshold, as the criterion words it
    why: str = ""  # why a 临界 pass matters
    pairs: tuple[tuple[Gap, Gap], ...] = ()  # two-field changes, when no single change will do

    @property
    def changes(self) -> bool:
        """Whether ``lines`` are changes that meet the criterion (said after 还差：), not a note."""
        return bool(self.gaps or self.pairs)

    @property
    def sentence(self) -> str:
        """What goes under the criterion on one line: the cheapest change, or the room left."""
        return self.lines[0] if self.lines else self.room

    @property
    def shown(self) -> list[str]:
        """The sentences listed under the criterion (at most ``SHOWN_LINES``, then a count)."""
        out = list(self.lines[:SHOWN_LINES])
        if len(self.lines) > SHOWN_LINES:
            out.append(f"另有 {len(self.lines) - SHOWN_LINES} 种改法")
        return out or ([self.room] if self.room else [])

    @property
    def cell(self) -> str:
        """A short text for a table cell: the cheapest change (还差：…), the room, or what is missing."""
        if self.outcome == NOT_MET:
            more = f"（另有 {len(self.lines) - 1} 种改法）" if len(self.lines) > 1 else ""
            return f"还差：{self.lines[0]}{more}" if self.changes else (self.lines[0] if self.lines else "")
        if self.room:
            return self.room
        return self.lines[0] if self.lines else ""

    @property
    def detail(self) -> str:
        """The full text of a tooltip: criterion, measured value, threshold, every sentence."""
        out = [self.title, f"按填报数据：{self.found or '未填写'}"]
        if self.expected:
            out.append(f"标准要求：{self.expected}")
        out.append(f"结果：{self.outcome_label}")
        if self.outcome == NOT_MET and self.changes:
            out += [f"还差：{line}" for line in self.lines]
        else:
            out += list(self.lines)
        if self.room:
            out.append(self.room)
        if self.why:
            out.append(self.why)
        return "\n".join(out)


@dataclass(frozen=True)
class FieldGapLine:
    """The extra inline line of one field: its own change, and every change naming it (tooltip)."""

    text: str
    tooltip: str


@dataclass
class GapViews:
    """Every criterion of one evaluation, in rule order, with the field lines derived from them."""

    report: Report
    views: dict[str, CriterionView] = field(default_factory=dict)
    _fields: dict[str, FieldGapLine] = field(default_factory=dict)

    def __getitem__(self, rule_id: str) -> CriterionView:
        return self.views[rule_id]

    def get(self, rule_id: str) -> CriterionView | None:
        return self.views.get(rule_id)

    def failing(self) -> list[CriterionView]:
        return [v for v in self.views.values() if v.outcome == NOT_MET]

    def finding_lines(self) -> dict[str, list[str]]:
        """rule id → the lines shown under its criterion finding (not-met criteria with a sentence)."""
        return {v.rule: v.shown for v in self.failing() if v.lines}

    def field_line(self, key: str) -> FieldGapLine | None:
        return self._fields.get(key)


def room_text(res: CriterionResult, cg: CriterionGaps) -> str:
    """余量 of a met criterion in its own unit (a rate in 个百分点), and relative to the threshold."""
    if res.outcome != MET or cg.margin is None:
        return ""
    margin = cg.margin
    whole = margin == margin.to_integral_value() and res.unit in COUNTED
    amount = fmt(margin, 0 if whole else 2)
    unit = "个百分点" if res.unit == "%" else res.unit
    rel = ""
    if cg.relative is not None:  # two decimals near the 临界 boundary (2.00 % is 临界, 2.03 % not)
        pct = cg.relative * 100
        rel = f"（{fmt(pct, 2 if abs(pct) < 10 else 1)}%）"
    return f"余量 {amount}{unit}{rel}"


def _field_text(view: CriterionView, g: Gap, label: str) -> str:
    """A gap's sentence without the field's own name (redundant beside the field)."""
    text = g.text
    when = f"{g.year}年" if g.year is not None else ""
    if text.startswith(when + label):
        text = when + text[len(when + label):]
    return text


def build_views(ev: Evaluator, report: Report, cgs: Iterable[CriterionGaps]) -> GapViews:
    out = GapViews(report)
    critical = ev.ruleset.critical_margin
    results = {c.rule.id: c for c in report.criteria}
    field_gaps: dict[str, list[tuple[CriterionView, Gap]]] = {}
    for cg in cgs:
        res = results.get(cg.rule)
        if res is None:
            continue
        is_critical = cg.critical and res.outcome == MET
        if is_critical:
            label, colour = CRITICAL_LABEL, palette.CRITICAL
        else:
            label, colour = OUTCOME_LABELS.get(res.outcome, res.outcome), palette.OUTCOME.get(res.outcome, palette.EMPTY)
        view = CriterionView(
            rule=cg.rule, title=res.rule.title + ("（一般性要求）" if res.rule.soft else ""),
            outcome=res.outcome, outcome_label=label, colour=colour, critical=is_critical,
            room=room_text(res, cg), lines=tuple(cg.lines) if res.outcome in (NOT_MET, UNKNOWN) else (),
            gaps=tuple(cg.gaps), found=res.found or "", expected=res.expected or "",
            why=critical_reason(critical) if is_critical else "", pairs=tuple(cg.pairs))
        out.views[cg.rule] = view
        for g in (*view.gaps, *(g for pair in view.pairs for g in pair)):
            field_gaps.setdefault(g.field, []).append((view, g))
    for key, pairs in field_gaps.items():
        label = field_title(ev.form.fields[key])
        view, first = pairs[0]
        text = f"→ {_field_text(view, first, label)}"  # the sentence itself says 还差
        tip = "\n".join(f"{v.title}：{g.text}" for v, g in pairs)
        out._fields[key] = FieldGapLine(text, tip)
    return out


def gap_views(ev: Evaluator, report: Report | None = None) -> GapViews:
    """The views of the evaluator's current state (``report``: its report, when already at hand).

    The gap search probes a private copy of the evaluator, but the copy is taken here: call this on
    the thread that edits the evaluator (the GUI thread in the window)."""
    report = report if report is not None else ev.report()
    return build_views(ev, report, compute_gaps(ev))


def views_for(app: Application, ruleset_id: str) -> GapViews:
    """The views of ``app`` under one rule set (a fresh evaluation)."""
    from core.rules.engine import Evaluator

    return gap_views(Evaluator(app, ruleset_id))


def failing_by_ruleset(app: Application, ruleset_ids: Iterable[str],
                       known: dict[str, GapViews] | None = None) -> dict[str, list[CriterionView]]:
    """The what-if comparison: per rule set id, its not-met criteria and the changes that would
    meet each (``known``: views already computed, by rule set id)."""
    out = {}
    for rs_id in ruleset_ids:
        views = (known or {}).get(rs_id) or views_for(app, rs_id)
        out[rs_id] = views.failing()
    return out


__all__ = ["CRITICAL_LABEL", "CriterionView", "FieldGapLine", "GapViews", "build_views", "critical_reason",
           "failing_by_ruleset", "gap_views", "room_text", "views_for"]
