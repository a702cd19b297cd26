"""The export, verify and certificate dialogs, driven like an official would, offscreen."""

from __future__ import annotations

import json
import os
import zipfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.package import FolderEvidence  # noqa: E402
from core.package import certificate as cert  # noqa: E402
from core.timefmt import local_time  # noqa: E402
from desktop.package_dialogs import CertificateDialog, ExportDialog, VerifyDialog  # noqa: E402
from desktop.qt import (  # noqa: E402
    QApplication,
    QDropEvent,
    QInputMethodEvent,
    QMimeData,
    QPoint,
    QPointF,
    Qt,
    QUrl,
)
from tests.package.conftest import PASSPHRASE, SAMPLES, flip, rewrite_zip, tiny_render  # noqa: E402


def type_text(widget, text: str) -> None:
    """Chinese goes in as an input-method commit (keyClicks cannot type it)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_dialog(qtbot, app, tmp_path, **kw):
    dialog = ExportDialog(app, evidence=FolderEvidence(SAMPLES), default_dir=tmp_path, render=tiny_render, xlsx=None,
                          **kw)
    qtbot.addWidget(dialog)
    return dialog


def test_export_dialog_checklist_and_result(qtbot, sample_app, identity, tmp_path, scans):
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    dialog.show()
    assert "没有错误" in dialog.findings_status.text()
    assert not dialog.reason.isVisible()
    assert identity.info.fingerprint_display in dialog.cert_label.text()
    # nothing chosen yet: scans missing, no passphrase → 导出 disabled, reasons listed
    assert not dialog.export_button.isEnabled()
    assert "签章扫描件" in dialog.blockers.text() and "证书密码" in dialog.blockers.text()
    dialog.decl_row.set_path(scans[0])
    dialog.rec_row.set_path(scans[1])
    assert not dialog.ack.isVisible()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE.decode())
    assert dialog.export_button.isEnabled(), dialog.blockers.text()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog.wait_for_worker()
    result = blocker.args[0]
    assert result.path.is_file() and result.path.parent == tmp_path
    assert dialog.progress.value() == 1000
    assert str(result.path) in dialog.result_label.text()
    with zipfile.ZipFile(result.path) as zf:
        assert "declaration-signed.pdf" in zf.namelist() and "recommendation-signed.png" in zf.namelist()


def test_export_dialog_override_reason_and_ack(qtbot, sample_app, identity, tmp_path):
    sample_app.evidence = []
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    dialog.show()
    assert "项错误未解决" in dialog.findings_status.text()
    assert dialog.error_list.count() == len(dialog.checklist.errors) > 0
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE.decode())
    assert "在“理由”栏填写" in dialog.blockers.text()
    reason = "区经委已现场核验原件，同意先行报送"
    type_text(dialog.reason, reason)
    assert dialog.reason.toPlainText() == reason
    assert not dialog.export_button.isEnabled()  # scans still missing
    qtbot.mouseClick(dialog.ack, Qt.MouseButton.LeftButton, pos=QPoint(4, dialog.ack.height() // 2))
    assert dialog.ack.isChecked() and dialog.export_button.isEnabled(), dialog.blockers.text()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        dialog.export_button.click()
    dialog.wait_for_worker()
    assert blocker.args[0].manifest["override"]["reason"] == reason
    assert "越过错误" in dialog.result_label.text()


def test_export_dialog_wrong_passphrase_shows_error(qtbot, sample_app, identity, tmp_path):
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    dialog.ack.setChecked(True)
    qtbot.keyClicks(dialog.passphrase, "not-the-passphrase")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "密码不正确" in dialog.result_label.text(), timeout=30000)
    qtbot.waitUntil(lambda: not dialog.worker.isRunning())
    assert dialog.result is None and not list(tmp_path.glob("*.zip"))


def test_export_dialog_creates_certificate_first_time(qtbot, sample_app, tmp_path):
    assert not cert.has_office_certificate()
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    dialog.show()
    assert dialog.creating and dialog.office.text() == "上海市闵行区经济委员会"
    dialog.ack.setChecked(True)
    qtbot.keyClicks(dialog.passphrase, "new-office-pass")
    assert "不一致" in dialog.blockers.text()
    qtbot.keyClicks(dialog.passphrase2, "new-office-pass")
    assert dialog.export_button.isEnabled(), dialog.blockers.text()
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export_button.click()
    dialog.wait_for_worker()
    assert cert.office_certificate_info().office == "上海市闵行区经济委员会"


def _drop(widget, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    return event


def test_verify_dialog_accepts_a_dropped_package(qtbot, package, trust_file, tmp_path):
    dialog = VerifyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.acceptDrops()
    _drop(dialog, package)
    assert dialog.result is not None and dialog.result.exit_code == 3
    assert "尚未确认签名证书" in dialog.status.text()
    assert "--trust" not in dialog.status.text() and "信任的证书" in dialog.status.text()  # the window's words
    with zipfile.ZipFile(package) as zf:
        exported = json.loads(zf.read("manifest.json"))["exported"]
    assert f"导出：{local_time(exported, seconds=True)}" in dialog.details.toPlainText()  # local time, as elsewhere
    dialog.trust_row.set_path(trust_file)  # re-verifies with the trusted certificate
    assert dialog.result.ok and dialog.status.text().startswith("✓")
    assert "签名单位：上海市闵行区经济委员会" in dialog.details.toPlainText()
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, change={"application.json": flip})
    _drop(dialog, bad)
    assert dialog.status.text().startswith("✗") and "application.json" in dialog.status.text()


def test_verify_dialog_ignores_other_drops(qtbot, tmp_path):
    dialog = VerifyDialog()
    qtbot.addWidget(dialog)
    note = tmp_path / "note.txt"
    note.write_text("x", encoding="utf-8")
    _drop(dialog, note)
    assert dialog.result is None and dialog.status.text() == ""
    assert dialog.drop_hint.text() == "把报送包（.zip）拖到这里，或点“选择报送包…”。"  # still asking for a package


def test_certificate_dialog_fingerprint_and_export(qtbot, identity, tmp_path):
    dialog = CertificateDialog()
    qtbot.addWidget(dialog)
    shown = dialog.fingerprint.text().replace("\n", " ")
    assert shown == identity.info.fingerprint_display
    assert "上海市闵行区经济委员会" in dialog.info_label.text()
    out = dialog.export_to(tmp_path / "office.cer", "der")
    assert cert.cert_info(cert.load_certificate_file(out)).fingerprint == identity.info.fingerprint


@pytest.mark.usefixtures("_isolated_home")
def test_certificate_dialog_without_certificate_then_import(qtbot, tmp_path, other_identity, monkeypatch):
    from desktop.qt import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    dialog = CertificateDialog()
    qtbot.addWidget(dialog)
    assert not dialog.pem_button.isEnabled() and "还没有本单位证书" in dialog.info_label.text()
    src = tmp_path / "issued.p12"
    src.write_bytes(other_identity.p12)
    assert not dialog.import_from(src, "wrong", "new-passphrase")
    assert dialog.import_from(src, PASSPHRASE.decode(), "new-passphrase")
    assert dialog.pem_button.isEnabled()
    assert dialog.fingerprint.text().replace("\n", " ") == other_identity.info.fingerprint_display


def test_export_marks_the_open_session_exported_at_once(qtbot, identity, tmp_path, scans):
    """Core returns the history event; the GUI applies it: the status box reads 已导出 without a reload."""
    from types import SimpleNamespace

    from core.paths import resource
    from core.store import Store
    from desktop.package_dialogs import apply_export
    from desktop.session import EditSession
    from desktop.wizardview import WizardView

    store = Store.open(str(tmp_path / "s.sqlite"))
    try:
        app_id = store.import_json(resource("samples", "sample-application.json"))
        session = EditSession(store, app_id)
        view = WizardView(session)
        qtbot.addWidget(view)
        assert view.status_box.combo.currentText() != "已导出"
        dialog = ExportDialog(store.load(app_id), store=store, app_id=app_id, default_dir=tmp_path,
                              render=tiny_render, xlsx=None)  # evidence: from the store
        qtbot.addWidget(dialog)
        dialog.exported.connect(lambda result: apply_export(SimpleNamespace(ops=session.ops), result))
        dialog.decl_row.set_path(scans[0])
        dialog.rec_row.set_path(scans[1])
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE.decode())
        assert dialog.export_button.isEnabled(), dialog.blockers.text()
        with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
            dialog.export_button.click()
        dialog.wait_for_worker()
        event = blocker.args[0].event
        assert event.app_id == app_id and event.status == "exported"
        assert event.note["sha256"] == blocker.args[0].sha256
        assert session.app.status == "exported"
        assert view.status_box.combo.currentText() == "已导出"
        assert store.get(app_id)["status"] == "exported"
        assert store.history(app_id)[-1].action in ("export", "status")
    finally:
        store.close()
