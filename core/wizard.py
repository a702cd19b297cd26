"""The wizard's flow, without any GUI: which fields go on which page, page order, and page status.

Pages are derived from the form definition (``FormDef``):

* page ``basic``: the cover and section 一 (基本情况), except fields whose ``indicator`` belongs to
  another page (e.g. the energy benchmark question of section 一 feeds indicator 6);
* pages ``ind1`` … ``ind8``: every field whose ``indicator`` is that number, in form order, from
  whichever printed section it comes (section 二 feeds indicators 1, 2 and 3);
* page ``plan``: section 八 (未来三年发展规划); page ``declaration``: section 九;
* page ``assessment``: the self-assessment and export (no fields).

A page's status comes from a rules ``Report`` only: the wizard never judges a value itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.form.kinds import blank_value
from core.form.model import FieldDef, FormDef

# Page kinds.
FIELDS, ASSESSMENT = "fields", "assessment"

# Page statuses (the marks of the page list).
COMPLETE, ERRORS, BELOW, EMPTY = "complete", "errors", "below", "empty"
STATUS_LABELS = {COMPLETE: "已完成", ERRORS: "有错误", BELOW: "未达标准", EMPTY: "未填写"}

PLAN_SECTION, DECLARATION_SECTION = "八", "九"
COVER_SECTIONS = ("封面", "一")

# Short page titles for the eight indicators (the list on the left has little room).
INDICATOR_PAGE_TITLES = {
    1: "核心竞争力",
    2: "梯度培育",
    3: "产业链协作",
    4: "协同创新",
    5: "数字化转型",
    6: "绿色化发展",
    7: "开放合作",
    8: "治理和服务能力",
}


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    kind: str
    indicator: int | None  # the indicator whose verdict this page shows, if any
    fields: tuple[str, ...] = ()  # field keys in display order
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, keys) in display order

    @property
    def number_title(self) -> str:
        """Title with the indicator number, as the page list shows it."""
        return f"{self.indicator} {self.title}" if self.kind == FIELDS and self.indicator else self.title


@dataclass
class Wizard:
    """Pages of one form and the current position, like Electrum's wizard state but flat: the
    official may jump to any page, and next/previous follow the page order."""

    pages: tuple[Page, ...]
    current: int = 0
    _page_of_field: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def for_form(cls, form: FormDef) -> Wizard:
        pages = build_pages(form)
        index = {key: i for i, p in enumerate(pages) for key in p.fields}
        return cls(pages=pages, _page_of_field=index)

    # --- navigation -----------------------------------------------------------------------------
    @property
    def page(self) -> Page:
        return self.pages[self.current]

    def index_of(self, page_id: str) -> int:
        for i, p in enumerate(self.pages):
            if p.id == page_id:
                return i
        raise KeyError(page_id)

    def go(self, target: int | str) -> Page:
        """Go to a page by index or id (unknown ids and out-of-range indexes go to the first page)."""
        if isinstance(target, str):
            try:
                target = self.index_of(target)
            except KeyError:
                target = 0
        self.current = target if 0 <= target < len(self.pages) else 0
        return self.page

    @property
    def has_next(self) -> bool:
        return self.current < len(self.pages) - 1

    @property
    def has_previous(self) -> bool:
        return self.current > 0

    def next(self) -> Page:
        if self.has_next:
            self.current += 1
        return self.page

    def previous(self) -> Page:
        if self.has_previous:
            self.current -= 1
        return self.page

    def page_of_field(self, key: str) -> int | None:
        return self._page_of_field.get(key)

    def page_of_finding(self, finding: Any) -> int:
        """Where a finding is fixed: the page of its first field, else its indicator's page."""
        for key in getattr(finding, "fields", ()) or ():
            if key in self._page_of_field:
                return self._page_of_field[key]
        indicator = getattr(finding, "indicator", 0)
        return self.index_of(f"ind{indicator}") if 1 <= indicator <= 8 else 0

    # --- state to keep between sessions ---------------------------------------------------------
    def ui_state(self) -> dict[str, Any]:
        return {"page": self.page.id}

    def restore(self, state: dict[str, Any] | None) -> Page:
        return self.go((state or {}).get("page") or 0)

    # --- status ---------------------------------------------------------------------------------
    def statuses(self, report: Any, values: dict[str, Any] | None = None) -> list[str]:
        return [page_status(p, report, values) for p in self.pages]


def page_for_field(fd: FieldDef) -> str:
    if fd.section_number == PLAN_SECTION:
        return "plan"
    if fd.section_number == DECLARATION_SECTION:
        return "declaration"
    if 1 <= fd.indicator <= 8:
        return f"ind{fd.indicator}"
    return "basic"


def build_pages(form: FormDef) -> tuple[Page, ...]:
    """The wizard pages of a form, in order (see the module docstring)."""
    keys: dict[str, list[str]] = {"basic": [], "plan": [], "declaration": []}
    keys.update({f"ind{i}": [] for i in range(1, 9)})
    groups: dict[str, list[tuple[str, list[str]]]] = {k: [] for k in keys}
    for section in form.sections:
        for fd in section.fields:
            if fd.type == "fixed" and fd.section_number != DECLARATION_SECTION:
                continue
            page_id = page_for_field(fd)
            keys[page_id].append(fd.key)
            heading = _heading(section.number, section.title)
            page_groups = groups[page_id]
            if not page_groups or page_groups[-1][0] != heading:
                page_groups.append((heading, []))
            page_groups[-1][1].append(fd.key)

    def make(page_id: str, title: str, kind: str, indicator: int | None) -> Page:
        return Page(page_id, title, kind, indicator, tuple(keys.get(page_id, ())),
                    tuple((h, tuple(k)) for h, k in groups.get(page_id, ())))

    pages = [make("basic", "封面与基本情况", FIELDS, 0)]
    pages += [make(f"ind{i}", INDICATOR_PAGE_TITLES[i], FIELDS, i) for i in range(1, 9)]
    pages += [
        make("plan", "未来三年发展规划", FIELDS, None),
        make("declaration", "真实性声明与推荐意见", FIELDS, None),
        make("assessment", "自评与导出", ASSESSMENT, None),
    ]
    return tuple(pages)


def _heading(number: str, title: str) -> str:
    return title if number == "封面" else f"{number}、{title}"


def page_status(page: Page, report: Any, values: dict[str, Any] | None = None) -> str:
    """``errors`` if an error finding concerns the page; ``below`` if its indicator fails a
    criterion; ``empty`` if none of its fields holds anything yet; otherwise ``complete``.

    For the self-assessment page: the overall verdict decides (fail → below, incomplete → errors)."""
    if page.kind == ASSESSMENT:
        return {"pass": COMPLETE, "fail": BELOW}.get(report.verdict, ERRORS)
    fields = set(page.fields)
    errors = below = False
    for f in report.findings:
        touches = bool(fields.intersection(f.fields)) or (not f.fields and f.indicator == page.indicator)
        if not touches:
            continue
        if f.severity == "error":
            errors = True
        elif f.kind == "criterion" and f.severity != "info":
            below = True
    if page.indicator is not None and report.indicators.get(page.indicator) == "fail":
        below = True
    if errors:
        if values is not None and not any(_filled(values.get(k)) for k in page.fields):
            return EMPTY
        return ERRORS
    return BELOW if below else COMPLETE


def _filled(value: Any) -> bool:
    return not blank_value(value)  # the page knows keys, not fields: the field-free blank test
