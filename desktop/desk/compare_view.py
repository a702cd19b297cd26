"""Compare and rank (择优): every application of the campaign side by side — measured values and
margins per criterion (from core.desk.compare), verdicts, remarks — sortable and filterable, a bar
chart of one criterion's margins, and the recommendation order with a reason for each place."""

from __future__ import annotations

from decimal import Decimal

from core import palette
from core.rules.model import VERDICT_LABELS
from desktop.i18n import tr_fmt
from desktop.qt import (
    QAbstractTableModel,
    QColor,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPainter,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

FIXED = ["名次", "受理编号", "集群名称", "状态", "程序自评", "未达到", "临界"]
REMARKS = "初审备注"  # the last column, after the criteria


class CompareModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.rules: list[tuple[str, str]] = []  # (rule id, title) of the numeric criteria

    def set_rows(self, rows, rules: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.rows, self.rules = rows, rules
        # Every cell's text, sort key and colour once, here: painting and sorting 200 rows × 30
        # columns then only index lists (the view opens in well under 300 ms).
        self.cells = [self._row_cells(row) for row in rows]
        self.endResetModel()

    def _row_cells(self, row) -> list[tuple[str, object, object]]:
        fixed = [row.place, row.number, row.cluster, row.status_label, _verdict(row.verdict), row.failing,
                 row.critical]
        out: list[tuple[str, object, object]] = []
        for c, v in enumerate(fixed):
            key = (v if v is not None else 10 ** 6) if c == 0 else v  # unplaced last
            out.append(("" if v is None else str(v), key, None))
        bad, caution = QColor(palette.BAD), QColor(palette.CAUTION)
        for rule, _title in self.rules:
            d = row.criteria.get(rule) or {}
            margin = d.get("margin")
            if margin is None:
                text, key = d.get("found") or "—", float("-inf")
            else:
                m = Decimal(margin)
                text, key = f"{'+' if m >= 0 else ''}{m.normalize():f}{d.get('unit') or ''}", float(m)
            colour = bad if d.get("outcome") == "not_met" else caution if d.get("critical") else None
            out.append((text, key, colour))
        remarks = row.remarks()
        out.append((remarks, remarks, None))
        return out

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """One Python sort over the cached keys (a proxy model would call ``data`` per comparison:
        tens of milliseconds for 200 rows). Rows without a value stay last either way."""
        if not self.rows or not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        desc = order == Qt.SortOrder.DescendingOrder
        pairs = list(zip(self.rows, self.cells, strict=True))
        present = [p for p in pairs if p[1][column][1] not in (None, float("-inf"))]
        missing = [p for p in pairs if p[1][column][1] in (None, float("-inf"))]
        present.sort(key=lambda p: p[1][column][1], reverse=desc)
        self.rows = [p[0] for p in present + missing]
        self.cells = [p[1] for p in present + missing]
        self.layoutChanged.emit()

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(FIXED) + len(self.rules) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(FIXED):
            return FIXED[section]
        if section == len(FIXED) + len(self.rules):
            return REMARKS
        return self.rules[section - len(FIXED)][1] + "（余量）"

    def detail(self, row: int, col: int) -> dict | None:
        if col < len(FIXED) or col >= len(FIXED) + len(self.rules):
            return None
        return self.rows[row].criteria.get(self.rules[col - len(FIXED)][0])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        text, key, colour = self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return colour
        if role == Qt.ItemDataRole.ToolTipRole:
            d = self.detail(index.row(), index.column())
            if d:
                return "\n".join([f"{d.get('title', '')}：{d.get('found', '')}", *d.get("lines", [])])
        return None


def _verdict(v: str | None) -> str:
    return VERDICT_LABELS.get(v or "", "—")


class MarginChart(QWidget):
    """Horizontal bars: one criterion's relative margin per cluster (red below zero)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, float, bool]] = []
        self.title = ""
        self.setMinimumHeight(160)

    def set_bars(self, title: str, bars: list[tuple[str, float, bool]]) -> None:
        self.title, self.bars = title, bars
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.drawText(6, 16, self.title or self.tr("点击某项标准的列标题，查看各集群的余量"))
        if not self.bars:
            return
        top, label_w = 24, 180
        h = max(6, min(18, (self.height() - top - 4) // max(len(self.bars), 1)))
        span = max(abs(v) for _, v, _ in self.bars) or 1.0
        mid = label_w + (self.width() - label_w - 10) / 2
        half = (self.width() - label_w - 10) / 2
        for i, (name, v, met) in enumerate(self.bars):
            y = top + i * h
            p.drawText(4, y + h - 3, name[:14])
            w = half * v / span
            p.fillRect(int(min(mid, mid + w)), y + 1, max(1, int(abs(w))), h - 2,
                       QColor(palette.GOOD_BAR) if met else QColor(palette.BAD_BAR))
        p.setPen(QColor(palette.INFO))
        p.drawLine(int(mid), top, int(mid), top + h * len(self.bars))


class CompareView(QWidget):
    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.rules_id = ""
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("筛选：集群名称或受理编号"))
        bar.addWidget(QLabel(self.tr("状态：")))
        bar.addWidget(self.status_filter)
        bar.addWidget(self.text_filter, 1)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = CompareModel(self)
        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setModel(self.model)
        self.model.layoutChanged.connect(self._filter)  # rows moved: hide the filtered ones again
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setResizeContentsPrecision(12)  # sample rows, not all 200
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().sectionClicked.connect(self._chart_column)
        split.addWidget(self.table)
        self.chart = MarginChart()
        split.addWidget(self.chart)
        split.addWidget(self._rank_panel())
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        layout.addWidget(split, 1)
        self.status_filter.currentTextChanged.connect(self._filter)
        self.text_filter.textChanged.connect(self._filter)

    def _rank_panel(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("推荐顺序（每个名次写明理由）：")))
        add = QPushButton(self.tr("加入推荐"))
        add.setObjectName("addToRanking")
        add.clicked.connect(self.add_selected)
        up, down, drop = QPushButton(self.tr("上移")), QPushButton(self.tr("下移")), QPushButton(self.tr("移出"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        drop.clicked.connect(self._drop)
        self.quota = QSpinBox()
        self.quota.setRange(0, 999)
        self.quota.setSpecialValueText(self.tr("不限"))
        save = QPushButton(self.tr("保存推荐顺序"))
        save.setObjectName("saveRanking")
        save.clicked.connect(self.save_ranking)
        for b in (add, up, down, drop):
            head.addWidget(b)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("名额：")))
        head.addWidget(self.quota)
        head.addWidget(save)
        v.addLayout(head)
        self.ranking = QTableWidget(0, 3)
        self.ranking.setObjectName("rankingTable")
        self.ranking.setHorizontalHeaderLabels([self.tr("受理编号"), self.tr("集群名称"), self.tr("推荐理由")])
        self.ranking.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.ranking)
        self.warning = QLabel()
        self.warning.setObjectName("rankingWarning")
        self.warning.setStyleSheet(f"color: {palette.CAUTION};")
        v.addWidget(self.warning)
        return w

    def load(self, rules_id: str) -> None:
        from core.desk import ranking
        from core.desk import status as st
        from core.desk.compare import compare_rows
        from core.rules import load_ruleset
        from core.rules.model import CRITERION

        self.rules_id = rules_id
        rs = load_ruleset(rules_id)
        numeric = [(r.id, r.title or r.id) for r in rs.rules
                   if r.kind == CRITERION and r.check.get("type") == "compare"]
        rows = compare_rows(self.desk, rules_id)
        self.model.set_rows(rows, numeric)
        current = self.status_filter.currentText()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItems(["", *[st.label(s) for s in st.ORDER if s != st.REFUSED]])
        self.status_filter.setCurrentText(current)
        self.status_filter.blockSignals(False)
        self.ranking.setRowCount(0)
        for _, sub, reason in ranking.ranking(self.desk, rules_id):
            self._append(sub.number, sub.cluster_name, reason)
        self.quota.setValue(ranking.quota(self.desk, rules_id) or 0)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())  # keep the official's sort
        self._filter()
        self.table.resizeColumnsToContents()  # measures at most the header's precision rows

    def _filter(self) -> None:
        status, text = self.status_filter.currentText(), self.text_filter.text().strip()
        for r, row in enumerate(self.model.rows):
            shown = (not status or row.status_label == status) and (not text or text in row.cluster or text in row.number)
            self.table.setRowHidden(r, not shown)

    def visible_rows(self) -> list:
        """The rows as the table shows them now (sorted, filtered)."""
        return [row for r, row in enumerate(self.model.rows) if not self.table.isRowHidden(r)]

    def _chart_column(self, col: int) -> None:
        if col < len(FIXED) or col >= len(FIXED) + len(self.model.rules):
            return
        rule, title = self.model.rules[col - len(FIXED)]
        bars = []
        for row in self.model.rows:
            d = row.criteria.get(rule) or {}
            if d.get("relative") is not None:
                bars.append((row.cluster, float(d["relative"]), d.get("outcome") != "not_met"))
        self.chart.set_bars(tr_fmt(self.tr("%1：相对余量（超出门槛的比例）"), title), bars)

    def _append(self, number: str, cluster: str, reason: str = "") -> None:
        r = self.ranking.rowCount()
        self.ranking.insertRow(r)
        for c, text in enumerate((number, cluster)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.ranking.setItem(r, c, item)
        self.ranking.setItem(r, 2, QTableWidgetItem(reason))

    def order(self) -> list[tuple[str, str]]:
        return [(self.ranking.item(r, 0).text(), (self.ranking.item(r, 2).text() if self.ranking.item(r, 2) else ""))
                for r in range(self.ranking.rowCount())]

    def add_selected(self) -> None:
        have = {n for n, _ in self.order()}
        for index in self.table.selectionModel().selectedRows():
            row = self.model.rows[index.row()]
            if row.number not in have:
                self._append(row.number, row.cluster)

    def _move(self, step: int) -> None:
        r = self.ranking.currentRow()
        to = r + step
        if r < 0 or not 0 <= to < self.ranking.rowCount():
            return
        rows = [[self.ranking.item(i, c).text() if self.ranking.item(i, c) else "" for c in range(3)]
                for i in range(self.ranking.rowCount())]
        rows[r], rows[to] = rows[to], rows[r]
        self.ranking.setRowCount(0)
        for number, cluster, reason in rows:
            self._append(number, cluster, reason)
        self.ranking.setCurrentCell(to, 2)

    def _drop(self) -> None:
        r = self.ranking.currentRow()
        if r >= 0:
            self.ranking.removeRow(r)

    def save_ranking(self) -> bool:
        from core.desk import ranking
        from core.errors import UserError

        order = self.order()
        try:
            ranking.set_quota(self.desk, self.rules_id, self.quota.value() or None)
            warnings = ranking.set_order(self.desk, self.rules_id, [n for n, _ in order], [r for _, r in order])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("推荐顺序"), exc.message)
            return False
        self.warning.setText("；".join(warnings))
        self.load(self.rules_id)
        return True
