"""The plain-text rendering of a report, as ``cluster-declare check`` prints it."""

from __future__ import annotations

from core.application import Application
from core.rules.gaps import CriterionGaps
from core.rules.loader import load_ruleset
from core.rules.model import (
    KIND_LABELS,
    MET,
    NOT_MET,
    SEVERITY_LABELS,
    UNKNOWN,
    VERDICT_LABELS,
    WAIVED,
    Report,
    indicator_title,
)

SHOWN_CHANGES = 3  # the cheapest minimal changes printed under a not-met criterion
OUTCOME_MARKS = {MET: "✓", NOT_MET: "✗", UNKNOWN: "?", WAIVED: "—"}


def render_text(app: Application, report: Report, gaps: list[CriterionGaps] | None = None) -> str:
    """``gaps`` (core/rules/gaps.py): each not-met criterion's minimal changes (or two-field
    changes, or why there are none) are printed under it, and a pass within the critical margin
    is marked 临界."""
    rs = load_ruleset(report.ruleset)
    by_rule = {cg.rule: cg for cg in gaps or ()}
    lines = [
        f"{app.display_name}（{app.campaign}年申报）",
        f"规则集：{rs.name}（{rs.id}，{rs.document}）",
        f"结论：{VERDICT_LABELS[report.verdict]}",
        "",
    ]
    for i, verdict in sorted(report.indicators.items()):
        lines.append(f"【{VERDICT_LABELS[verdict]}】{indicator_title(i, rs.indicator_names)}")
        if rs.partial and not any(r.indicator == i for r in rs.rules):
            lines.append("    （本规则集不含此项的认定标准）")
        for res in report.criteria:
            if res.rule.indicator != i:
                continue
            soft = "（一般性要求）" if res.rule.soft else ""
            found = (res.found or "未填写").removeprefix(f"{res.rule.title}：")  # yes/no answers name their row
            cg = by_rule.get(res.rule.id)
            critical = "（临界）" if cg is not None and cg.critical else ""
            lines.append(f"    {OUTCOME_MARKS[res.outcome]} {res.rule.title}{soft}{critical}：{found}")
            if cg is not None and res.outcome == NOT_MET and not (cg.gaps or cg.pairs):
                if cg.note:  # not a change: no 还差 in front of it
                    lines.append(f"        （{cg.note}）")
            elif cg is not None and res.outcome == NOT_MET:
                shown = cg.lines[:SHOWN_CHANGES]
                lines.extend(f"        还差：{line}" for line in shown)
                if len(cg.lines) > len(shown):
                    lines.append(f"        （另有 {len(cg.lines) - len(shown)} 种改法，见 --format json 的 gaps）")
    if report.findings:
        lines += ["", f"问题清单（共 {len(report.findings)} 条）："]
        for n, f in enumerate(report.findings, 1):
            where = indicator_title(f.indicator, rs.indicator_names)
            lines.append(f"{n:>3}. [{SEVERITY_LABELS[f.severity]}·{KIND_LABELS[f.kind]}] {where}：{f.message}")
            lines.append(f"     依据：{f.citation}    规则：{f.rule}")
    else:
        lines += ["", "未发现问题。"]
    for note in rs.notes:
        lines.append(f"说明：{note}")
    return "\n".join(lines)
