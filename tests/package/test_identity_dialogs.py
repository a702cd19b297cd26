"""The export dialog's signing identity (certificate file, CA file, UKey) and the verify dialog's
chain and checks, driven offscreen like an official would."""

from __future__ import annotations

import os
import zipfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.package import FolderEvidence, verify_package  # noqa: E402
from core.package import certificate as cert  # noqa: E402
from core.package import token as tk  # noqa: E402
from desktop.package_dialogs import ExportDialog, VerifyDialog  # noqa: E402
from tests.package.conftest import OFFICE_EC, SAMPLES, tiny_render  # noqa: E402
from tests.package.pki import USER_PIN, have_softhsm, make_chain, write_p12  # noqa: E402

needs_softhsm = pytest.mark.skipif(not have_softhsm(), reason="softhsm2 / opensc not installed")


def make_dialog(qtbot, app, tmp_path):
    dialog = ExportDialog(app, evidence=FolderEvidence(SAMPLES), default_dir=tmp_path, render=tiny_render, xlsx=None)
    qtbot.addWidget(dialog)
    dialog.ack.setChecked(True)
    return dialog


def choose_ukey(dialog, hsm, token: str) -> None:
    box = dialog.identity_box
    box.use_ukey.setChecked(True)
    box.module_row.set_path(hsm.module)  # reads the UKey's certificates, no PIN asked
    index = next(i for i, c in enumerate(box.certs) if c.token == token)
    box.cert_combo.setCurrentIndex(index)


@needs_softhsm
def test_export_dialog_signs_with_ukey(qtbot, hsm, sample_app, identity, tmp_path):
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    dialog.show()
    assert dialog.identity_box.file_part.isVisible() and not dialog.identity_box.ukey_part.isVisible()
    choose_ukey(dialog, hsm, "office-ec")
    box = dialog.identity_box
    assert box.ukey_part.isVisible() and not box.file_part.isVisible()
    chain = hsm.chains["office-ec"]
    details = box.ukey_label.text()
    info = cert.cert_info(chain.office)
    assert "签名方式：UKey" in details and f"主体：{OFFICE_EC}\n" in details
    assert "签发者：测试省数字证书认证中心 / 测试省电子政务CA" in details
    assert info.fingerprint_display in details and f"{info.not_after:%Y-%m-%d}" in details
    assert "PIN 码" in dialog.blockers.text() and not dialog.export_button.isEnabled()
    qtbot.keyClicks(box.pin, USER_PIN)
    assert dialog.export_button.isEnabled(), dialog.blockers.text()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        dialog.export_button.click()
    dialog.wait_for_worker()
    result = blocker.args[0]
    assert box.pin.text() == ""  # asked again next time
    assert "签名方式：UKey" in dialog.result_label.text()
    assert result.certificate.fingerprint == info.fingerprint
    root = chain.write(tmp_path / "ca")["root"]
    assert verify_package(result.path, trust=[root]).ok
    remembered = tk.remembered_choice()
    assert remembered == tk.TokenChoice(hsm.module, "office-ec", "sign")
    # the next dialog opens on the UKey, the module and certificate remembered
    again = make_dialog(qtbot, sample_app, tmp_path)
    assert again.identity_box.ukey_mode() and again.identity_box.selected_cert().token == "office-ec"


@needs_softhsm
def test_export_dialog_wrong_pin(qtbot, hsm, sample_app, identity, tmp_path):
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    choose_ukey(dialog, hsm, "wrong-pin")
    qtbot.keyClicks(dialog.identity_box.pin, "999999")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "PIN 码不正确" in dialog.result_label.text(), timeout=30000)
    qtbot.waitUntil(lambda: not dialog.worker.isRunning())
    assert dialog.result is None and not list(tmp_path.glob("*.zip")) and "999999" not in dialog.result_label.text()


def test_export_dialog_module_missing(qtbot, sample_app, identity, tmp_path):
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    box = dialog.identity_box
    box.use_ukey.setChecked(True)
    box.module_row.set_path(tmp_path / "vendor-pkcs11.dll")
    assert "找不到 UKey 驱动模块" in box.ukey_label.text()
    assert "读取 UKey" in dialog.blockers.text() and not dialog.export_button.isEnabled()


def test_export_dialog_shows_ca_file_and_refuses_expired(qtbot, sample_app, tmp_path):
    chain = make_chain("上海市闵行区经济委员会")
    cert.import_office_certificate(write_p12(tmp_path / "ok.p12", chain, b"p12-pass"), b"p12-pass", b"local-pass-1")
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    text = dialog.cert_label.text()
    assert "签名方式：CA 签发的证书文件" in text and "签发者：测试省数字证书认证中心 / 测试省电子政务CA" in text
    expired = make_chain("上海市闵行区经济委员会", expired=True)
    cert.import_office_certificate(write_p12(tmp_path / "old.p12", expired, b"p12-pass"), b"p12-pass", b"local-pass-1")
    dialog = make_dialog(qtbot, sample_app, tmp_path)
    qtbot.keyClicks(dialog.passphrase, "local-pass-1")
    assert "✗" in dialog.cert_label.text() and "过期" in dialog.blockers.text()
    assert not dialog.export_button.isEnabled()


def test_verify_dialog_shows_chain_and_checks(qtbot, sample_app, tmp_path, scans):
    from tests.package.test_chains import ca_package

    chain = make_chain("上海市闵行区经济委员会")
    files = chain.write(tmp_path / "ca")
    pkg = ca_package(chain, tmp_path, sample_app, scans)
    dialog = VerifyDialog()
    qtbot.addWidget(dialog)
    assert "空" in dialog.store_label.text()
    dialog.verify_path(pkg)
    assert dialog.result.exit_code == 3 and dialog.status.text().startswith("？")
    assert dialog.add_ca(files["root"])  # imported once into the trust store; re-verified at once
    assert "1 张 CA 证书" in dialog.store_label.text()
    assert dialog.result.ok and dialog.status.text().startswith("✓")
    assert dialog.chain_label.text().count("←") == 2 and "测试省电子政务根CA" in dialog.chain_label.text()
    items = [dialog.checks_list.item(i).text() for i in range(dialog.checks_list.count())]
    assert items[0] == "✓ 清单签名与内容一致。" and any(t.startswith("✓ 证书链到达信任的根证书") for t in items)
    revoked = tmp_path / "revoked.crl"
    revoked.write_bytes(chain.crl([chain.office]))
    dialog.crl_row.set_path(revoked)
    assert not dialog.result.ok and dialog.status.text().startswith("✗")
    bad = [dialog.checks_list.item(i) for i in range(dialog.checks_list.count())
           if dialog.checks_list.item(i).text().startswith("✗")]
    assert len(bad) == 1 and "吊销" in bad[0].text()
    from core import palette

    assert bad[0].foreground().color().name().lower() == palette.BAD.lower()
    with zipfile.ZipFile(pkg) as zf:
        assert "manifest.json.p7s" in zf.namelist()
