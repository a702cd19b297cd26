"""Checks between the lists (清单) and the figures declared on the form.

The 填报说明 asks for a list behind every total (enterprise list with SMEs marked, certified firms,
patents, standards, platforms …). From the stored rows this module computes the counts and the SME
share of output, sets them beside the declared figures (``comparisons``) and turns disagreements
into findings (kind consistency, severity warning, rule ids ``LIST.*``). Lists hold figures as at
the end of the year before the campaign (填报说明5), so per-year fields are compared in that year.

Row-level checks (统一社会信用代码 check character, duplicates, SME mark against 300号) run once per
list change (``summarize``); comparisons re-run cheaply when a compared field changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from core.creditcode import code_problem, normalize_code
from core.form.kinds import kind_of
from core.form.model import STANDARD_LEVELS, STANDARD_ROLES, FormDef
from core.numbers import at_precision, fmt
from core.rules.fieldchecks import field_title
from core.rules.model import CONSISTENCY, WARNING, Finding
from core.rules.state import FieldState
from core.sme import CITATION as SME_CITATION
from core.sme import SIZE_LABELS, classify

TOLERANCE = Decimal("0.01")
NOTE_LISTS = "填报说明10"

# Enterprise-list marks → the fields their counts are declared in (summed when there are two).
MARK_FIELDS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # rule suffix: (row key, fields, label)
    "srdi": ("srdi", ("industry.srdi_municipal", "industry.srdi_provincial"), "专精特新中小企业"),
    "little_giants": ("little_giant", ("industry.little_giants",), "专精特新“小巨人”企业"),
    "champions": ("champion", ("industry.champions", "industry.champions_municipal"), "制造业单项冠军企业"),
    "high_tech": ("high_tech", ("industry.high_tech",), "高新技术企业"),
    "innovative": ("innovative", ("industry.innovative",), "创新型中小企业"),
    "chain_leaders": ("chain_leader", ("industry.chain_leaders",), "链主企业"),
}
# Lists whose row count is a declared total (when the enterprise list does not already cover it).
COUNT_LISTS: dict[str, tuple[str, ...]] = {
    "patents": ("innovation.patents",),
    "pct": ("innovation.pct",),
    "overseas": ("open.overseas_branches",),
    "green": ("green.green_factories", "green.green_parks", "green.green_supply_chains", "green.green_products"),
    "srdi": MARK_FIELDS["srdi"][1],
    "little_giants": MARK_FIELDS["little_giants"][1],
    "champions": MARK_FIELDS["champions"][1],
    "high_tech": MARK_FIELDS["high_tech"][1],
    "innovative": MARK_FIELDS["innovative"][1],
}
ENTERPRISE_FIELDS = ("industry.firms", "industry.smes", "industry.sme_share", "innovation.sme_employees")
STANDARDS_FIELD = "innovation.standards"
PLATFORM_FIELDS = {"national": "innovation.platforms_national", "provincial": "innovation.platforms_provincial",
                   "other": "innovation.platforms_other"}

COMPARED_FIELDS = frozenset(
    {*ENTERPRISE_FIELDS, STANDARDS_FIELD, *PLATFORM_FIELDS.values(),
     *(k for _, keys, _ in MARK_FIELDS.values() for k in keys), *(k for keys in COUNT_LISTS.values() for k in keys)}
)


def _dec(v: Any) -> Decimal | None:
    if v is None or isinstance(v, bool) or v == "":
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


@dataclass
class RowIssue:
    list_name: str
    index: int  # 1-based position in the list
    rule: str  # LIST.credit_code / LIST.duplicate / LIST.sme_mark
    message: str


@dataclass
class ListSummary:
    """What the stored lists say, computed once per change of the lists."""

    counts: dict[str, int] = field(default_factory=dict)  # "firms", "smes", mark rule suffixes, "rows:<list>"
    sme_revenue: Decimal = Decimal(0)
    total_revenue: Decimal = Decimal(0)
    revenue_complete: bool = True
    sme_employees: int = 0
    standards: dict[tuple[int, str, str], int] = field(default_factory=dict)
    platforms: dict[str, int] = field(default_factory=dict)
    present: frozenset[str] = frozenset()  # lists with at least one row
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def sme_share(self) -> Decimal | None:
        if not self.revenue_complete or self.total_revenue <= 0:
            return None
        return self.sme_revenue / self.total_revenue * 100


def _row_name(row: dict[str, Any], key: str = "name") -> str:
    return str(row.get(key) or row.get("name") or row.get("title") or "（未填名称）")


def check_codes(name: str, rows: list[dict[str, Any]], unique: str | None, title_key: str = "name") -> list[RowIssue]:
    """Invalid 统一社会信用代码 and duplicates of the list's unique column."""
    issues: list[RowIssue] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, 1):
        raw = row.get("credit_code")
        if raw:
            code = normalize_code(raw)
            problem = code_problem(code)
            if problem:
                issues.append(RowIssue(name, i, "LIST.credit_code",
                                       f"第{i}条（{_row_name(row, title_key)}）统一社会信用代码“{raw}”{problem}"))
        if unique:
            value = row.get(unique)
            if value in (None, ""):
                continue
            k = normalize_code(value) if unique == "credit_code" else str(value).strip()
            if k in seen:
                issues.append(RowIssue(name, i, "LIST.duplicate",
                                       f"第{i}条（{_row_name(row, title_key)}）与第{seen[k]}条重复（{k}）"))
            else:
                seen[k] = i
    return issues


