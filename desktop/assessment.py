"""The self-assessment page: basic conditions and the eight indicators at a glance, each numeric
criterion's measured value against its threshold with its 还差 / 余量 and 临界 mark, the chart (a
tooltip per bar), the verdicts under every rule set side by side and, per rule set, the criteria
not met with the change that would meet each. Everything shown comes from the rules core:
``Report`` objects and their gap views (core.rules.gap_view), asked of the session."""

from __future__ import annotations

from core import palette
from core.numbers import fmt
from core.rules.model import (
    OP_SYMBOLS,
    VERDICT_LABELS,
    indicator_title,
)
from desktop.i18n import tr_fmt
from desktop.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSvgWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _item(text: str, colour: str | None = None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if colour:
        item.setForeground(QBrush(QColor(colour)))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
    return table


def _fit_height(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
    table.setFixedHeight(height)


class ChartWidget(QSvgWidget):
    """The chart, with a tooltip per criterion row: QSvgWidget shows no SVG <title>, so the mouse
    position is mapped to the chart model's row boxes (``core.chart.Chart.hit``)."""

    chart_model = None

    def tip_at(self, x: float, y: float) -> str:
        chart = self.chart_model
        if chart is None or self.width() <= 0:
            return ""
        scale = chart.width / self.width()  # the widget is sized to the chart; scaled for safety
        hit = chart.hit(x * scale, y * scale)
        return hit.tip if hit is not None else ""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tip_at(event.pos().x(), event.pos().y())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class AssessmentPage(QScrollArea):
    """Shown as the last wizard page; ``refresh(session)`` redraws it from the session's reports."""

    export_requested = Signal(str)  # an action id of the export buttons

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("assessmentPage")
        inner = QWidget(self)
        self.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 12)
        self.headline = QLabel(inner)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)

        layout.addWidget(self._heading(self.tr("基本条件与八项指标"), inner))
        self.indicators = _table(inner, [self.tr("指标"), self.tr("结论"), self.tr("问题数")])
        self.indicators.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.indicators)

        layout.addWidget(self._heading(self.tr("各项标准：实测值与门槛"), inner))
        self.chart = ChartWidget(inner)
        self.chart.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.chart)
        self.criteria = _table(inner, [self.tr("指标"), self.tr("标准"), self.tr("实测值"), self.tr("门槛"),
                                       self.tr("结果"), self.tr("还差 / 余量"), self.tr("依据")])
        header = self.criteria.horizontalHeader()
        self.criteria.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Two stretching columns (标准, 还差 / 余量) share what the fixed ones leave.
        for col, mode in enumerate(("contents", "stretch", 150, 95, "contents", "stretch", 100)):
            if mode == "contents":
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            elif mode == "stretch":
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(col, mode)
        layout.addWidget(self.criteria)

        layout.addWidget(self._heading(self.tr("不同规则集下的结论对比"), inner))
        self.compare = _table(inner, [self.tr("指标")])
        layout.addWidget(self.compare)
        layout.addWidget(self._heading(self.tr("各规则集下未达到的标准与最小改动"), inner))
        self.whatif = _table(inner, [self.tr("规则集"), self.tr("未达到的标准"), self.tr("最小改动")])
        wheader = self.whatif.horizontalHeader()
        self.whatif.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        wheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        wheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        wheader.resizeSection(1, 260)
        wheader.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.whatif)

        layout.addWidget(self._heading(self.tr("导出"), inner))
        self.export_row = QHBoxLayout()
        layout.addLayout(self.export_row)
        layout.addStretch(1)
        self._buttons: dict[str, QPushButton] = {}

    def _heading(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 2)
        return label

    def set_export_actions(self, actions: list[tuple[str, str]]) -> None:
        """(id, label) of the export buttons available (JSON; PDF, Excel, package when present)."""
        for button in self._buttons.values():
            button.deleteLater()
        self._buttons = {}
        for action_id, label in actions:
            button = QPushButton(label, self.widget())
            button.clicked.connect(lambda _=False, a=action_id: self.export_requested.emit(a))
            self.export_row.addWidget(button)
            self._buttons[action_id] = button
        self.export_row.addStretch(1)

    def refresh(self, session) -> None:
        from core.rules import load_ruleset

        report = session.report
        rs = load_ruleset(session.ruleset_id)
        names = rs.indicator_names
        colour = palette.VERDICT[report.verdict]
        self.headline.setText(tr_fmt(
            self.tr('<span style="font-size:15pt">总体结论：<b style="color:%1">%2</b></span>'
                    '<br>规则集：%3（%4）'),
            colour, VERDICT_LABELS[report.verdict], rs.name, rs.document))

        self.indicators.setRowCount(0)
        for i, verdict in sorted(report.indicators.items()):
            row = self.indicators.rowCount()
            self.indicators.insertRow(row)
            self.indicators.setItem(row, 0, _item(indicator_title(i, names)))
            self.indicators.setItem(row, 1, _item(VERDICT_LABELS[verdict], palette.VERDICT[verdict], bold=True))
            self.indicators.setItem(row, 2, _item(str(len(report.findings_for(i)))))
        _fit_height(self.indicators)

        views = session.gap_views()  # computed now if typing has not paused yet
        self._show_chart(report, views)

        self.criteria.setRowCount(0)
        for res in report.criteria:
            if res.rule.check.get("type") == "qualitative" and res.threshold is None and not res.found:
                continue
            row = self.criteria.rowCount()
            self.criteria.insertRow(row)
            threshold = res.expected or (
                f"{OP_SYMBOLS.get(res.op or '', res.op or '')}{fmt(res.threshold)}{res.unit}"
                if res.threshold is not None else "—")
            found = res.found or (f"{fmt(res.value)}{res.unit}" if res.value is not None else self.tr("未填写"))
            view = views[res.rule.id]
            title = res.rule.title + (self.tr("（一般性要求）") if res.rule.soft else "")
            self.criteria.setItem(row, 0, _item(indicator_title(res.rule.indicator, names).split(" ")[0]))
            self.criteria.setItem(row, 1, _item(title))
            self.criteria.setItem(row, 2, _item(found))
            self.criteria.setItem(row, 3, _item(threshold))
            self.criteria.setItem(row, 4, _item(view.outcome_label, view.colour, True))
            gap = _item(view.cell, view.colour if view.critical else None)
            gap.setToolTip(view.detail)
            self.criteria.setItem(row, 5, gap)
            self.criteria.setItem(row, 6, _item(res.rule.citation))
            if view.why:  # why a reviewer looks at a 临界 pass first
                self.criteria.item(row, 4).setToolTip(view.why)
            if res.formula:
                for col in (1, 2):
                    self.criteria.item(row, col).setToolTip(res.formula)
        _fit_height(self.criteria)

        self._show_comparison(session)

    def _show_chart(self, report, views) -> None:
        from core.chart import chart_model, chart_svg

        width = max(560, min(900, self.viewport().width() - 40))
        self.chart_model = chart_model(report, width, int(width * 0.55), views)  # kept: tests read what was drawn
        self.chart.chart_model = self.chart_model
        self.chart.load(chart_svg(self.chart_model).encode("utf-8"))
        self.chart.setFixedSize(width, int(self.chart_model.height))
        self.chart.show()

    def _show_comparison(self, session) -> None:
        from core.rules import load_ruleset

        reports = session.reports_by_ruleset()
        ids = list(reports)
        self.compare.clear()
        self.compare.setColumnCount(1 + len(ids))
        labels = [self.tr("指标")]
        for rs_id in ids:
            rs = load_ruleset(rs_id)
            partial = "（部分）" if rs.partial and "部分" not in rs.short_name else ""
            labels.append(rs.short_name + partial + (self.tr("（当前）") if rs_id == session.ruleset_id else ""))
        self.compare.setHorizontalHeaderLabels(labels)
        # One row per indicator of the form (its own names: the columns are different rule sets).
        form = session.app.form_def
        names = {ind.number: ind.name for ind in form.indicators}
        total = len(form.indicators)
        self.compare.setRowCount(total + 1)
        for row, ind in enumerate(form.indicators):
            self.compare.setItem(row, 0, _item(indicator_title(ind.number, names)))
        self.compare.setItem(total, 0, _item(self.tr("总体结论"), bold=True))
        for col, rs_id in enumerate(ids, 1):
            rep = reports[rs_id]
            for row, ind in enumerate(form.indicators):
                v = rep.indicators.get(ind.number, "incomplete")
                self.compare.setItem(row, col, _item(VERDICT_LABELS[v], palette.VERDICT[v]))
            self.compare.setItem(total, col, _item(VERDICT_LABELS[rep.verdict], palette.VERDICT[rep.verdict], True))
        header = self.compare.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 1 + len(ids)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        _fit_height(self.compare)
        self._show_whatif(session, reports, labels[1:])

    def _show_whatif(self, session, reports, labels: list[str]) -> None:
        """Per rule set: each criterion not met and the smallest changes that would meet it."""
        failing = session.failing_by_ruleset()
        self.whatif.clearSpans()
        self.whatif.setRowCount(0)
        for rs_id, label in zip(reports, labels, strict=True):
            views = failing.get(rs_id, [])
            first = self.whatif.rowCount()
            for view in views:
                row = self.whatif.rowCount()
                self.whatif.insertRow(row)
                self.whatif.setItem(row, 0, _item(label, bold=True))
                self.whatif.setItem(row, 1, _item(view.title, view.colour))
                change = _item("\n".join(view.shown) or self.tr("—"))
                change.setToolTip(view.detail)
                self.whatif.setItem(row, 2, change)
            if not views:
                row = self.whatif.rowCount()
                self.whatif.insertRow(row)
                self.whatif.setItem(row, 0, _item(label, bold=True))
                incomplete = reports[rs_id].verdict == "incomplete"
                text = self.tr("无未达到的标准（尚有待补充的数据）") if incomplete else self.tr("无未达到的标准")
                self.whatif.setItem(row, 1, _item(text, palette.PENDING if incomplete else palette.GOOD))
                self.whatif.setItem(row, 2, _item("—"))
            if self.whatif.rowCount() - first > 1:
                self.whatif.setSpan(first, 0, self.whatif.rowCount() - first, 1)
        _fit_height(self.whatif)
