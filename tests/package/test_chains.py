"""CA-issued office certificates on the receiving side: a trust store of roots, chain validation
(root → intermediate → office), validity at signing time, key usage, offline CRLs."""

from __future__ import annotations

import json

import pytest

from core.cli.main import main
from core.errors import UserError
from core.package import ExportOptions, FolderEvidence, export_package, trust, verify_package
from core.package import certificate as cert
from core.package.certificate import CertInfo
from tests.package.conftest import SAMPLES, tiny_render
from tests.package.pki import make_chain, write_p12

P12_PASS = b"ca-issued-p12"
OFFICE = "上海市闵行区经济委员会"


def ca_identity(chain, tmp_path):
    p12 = write_p12(tmp_path / "issued.p12", chain, P12_PASS)
    cert.import_office_certificate(p12, P12_PASS, b"local-passphrase")
    return cert.unlock(b"local-passphrase")


def export(identity, app, out, scans):
    options = ExportOptions(declaration_scan=scans[0], recommendation_scan=scans[1])
    return export_package(app, out, identity, options, evidence=FolderEvidence(SAMPLES), render=tiny_render,
                          xlsx=None)


def ca_package(chain, tmp_path, app, scans, monkeypatch=None):
    """A package signed with ``chain``'s office certificate; with ``monkeypatch``, even one the
    sender's own export would refuse (a faulty or forged sender, as the receiver may meet)."""
    identity = ca_identity(chain, tmp_path)
    if monkeypatch is not None:
        monkeypatch.setattr(CertInfo, "check_usable", lambda self, now=None: None)
    return export(identity, app, tmp_path / "pkg.zip", scans).path


def checks_of(result) -> dict:
    return {c["check"]: c for c in result.checks}


def test_trusted_ca_in_store_validates_whole_chain(sample_app, tmp_path, scans, capsys):
    chain = make_chain(OFFICE)
    files = chain.write(tmp_path / "ca")
    pkg = ca_package(chain, tmp_path, sample_app, scans)
    identity = cert.unlock(b"local-passphrase")
    assert identity.kind == "ca_file" and "测试省电子政务CA" in identity.info.issuer
    # before the receiving side trusts anything: intact, signer not confirmed
    assert verify_package(pkg).exit_code == 3
    assert main(["trust", "add", str(files["root"])]) == 0
    assert "已加入信任列表" in capsys.readouterr().out
    assert main(["verify", str(pkg), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and [c["subject"] for c in out["chain"]] == [
        f"{OFFICE}", "测试省数字证书认证中心 / 测试省电子政务CA", "测试省数字证书认证中心 / 测试省电子政务根CA"]
    assert out["issuer"] == "测试省数字证书认证中心 / 测试省电子政务CA"
    assert {c["check"]: c["ok"] for c in out["checks"]} == {
        "signature": True, "validity": True, "key_usage": True, "chain": True, "revocation": None}
    assert main(["verify", str(pkg)]) == 0
    text = capsys.readouterr().out
    assert "证书链：" in text and "✓ 证书链到达信任的根证书" in text and "– 未提供证书吊销列表" in text
    # the same without the store, the root named on the command line
    assert verify_package(pkg, trust_store=False).exit_code == 3
    assert verify_package(pkg, trust=[files["root"]], trust_store=False).ok


def test_untrusted_root(sample_app, tmp_path, scans):
    chain, other = make_chain(OFFICE), make_chain("别处", root_name="另一个根CA")
    pkg = ca_package(chain, tmp_path, sample_app, scans)
    other_files = other.write(tmp_path / "other")
    trust.add(other_files["root"])
    in_store = verify_package(pkg)
    assert in_store.exit_code == 3 and in_store.intact and not in_store.trusted  # confirm by telephone
    assert checks_of(in_store)["chain"]["ok"] is False
    assert "签发者“测试省数字证书认证中心 / 测试省电子政务根CA”不在信任列表中" in checks_of(in_store)["chain"]["text"]
    named = verify_package(pkg, trust=[other_files["root"]])
    assert named.exit_code == 1 and any("也不是由所信任的 CA 签发" in p for p in named.problems)


@pytest.mark.parametrize(("variant", "expected"), [
    ({"expired": True}, "已于"),
    ({"not_yet": True}, "起才生效"),
    ({"sign": False}, "密钥用途不含数字签名"),
])
def test_faulty_certificates_refused_by_sender_and_receiver(variant, expected, sample_app, tmp_path, scans,
                                                            monkeypatch):
    chain = make_chain(OFFICE, **variant)
    files = chain.write(tmp_path / "ca")
    identity = ca_identity(chain, tmp_path)
    out = tmp_path / "refused.zip"
    with pytest.raises(UserError) as err:
        export(identity, sample_app, out, scans)
    assert err.value.code in ("PACKAGE.signer_expired", "PACKAGE.signer_not_yet", "PACKAGE.signer_usage")
    assert not out.exists() and not list(tmp_path.glob(".refused.zip.*"))
    # a package signed anyway (a faulty sender) is refused by the receiving side, in words
    pkg = ca_package(chain, tmp_path, sample_app, scans, monkeypatch)
    result = verify_package(pkg, trust=[files["root"]])
    assert result.exit_code == 1 and not result.ok
    assert any(expected in p for p in result.problems), result.problems
    assert any(c["ok"] is False and expected in c["text"] for c in result.checks)


def test_revoked_in_crl(sample_app, tmp_path, scans, capsys):
    chain = make_chain(OFFICE)
    files = chain.write(tmp_path / "ca")
    pkg = ca_package(chain, tmp_path, sample_app, scans)
    good_crl = tmp_path / "empty.crl"
    good_crl.write_bytes(chain.crl())
    ok = verify_package(pkg, trust=[files["root"]], crl=[good_crl])
    assert ok.ok and checks_of(ok)["revocation"]["ok"] is True
    revoked_crl = tmp_path / "revoked.crl"
    revoked_crl.write_bytes(chain.crl([chain.office]))
    assert main(["verify", str(pkg), "--trust", str(files["root"]), "--crl", str(revoked_crl)]) == 1
    text = capsys.readouterr().out
    assert "已被发证机构" in text and "吊销" in text and "签名不可信" in text
    junk = tmp_path / "junk.crl"
    junk.write_bytes(b"not a crl")
    with pytest.raises(UserError, match="不是有效的证书吊销列表") as err:
        verify_package(pkg, crl=[junk])
    assert err.value.code == "PACKAGE.crl_invalid"


def test_trust_store_list_and_remove(tmp_path, capsys):
    chain = make_chain(OFFICE)
    files = chain.write(tmp_path / "ca")
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(files["root"].read_bytes() + files["intermediate"].read_bytes())
    assert main(["trust", "add", str(bundle)]) == 0
    assert main(["trust", "add", str(files["root"])]) == 0  # twice: still one entry
    assert len(trust.listed()) == 2
    capsys.readouterr()
    assert main(["trust", "list"]) == 0
    listing = capsys.readouterr().out
    assert "测试省电子政务根CA" in listing and "测试省电子政务CA" in listing
    root_fp = cert.cert_info(chain.root).fingerprint
    assert main(["trust", "remove", root_fp[:12].upper()]) == 0
    assert [i.fingerprint for i in trust.listed()] == [cert.cert_info(chain.intermediate).fingerprint]
    assert main(["trust", "remove", "ffffffffffff"]) == 2
    assert "信任列表中没有指纹以" in capsys.readouterr().err
    junk = tmp_path / "junk.pem"
    junk.write_text("hello", encoding="utf-8")
    assert main(["trust", "add", str(junk)]) == 2