def summarize(lists: dict[str, list[dict[str, Any]]]) -> ListSummary:
    from core.xlsx.listdefs import list_def

    s = ListSummary(present=frozenset(n for n, rows in lists.items() if rows))
    for name, rows in lists.items():
        if not rows:
            continue
        ld = list_def(name)
        s.counts[f"rows:{name}"] = len(rows)
        s.issues.extend(check_codes(name, rows, ld.unique, ld.title_key))
    firms = lists.get("enterprises") or []
    if firms:
        _summarize_enterprises(firms, s)
    for row in lists.get("standards") or []:
        if isinstance(row.get("year"), int) and row.get("level") and row.get("role"):
            k = (row["year"], row["level"], row["role"])
            s.standards[k] = s.standards.get(k, 0) + 1
    for row in lists.get("platforms") or []:
        if row.get("level"):
            s.platforms[row["level"]] = s.platforms.get(row["level"], 0) + 1
    return s


def _summarize_enterprises(rows: list[dict[str, Any]], s: ListSummary) -> None:
    marks = Counter()
    for i, row in enumerate(rows, 1):
        marks.update(k for k in ("sme", *(m[0] for m in MARK_FIELDS.values())) if row.get(k) is True)
        revenue = _dec(row.get("revenue"))
        if revenue is None:
            s.revenue_complete = False
        else:
            s.total_revenue += revenue
            if row.get("sme") is True:
                s.sme_revenue += revenue
        if row.get("sme") is True and isinstance(row.get("employees"), int):
            s.sme_employees += row["employees"]
        declared = row.get("sme")
        if declared is None:
            continue
        c = classify(row.get("industry"), row.get("employees"), revenue, _dec(row.get("assets")))
        if c.is_sme is not None and c.is_sme != declared:
            mark = "标为中小企业" if declared else "未标为中小企业"
            s.issues.append(RowIssue("enterprises", i, "LIST.sme_mark",
                                     f"第{i}条（{_row_name(row)}）{mark}，但{c.reason}"))
    s.counts["firms"] = len(rows)
    s.counts["smes"] = marks["sme"]
    for suffix, (row_key, _, _) in MARK_FIELDS.items():
        s.counts[suffix] = marks[row_key]


@dataclass
class Comparison:
    """One figure computed from a list, beside the one declared on the form."""

    rule: str
    label: str
    list_name: str
    fields: tuple[str, ...]
    computed: Decimal
    declared: Decimal | None  # None: not (yet) declared
    unit: str
    places: int = 0
    note: str = ""

    @property
    def agrees(self) -> bool | None:
        if self.declared is None:
            return None
        return abs(at_precision(self.declared, self.places) - at_precision(self.computed, self.places)) <= (
            TOLERANCE if self.places else 0)


def _declared(states: dict[str, FieldState], keys: tuple[str, ...], year: int) -> Decimal | None:
    """The declared figure (summed over ``keys``), in ``year`` for per-year fields; None if all blank."""
    total, seen = Decimal(0), False
    for key in keys:
        st = states.get(key)
        if st is None:
            continue
        p = st.series.get(year) if st.series is not None else st.number
        if p is not None and p.value is not None:
            total += p.value
            seen = True
    return total if seen else None


def comparisons(form: FormDef, states: dict[str, FieldState], s: ListSummary, years: list[int]) -> list[Comparison]:
    year = years[-1]
    out: list[Comparison] = []
    lab = form.lists

    def add(rule, label, list_name, keys, computed, unit, places=0, note=""):
        keys = tuple(k for k in keys if k in form.fields)
        if keys:
            out.append(Comparison(rule, label, list_name, keys, Decimal(computed), _declared(states, keys, year),
                                  unit, places, note))

    if "enterprises" in s.present:
        add("LIST.firms", "集群企业数量", "enterprises", ("industry.firms",), s.counts["firms"], "家")
        add("LIST.smes", "集群中小企业数量", "enterprises", ("industry.smes",), s.counts["smes"], "家")
        for suffix, (_, keys, label) in MARK_FIELDS.items():
            note = "（国家级与市级合计）" if suffix == "champions" else "（市级与省级合计）" if suffix == "srdi" else ""
            add(f"LIST.{suffix}", f"{label}数量", "enterprises", keys, s.counts[suffix], "家", note=note)
        if s.sme_share is not None:
            add("LIST.sme_share", "中小企业产值（营业收入）占比", "enterprises", ("industry.sme_share",),
                s.sme_share, "%", 2)
        add("LIST.sme_employees", "中小企业从业人员数量", "enterprises", ("innovation.sme_employees",),
            s.sme_employees, "人")
    for name, keys in COUNT_LISTS.items():
        if name in s.present and not (name in MARK_FIELDS and "enterprises" in s.present):
            add(f"LIST.{name}.rows", f"{lab.get(name, name)}条数", name, keys, s.counts[f"rows:{name}"],
                "条" if name in ("patents", "pct") else "个")
    if "platforms" in s.present:
        from core.xlsx.listdefs import PLATFORM_LEVEL_LABELS

        for level, key in PLATFORM_FIELDS.items():
            add(f"LIST.platforms.{level}", f"{PLATFORM_LEVEL_LABELS[level]}创新平台数量", "platforms", (key,),
                s.platforms.get(level, 0), "个")
    return out


