"""The export dialog of a stored application: the receipt is kept, the result says so, the open
session is sealed (its undo history cleared) and the status box offers 重新打开 and 报送记录."""

from __future__ import annotations

import os
import zipfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.package.conftest import PASSPHRASE, tiny_render  # noqa: E402


def test_dialog_export_keeps_a_receipt_and_seals_the_session(qtbot, identity, tmp_path, scans):
    import json
    from types import SimpleNamespace

    from core.paths import resource
    from core.store import Store
    from core.store.seal import data_hash
    from desktop.package_dialogs import ExportDialog, apply_export
    from desktop.session import EditSession
    from desktop.wizardview import WizardView

    store = Store.open(str(tmp_path / "s.sqlite"))
    try:
        app_id = store.import_json(resource("samples", "sample-application.json"))
        session = EditSession(store, app_id)
        view = WizardView(session)
        qtbot.addWidget(view)
        session.edit("basic.area", "13.00")
        assert session.undo_stack.count() == 1
        assert not view.status_box.receipts_button.isVisibleTo(view)
        dialog = ExportDialog(store.load(app_id), store=store, app_id=app_id, default_dir=tmp_path,
                              render=tiny_render, xlsx=None)
        qtbot.addWidget(dialog)
        dialog.exported.connect(lambda result: apply_export(SimpleNamespace(ops=session.ops), result))
        dialog.decl_row.set_path(scans[0])
        dialog.rec_row.set_path(scans[1])
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE.decode())
        with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
            dialog.export_button.click()
        dialog.wait_for_worker()
        result = blocker.args[0]
        assert "报送记录" in dialog.result_label.text() and "已封存" in dialog.result_label.text()
        [receipt] = store.receipts(app_id)
        assert receipt.sha256 == result.sha256 and receipt.certificate_sha256 == identity.info.fingerprint
        with zipfile.ZipFile(result.path) as zf:
            assert data_hash(json.loads(zf.read("application.json"))) == data_hash(store.get(app_id))
        assert session.sealed and session.undo_stack.count() == 0  # an undo would change signed data
        assert view.status_box.reopen_button.isVisibleTo(view)
        assert view.status_box.receipts_button.isVisibleTo(view)
    finally:
        store.close()
