"""The list of applications in the store: search, 新建 / 打开 / 复制 / 删除, and the 回收站 view
where deleted applications can be restored. Overall verdicts are filled in after the list shows,
so the window is interactive at once."""

from __future__ import annotations

from core import palette
from core.errors import UserError
from core.rules.model import VERDICT_LABELS
from core.store import Store
from core.timefmt import local_time
from desktop.i18n import tr_fmt
from desktop.operations import OpChanges, Operations
from desktop.qt import (
    QAbstractItemView,
    QBrush,
    QCheckBox,
    QColor,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

ID_ROLE = Qt.ItemDataRole.UserRole
# (key, header) in display order; COL["name"] is the column of a key.
COLUMNS = (("number", "编号"), ("name", "集群名称"), ("region", "地区"), ("campaign", "申报年度"), ("status", "状态"),
           ("changed", "最后修改"), ("exported", "导出时间"), ("verdict", "总体结论"))
COL = {key: i for i, (key, _title) in enumerate(COLUMNS)}


class AppListView(QWidget):
    open_requested = Signal(str)  # application id
    new_requested = Signal()
    sample_requested = Signal()
    changed = Signal()  # something in the store changed from here (delete, duplicate …)

    def __init__(self, store: Store, parent: QWidget | None = None, *, ops: Operations | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops if ops is not None else Operations(self)
        self.failed = self.ops.failed  # reported once, by the hub
        self.ops.changed.connect(self._store_changed)
        self._verdicts: dict[tuple[str, str, str], str] = {}  # (id, changed, rules) -> verdict
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)

        self.banner = QFrame(self)
        self.banner.setObjectName("emptyBanner")
        self.banner.setStyleSheet("#emptyBanner { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; }")
        banner_layout = QHBoxLayout(self.banner)
        banner_text = QLabel(self.tr("数据库中还没有申请。可以先载入示例申请（上海市闵行区智能传感器产业集群）看看完整的填报效果，"
                                     "或直接新建一份申请。"), self.banner)
        banner_text.setWordWrap(True)
        banner_layout.addWidget(banner_text, 1)
        self.sample_button = QPushButton(self.tr("载入示例申请(&L)"), self.banner)
        self.sample_button.clicked.connect(self.sample_requested.emit)
        banner_layout.addWidget(self.sample_button)
        layout.addWidget(self.banner)
        from desktop.follow.hook import add_reminders

        add_reminders(self, layout)  # 待办事项 of the recognised clusters (desktop/follow)

        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("搜索：集群名称、编号、地区或规则集"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("新建(&N)"), self)
        self.open_button = QPushButton(self.tr("打开(&O)"), self)
        self.copy_button = QPushButton(self.tr("复制(&C)"), self)
        self.delete_button = QPushButton(self.tr("删除(&D)"), self)
        self.restore_button = QPushButton(self.tr("恢复(&R)"), self)
        self.trash = QCheckBox(self.tr("回收站(&T)"), self)
        self.trash.setToolTip(self.tr("显示已删除的申请，可恢复"))
        for w in (self.new_button, self.open_button, self.copy_button, self.delete_button, self.restore_button,
                  self.trash):
            bar.addWidget(w)
        layout.addLayout(bar)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("appTable")
        self.table.setHorizontalHeaderLabels([self.tr(title) for _key, title in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL["name"], QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.hint = QLabel(self)
        self.hint.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.hint)

        self.new_button.clicked.connect(self.new_requested.emit)
        self.open_button.clicked.connect(self._open_selected)
        self.copy_button.clicked.connect(lambda _c=False: self.duplicate_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.trash.toggled.connect(lambda _c: self.refresh())
        self.table.itemActivated.connect(lambda _item: self._open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._verdict_timer = QTimer(self)
        self._verdict_timer.setSingleShot(True)
        self._verdict_timer.timeout.connect(self._fill_verdicts)
        self.setTabOrder(self.search, self.table)

    # --- data -----------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        keep = select or self.selected_id()
        deleted = self.trash.isChecked()
        try:
            apps = self.store.list_applications(self.search.text(), only_deleted=deleted)
            empty_store = not deleted and not apps and not self.search.text() and not self.store.list_applications(
                include_deleted=True)
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        self.banner.setVisible(empty_store and not self.store.readonly)
        self.table.setRowCount(len(apps))
        for row, a in enumerate(apps):
            cells = {"number": a.number, "name": a.name, "region": a.region or a.jurisdiction,
                     "campaign": str(a.campaign), "status": a.status_label,
                     "changed": local_time(a.deleted_at if deleted else a.changed),
                     "exported": local_time(a.exported_at), "verdict": ""}
            for key, text in cells.items():
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, a.id)
                self.table.setItem(row, COL[key], item)
            self.table.item(row, COL["name"]).setToolTip(tr_fmt(self.tr("ID %1 · 规则集 %2"), a.id[:8], a.rules))
            if a.exported_at:
                self.table.item(row, COL["exported"]).setToolTip(self.tr("已导出报送包；报送记录中有每次导出的 SHA-256"))
            self.table.item(row, COL["verdict"]).setData(ID_ROLE + 1, (a.id, a.changed, a.rules))
            if row == 0 or a.id == keep:
                self.table.selectRow(row)
        self.hint.setText(self.tr("回收站中共 %n 份申请；选中后按“恢复”放回列表。", "", len(apps)) if deleted
                          else self.tr("共 %n 份申请。双击或按回车打开；所有修改随时自动保存。", "", len(apps)))
        self._update_buttons()
        self._verdict_timer.start(0)

    def _fill_verdicts(self) -> None:
        """The overall verdict of each listed application, under its own rule set (cached)."""
        from core.rules import evaluate

        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL["verdict"])
            if item is None:
                continue
            key = item.data(ID_ROLE + 1)
            verdict = self._verdicts.get(key)
            if verdict is None:
                try:
                    verdict = evaluate(self.store.load(key[0])).verdict
                except UserError:
                    verdict = ""
                self._verdicts[key] = verdict
            if verdict:
                item.setText(VERDICT_LABELS[verdict])
                item.setForeground(QBrush(QColor(palette.VERDICT[verdict])))

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(ID_ROLE)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        deleted = self.trash.isChecked()
        writable = not self.store.readonly
        self.open_button.setEnabled(has and not deleted)
        self.copy_button.setEnabled(has and not deleted and writable)
        self.delete_button.setEnabled(has and not deleted and writable)
        self.delete_button.setVisible(not deleted)
        self.restore_button.setVisible(deleted)
        self.restore_button.setEnabled(has and writable)
        self.new_button.setEnabled(writable)

    # --- actions --------------------------------------------------------------------------------
    def _open_selected(self) -> None:
        app_id = self.selected_id()
        if app_id and not self.trash.isChecked():
            self.open_requested.emit(app_id)

    def _store_changed(self, changes: OpChanges) -> None:
        """Any operation that added, removed or changed applications: show the list anew (and the
        application it concerns selected)."""
        if changes.app_list:
            self.refresh(select=changes.app_id)

    def _change(self, op, select=None) -> object:
        """One change to the list through the hub; every view (this list included) hears of it."""
        done = self.ops.run(op, lambda result: OpChanges(select(result) if select else None, app_list=True))
        if done:
            self.changed.emit()
        return done

    def duplicate_selected(self, *, next_year: bool = False) -> str | None:
        """复制 (the same year) or 复制为下一年度 (the next year's rule set, per-year figures shifted)."""
        app_id = self.selected_id()
        if not app_id:
            return None

        def op() -> str:
            campaign = self.store.load(app_id).campaign + 1 if next_year else None
            return self.store.duplicate(app_id, campaign=campaign)

        done = self._change(op, select=lambda new_id: new_id)
        return done.value if done else None

    def duplicate_next_year(self) -> str | None:
        return self.duplicate_selected(next_year=True)

    def _context_menu(self, pos) -> None:
        self.context_menu().popup(self.table.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        """The list's context menu: what the buttons do, plus 复制为下一年度."""
        menu = QMenu(self)
        has = self.selected_id() is not None
        deleted = self.trash.isChecked()
        writable = not self.store.readonly
        entries = [(self.tr("打开"), self._open_selected, has and not deleted, "actOpenApp"),
                   (self.tr("复制"), self.duplicate_selected, has and not deleted and writable, "actCopyApp"),
                   (self.tr("复制为下一年度"), self.duplicate_next_year, has and not deleted and writable,
                    "actCopyNextYear")]
        entries.append((self.tr("恢复"), self.restore_selected, has and writable, "actRestoreApp") if deleted
                       else (self.tr("删除"), self.delete_selected, has and writable, "actDeleteApp"))
        for text, slot, enabled, name in entries:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _c=False, slot=slot: slot())
        return menu

    def delete_selected(self) -> None:
        app_id = self.selected_id()
        if app_id:
            self._change(lambda: self.store.delete(app_id))

    def restore_selected(self) -> None:
        app_id = self.selected_id()
        if app_id:
            self._change(lambda: self.store.undelete(app_id), select=lambda _r: app_id)
