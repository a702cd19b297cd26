"""The wizard's flow, without any GUI: which fields go on which page, page order, and page status.

Pages are data: the form definition lists them (``pages:`` in ``resources/forms/*.yaml``, parsed
into ``FormDef.pages``). A field goes to the first page whose ``sections`` list its printed
section, otherwise to the page of its ``indicator``; within a page fields keep form order, grouped
under their printed section heading. For the Shanghai form this gives:

* page ``basic`` (indicator 0): the cover and section 一 (基本情况), except fields whose
  ``indicator`` has its own page (e.g. the energy benchmark question of section 一 feeds indicator 6);
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
from core.form.model import PAGE_ASSESSMENT, PAGE_FIELDS, FieldDef, FormDef

# Page kinds.
FIELDS, ASSESSMENT = PAGE_FIELDS, PAGE_ASSESSMENT

# Page statuses (the marks of the page list).
COMPLETE, ERRORS, BELOW, EMPTY, PARTIAL = "complete", "errors", "below", "empty", "partial"
STATUS_LABELS = {COMPLETE: "已完成", ERRORS: "有错误", BELOW: "未达标准", EMPTY: "未填写", PARTIAL: "未填完"}

@dataclass(frozen=True)
class Page:
    id: str
    title: str
    kind: str
    indicator: int | None  # the indicator whose verdict this page shows, if any
    fields: tuple[str, ...] = ()  # field keys in display order
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, keys) in display order
    needs: tuple[str, ...] = ()  # fields that must hold something before the page is complete

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
        return next((i for i, p in enumerate(self.pages) if p.kind == FIELDS and p.indicator == indicator), 0)

    # --- state to keep between sessions ---------------------------------------------------------
    def ui_state(self) -> dict[str, Any]:
        return {"page": self.page.id}

    def restore(self, state: dict[str, Any] | None) -> Page:
        return self.go((state or {}).get("page") or 0)

    # --- status ---------------------------------------------------------------------------------
    def statuses(self, report: Any, values: dict[str, Any] | None = None,
                 quiet: frozenset[str] | set[str] = frozenset()) -> list[str]:
        return [page_status(p, report, values, quiet) for p in self.pages]


def page_for_field(form: FormDef, fd: FieldDef) -> str | None:
    """The id of the page that shows a field: the first page listing its section, else the page of
    its indicator; None for a fixed text on a page without fixed texts (or no page at all)."""
    page = next((p for p in form.pages if fd.section in p.sections), None)
    if page is None:
        page = next((p for p in form.pages if p.kind == FIELDS and p.indicator == fd.indicator), None)
    if page is None or (fd.type == "fixed" and not page.fixed):
        return None
    return page.id


def build_pages(form: FormDef) -> tuple[Page, ...]:
    """The wizard pages of a form, in order (see the module docstring)."""
    keys: dict[str, list[str]] = {p.id: [] for p in form.pages}
    groups: dict[str, list[tuple[str, list[str]]]] = {p.id: [] for p in form.pages}
    for section in form.sections:
        heading = _heading(section.number, section.title)
        for fd in section.fields:
            page_id = page_for_field(form, fd)
            if page_id is None:
                continue
            keys[page_id].append(fd.key)
            page_groups = groups[page_id]
            if not page_groups or page_groups[-1][0] != heading:
                page_groups.append((heading, []))
            page_groups[-1][1].append(fd.key)
    return tuple(Page(p.id, p.title, p.kind, p.indicator, tuple(keys[p.id]),
                      tuple((h, tuple(k)) for h, k in groups[p.id]), p.needs) for p in form.pages)


def _heading(number: str, title: str) -> str:
    return title if number == "封面" else f"{number}、{title}"


def page_status(page: Page, report: Any, values: dict[str, Any] | None = None,
                quiet: frozenset[str] | set[str] = frozenset()) -> str:
    """``errors`` if an error finding concerns the page; ``below`` if its indicator fails a
    criterion; ``empty`` if none of its fields holds anything yet; ``partial`` while a field the
    page ``needs`` is blank (no rule requires it, but the page is not done: 推荐意见); otherwise
    ``complete``.

    ``quiet`` are blank fields the official has not been at yet: an error that concerns only such
    fields makes the page ``partial`` (still to fill), not ``errors``.

    For the self-assessment page: the overall verdict decides (fail → below; incomplete → errors, or
    partial while every error concerns only quiet fields)."""
    if page.kind == ASSESSMENT:
        if report.verdict in ("pass", "fail"):
            return COMPLETE if report.verdict == "pass" else BELOW
        # 待补充: red only for errors the official has already been shown, else still to fill.
        shown = [f for f in report.findings if f.severity == "error" and not (f.fields and quiet.issuperset(f.fields))]
        return ERRORS if shown else PARTIAL
    fields = set(page.fields)
    errors = below = pending = False
    for f in report.findings:
        touches = bool(fields.intersection(f.fields)) or (not f.fields and f.indicator == page.indicator)
        if not touches:
            continue
        if f.severity == "error" and f.fields and quiet.issuperset(f.fields):
            pending = True
        elif f.severity == "error":
            errors = True
        elif f.kind == "criterion" and f.severity != "info":
            below = True
    if page.indicator is not None and report.indicators.get(page.indicator) == "fail":
        below = True
    filled = values is None or any(_filled(values.get(k)) for k in page.fields)
    if errors:
        return ERRORS if filled else EMPTY
    if below:
        return BELOW
    if pending:
        return PARTIAL if filled else EMPTY
    if page.needs and values is not None and not all(_filled(values.get(k)) for k in page.needs):
        return PARTIAL if filled else EMPTY
    return COMPLETE


def _filled(value: Any) -> bool:
    return not blank_value(value)  # the page knows keys, not fields: the field-free blank test
