"""The office certificate, and the export / verify / cert commands end to end."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile

import pytest

from core.cli.main import main
from core.errors import UserError
from core.package import certificate as cert
from tests.package.conftest import PASSPHRASE, SAMPLES


def test_certificate_created_with_office_name_and_private_file(_isolated_home):
    info = cert.create_office_certificate("上海市浦东新区科技和经济委员会", PASSPHRASE)
    assert info.office == "上海市浦东新区科技和经济委员会"
    assert len(info.fingerprint) == 64 and info.fingerprint_display.count(" ") == 15
    p12 = cert.p12_path()
    assert p12.parent == _isolated_home
    if os.name == "posix":
        assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert cert.office_certificate_info().fingerprint == info.fingerprint
    with pytest.raises(UserError, match="密码不正确"):
        cert.unlock(b"wrong-passphrase")
    assert cert.unlock(PASSPHRASE).info.fingerprint == info.fingerprint


def test_short_passphrase_and_missing_office_refused(_isolated_home):
    with pytest.raises(UserError, match="至少需要 8 个字符"):
        cert.create_office_certificate("区经委", b"short")
    with pytest.raises(UserError, match="单位名称"):
        cert.create_office_certificate("  ", PASSPHRASE)
    assert not cert.has_office_certificate()


def test_public_certificate_export_pem_and_der(identity, tmp_path):
    pem = cert.export_public_certificate(tmp_path / "office.pem")
    der = cert.export_public_certificate(tmp_path / "office.cer", "der")
    assert pem.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    for path in (pem, der):
        assert cert.cert_info(cert.load_certificate_file(path)).fingerprint == identity.info.fingerprint
    assert b"PRIVATE" not in pem.read_bytes()


def test_import_existing_p12(identity, tmp_path, other_identity):
    src = tmp_path / "issued.p12"
    src.write_bytes(other_identity.p12)
    with pytest.raises(UserError, match="密码不对"):
        cert.import_office_certificate(src, b"nope", PASSPHRASE)
    info = cert.import_office_certificate(src, PASSPHRASE, b"new-passphrase")
    assert info.fingerprint == other_identity.info.fingerprint
    assert cert.unlock(b"new-passphrase").info.office == "某某伪造单位"


@pytest.fixture
def app_folder(tmp_path):
    folder = tmp_path / "app"
    shutil.copytree(SAMPLES, folder)
    return folder / "sample-application.json"


def test_cli_export_creates_certificate_then_verify(app_folder, tmp_path, monkeypatch, capsys):
    pytest.importorskip("core.pdf")
    monkeypatch.setenv(cert.PASSPHRASE_ENV, PASSPHRASE.decode())
    out = tmp_path / "pkg.zip"
    code = main(["export", str(app_folder), "-o", str(out), "--ack-missing-scans"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "已创建本单位证书：上海市闵行区经济委员会" in captured.err  # from basic.authority
    assert "已导出报送包" in captured.out
    pem = tmp_path / "office.pem"
    assert main(["cert", "export", "-o", str(pem)]) == 0
    assert main(["verify", str(out)]) == 3
    assert "尚未确认签名证书" in capsys.readouterr().out
    assert main(["verify", str(out), "--trust", str(pem)]) == 0
    text = capsys.readouterr().out
    assert "签名证书可信" in text and "签名单位：上海市闵行区经济委员会" in text
    # the visible signature block on the cover prints its Chinese text
    with zipfile.ZipFile(out) as zf:
        pdf = tmp_path / "application.pdf"
        pdf.write_bytes(zf.read("application.pdf"))
    if shutil.which("pdftotext"):
        cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout
        assert "数字签名：上海市闵行区经济委员会" in cover


def test_cli_export_refused_with_errors_then_overridden(app_folder, tmp_path, monkeypatch, capsys):
    pytest.importorskip("core.pdf")
    import json

    doc = json.loads(app_folder.read_text(encoding="utf-8"))
    doc["evidence"] = []
    app_folder.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(cert.PASSPHRASE_ENV, PASSPHRASE.decode())
    out = tmp_path / "pkg.zip"
    assert main(["export", str(app_folder), "-o", str(out), "--ack-missing-scans"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：未导出报送包") and "--override-reason" in err
    assert not out.exists() and not cert.has_office_certificate()  # refused before anything else
    assert main(["export", str(app_folder), "-o", str(out), "--ack-missing-scans",
                 "--override-reason", "经区经委审核同意先行报送"]) == 0
    assert "越过" in capsys.readouterr().out


def test_cli_verify_json_and_altered_package(identity, package, tmp_path, capsys):
    import json

    from tests.package.conftest import flip, rewrite_zip

    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, change={"declaration.pdf": flip})
    assert main(["verify", str(bad), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["first_altered"] == "declaration.pdf" and out["ok"] is False


def test_passphrase_needed_without_terminal(identity, monkeypatch):
    monkeypatch.delenv(cert.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(UserError, match=cert.PASSPHRASE_ENV):
        cert.passphrase_from_env_or_prompt()
