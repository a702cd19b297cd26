"""The 初审 editor: one row per item (basic conditions, indicators 1–8), the program's verdict
beside the reviewer's (a choice) and a remark; 补正 requests; the decision."""

from __future__ import annotations

from desktop.i18n import tr_fmt
from desktop.qt import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

UNSET = "未审"


class ReviewEditor(QDialog):
    def __init__(self, desk, number: str, parent=None):
        super().__init__(parent)
        self.desk, self.number = desk, number
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        self.head = QLabel()
        self.head.setWordWrap(True)
        layout.addWidget(self.head)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("reviewItems")
        self.table.setHorizontalHeaderLabels([self.tr("初审项"), self.tr("程序结论"), self.tr("初审结论"), self.tr("备注")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 380)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.accept_btn = QPushButton(self.tr("未审项采纳程序结论"))
        self.accept_btn.clicked.connect(self.accept_program)
        self.save_btn = QPushButton(self.tr("保存初审结论"))
        self.save_btn.setObjectName("saveReview")
        self.save_btn.clicked.connect(self.save)
        row.addWidget(self.accept_btn)
        row.addStretch(1)
        row.addWidget(self.save_btn)
        layout.addLayout(row)

        layout.addWidget(QLabel(self.tr("待补正事项：")))
        self.fixes = QListWidget()
        self.fixes.setMaximumHeight(90)
        layout.addWidget(self.fixes)
        fix_row = QHBoxLayout()
        self.fix_text = QLineEdit()
        self.fix_text.setPlaceholderText(self.tr("需补正的内容"))
        self.fix_due = QDateEdit()
        self.fix_due.setCalendarPopup(True)
        self.fix_due.setDisplayFormat("yyyy-MM-dd")
        self.fix_due.setDate(self.fix_due.date().currentDate().addDays(7))
        add = QPushButton(self.tr("添加补正事项"))
        add.clicked.connect(self.add_correction)
        notice = QPushButton(self.tr("打印补正通知…"))
        notice.clicked.connect(self.print_notice)
        for w in (self.fix_text, self.fix_due, add, notice):
            fix_row.addWidget(w)
        layout.addLayout(fix_row)

        decide_row = QHBoxLayout()
        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        self.decision.addItems(["初审通过", "需补正", "不予推荐"])
        decide = QPushButton(self.tr("作出初审决定"))
        decide.setObjectName("decide")
        decide.clicked.connect(self.decide)
        decide_row.addWidget(QLabel(self.tr("初审决定：")))
        decide_row.addWidget(self.decision)
        decide_row.addWidget(decide)
        decide_row.addStretch(1)
        layout.addLayout(decide_row)
        self.refresh()

    def refresh(self) -> None:
        from core.desk import review

        sub = self.desk.get(self.number)
        self.setWindowTitle(tr_fmt(self.tr("初审：%1 %2"), sub.number, sub.cluster_name))
        self.head.setText(tr_fmt(self.tr("%1　%2　状态：%3　程序自评：%4"), sub.number, sub.cluster_name,
                                 sub.status_label, sub.verdict_label))
        self.items = review.items(self.desk, sub)
        self.table.setRowCount(len(self.items))
        for r, it in enumerate(self.items):
            title = QTableWidgetItem(it.title)
            title.setFlags(title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            program = QTableWidgetItem(it.program or self.tr("由评审人判断"))
            program.setFlags(program.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, title)
            self.table.setItem(r, 1, program)
            combo = QComboBox()
            combo.addItems([UNSET, "符合", "不符合", "需补正"])
            combo.setCurrentText(it.verdict or UNSET)
            self.table.setCellWidget(r, 2, combo)
            self.table.setItem(r, 3, QTableWidgetItem(it.remark))
        self.fixes.clear()
        for c in review.corrections(self.desk, sub.number):
            self.fixes.addItem(c["item"] + (tr_fmt(self.tr("（期限 %1）"), c["due"]) if c["due"] else ""))

    def _run(self, fn) -> bool:
        from core.errors import UserError

        try:
            fn()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("初审"), exc.message)
            return False
        finally:
            self.refresh()
        return True

    def save(self) -> bool:
        from core.desk import review

        def work() -> None:
            for r, it in enumerate(self.items):
                verdict = self.table.cellWidget(r, 2).currentText()
                remark = (self.table.item(r, 3).text() if self.table.item(r, 3) else "").strip()
                if verdict != UNSET and (verdict != it.verdict or remark != it.remark):
                    review.record(self.desk, self.number, it.key, verdict, remark)
        return self._run(work)

    def accept_program(self) -> bool:
        from core.desk import review

        return self._run(lambda: review.accept_program(self.desk, self.number))

    def add_correction(self) -> bool:
        from core.desk import review

        text = self.fix_text.text()
        ok = self._run(lambda: review.request_correction(self.desk, self.number, text,
                                                         self.fix_due.date().toString("yyyy-MM-dd")))
        if ok:
            self.fix_text.clear()
        return ok

    def decide(self) -> bool:
        from core.desk import review

        return self._run(lambda: review.decide(self.desk, self.number, self.decision.currentText()))

    def print_notice(self, path: str | None = None) -> bool:
        from core.desk import review
        from desktop import lastdir

        path = path or lastdir.save_file(self, self.tr("打印补正通知"), f"补正通知-{self.number}.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return False
        return self._run(lambda: review.correction_notice(self.desk, self.number, path))
