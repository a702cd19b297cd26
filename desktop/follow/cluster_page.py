"""已认定集群: one window per recognised cluster — its figures at recognition, the plan targets (with
proposal from the text and confirmation), the yearly reports, the events, the deadlines and the 复核.
Every value and verdict comes from core.follow."""

from __future__ import annotations

from datetime import date

from core import palette
from core.errors import UserError
from desktop.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(True)
    header = t.horizontalHeader()
    for col in range(len(headers)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return t


def _fill(t: QTableWidget, rows: list[list[str]], colours: list[str | None] | None = None, data: list | None = None):
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if len(text) > 20:
                item.setToolTip(text)  # long hints and clauses are cut in the cell
            if colours and colours[r]:
                item.setForeground(QBrush(QColor(colours[r])))
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            t.setItem(r, c, item)


class ClusterPage(QDialog):
    def __init__(self, store, app_id: str, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        from core.follow.register import Register

        self.setObjectName("clusterPage")
        self.register = Register(store)
        self.store = store
        self.app_id = app_id
        self.today = today
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        overview = QWidget(self)
        ov = QVBoxLayout(overview)
        ov.addWidget(QLabel(self.tr("期限"), overview))
        self.deadlines = _table(overview, [self.tr("事项"), self.tr("截止日期"), self.tr("状态"), self.tr("依据")],
                                "deadlineTable")
        ov.addWidget(self.deadlines)
        ov.addWidget(QLabel(self.tr("认定时的数据（申报表最近一年）"), overview))
        self.figures = _table(overview, [self.tr("项目"), self.tr("数值"), self.tr("用于")], "figuresTable")
        ov.addWidget(self.figures, 1)
        self.tabs.addTab(overview, self.tr("概况与期限"))

        plan = QWidget(self)
        pl = QVBoxLayout(plan)
        self.targets = _table(plan, [self.tr("编号"), self.tr("指标"), self.tr("基数"), self.tr("目标"), self.tr("年份"),
                                     self.tr("状态"), self.tr("提示")], "targetTable")
        pl.addWidget(self.targets, 1)
        buttons = QHBoxLayout()
        self.propose_button = QPushButton(self.tr("从发展目标文字识别(&P)"), plan)
        self.confirm_button = QPushButton(self.tr("确认所选目标(&C)"), plan)
        self.propose_button.clicked.connect(self.propose)
        self.confirm_button.clicked.connect(self.confirm_selected)
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        pl.addLayout(buttons)
        self.tabs.addTab(plan, self.tr("发展目标"))

        yearly = QWidget(self)
        yl = QVBoxLayout(yearly)
        self.reports = _table(yearly, [self.tr("年度"), self.tr("报送期限"), self.tr("报送日期"), self.tr("检查结论"),
                                       self.tr("发展目标进度")], "reportTable")
        self.reports.itemActivated.connect(lambda item: self.edit_report(int(self.reports.item(item.row(), 0).text())))
        yl.addWidget(self.reports, 1)
        ybuttons = QHBoxLayout()
        self.new_report_button = QPushButton(self.tr("新建下一年度(&N)"), yearly)
        self.new_report_button.clicked.connect(self.new_report)
        ybuttons.addWidget(self.new_report_button)
        self.submit_button = QPushButton(self.tr("记为已报送(&S)"), yearly)
        self.submit_button.setToolTip(self.tr("所选年度今天已报送（报送后不能再修改）"))
        self.submit_button.clicked.connect(self.submit_selected)
        ybuttons.addWidget(self.submit_button)
        self.package_button = QPushButton(self.tr("导出报送包(&K)…"), yearly)
        self.package_button.setToolTip(self.tr("所选年度的年度培育情况：签名的 PDF、Excel 和检查结果，用本单位证书签名"))
        self.package_button.clicked.connect(lambda: self.export_annual_package())
        ybuttons.addWidget(self.package_button)
        ybuttons.addWidget(QLabel(self.tr("双击一行填写该年度"), yearly))
        ybuttons.addStretch(1)
        yl.addLayout(ybuttons)
        self.tabs.addTab(yearly, self.tr("年度培育情况"))
        events = QWidget(self)
        el = QVBoxLayout(events)
        self.events = _table(events, [self.tr("类型"), self.tr("日期"), self.tr("报备"), self.tr("撤销情形"),
                                      self.tr("内容")], "eventTable")
        el.addWidget(self.events, 1)
        self.event_button = QPushButton(self.tr("记录事件(&E)…"), events)
        self.event_button.clicked.connect(self.add_event)
        el.addWidget(self.event_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(events, self.tr("重大变动及事件"))

        review = QWidget(self)
        rl = QVBoxLayout(review)
        self.review_text = QPlainTextEdit(review)
        self.review_text.setObjectName("reviewText")
        self.review_text.setReadOnly(True)
        rl.addWidget(self.review_text, 1)
        self.review_pdf_button = QPushButton(self.tr("导出复核报告 PDF(&R)…"), review)
        self.review_pdf_button.clicked.connect(self.export_review)
        rl.addWidget(self.review_pdf_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(review, self.tr("复核"))
        writable = not store.readonly
        self.propose_button.setEnabled(writable)
        self.new_report_button.setEnabled(writable)
        self.event_button.setEnabled(writable)
        self.submit_button.setEnabled(writable)
        self.confirm_button.setEnabled(writable)
        self.refresh()

    @property
    def day(self) -> date:
        return self.today or date.today()

    def refresh(self) -> None:
        from core.follow.annual_check import PROGRESS_LABELS, VERDICT_LABELS, check_registered, progress
        from core.follow.metrics import figure
        from core.follow.register import target_context
        from core.follow.review import review
        from core.follow.targets import check_target
        from core.numbers import fmt

        c = self.register.cluster(self.app_id)
        self.cluster = c
        rec, fu = c.recognition, c.rules
        self.setWindowTitle(self.tr("已认定集群 — %1").replace("%1", rec.name))
        self.header.setText(f"<b>{rec.number} {rec.name}</b>　{rec.list_name}　认定 {rec.recognized_on}，"
                            f"有效期至 {rec.valid_until}（{fu.validity.citation}）")
        rows, colours = [], []
        for year in c.report_years:
            due, r = fu.report_due(year), c.report(year)
            done = bool(r and r.submitted_on)
            state = f"已于 {r.submitted_on} 报送" if done else ("已逾期" if due < self.day else "待报送")
            rows.append([f"{year} 年度{fu.report_title}", due.isoformat(), state, fu.report.citation])
            colours.append(palette.BAD if state == "已逾期" else None)
        rows.append([self.tr("复核（有效期届满）"), rec.valid_until, "", fu.review.citation])
        colours.append(palette.BAD if date.fromisoformat(rec.valid_until) < self.day else None)
        _fill(self.deadlines, rows, colours)

        ctx = target_context(c.doc, tuple(c.report_years))
        figures = self.register.figure_fields(c)
        _fill(self.figures, [[f.metric.label, self._figure(figure, c, f, ctx, fmt), f.why] for f in figures])

        trows, tcolours, ids = [], [], []
        for t in c.targets:
            problems = check_target(t, ctx)
            base = "—" if t.baseline is None else f"{fmt(t.baseline, t.decimals)}{t.unit}"
            trows.append([f"#{t.id}", t.label, base, t.target_text, str(t.year or "（无）"),
                          self.tr("已确认") if t.confirmed else self.tr("待确认"), "；".join(p.message for p in problems)])
            tcolours.append(palette.BAD if any(p.severity == "error" for p in problems) else
                            (palette.CAUTION if problems else None))
            ids.append(t.id)
        _fill(self.targets, trows, tcolours, ids)

        rrows = []
        for r in c.reports:
            check = check_registered(self.register, c, r.year, figures)
            counts: dict[str, int] = {}
            for p in progress(c, r.year):
                counts[p.status] = counts.get(p.status, 0) + 1
            rrows.append([str(r.year), fu.report_due(r.year).isoformat(), r.submitted_on or self.tr("未报送"),
                          VERDICT_LABELS[check.verdict],
                          "、".join(f"{PROGRESS_LABELS[k]} {n}" for k, n in counts.items()) or "—"])
        _fill(self.reports, rrows)
        _fill(self.events, [[e.kind_label, e.happened_on, e.reported_on or self.tr("未报备"),
                             self.tr("是") if e.revokes else self.tr("否"), e.description] for e in c.events],
              [palette.BAD if e.revokes else None for e in c.events])
        self.review = review(self.register, self.app_id, self.day)
        text = [f"复核（{self.day.isoformat()}）：{self.review.verdict_label}", ""]
        text += [f"· {p.text}" for p in self.review.targets]
        text += ["", *[f"理由：{r}" for r in self.review.reasons]]
        self.review_text.setPlainText("\n".join(text))

    @staticmethod
    def _figure(figure, c, f, ctx, fmt) -> str:
        v = figure(c.doc["values"], f.metric, ctx.latest_year, ctx.latest_year)
        return "—" if v is None else f"{fmt(v, f.metric.decimals)}{f.metric.unit}"

    def _report_error(self, exc: UserError) -> None:
        QMessageBox.warning(self, self.tr("发展目标"), exc.message)

    def propose(self) -> None:
        from core.follow.targets import propose_targets

        c = self.cluster
        existing = {(t.metric, t.year) for t in c.targets}
        added = 0
        try:
            for p in propose_targets(c.doc["values"].get("plan.targets") or "", c.context()):
                if (p.target.metric, p.target.year) not in existing:
                    self.register.add_target(self.app_id, p.target)
                    added += 1
        except UserError as exc:
            self._report_error(exc)
        self.refresh()
        QMessageBox.information(self, self.tr("发展目标"),
                                self.tr("从发展目标文字中识别出 %1 个新目标，请逐项核对后确认。").replace("%1", str(added)))

    def confirm_selected(self) -> None:
        rows = sorted({i.row() for i in self.targets.selectedItems()})
        for row in rows:
            target_id = self.targets.item(row, 0).data(Qt.ItemDataRole.UserRole)
            try:
                self.register.update_target(self.app_id, target_id, confirm=True)
            except UserError as exc:
                self._report_error(exc)
        self.refresh()

    def new_report(self) -> None:
        """The first year of the validity that has no report yet."""
        c = self.cluster
        year = next((y for y in c.report_years if c.report(y) is None), None)
        if year is None:
            QMessageBox.information(self, self.tr("年度培育情况"), self.tr("有效期内各年度的年度培育情况都已建立。"))
            return
        try:
            self.register.new_annual(self.app_id, year)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("年度培育情况"), exc.message)
            return
        self.edit_report(year)

    def submit_selected(self) -> None:
        rows = sorted({i.row() for i in self.reports.selectedItems()})
        for row in rows:
            try:
                self.register.submit_annual(self.app_id, int(self.reports.item(row, 0).text()), self.day)
            except UserError as exc:
                QMessageBox.warning(self, self.tr("年度培育情况"), exc.message)
        self.refresh()

    def add_event(self) -> None:
        from desktop.follow.dialogs import EventDialog

        self.event_dialog = EventDialog(self.register, self.app_id, self)
        self.event_dialog.accepted.connect(self.refresh)
        self.event_dialog.open()

    def edit_report(self, year: int) -> None:
        from desktop.follow.dialogs import AnnualDialog

        self.annual_dialog = AnnualDialog(self.register, self.app_id, year, self)
        self.annual_dialog.finished.connect(lambda _r: self.refresh())
        self.annual_dialog.open()

    def export_review(self) -> None:
        from core.follow.printout import review_pdf, write_pdf

        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出复核报告"), f"复核报告-{self.cluster.recognition.name}.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        try:
            data, _warnings = review_pdf(self.review)
            write_pdf(data, path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("复核"), exc.message)

    def export_annual_package(self, path: str | None = None, identity=None) -> bool:
        """The selected year's report as a signed package (core/follow/package.py)."""
        from core.follow.package import export_annual_package

        rows = sorted({i.row() for i in self.reports.selectedItems()})
        if not rows:
            QMessageBox.information(self, self.tr("导出报送包"), self.tr("请先选择要导出的年度。"))
            return False
        year = int(self.reports.item(rows[0], 0).text())
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出年度培育情况报送包"), f"年度培育情况-{self.cluster.recognition.name}-{year}.zip",
                self.tr("报送包 (*.zip)"))
        if not path:
            return False
        try:
            if identity is None:
                from desktop.package_identity import ask_office_identity

                values = self.cluster.doc["values"]
                identity = ask_office_identity(self, str(values.get("recommendation.unit") or ""))
                if identity is None:
                    return False
            result = export_annual_package(self.register, self.app_id, year, path, identity)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导出报送包"), exc.message)
            return False
        QMessageBox.information(self, self.tr("导出报送包"),
                                self.tr("已导出 %1 年度培育情况报送包：%2").replace("%1", str(year))
                                .replace("%2", str(result.path)))
        return True

