"""The 评审台 window: pick the campaign (rule set), see the register and its deadlines, take in a
folder, open an application's 初审, compare and rank, export the outgoing package."""

from __future__ import annotations

from core import palette
from desktop.desk.compare_view import CompareView
from desktop.i18n import tr_fmt
from desktop.qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ["受理编号", "集群名称", "来源", "校验", "状态", "程序自评", "版本", "收到时间", "不予受理原因"]


class DeskWindow(QMainWindow):
    def __init__(self, desk, parent=None, rules: str | None = None):
        super().__init__(parent)
        from core.rules.loader import available_rulesets

        self.desk = desk
        self.setWindowTitle(self.tr("评审台 — 集群申报助手"))
        self.resize(1280, 760)
        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        self.rules = QComboBox()
        self.rules.setObjectName("deskRules")
        self.rules.addItems(available_rulesets())
        if rules:
            self.rules.setCurrentText(rules)
        top.addWidget(QLabel(self.tr("批次（规则集）：")))
        top.addWidget(self.rules)
        self.intake_btn = QPushButton(self.tr("受理文件夹…"))
        self.intake_btn.clicked.connect(lambda: self.intake())
        self.review_btn = QPushButton(self.tr("初审…"))
        self.review_btn.clicked.connect(lambda: self.open_review())
        self.inspect_btn = QPushButton(self.tr("实地核查…"))
        self.inspect_btn.clicked.connect(lambda: self.open_inspection())
        self.trust_btn = QPushButton(self.tr("确认证书"))
        self.trust_btn.clicked.connect(self.confirm_trust)
        self.export_btn = QPushButton(self.tr("导出上报包…"))
        self.export_btn.clicked.connect(lambda: self.export())
        for b in (self.intake_btn, self.review_btn, self.inspect_btn, self.trust_btn, self.export_btn):
            top.addWidget(b)
        top.addStretch(1)
        layout.addLayout(top)
        self.deadline = QLabel()
        self.deadline.setObjectName("deskDeadline")
        self.deadline.setWordWrap(True)
        self.deadline.setStyleSheet(f"color: {palette.INFO};")
        layout.addWidget(self.deadline)
        self.tabs = QTabWidget()
        self.register = QTableWidget(0, len(COLUMNS))
        self.register.setObjectName("deskRegister")
        self.register.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.register.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.register.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.register.setSortingEnabled(True)
        self.register.cellDoubleClicked.connect(lambda r, _c: self.open_review(self.register.item(r, 0).text()))
        self.compare = CompareView(desk)
        self.tabs.addTab(self.register, self.tr("登记簿"))
        self.tabs.addTab(self.compare, self.tr("比较与排序"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.rules.currentTextChanged.connect(lambda _t: self.refresh())
        self.refresh()

    @property
    def rules_id(self) -> str:
        return self.rules.currentText()

    def refresh(self) -> None:
        from core.desk.deadlines import campaign_status

        subs = self.desk.submissions(self.rules_id)
        self.register.setSortingEnabled(False)
        self.register.setRowCount(len(subs))
        for r, s in enumerate(subs):
            version = str(s.version or "") + ("" if s.latest else self.tr("（已有新版本）"))
            cells = [s.number, s.cluster_name or s.file_name, s.kind_label, s.verification_label, s.status_label,
                     s.verdict_label if s.verdict else "—", version, s.received_at[:19].replace("T", " "),
                     s.refused_reason or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not s.taken_in:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.register.setItem(r, c, item)
        self.register.setSortingEnabled(True)
        self.register.resizeColumnsToContents()
        cs = campaign_status(self.desk, self.rules_id)
        self.deadline.setText("\n".join(cs.lines()[1:]))
        self.compare.load(self.rules_id)

    def selected_number(self) -> str | None:
        rows = self.register.selectionModel().selectedRows()
        return self.register.item(rows[0].row(), 0).text() if rows else None

    # --- actions ----------------------------------------------------------------------------------
    def intake(self, folder: str | None = None):
        """Take in a folder; returns the dialog (its ``finished_intake`` signal carries the result)."""
        from desktop.desk.intake_view import IntakeDialog

        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("选择受理文件夹（U 盘、光盘）"))
        if not folder:
            return None
        dialog = IntakeDialog(self.desk, folder, self.rules_id, self)
        dialog.finished_intake.connect(lambda _r: self.refresh())
        dialog.show()
        return dialog

    def open_review(self, number: str | None = None):
        from desktop.desk.review_editor import ReviewEditor

        number = number or self.selected_number()
        if not number:
            QMessageBox.information(self, self.tr("初审"), self.tr("请先在登记簿中选择一份申报。"))
            return None
        sub = self.desk.get(number)
        if not sub.taken_in or sub.document is None:
            QMessageBox.information(self, self.tr("初审"), tr_fmt(self.tr("%1 不予受理或不是申报，不能初审。"), number))
            return None
        editor = ReviewEditor(self.desk, number, self)
        editor.finished.connect(lambda _r: self.refresh())
        editor.show()
        return editor

    def open_inspection(self, number: str | None = None):
        from desktop.desk.inspection_editor import InspectionEditor

        number = number or self.selected_number()
        if not number:
            QMessageBox.information(self, self.tr("实地核查"), self.tr("请先在登记簿中选择一份申报。"))
            return None
        if not self.desk.get(number).taken_in:
            QMessageBox.information(self, self.tr("实地核查"), tr_fmt(self.tr("%1 不予受理，不能核查。"), number))
            return None
        editor = InspectionEditor(self.desk, number, self)
        editor.finished.connect(lambda _r: self.refresh())
        editor.show()
        return editor

    def confirm_trust(self) -> None:
        from core.errors import UserError
        from core.package.certificate import format_fingerprint

        number = self.selected_number()
        if not number:
            return
        sub = self.desk.get(number)
        if not sub.fingerprint:
            QMessageBox.information(self, self.tr("确认证书"), self.tr("这份申报没有数字签名。"))
            return
        answer = QMessageBox.question(self, self.tr("确认证书"), tr_fmt(
            self.tr("请电话向 %1 核对证书指纹：\n%2\n\n指纹一致，确认信任此证书？"), sub.sender, format_fingerprint(sub.fingerprint)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.desk.confirm_trust(sub.fingerprint)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("确认证书"), exc.message)
        self.refresh()

    def export(self, path: str | None = None, identity=None) -> bool:
        from core.desk.outgoing import export_outgoing
        from core.errors import UserError
        from desktop import lastdir

        path = path or lastdir.save_file(self, self.tr("导出上报包"), f"推荐上报-{self.rules_id}.zip",
                                         self.tr("上报包 (*.zip)"))
        if not path:
            return False
        try:
            if identity is None:
                from desktop.package_identity import ask_office_identity

                identity = ask_office_identity(self, self.desk.setting(self.rules_id, "office", ""))
                if identity is None:
                    return False
            result = export_outgoing(self.desk, self.rules_id, path, identity)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导出上报包"), exc.message)
            return False
        self.statusBar().showMessage(tr_fmt(self.tr("已导出上报包：%1（推荐 %2 个）"), str(result.path), result.places), 8000)
        self.refresh()
        return True
