"""The 实地核查 record of one application: date, people, what was checked against which evidence,
photos or scans attached (stored by SHA-256), and the printable record for signature."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import tr_fmt
from desktop.qt import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


class InspectionEditor(QDialog):
    def __init__(self, desk, number: str, parent=None):
        super().__init__(parent)
        self.desk, self.number = desk, number
        sub = desk.get(number)
        self.setWindowTitle(tr_fmt(self.tr("实地核查：%1 %2"), sub.number, sub.cluster_name))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(self.date.date().currentDate())
        self.people = QLineEdit()
        self.people.setPlaceholderText(self.tr("核查人员，用逗号分隔"))
        self.conclusion = QLineEdit()
        form.addRow(self.tr("核查日期："), self.date)
        form.addRow(self.tr("核查人员："), self.people)
        form.addRow(self.tr("核查结论："), self.conclusion)
        layout.addLayout(form)
        self.items = QTableWidget(0, 3)
        self.items.setObjectName("inspectionItems")
        self.items.setHorizontalHeaderLabels([self.tr("核查内容"), self.tr("对照的佐证材料"), self.tr("核查结果")])
        self.items.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.items)
        row = QHBoxLayout()
        add = QPushButton(self.tr("添加核查事项"))
        add.clicked.connect(lambda: self.add_item())
        attach = QPushButton(self.tr("附现场照片或扫描件…"))
        attach.clicked.connect(lambda: self.attach())
        row.addWidget(add)
        row.addWidget(attach)
        row.addStretch(1)
        layout.addLayout(row)
        self.files = QListWidget()
        self.files.setMaximumHeight(80)
        layout.addWidget(self.files)
        self.history = QLabel()
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("保存核查记录"))
        save.setObjectName("saveInspection")
        save.clicked.connect(lambda: self.save())
        print_btn = QPushButton(self.tr("打印核查记录…"))
        print_btn.clicked.connect(lambda: self.print_record())
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(print_btn)
        layout.addLayout(buttons)
        self.attachments: list[Path] = []
        self.add_item()
        self._show_history()

    def add_item(self, item: str = "", evidence: str = "", result: str = "") -> None:
        r = self.items.rowCount()
        self.items.insertRow(r)
        for c, text in enumerate((item, evidence, result)):
            self.items.setItem(r, c, QTableWidgetItem(text))

    def attach(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择现场照片或扫描件"))
        for p in paths:
            self.attachments.append(Path(p))
            self.files.addItem(Path(p).name)

    def _rows(self) -> list[dict[str, str]]:
        out = []
        for r in range(self.items.rowCount()):
            cells = [(self.items.item(r, c).text() if self.items.item(r, c) else "").strip() for c in range(3)]
            if any(cells):
                out.append({"item": cells[0], "evidence": cells[1], "result": cells[2]})
        return out

    def save(self) -> bool:
        from core.desk import inspection
        from core.errors import UserError

        try:
            rows = [inspection.parse_item("=".join(r.values())) for r in self._rows()]
            inspection.record(self.desk, self.number, date=self.date.date().toString("yyyy-MM-dd"),
                              people=self.people.text().replace("，", ",").split(","), items=rows,
                              attachments=self.attachments, conclusion=self.conclusion.text())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("实地核查"), exc.message)
            return False
        self.attachments = []
        self.files.clear()
        self._show_history()
        return True

    def print_record(self, path: str | None = None) -> bool:
        from core.desk import inspection
        from core.errors import UserError
        from desktop import lastdir

        path = path or lastdir.save_file(self, self.tr("打印核查记录"), f"实地核查记录-{self.number}.pdf",
                                         self.tr("PDF (*.pdf)"))
        if not path:
            return False
        try:
            inspection.print_record(self.desk, self.number, path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("实地核查"), getattr(exc, "message", str(exc)))
            return False
        return True

    def _show_history(self) -> None:
        from core.desk import inspection

        recs = inspection.inspections(self.desk, self.number)
        self.history.setText("\n".join(
            tr_fmt(self.tr("已记录：%1　%2　%3 项，附件 %4 个"), r["date"], "、".join(r["people"]), len(r["items"]),
                   len(r["attachments"])) for r in recs) or self.tr("还没有核查记录。"))
