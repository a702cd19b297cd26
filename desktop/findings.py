"""The findings panel: every finding of the report, grouped by indicator, with its citation.

Activating a finding (click, Enter) emits ``activated(finding)``; the wizard opens its page and
focuses the field. The tree is rebuilt only when the findings really changed, so typing that
does not change any finding costs nothing here.
"""

from __future__ import annotations

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
        depth = 2 if index.parent().isValid() else 1
        width = self.view.columnWidth(index.column()) - (self.view.indentation() * depth if index.column() == 0 else 0)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(width - 8, 40), 100000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))


class FindingsPanel(QTreeWidget):
    activated = Signal(object)  # Finding

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
        self._collapsed: set[int] = set()  # groups the official folded away stay folded
        self._rebuilding = False
        self.itemExpanded.connect(lambda item: self._remember(item, True))
        self.itemCollapsed.connect(lambda item: self._remember(item, False))
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)

    def set_indicator_names(self, names: dict[int, str] | None) -> None:
        self._names = names
        self._signature = ()

    def show_findings(self, findings: list) -> bool:
        """Show a report's findings; returns False when nothing changed (no redraw)."""
        signature = tuple((f.rule, f.severity, f.message, f.citation, tuple(f.fields)) for f in findings)
        if signature == self._signature:
            return False
        self._signature = signature
        self.setUpdatesEnabled(False)
        self._rebuilding = True
        try:
            self.clear()
            groups: dict[int, list] = {}
            for f in findings:
                groups.setdefault(f.indicator, []).append(f)
            for indicator in sorted(groups):
                items = groups[indicator]
                errors = sum(1 for f in items if f.severity == "error")
                head = QTreeWidgetItem(self, [tr_fmt(self.tr("%1（%2 条，错误 %3）"), indicator_title(indicator, self._names), str(len(items)), str(errors))])
                head.setData(0, ROLE, indicator)
                head.setFirstColumnSpanned(True)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                for f in items:
                    text = f"[{SEVERITY_LABELS[f.severity]}·{KIND_LABELS.get(f.kind, f.kind)}] {f.message}"
                    child = QTreeWidgetItem(head, [text, f.citation])
                    child.setData(0, ROLE, f)
                    child.setToolTip(0, f"{f.message}\n{self.tr('依据')}：{f.citation}\n{self.tr('规则')}：{f.rule}")
                    child.setToolTip(1, f.citation)
                    child.setForeground(0, QBrush(QColor(palette.SEVERITY.get(f.severity, palette.INFO))))
                head.setExpanded(indicator not in self._collapsed)
            if not findings:
                done = QTreeWidgetItem(self, [self.tr("✓ 未发现问题：已填写的内容符合所选规则集。")])
                done.setFirstColumnSpanned(True)
                done.setForeground(0, QBrush(QColor(palette.GOOD)))
        finally:
            self._rebuilding = False
            self.setUpdatesEnabled(True)
        return True

    def _remember(self, item: QTreeWidgetItem, expanded: bool) -> None:
        indicator = item.data(0, ROLE)
        if self._rebuilding or not isinstance(indicator, int):
            return
        (self._collapsed.discard if expanded else self._collapsed.add)(indicator)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # re-wrap to the new width

    def finding_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            out.extend(head.child(j) for j in range(head.childCount()))
        return out

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if data is not None and not isinstance(data, int):
            self.activated.emit(data)
