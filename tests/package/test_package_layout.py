"""No truncated texts in the package dialogs at 1366×768: every wrapped label gets the height its
text needs and no input row is squeezed, before and after an export (keep_fitted)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.package import FolderEvidence  # noqa: E402
from desktop.package_dialogs import CertificateDialog, ExportDialog  # noqa: E402
from desktop.package_widgets import keep_fitted  # noqa: E402
from desktop.qt import QLabel, QLineEdit, QWidget  # noqa: E402
from tests.package.conftest import SAMPLES, tiny_render  # noqa: E402


@pytest.fixture(autouse=True)
def program_font(qapp):
    """The program's own font (Noto Sans SC) and Chinese Qt texts, as the official sees them."""
    from desktop.app import setup_application

    return setup_application(lang="zh_CN")


def assert_nothing_clipped(dialog: QWidget) -> None:
    assert dialog.height() <= 768 and dialog.width() <= 1366
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    for edit in dialog.findChildren(QLineEdit):
        if edit.isVisible():
            assert edit.height() >= edit.minimumSizeHint().height(), edit.objectName()


def settle(qtbot, dialog) -> None:
    qtbot.waitExposed(dialog)
    qtbot.wait(20)  # keep_fitted resizes on the next turn of the event loop


def test_export_dialog_without_a_certificate_fits(qtbot, sample_app, tmp_path):
    dialog = ExportDialog(sample_app, evidence=FolderEvidence(SAMPLES), default_dir=tmp_path, render=tiny_render,
                          xlsx=None)
    qtbot.addWidget(dialog)
    keep_fitted(dialog).show()
    settle(qtbot, dialog)
    assert dialog.creating and dialog.office.isVisible()
    assert_nothing_clipped(dialog)
    dialog.blockers.setText("\n".join(f"• 第 {n} 条需要处理的问题，文字较长，需要换行才能完整显示出来。" * 2
                                      for n in range(4)))
    qtbot.wait(20)
    assert_nothing_clipped(dialog)


def test_export_dialog_with_errors_and_certificate_fits(qtbot, sample_app, identity, tmp_path):
    sample_app.evidence = []
    dialog = ExportDialog(sample_app, evidence=FolderEvidence(SAMPLES), default_dir=tmp_path, render=tiny_render,
                          xlsx=None)
    qtbot.addWidget(dialog)
    keep_fitted(dialog).show()
    settle(qtbot, dialog)
    assert dialog.reason.isVisible()
    assert_nothing_clipped(dialog)


def test_certificate_dialog_fits(qtbot, identity):
    dialog = CertificateDialog()
    qtbot.addWidget(dialog)
    keep_fitted(dialog).show()
    settle(qtbot, dialog)
    assert_nothing_clipped(dialog)


def test_export_dialog_ukey_mode_fits(qtbot, sample_app, identity, tmp_path):
    dialog = ExportDialog(sample_app, evidence=FolderEvidence(SAMPLES), default_dir=tmp_path, render=tiny_render,
                          xlsx=None)
    qtbot.addWidget(dialog)
    keep_fitted(dialog).show()
    dialog.identity_box.use_ukey.setChecked(True)
    dialog.identity_box.module_row.set_path(tmp_path / "vendor" / "libvendor-pkcs11.so")  # a long message
    settle(qtbot, dialog)
    assert dialog.identity_box.ukey_label.isVisible() and "找不到 UKey 驱动模块" in dialog.identity_box.ukey_label.text()
    assert_nothing_clipped(dialog)
