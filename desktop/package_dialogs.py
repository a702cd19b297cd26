"""Dialogs of the submission package: export (checklist, progress, result), verify (drop a
package, see the outcome plainly) and the office certificate (fingerprint, export, import).

Entry points for the menus (desktop/integrations.py): ``export(window, _)``, ``verify(window, _)``
and ``certificate(window, _)``. All checking and signing is done by ``core.package``; these
dialogs only collect choices and show results. pyHanko loads only when a dialog does its work.
"""

from __future__ import annotations

from pathlib import Path

from desktop.package_certificate import CertificateDialog
from desktop.package_export import ExportDialog, ExportWorker
from desktop.package_verify import VerifyDialog
from desktop.package_widgets import keep_fitted

__all__ = ["CertificateDialog", "ExportDialog", "ExportWorker", "VerifyDialog", "apply_export", "certificate", "export",
           "verify"]


# --- menu entry points (desktop/integrations.py calls these) ----------------------------------------

def export(window, _arg=None):
    app_id = window.current_app_id()
    if app_id is None:
        window.show_error(window.tr("请先打开要导出的申请。"))
        return None
    from desktop import lastdir

    dialog = ExportDialog(window.store.load(app_id), store=window.store, app_id=app_id,
                          default_dir=Path(lastdir.last_folder()), parent=window)
    dialog.exported.connect(lambda result: apply_export(window, result))
    dialog.exported.connect(lambda result: confirm_export(dialog, result))
    keep_fitted(dialog).exec()
    return dialog.result


def confirm_export(dialog, result) -> None:
    """Where the package went, with 打开所在文件夹 (the dialog itself also shows the hashes)."""
    from desktop.saved import confirm_saved

    confirm_saved(dialog, dialog.tr("导出报送包"), dialog.tr("已导出报送包"), result.path,
                  f"SHA-256：{result.sha256}")


def apply_export(window, result) -> None:
    """Core returned the history event it recorded: show it at once (status box, list, session)."""
    from desktop.operations import OpChanges

    event = result.event
    if event is not None and getattr(window, "ops", None) is not None:
        window.ops.announce(OpChanges(event.app_id, status=event.status, app_list=True))


def verify(window, _arg=None):
    dialog = VerifyDialog(window)
    keep_fitted(dialog).exec()
    return dialog.result


def certificate(window, _arg=None):
    keep_fitted(CertificateDialog(window)).exec()
