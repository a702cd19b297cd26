"""Signing with a UKey through PKCS#11, for real: SoftHSM2 tokens initialised in a temporary folder
with an RSA and an ECDSA key (CA-issued certificates), checked by pdfsig and openssl cms."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from core.cli.main import main
from core.errors import UserError
from core.package import ExportOptions, FolderEvidence, export_package, verify_package
from core.package import token as tk
from tests.package.conftest import OFFICE_EC, OFFICE_RSA, SAMPLES, tiny_render
from tests.package.pki import USER_PIN, have_softhsm, make_chain

pytestmark = pytest.mark.skipif(not have_softhsm(), reason="softhsm2 / opensc not installed")



def token_choice(hsm, token: str) -> tk.TokenChoice:
    return tk.TokenChoice(module=hsm.module, token=token, label="sign")


def export_with(identity, app, out: Path, scans):
    options = ExportOptions(declaration_scan=scans[0], recommendation_scan=scans[1])
    return export_package(app, out, identity, options, evidence=FolderEvidence(SAMPLES), render=tiny_render,
                          xlsx=None)


def pdfsig(pdf: Path) -> str:
    return subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout


def openssl_verify_manifest(package: Path, tmp: Path, root: Path) -> subprocess.CompletedProcess:
    with zipfile.ZipFile(package) as zf:
        (tmp / "manifest.json").write_bytes(zf.read("manifest.json"))
        (tmp / "manifest.json.p7s").write_bytes(zf.read("manifest.json.p7s"))
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp / "manifest.json.p7s"),
                           "-content", str(tmp / "manifest.json"), "-CAfile", str(root), "-purpose", "any",
                           "-out", "/dev/null"], capture_output=True, text=True)


def test_certificates_listed_without_pin(hsm):
    certs = {c.token: c for c in tk.certificates_on(hsm.module)}
    assert certs["office-rsa"].info.key_type == "RSA 2048" and certs["office-rsa"].label == "sign"
    assert certs["office-ec"].info.key_type == "ECDSA P-256"
    assert certs["office-ec"].info.office == OFFICE_EC and not certs["office-ec"].info.self_signed
    assert "测试省电子政务CA" in certs["office-ec"].info.issuer
    only = tk.certificates_on(hsm.module, "office-rsa")
    assert {c.token for c in only} == {"office-rsa"}


@pytest.mark.parametrize("token", ["office-rsa", "office-ec"])
def test_export_signed_on_token_verified_independently(hsm, token, sample_app, tmp_path, scans):
    chain = hsm.chains[token]
    files = chain.write(tmp_path / "ca")
    identity = tk.open_token(token_choice(hsm, token), USER_PIN)
    try:
        assert identity.kind == "ukey" and identity.info.fingerprint == tk.cert_info(chain.office).fingerprint
        result = export_with(identity, sample_app, tmp_path / "pkg.zip", scans)
    finally:
        identity.close()
    assert result.manifest["office"]["identity"] == "ukey"
    # our own verifier, trusting the province's root only: the chain comes from the signature
    v = verify_package(result.path, trust=[files["root"]])
    assert v.ok, v.problems
    # poppler: the signature is valid (the issuer is not in its store: not trusted, as expected)
    with zipfile.ZipFile(result.path) as zf:
        pdf = tmp_path / "application.pdf"
        pdf.write_bytes(zf.read("application.pdf"))
    out = pdfsig(pdf)
    assert "Signature is Valid" in out, out
    assert (OFFICE_RSA if token == "office-rsa" else OFFICE_EC) in out
    # OpenSSL: the manifest's CMS verifies up to the root, with the intermediate taken from the CMS
    check = openssl_verify_manifest(result.path, tmp_path, files["root"])
    assert check.returncode == 0 and "Verification successful" in check.stderr, check.stderr
    other = make_chain("别的单位")
    (tmp_path / "other-root.pem").write_bytes(other.write(tmp_path / "other")["root"].read_bytes())
    assert openssl_verify_manifest(result.path, tmp_path, tmp_path / "other-root.pem").returncode != 0


def test_cli_export_with_pin_file_then_remembered_ukey(hsm, tmp_path, monkeypatch, capsys):
    pytest.importorskip("core.pdf")
    folder = tmp_path / "app"
    shutil.copytree(SAMPLES, folder)
    app = folder / "sample-application.json"
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text(USER_PIN + "\n", encoding="utf-8")
    out = tmp_path / "pkg.zip"
    code = main(["export", str(app), "-o", str(out), "--ack-missing-scans", "--pkcs11-module", hsm.module,
                 "--token", "office-ec", "--pin-file", str(pin_file)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "签名：UKey" in captured.out and OFFICE_EC in captured.out
    assert USER_PIN not in captured.out + captured.err
    remembered = tk.choice_path().read_text(encoding="utf-8")
    assert hsm.module in remembered and "office-ec" in remembered and USER_PIN not in remembered
    # next time: --ukey, the PIN from the environment
    monkeypatch.setenv(tk.PIN_ENV, USER_PIN)
    assert main(["export", str(app), "-o", str(tmp_path / "pkg2.zip"), "--ack-missing-scans", "--ukey"]) == 0
    files = hsm.chains["office-ec"].write(tmp_path / "ca")
    assert main(["verify", str(tmp_path / "pkg2.zip"), "--trust", str(files["root"])]) == 0
    # cert tokens lists what the UKey holds, no PIN asked
    assert main(["cert", "tokens"]) == 0
    listing = capsys.readouterr().out
    assert "office-rsa" in listing and "office-ec" in listing and "RSA 2048" in listing


def test_pin_needed_without_terminal(hsm, monkeypatch):
    monkeypatch.delenv(tk.PIN_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(UserError, match="--pin-file") as err:
        tk.pin_from()
    assert err.value.code == "PACKAGE.pin_needed"


def test_wrong_pin_then_count_low_and_softhsm_never_locks(hsm):
    choice = token_choice(hsm, "wrong-pin")
    with pytest.raises(UserError, match="PIN 码不正确") as first:
        tk.open_token(choice, "000000")
    assert first.value.code == "PACKAGE.pin_wrong" and "000000" not in first.value.message
    for _ in range(9):
        with pytest.raises(UserError) as again:
            tk.open_token(choice, "000000")
    # SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after a wrong PIN but never locks the token
    # (CKR_PIN_LOCKED is not reached here; a real UKey locks, see PACKAGE.pin_locked)
    assert "已多次输错" in again.value.message
    identity = tk.open_token(choice, USER_PIN)
    identity.close()


def test_module_missing_and_token_absent(hsm, tmp_path):
    with pytest.raises(UserError, match="找不到 UKey 驱动模块") as err:
        tk.open_token(tk.TokenChoice(module=str(tmp_path / "gone.so")), USER_PIN)
    assert "文件不存在" in err.value.message
    not_a_module = tmp_path / "fake.so"
    not_a_module.write_bytes(b"not a shared object")
    with pytest.raises(UserError, match="找不到 UKey 驱动模块"):
        tk.open_token(tk.TokenChoice(module=str(not_a_module)), USER_PIN)
    with pytest.raises(UserError, match="没有找到 UKey“no-such-token”"):
        tk.open_token(tk.TokenChoice(module=hsm.module, token="no-such-token"), USER_PIN)
    with pytest.raises(UserError, match="没有标签为“nope”的证书"):
        tk.open_token(tk.TokenChoice(module=hsm.module, token="office-ec", label="nope"), USER_PIN)


def test_token_pulled_out_mid_export_leaves_no_package(hsm, sample_app, tmp_path, scans):
    identity = tk.open_token(token_choice(hsm, "pulled-out"), USER_PIN)
    out = tmp_path / "out" / "pkg.zip"
    hsm.remove_token("pulled-out")  # after the PIN was accepted, before anything is signed
    try:
        with pytest.raises(UserError, match="UKey 签名中断") as err:
            export_with(identity, sample_app, out, scans)
    finally:
        identity.close()
    assert err.value.code == "PACKAGE.token_removed"
    assert not out.exists() and list(out.parent.iterdir()) == []
