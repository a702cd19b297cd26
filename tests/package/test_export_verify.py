"""Export → verify, and every way a package can be altered (issue 7)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from core import __version__
from core.package import verify_package
from core.package.manifest import MANIFEST, SIGNATURE
from core.package.signing import sign_detached
from tests.package.conftest import flip, rewrite_zip


def _members(path):
    with zipfile.ZipFile(path) as zf:
        return {i.filename: i for i in zf.infolist()}


def test_export_then_verify_with_trust_passes(package, trust_file):
    result = verify_package(package, trust=[trust_file])
    assert result.ok and result.exit_code == 0, result.problems
    assert result.signer == "上海市闵行区经济委员会"
    # the signing time is the export's, an aware time within the last few minutes
    age = dt.datetime.now(dt.UTC) - result.signed_at
    assert -dt.timedelta(seconds=5) <= age < dt.timedelta(minutes=10)
    text = "\n".join(result.lines())
    assert "签名证书可信" in text and "结论：符合" in text
    assert result.members_checked == len(result.manifest["members"])


def test_without_trust_intact_but_unconfirmed(package, identity):
    result = verify_package(package)
    assert result.intact and not result.trusted and result.exit_code == 3
    assert result.fingerprint == identity.info.fingerprint
    assert identity.info.fingerprint_display in "\n".join(result.lines())


def test_package_contents_and_manifest(package, sample_app, identity):
    members = _members(package)
    names = set(members)
    for fixed in ("application.json", "application.pdf", "declaration.pdf", "declaration-signed.pdf",
                  "recommendation-signed.png", MANIFEST, SIGNATURE):
        assert fixed in names
    evidence = sorted(n for n in names if n.startswith("evidence/"))
    assert "evidence/申报主体自我声明.txt" in evidence
    assert len(evidence) == len({e["sha256"] for e in sample_app.evidence})
    # already-compressed files are stored, text is deflated
    assert members["application.pdf"].compress_type == zipfile.ZIP_STORED
    assert members["recommendation-signed.png"].compress_type == zipfile.ZIP_STORED
    assert members["application.json"].compress_type == zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(package) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        doc = json.loads(zf.read("application.json"))
    assert manifest["program"]["version"] == __version__
    assert manifest["form"] == {"id": "SH-FORM", "version": 1, "title": "上海市中小企业特色产业集群申报表"}
    assert manifest["rules"]["id"] == "SH-2023" and manifest["rules"]["version"] == 1
    assert manifest["verdicts"]["verdict"] == "pass" and manifest["verdicts"]["indicators"]["8"] == "pass"
    assert manifest["office"]["name"] == "上海市闵行区经济委员会"
    assert manifest["office"]["certificate_sha256"] == identity.info.fingerprint
    assert manifest["override"] is None and manifest["exported"]
    assert {m["path"] for m in manifest["members"]} == names - {MANIFEST, SIGNATURE}
    # the packaged document points at the packaged evidence files
    assert {e["file"] for e in doc["evidence"]} == set(evidence)


@pytest.mark.parametrize("member", [
    "application.json", "application.pdf", "declaration.pdf", "declaration-signed.pdf",
    "recommendation-signed.png", "evidence/申报主体自我声明.txt", "evidence/有效发明专利清单.txt",
])
def test_flipped_byte_in_any_member_is_named(package, trust_file, tmp_path, member):
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, change={member: flip})
    result = verify_package(bad, trust=[trust_file])
    assert result.exit_code == 1 and not result.intact
    assert result.first_altered == member
    assert f"“{member}”" in result.headline()


def test_flipped_byte_in_every_member_fails(package, trust_file, tmp_path):
    for n, member in enumerate(sorted(_members(package))):
        bad = tmp_path / f"bad{n}.zip"
        rewrite_zip(package, bad, change={member: lambda d: flip(d, 0)})
        result = verify_package(bad, trust=[trust_file])
        assert result.exit_code == 1, member
        assert result.first_altered == member, (member, result.problems)


def test_raw_byte_flip_inside_the_zip_is_caught(package, trust_file, tmp_path):
    """Flip a byte of the stored bytes in place: the CRC or the hash must catch it."""
    for member in ("application.pdf", "application.json"):
        with zipfile.ZipFile(package) as zf:
            info = zf.getinfo(member)
        raw = bytearray(package.read_bytes())
        header = info.header_offset
        name_len = int.from_bytes(raw[header + 26:header + 28], "little")
        extra_len = int.from_bytes(raw[header + 28:header + 30], "little")
        start = header + 30 + name_len + extra_len
        raw[start + info.compress_size // 2] ^= 0x40
        bad = tmp_path / f"raw-{member}.zip"
        bad.write_bytes(bytes(raw))
        result = verify_package(bad, trust=[trust_file])
        assert result.exit_code == 1
        assert result.first_altered == member


def test_edited_manifest_fails(package, trust_file, tmp_path):
    def upgrade_verdict(data: bytes) -> bytes:
        m = json.loads(data)
        m["verdicts"]["errors"] = 0
        m["office"]["name"] = "别的单位"
        return json.dumps(m, ensure_ascii=False, indent=2).encode()

    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, change={MANIFEST: upgrade_verdict})
    result = verify_package(bad, trust=[trust_file])
    assert result.exit_code == 1 and result.first_altered == MANIFEST
    assert "manifest.json 已被改动" in result.problems[0]


def test_damaged_signature_file_is_named(package, trust_file, tmp_path):
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, change={SIGNATURE: lambda d: flip(d, len(d) - 5)})
    result = verify_package(bad, trust=[trust_file])
    assert result.exit_code == 1 and result.first_altered == SIGNATURE


def test_removed_member_fails(package, trust_file, tmp_path):
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, drop={"evidence/申报主体自我声明.txt"})
    result = verify_package(bad, trust=[trust_file])
    assert result.exit_code == 1
    assert result.first_altered == "evidence/申报主体自我声明.txt"
    assert any("缺少成员" in p for p in result.problems)


def test_added_member_fails(package, trust_file, tmp_path):
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, add={"evidence/补充说明.txt": "后加的文件".encode()})
    result = verify_package(bad, trust=[trust_file])
    assert result.exit_code == 1
    assert result.first_altered == "evidence/补充说明.txt"
    assert any("多出成员" in p for p in result.problems)


def test_missing_manifest_or_signature_fails(package, tmp_path):
    for gone in (MANIFEST, SIGNATURE):
        bad = tmp_path / f"no-{gone}.zip"
        rewrite_zip(package, bad, drop={gone})
        result = verify_package(bad)
        assert result.exit_code == 1 and result.first_altered == gone


def test_resigned_with_another_certificate_fails(package, trust_file, other_identity, tmp_path):
    """Someone edits the manifest and signs it again with their own certificate."""
    with zipfile.ZipFile(package) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    manifest["override"] = None
    manifest["office"]["certificate_sha256"] = other_identity.info.fingerprint
    new_manifest = json.dumps(manifest, ensure_ascii=False).encode()
    new_sig = sign_detached(other_identity, new_manifest)
    bad = tmp_path / "resigned.zip"
    rewrite_zip(package, bad, change={MANIFEST: lambda _: new_manifest, SIGNATURE: lambda _: new_sig})

    trusted = verify_package(bad, trust=[trust_file])
    assert trusted.exit_code == 1 and not trusted.ok
    assert any("不是所信任的证书" in p for p in trusted.problems)
    assert trusted.signer == "某某伪造单位"
    # without --trust the signed PDF still betrays it: a different certificate signed it
    untrusted = verify_package(bad)
    assert untrusted.exit_code == 1
    assert any("不是同一张" in p for p in untrusted.problems)


def test_not_a_zip_is_a_user_error(tmp_path):
    from core.errors import UserError

    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(UserError, match="不是有效的报送包"):
        verify_package(junk)
