"""The export dialog: the checklist (findings, scans, certificate), the target file, progress and
the result. The worker thread runs ``core.package.export_package``; the dialog only collects choices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.errors import UserError
from desktop.i18n import tr_fmt
from desktop.package_widgets import BAD_COLOR, OK_COLOR, SCAN_FILTER, FileRow, show_status
from desktop.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    Qt,
    QThread,
    QVBoxLayout,
    QWidget,
    Signal,
)


class ExportWorker(QThread):
    """Unlocks (or creates) the certificate and writes the package, off the GUI thread."""

    progressed = Signal(int, str)  # per mille, what is happening
    succeeded = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, job: dict[str, Any], parent=None):
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        from core.package import export_package
        from core.package.certificate import ensure_identity
        from core.package.token import open_token, remember_choice

        job = self.job
        try:
            if job.get("token") is not None:
                identity = open_token(job["token"], job.pop("pin"))  # the PIN goes to the token only
            else:
                identity, _created = ensure_identity(job["passphrase"], job["office"])
            try:
                result = export_package(
                    job["app"], job["out"], identity, job["options"], evidence=job["evidence"], store=job["store"],
                    app_id=job["app_id"], render=job["render"], xlsx=job["xlsx"],
                    progress=lambda done, total, what: self.progressed.emit(int(done * 1000 / max(total, 1)), what))
            finally:
                identity.close()
            if job.get("token") is not None:
                remember_choice(job["token"])  # the module and certificate, for next time
        except UserError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # shown to the official, never a silent thread death
            self.failed.emit(f"导出失败：{exc}")
        else:
            self.succeeded.emit(result)


class ExportDialog(QDialog):
    """The checklist (findings, scans, certificate), the target file, progress and the result."""

    exported = Signal(object)  # ExportResult

    def __init__(self, app, *, store=None, app_id: str | None = None, evidence=None, default_dir: Path | None = None,
                 render=None, xlsx: Any = True, parent: QWidget | None = None):
        super().__init__(parent)
        from core.package import ExportOptions, StoreEvidence, checklist

        self.app, self.store, self.app_id = app, store, app_id
        self.evidence = evidence if evidence is not None else StoreEvidence(store)
        self._render, self._xlsx = render, xlsx
        self._options_cls = ExportOptions
        self.checklist = checklist(app, ExportOptions())
        self.result = None
        self.worker: ExportWorker | None = None
        self.setWindowTitle(tr_fmt(self.tr("导出报送包 — %1"), app.display_name))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(self._findings_box())
        layout.addWidget(self._scans_box())
        layout.addWidget(self._certificate_box())
        target = QFormLayout()
        self.out_row = FileRow(self.tr("保存报送包"), "报送包 (*.zip)", save=True, parent=self)
        folder = default_dir or Path.home()
        self.out_row.set_path(folder / f"{app.display_name}-报送包.zip")
        target.addRow(self.tr("保存为："), self.out_row)
        layout.addLayout(target)
        self.blockers = QLabel(self)
        self.blockers.setWordWrap(True)
        self.blockers.setObjectName("exportBlockers")
        layout.addWidget(self.blockers)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for signal in (self.reason.textChanged, self.ack.toggled, *self.identity_box.signals(), self.decl_row.changed,
                       self.rec_row.changed, self.out_row.changed):
            signal.connect(self.refresh)
        self.refresh()

    # --- the three parts of the checklist ---------------------------------------------------------

    def _findings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("1. 校验结果"), self)
        v = QVBoxLayout(box)
        self.findings_status = QLabel(box)
        v.addWidget(self.findings_status)
        errors = self.checklist.errors
        self.error_list = QListWidget(box)
        self.error_list.addItems([f.message for f in errors])
        self.error_list.setMaximumHeight(110)
        self.error_list.setWordWrap(True)
        self.error_list.setVisible(bool(errors))
        v.addWidget(self.error_list)
        reason_label = QLabel(self.tr("越过错误报送的理由："), box)
        reason_label.setVisible(bool(errors))
        v.addWidget(reason_label)
        self.reason = QPlainTextEdit(box)
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("仍要报送时，写明理由（写入清单和修改记录，接收方可见）"))
        self.reason.setMaximumHeight(70)
        self.reason.setVisible(bool(errors))
        v.addWidget(self.reason)
        if errors:
            show_status(self.findings_status, tr_fmt(self.tr("✗ 还有 %1 项错误未解决"), str(len(errors))), BAD_COLOR)
        else:
            warn = len(self.checklist.warnings)
            text = self.tr("✓ 没有错误") + (tr_fmt(self.tr("（%1 项警告）"), str(warn)) if warn else "")
            show_status(self.findings_status, text, OK_COLOR)
        return box

    def _scans_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("2. 签字盖章的扫描件"), self)
        form = QFormLayout(box)
        self.decl_row = FileRow(self.tr("选择真实性声明扫描件"), SCAN_FILTER, parent=box)
        self.rec_row = FileRow(self.tr("选择推荐意见扫描件"), SCAN_FILTER, parent=box)
        form.addRow(self.tr("真实性声明："), self.decl_row)
        form.addRow(self.tr("推荐意见："), self.rec_row)
        self.ack = QCheckBox(self.tr("确认暂缺签章扫描件，仍然导出"), box)
        form.addRow("", self.ack)
        return box

    def _certificate_box(self) -> QGroupBox:
        from core.package.export import office_default
        from desktop.package_identity import IdentityBox

        box = self.identity_box = IdentityBox(office_default(self.app), self)
        # the file certificate's fields, by the names the rest of the dialog (and its tests) use
        self.creating, self.cert_label = box.creating, box.cert_label
        self.office, self.passphrase, self.passphrase2 = box.office, box.passphrase, box.passphrase2
        return box

    # --- state ------------------------------------------------------------------------------------

    def options(self):
        return self._options_cls(override_reason=self.reason.toPlainText().strip() or None,
                                 declaration_scan=self.decl_row.path(), recommendation_scan=self.rec_row.path(),
                                 ack_missing_scans=self.ack.isChecked())

    def problems(self) -> list[str]:
        """Why 导出 is disabled right now (shown under the checklist)."""
        from core.package.export import GUI_HINTS

        options = self.options()
        missing = [label for label, path in (("真实性声明签章扫描件", options.declaration_scan),
                                             ("推荐意见签章扫描件", options.recommendation_scan)) if not path]
        self.checklist.missing_scans = missing
        out = self.checklist.blocking(options, GUI_HINTS)
        out += self.identity_box.problems()
        if not self.out_row.path():
            out.append(self.tr("请选择报送包的保存位置。"))
        return out

    def refresh(self) -> None:
        self.ack.setVisible(not (self.decl_row.path() and self.rec_row.path()))
        problems = self.problems()
        self.blockers.setText("\n".join(f"• {p}" for p in problems))
        self.blockers.setStyleSheet(f"color: {BAD_COLOR};")
        busy = self.worker is not None and self.worker.isRunning()
        self.export_button.setEnabled(not problems and not busy)

    # --- doing it ---------------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.problems():
            self.refresh()
            return
        out = self.out_row.path()
        if out.suffix.lower() != ".zip":
            out = out.with_suffix(".zip")
        job = {"app": self.app, "out": out, "options": self.options(), "evidence": self.evidence,
               "store": self.store, "app_id": self.app_id, "render": self._render, "xlsx": self._xlsx,
               "passphrase": self.passphrase.text().encode("utf-8"), "office": self.office.text().strip()}
        if self.identity_box.ukey_mode():
            job.update(token=self.identity_box.token_choice(), pin=self.identity_box.pin.text(), passphrase=b"")
            self.identity_box.pin.clear()  # asked again for every signature
        self.result = None
        self.result_label.clear()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.worker = ExportWorker(job, self)
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self.refresh)
        self.export_button.setEnabled(False)
        self.worker.start()

    def _on_progress(self, per_mille: int, what: str) -> None:
        self.progress.setValue(per_mille)
        self.progress.setFormat(f"{what} %p%")

    def _on_done(self, result) -> None:
        self.result = result
        self.progress.setValue(1000)
        self.progress.setFormat(self.tr("完成"))
        note = ""
        if result.manifest.get("override"):
            note = self.tr("\n已记录越过错误报送的理由。")
        if result.event is not None:  # core kept the receipt and sealed the application
            note += self.tr("\n已记入报送记录；申请已封存（已导出），修改前会询问是否重新打开。")
        self.result_label.setText(tr_fmt(self.tr("✓ 已导出：%1\n报送包 SHA-256：%2\n签名证书指纹：%3"), str(result.path), result.sha256, result.certificate.fingerprint_display)
                                  + tr_fmt(self.tr("\n签名方式：%1；签发者：%2"),
                                           self._kind_label(result.manifest), result.certificate.issuer)
                                  + note)
        self.result_label.setStyleSheet(f"color: {OK_COLOR};")
        self.exported.emit(result)

    @staticmethod
    def _kind_label(manifest) -> str:
        from core.package.certificate import KINDS

        return KINDS.get((manifest.get("office") or {}).get("identity") or "", "")

    def _on_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.result_label.setText("✗ " + message)
        self.result_label.setStyleSheet(f"color: {BAD_COLOR};")

    def reject(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            return  # a half-written package is never left behind, but let the worker finish first
        super().reject()

    def wait_for_worker(self) -> None:
        if self.worker is not None:
            self.worker.wait()  # a QThread destroyed while running aborts the whole program

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.wait_for_worker()
        super().closeEvent(event)

    def done(self, code: int) -> None:
        self.wait_for_worker()
        super().done(code)
