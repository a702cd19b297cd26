"""待办事项 on the start page: what is due for every recognised cluster (core.follow.reminders),
overdue in red; double-click opens the cluster's page."""

from __future__ import annotations

from datetime import date

from core import palette
from core.errors import UserError
from desktop.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

HEADERS = ("集群", "事项", "截止日期", "剩余天数", "依据")


class RemindersPanel(QFrame):
    open_cluster = Signal(str)  # application id

    def __init__(self, store, parent: QWidget | None = None, *, today=None):
        super().__init__(parent)
        from core.follow.register import Register

        self.setObjectName("remindersPanel")
        self.register = Register(store)
        self.today = today  # None: the real date each refresh; tests freeze it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet(f"font-weight: bold; color: {palette.ACCENT};")
        head.addWidget(self.title, 1)
        self.clusters = QComboBox(self)
        self.clusters.setObjectName("recognisedClusters")
        self.clusters.setMinimumWidth(260)
        head.addWidget(QLabel(self.tr("已认定集群："), self))
        head.addWidget(self.clusters)
        self.open_button = QPushButton(self.tr("打开(&G)"), self)
        self.open_button.clicked.connect(self._open_chosen)
        head.addWidget(self.open_button)
        self.recognize_button = QPushButton(self.tr("记录认定(&K)…"), self)
        self.recognize_button.setObjectName("recognizeButton")
        self.recognize_button.setToolTip(self.tr("把已公布名单上的申请记为已认定，开始跟踪年度报送和复核"))
        self.recognize_button.clicked.connect(self.record_recognition)
        self.recognize_button.setEnabled(not store.readonly)
        head.addWidget(self.recognize_button)
        layout.addLayout(head)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("dueTable")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(150)
        header = self.table.horizontalHeader()
        for col in range(len(HEADERS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._open_row)
        layout.addWidget(self.table)
        self.items: list = []
        self.refresh()

    def refresh(self) -> None:
        from core.follow.reminders import due_items

        today = self.today or date.today()
        problem = ""
        try:
            recognised = self.register.recognitions()
            self.items = due_items(self.register, today)
        except UserError as exc:  # a broken rule set block: say so here, keep the list usable
            problem, self.items, recognised = exc.message, [], []
        self.table.setVisible(bool(recognised))  # before any recognition: one line with the button
        self.clusters.setEnabled(bool(recognised))
        self.open_button.setEnabled(bool(recognised))
        self.clusters.clear()
        for rec in recognised:
            self.clusters.addItem(f"{rec.number} {rec.name}（有效期至 {rec.valid_until}）", rec.app_id)
        overdue = sum(1 for d in self.items if d.overdue)
        if problem:
            self.title.setText(problem)
        elif not recognised:
            self.title.setText(self.tr("已认定集群：尚无记录"))
        else:
            text = self.tr("待办事项（%1）：%2 项，其中逾期 %3 项").replace("%1", today.isoformat())
            self.title.setText(text.replace("%2", str(len(self.items))).replace("%3", str(overdue)))
            self.title.setStyleSheet(f"font-weight: bold; color: {palette.BAD if overdue else palette.ACCENT};")
        self.table.setRowCount(len(self.items))
        red = QBrush(QColor(palette.BAD))
        for row, d in enumerate(self.items):
            if d.days_left is None:
                left = self.tr("尽快报备")
            elif d.overdue:
                left = self.tr("逾期 %1 天").replace("%1", str(-d.days_left))
            else:
                left = str(d.days_left)
            for col, text in enumerate((f"{d.number} {d.cluster}", f"{d.kind_label}：{d.what}", d.due or "—", left,
                                        d.citation)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.app_id)
                if d.overdue:
                    item.setForeground(red)
                self.table.setItem(row, col, item)

    def record_recognition(self) -> None:
        from desktop.follow.dialogs import RecognizeDialog

        self.dialog = RecognizeDialog(self.register.store, self)
        self.dialog.accepted.connect(self._recognised)
        self.dialog.open()

    def _recognised(self) -> None:
        self.refresh()
        if self.dialog.recognition is not None:
            self.open_cluster.emit(self.dialog.recognition.app_id)

    def _open_row(self, item) -> None:
        self.open_cluster.emit(item.data(Qt.ItemDataRole.UserRole))

    def _open_chosen(self) -> None:
        app_id = self.clusters.currentData()
        if app_id:
            self.open_cluster.emit(app_id)
