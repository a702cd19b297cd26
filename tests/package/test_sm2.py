"""国密: an SM2 .p12 imported beside the office certificate; the manifest gets an SM2-with-SM3 CMS
signature (OpenSSL 3 does the cryptography), the PDF keeps its ECDSA signature."""

from __future__ import annotations

import subprocess
import zipfile

import pytest

from core.cli.main import main
from core.errors import UserError
from core.package import ExportOptions, FolderEvidence, export_package, sm2, trust, verify_package
from core.package import certificate as cert
from tests.package.conftest import PASSPHRASE, SAMPLES, flip, rewrite_zip, tiny_render
from tests.package.pki import make_sm2_p12

pytestmark = pytest.mark.skipif(not sm2.available(), reason="OpenSSL 3 with SM2 not installed")

P12_PASS = "sm2-p12-pass"
SM2_OFFICE = "上海市闵行区经济委员会"


@pytest.fixture(scope="module")
def sm2_files(tmp_path_factory):
    return make_sm2_p12(tmp_path_factory.mktemp("sm2"), SM2_OFFICE, P12_PASS)


@pytest.fixture
def sm2_package(identity, sm2_files, sample_app, tmp_path, scans):
    sm2.import_sm2(sm2_files["p12"], P12_PASS.encode(), PASSPHRASE)
    options = ExportOptions(declaration_scan=scans[0], recommendation_scan=scans[1])
    result = export_package(sample_app, tmp_path / "pkg.zip", cert.unlock(PASSPHRASE), options,
                            evidence=FolderEvidence(SAMPLES), render=tiny_render, xlsx=None)
    return result


def test_sm2_p12_as_main_certificate_gives_precise_message(_isolated_home, sm2_files):
    with pytest.raises(UserError) as err:
        cert.import_office_certificate(sm2_files["p12"], P12_PASS.encode(), PASSPHRASE)
    assert err.value.code == "PACKAGE.sm2_unsupported"
    assert "国密 SM2 证书" in err.value.message and "cert import-sm2" in err.value.message
    assert not cert.has_office_certificate()


def test_import_sm2_checks_passwords_and_kind(identity, sm2_files, tmp_path, other_identity):
    with pytest.raises(UserError, match="密码不对"):
        sm2.import_sm2(sm2_files["p12"], b"wrong", PASSPHRASE)
    with pytest.raises(UserError, match="证书密码不正确"):  # must be the office certificate's passphrase
        sm2.import_sm2(sm2_files["p12"], P12_PASS.encode(), b"another-passphrase")
    ecdsa = tmp_path / "ecdsa.p12"
    ecdsa.write_bytes(other_identity.p12)
    with pytest.raises(UserError, match="不是国密 SM2 证书"):
        sm2.import_sm2(ecdsa, PASSPHRASE, PASSPHRASE)
    assert not sm2.has_sm2()
    info = sm2.import_sm2(sm2_files["p12"], P12_PASS.encode(), PASSPHRASE)
    assert info.key_type == "SM2" and info.office == SM2_OFFICE and "测试省国密根CA" in info.issuer
    assert sm2.p12_path().read_bytes() != sm2_files["p12"].read_bytes()  # re-protected, not copied


def test_export_adds_sm2_signature_checked_independently(sm2_package, tmp_path):
    from asn1crypto import cms

    result = sm2_package
    assert result.manifest["office"]["sm2_certificate_sha256"] == sm2.sm2_info().fingerprint
    with zipfile.ZipFile(result.path) as zf:
        manifest, p7s = zf.read("manifest.json"), zf.read(sm2.SIGNATURE)
    (tmp_path / "m.p7s").write_bytes(p7s)
    # OpenSSL's own parser reads the structure: SignedData, SM3 digest, SM2-with-SM3 signature
    printed = subprocess.run(["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", str(tmp_path / "m.p7s")],
                             capture_output=True, text=True, check=True).stdout
    assert "pkcs7-signedData" in printed and "sm3 (1.2.156.10197.1.401)" in printed
    assert "SM2-with-SM3 (1.2.156.10197.1.501)" in printed
    # the signature over the signed attributes, checked by `openssl dgst` with the GM/T 0009 user id
    info = cms.ContentInfo.load(p7s)["content"]["signer_infos"][0]
    (tmp_path / "attrs").write_bytes(info["signed_attrs"].untag().dump(force=True))
    (tmp_path / "sig").write_bytes(info["signature"].native)
    pub = subprocess.run(["openssl", "x509", "-in", str(sm2.pem_path()), "-pubkey", "-noout"], capture_output=True,
                         check=True).stdout
    (tmp_path / "pub.pem").write_bytes(pub)
    check = subprocess.run(["openssl", "dgst", "-sm3", "-verify", str(tmp_path / "pub.pem"), "-sigopt",
                            "distid:1234567812345678", "-signature", str(tmp_path / "sig"), str(tmp_path / "attrs")],
                           capture_output=True, text=True)
    assert "Verified OK" in check.stdout
    import hashlib

    digest = next(a["values"][0].native for a in info["signed_attrs"] if a["type"].native == "message_digest")
    assert digest == hashlib.new("sm3", manifest).digest()


def test_verify_reports_sm2_and_its_chain(sm2_package, sm2_files, capsys):
    v = verify_package(sm2_package.path)
    assert v.exit_code == 3 and v.sm2_signer == SM2_OFFICE
    checks = {c["check"]: c for c in v.checks}
    assert checks["sm2"]["ok"] is True and "SM2/SM3" in checks["sm2"]["text"]
    trust.add(sm2_files["root"])
    v = verify_package(sm2_package.path)
    assert {c["check"]: c for c in v.checks}["sm2_chain"]["ok"] is True
    assert main(["verify", str(sm2_package.path)]) == 3
    assert "国密签名（SM2/SM3）与清单一致" in capsys.readouterr().out


def test_sm2_signature_tampered_or_missing(sm2_package, tmp_path):
    bad = tmp_path / "bad.zip"
    rewrite_zip(sm2_package.path, bad, change={sm2.SIGNATURE: lambda d: flip(d, len(d) - 5)})
    v = verify_package(bad)
    assert v.exit_code == 1 and v.first_altered == sm2.SIGNATURE
    assert any("国密签名" in p for p in v.problems)
    gone = tmp_path / "gone.zip"
    rewrite_zip(sm2_package.path, gone, drop={sm2.SIGNATURE})
    v = verify_package(gone)
    assert v.exit_code == 1 and any("缺少国密签名" in p for p in v.problems)


def test_certificate_dialog_imports_sm2(qtbot, identity, sm2_files, monkeypatch):
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.package_certificate import CertificateDialog
    from desktop.qt import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog = CertificateDialog()
    qtbot.addWidget(dialog)
    assert "国密" not in dialog.info_label.text()
    assert not dialog.import_sm2_from(sm2_files["p12"], P12_PASS, "wrong-office-pass")
    assert "证书密码不正确" in warnings[-1]
    assert dialog.import_sm2_from(sm2_files["p12"], P12_PASS, PASSPHRASE.decode())
    assert f"国密 SM2 证书：{SM2_OFFICE}" in dialog.info_label.text()