def list_findings(form: FormDef, states: dict[str, FieldState], s: ListSummary, years: list[int]) -> list[Finding]:
    year = years[-1]
    out: list[Finding] = []
    for c in comparisons(form, states, s, years):
        if c.agrees is not False:
            continue
        fd = form.fields[c.fields[0]]
        when = f"{year}年" if kind_of(fd).yearly else ""
        label = "、".join(field_title(form.fields[k]) for k in c.fields)
        out.append(Finding(
            rule=c.rule, indicator=fd.indicator, kind=CONSISTENCY, severity=WARNING, fields=list(c.fields),
            message=f"{label}{c.note}：{when}填报 {fmt(c.declared, c.places)}{c.unit}，"
                    f"按{form.lists.get(c.list_name, c.list_name)}统计为 {fmt(c.computed, c.places)}{c.unit}。请核对。",
            citation=NOTE_LISTS, expected=f"{fmt(c.computed, c.places)}{c.unit}",
            found=f"{fmt(c.declared, c.places)}{c.unit}", value=c.computed,
        ))
    if "standards" in s.present and STANDARDS_FIELD in states:
        out.extend(_standards_findings(form, states[STANDARDS_FIELD], s, years))
    out.extend(_issue_findings(form, s))
    return out


def _standards_findings(form: FormDef, st: FieldState, s: ListSummary, years: list[int]) -> list[Finding]:
    levels, roles = dict(STANDARD_LEVELS), dict(STANDARD_ROLES)
    diffs = []
    for y in years:
        for level in levels:
            for role in roles:
                listed = s.standards.get((y, level, role), 0)
                declared = st.cells[(y, level, role)].value if st.cells else None
                if declared is not None and declared != listed:
                    diffs.append(f"{y}年{levels[level]}标准{roles[role]} 填报{fmt(declared, 0)}项、清单{listed}项")
    if not diffs:
        return []
    more = f"等{len(diffs)}处" if len(diffs) > 3 else ""
    return [Finding("LIST.standards", st.field.indicator, CONSISTENCY, WARNING, [STANDARDS_FIELD],
                    f"{field_title(st.field)}与{form.lists.get('standards')}不一致：{'；'.join(diffs[:3])}{more}。请核对。",
                    "填报说明17")]


_ISSUE_TITLES = {"LIST.credit_code": "统一社会信用代码校验未通过", "LIST.duplicate": "重复记录",
                 "LIST.sme_mark": "中小企业标识与划型标准不符"}


def _issue_findings(form: FormDef, s: ListSummary) -> list[Finding]:
    """One finding per list and kind of row problem, naming the first rows."""
    grouped: dict[tuple[str, str], list[RowIssue]] = {}
    for issue in s.issues:
        grouped.setdefault((issue.list_name, issue.rule), []).append(issue)
    anchor = form.fields.get("industry.smes") or next(iter(form.fields.values()))
    out = []
    for (name, rule), issues in grouped.items():
        shown = "；".join(i.message for i in issues[:3])
        more = f"；等共{len(issues)}条" if len(issues) > 3 else ""
        citation = SME_CITATION if rule == "LIST.sme_mark" else "GB 32100-2015" if rule == "LIST.credit_code" else NOTE_LISTS
        out.append(Finding(rule, anchor.indicator, CONSISTENCY, WARNING, [anchor.key] if rule == "LIST.sme_mark" else [],
                           f"{form.lists.get(name, name)}：{_ISSUE_TITLES[rule]}——{shown}{more}", citation))
    return out


class ListChecker:
    """Keeps the summary of the lists so that field edits only redo the comparisons."""

    def __init__(self, form: FormDef, lists: dict[str, list[dict[str, Any]]]):
        self.form = form
        self.summary = summarize(lists or {})

    def set_lists(self, lists: dict[str, list[dict[str, Any]]]) -> None:
        self.summary = summarize(lists or {})

    def findings(self, states: dict[str, FieldState], years: list[int]) -> list[Finding]:
        if not self.summary.present:
            return []
        return list_findings(self.form, states, self.summary, years)


__all__ = ["COMPARED_FIELDS", "Comparison", "ListChecker", "ListSummary", "comparisons", "list_findings",
           "summarize", "SIZE_LABELS"]
