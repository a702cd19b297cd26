"""The findings panel: every finding of the report, grouped by the wizard page that fixes it,
with its citation.

It follows the current page: that page's group comes first and open, the others folded (unless
the official opened one). Findings about blank fields the official has not been at yet are not
listed one by one: a grey "○ 未填写 N 项" line per page stands for them. Activating a finding
(click, Enter) emits ``activated(finding)``; the wizard opens its page and focuses the field; the
未填写 line emits ``page_requested(index)``. The tree is rebuilt only when what it shows really
changed, and keeps its scroll position then, so typing never throws the official back to the top.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core import palette
from core.rules.model import KIND_LABELS, SEVERITY_LABELS, indicator_title
from desktop.i18n import tr_fmt
from desktop.qt import (
    QBrush,
    QColor,
    QHeaderView,
    QRect,
    QSize,
    QStyledItemDelegate,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
    Signal,
)

ROLE = Qt.ItemDataRole.UserRole


class WrapDelegate(QStyledItemDelegate):
    """Row heights that follow the wrapped text (QTreeView does not grow rows for wrapped text)."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data() or ""
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.view.columnWidth(index.column()) - (self.view.indentation() * depth if index.column() == 0 else 0)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(width - 8, 40), 100000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))


@dataclass(frozen=True)
class GapLine:
    """A 还差 sentence under a criterion finding (activating it activates the finding)."""

    finding: Any
    text: str


@dataclass(frozen=True)
class QuietLine:
    """The grey 未填写 line of one group: blank fields the official has not been at yet."""

    group: int
    count: int


class FindingsPanel(QTreeWidget):
    activated = Signal(object)  # Finding
    page_requested = Signal(int)  # the group (page index) of a 未填写 line

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("问题"), self.tr("依据")])
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(WrapDelegate(self))
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.header().setStretchLastSection(False)
        self.header().resizeSection(1, 110)
        self._signature: tuple = ()
        self._names: dict[int, str] | None = None
        self._current: int | None = None
        self._opened: set[int] = set()  # other groups the official opened (until the page changes)
        self._current_folded = False  # the official folded the current page's group
        self._rebuilding = False
        self._gap_lines: dict[str, list[str]] = {}  # rule id -> 还差 sentences (show_gaps)
        self.itemExpanded.connect(lambda item: self._remember(item, True))
        self.itemCollapsed.connect(lambda item: self._remember(item, False))
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)

    def set_indicator_names(self, names: dict[int, str] | None) -> None:
        self._names = names
        self._signature = ()

    def show_findings(self, findings: list, *, group_of: Callable[[Any], int] | None = None,
                      titles: dict[int, str] | None = None, current: int | None = None,
                      quiet: Callable[[Any], bool] | None = None) -> bool:
        """Show a report's findings; returns False when nothing changed (no redraw).

        ``group_of`` gives a finding's group (the wizard: its page; default: its indicator),
        ``titles`` the groups' headings, ``current`` the group shown first and open, ``quiet``
        which findings only stand in the 未填写 count."""
        group_of = group_of or (lambda f: f.indicator)
        flags = tuple(bool(quiet and quiet(f)) for f in findings)
        signature = (current, tuple((f.rule, f.severity, f.message, f.citation, tuple(f.fields)) for f in findings),
                     flags)
        if signature == self._signature:
            return False
        self._signature = signature
        page_changed = current != self._current
        if page_changed:
            self._current, self._opened, self._current_folded = current, set(), False
        scroll = self.verticalScrollBar().value()
        self.setUpdatesEnabled(False)
        self._rebuilding = True
        try:
            self.clear()
            groups: dict[int, tuple[list, list]] = {}
            for f, is_quiet in zip(findings, flags, strict=True):
                groups.setdefault(group_of(f), ([], []))[1 if is_quiet else 0].append(f)
            if current is not None and current not in groups and findings:
                title = (titles or {}).get(current) or indicator_title(current, self._names)
                done = QTreeWidgetItem(self, [tr_fmt(self.tr("本页（%1）：未发现问题"), title)])
                done.setFirstColumnSpanned(True)
                done.setForeground(0, QBrush(QColor(palette.GOOD)))
            for group in sorted(groups, key=lambda g: (g != current, g)):
                self._add_group(group, *groups[group], titles, current)
            if not findings:
                done = QTreeWidgetItem(self, [self.tr("✓ 未发现问题：已填写的内容符合所选规则集。")])
                done.setFirstColumnSpanned(True)
                done.setForeground(0, QBrush(QColor(palette.GOOD)))
        finally:
            self._rebuilding = False
            self.setUpdatesEnabled(True)
        if page_changed:
            self.scrollToTop()
        else:
            self.verticalScrollBar().setValue(scroll)
        return True

    def _add_group(self, group: int, loud: list, quiet: list, titles: dict[int, str] | None,
                   current: int | None) -> None:
        title = (titles or {}).get(group) or indicator_title(group, self._names)
        errors = sum(1 for f in loud if f.severity == "error")
        if loud:
            text = tr_fmt(self.tr("%1（%2 条，错误 %3）"), title, str(len(loud)), str(errors))
        else:
            text = tr_fmt(self.tr("%1（未填写 %2 项）"), title, str(len(quiet)))
        if group == current:
            text = tr_fmt(self.tr("本页 · %1"), text)
        head = QTreeWidgetItem(self, [text])
        head.setData(0, ROLE, group)
        head.setFirstColumnSpanned(True)
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        if not loud:
            head.setForeground(0, QBrush(QColor(palette.MUTED)))
        for f in loud:
            item = QTreeWidgetItem(head, [f"[{SEVERITY_LABELS[f.severity]}·{KIND_LABELS.get(f.kind, f.kind)}] {f.message}",
                                          f.citation])
            item.setData(0, ROLE, f)
            item.setToolTip(0, f"{f.message}\n{self.tr('依据')}：{f.citation}\n{self.tr('规则')}：{f.rule}")
            item.setToolTip(1, f.citation)
            item.setForeground(0, QBrush(QColor(palette.SEVERITY.get(f.severity, palette.INFO))))
            self._add_gap_lines(item, f)
        if quiet:
            line = QTreeWidgetItem(head, [tr_fmt(self.tr("○ 未填写 %1 项（离开字段或“检查本页”后逐条显示）"), str(len(quiet)))])
            line.setData(0, ROLE, QuietLine(group, len(quiet)))
            line.setFirstColumnSpanned(True)
            line.setForeground(0, QBrush(QColor(palette.EMPTY)))
            line.setToolTip(0, "\n".join(f.message for f in quiet[:20]) + ("\n……" if len(quiet) > 20 else ""))
        head.setExpanded(not self._current_folded if group == current else group in self._opened)

    def show_gaps(self, lines: dict[str, list[str]]) -> None:
        """rule id → the 还差 sentences under its criterion finding (GapViews.finding_lines)."""
        if lines == self._gap_lines:
            return
        self._gap_lines = lines
        self.setUpdatesEnabled(False)
        try:
            for item in self.finding_items():
                item.takeChildren()
                self._add_gap_lines(item, item.data(0, ROLE))
        finally:
            self.setUpdatesEnabled(True)

    def _add_gap_lines(self, item: QTreeWidgetItem, finding) -> None:
        if getattr(finding, "kind", None) != "criterion":
            return
        for text in self._gap_lines.get(finding.rule, ()):
            line = QTreeWidgetItem(item, [tr_fmt(self.tr("还差：%1"), text)])
            line.setData(0, ROLE, GapLine(finding, text))
            line.setFirstColumnSpanned(True)
            line.setForeground(0, QBrush(QColor(palette.ACCENT)))
            line.setToolTip(0, text)
        if self._gap_lines.get(finding.rule):
            # Open (DontShowIndicator would hide the line: the model then reports no children).
            item.setExpanded(True)

    def gap_items(self) -> list[QTreeWidgetItem]:
        """The 还差 lines shown, under their findings."""
        return [item.child(k) for item in self.finding_items() for k in range(item.childCount())]

    def _remember(self, item: QTreeWidgetItem, expanded: bool) -> None:
        group = item.data(0, ROLE)
        if self._rebuilding or not isinstance(group, int):
            return
        if group == self._current:
            self._current_folded = not expanded
        else:
            (self._opened.add if expanded else self._opened.discard)(group)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # re-wrap to the new width

    def groups(self) -> list[QTreeWidgetItem]:
        """The group headings, in the order shown."""
        return [self.topLevelItem(i) for i in range(self.topLevelItemCount())
                if isinstance(self.topLevelItem(i).data(0, ROLE), int)]

    def finding_items(self) -> list[QTreeWidgetItem]:
        """The items of single findings (not the 未填写 lines)."""
        out = []
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            out.extend(c for c in (head.child(j) for j in range(head.childCount()))
                       if not isinstance(c.data(0, ROLE), QuietLine))
        return out

    def quiet_lines(self) -> list[QTreeWidgetItem]:
        return [head.child(j) for head in self.groups() for j in range(head.childCount())
                if isinstance(head.child(j).data(0, ROLE), QuietLine)]

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if isinstance(data, QuietLine):
            self.page_requested.emit(data.group)
        elif isinstance(data, GapLine):
            self.activated.emit(data.finding)
        elif data is not None and not isinstance(data, int):
            self.activated.emit(data)
