"""国密: a second manifest signature, SM2 with SM3, for receiving sides that require it.

The office keeps its SM2 certificate (a CA-issued .p12) beside its ordinary one. Every export then
signs ``manifest.json`` twice: the ordinary CMS (ECDSA/RSA, ``manifest.json.p7s``; PAdES readers
and pyHanko check only these algorithms, so the PDF is signed with the same key) and a CMS
SignedData whose digest is SM3 and signature SM2-with-SM3 (``manifest.json.sm2.p7s``).

Why the ``openssl`` program: Python's cryptography library has no SM2 (it cannot even load an SM2
key), OpenSSL 3's *library* has SM2/SM3 but its CMS code signs SM2 only from 3.2 on (Debian 12 ships
3.0: ``openssl cms -sign`` fails with an SM2 key), and the pure-Python ``gmssl`` package is
unmaintained and not constant-time. So the OpenSSL 3 command does the cryptography (SM3 over the
signed attributes, the SM2 signature with the GM/T 0009 default user id, reading the .p12), and this
module only lays out the CMS structure with asn1crypto (RFC 5652 layout, GM/T 0006 algorithm
identifiers: SM3 1.2.156.10197.1.401, SM2-with-SM3 1.2.156.10197.1.501). The private key is never
written to disk unencrypted: passwords go through the environment of the child process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.messages import package as M
from core.package.certificate import CertInfo, atomic_write, cert_info, is_sm2
from core.paths import user_data_dir

SM3_OID = "1.2.156.10197.1.401"
SM2_WITH_SM3_OID = "1.2.156.10197.1.501"
SM2_SIGN_OID = "1.2.156.10197.1.301.1"  # GB/T 35275's "SM2-1" signature identifier, accepted too
USER_ID = "1234567812345678"  # GM/T 0009 default signer id
SIGNATURE = "manifest.json.sm2.p7s"
P12_NAME = "office-sm2.p12"
PEM_NAME = "office-sm2.pem"
_PASS_ENV = "CLUSTER_DECLARE_SM2_PASS"  # only in the child's environment, never this process's


def p12_path() -> Path:
    return user_data_dir() / P12_NAME


def pem_path() -> Path:
    return user_data_dir() / PEM_NAME


@lru_cache(maxsize=1)
def _openssl_or_reason() -> tuple[str | None, str]:
    exe = shutil.which("openssl")
    if not exe:
        return None, "没有找到 openssl 程序"
    try:
        version = subprocess.run([exe, "version"], capture_output=True, text=True, timeout=10).stdout
        algos = subprocess.run([exe, "list", "-public-key-algorithms"], capture_output=True, text=True,
                               timeout=10).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"无法运行 openssl（{exc}）"
    if not version.startswith("OpenSSL 3"):
        return None, f"的 openssl 是 {version.strip() or '未知版本'}，不是 OpenSSL 3"
    if "SM2" not in algos:
        return None, "的 OpenSSL 未启用 SM2"
    return exe, ""


def openssl() -> str:
    exe, reason = _openssl_or_reason()
    if exe is None:
        raise M.SM2_NO_OPENSSL.error(reason=reason)
    return exe


def available() -> bool:
    return _openssl_or_reason()[0] is not None


def _run(args: list[str], what: str, *, password: bytes | None = None, data: bytes | None = None,
         extra: dict[str, bytes] | None = None) -> bytes:
    env = dict(os.environ)
    if password is not None:
        env[_PASS_ENV] = password.decode("utf-8")
    env.update({k: v.decode("utf-8") for k, v in (extra or {}).items()})
    try:
        proc = subprocess.run([openssl(), *args], input=data, capture_output=True, env=env, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise M.SM2_FAILED.error(what=what, reason=exc) from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise M.SM2_FAILED.error(what=what, reason=(err[0] if err else f"退出码 {proc.returncode}")[:200])
    return proc.stdout


def _pem_certs(pem: bytes) -> list:
    from cryptography import x509

    return x509.load_pem_x509_certificates(pem) if b"-----BEGIN CERTIFICATE-----" in pem else []


# --- the office's SM2 certificate ------------------------------------------------------------------

def has_sm2() -> bool:
    return p12_path().is_file() and pem_path().is_file()


def sm2_info() -> CertInfo | None:
    if not has_sm2():
        return None
    certs = _pem_certs(pem_path().read_bytes())
    return cert_info(certs[0]) if certs else None


def import_sm2(source: str | os.PathLike[str], source_passphrase: bytes, passphrase: bytes) -> CertInfo:
    """Take an SM2 .p12/.pfx as the office's 国密 certificate, re-protected with ``passphrase``
    (the office certificate's, so one passphrase unlocks both)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from core.package.certificate import _check_passphrase, has_office_certificate, unlock

    source = Path(source)
    if not source.is_file():
        raise M.CERT_UNREADABLE.error(path=source, reason="文件不存在")
    _check_passphrase(passphrase)
    if has_office_certificate():
        unlock(passphrase)  # the same passphrase must open both, or exports would fail later
    src = ["-in", str(source), "-passin", f"env:{_PASS_ENV}"]
    try:
        leaf = _pem_certs(_run(["pkcs12", *src, "-nokeys", "-clcerts"], "读取证书", password=source_passphrase))
    except Exception as exc:
        if getattr(exc, "code", "") == "PACKAGE.sm2_no_openssl":
            raise
        raise M.P12_WRONG.error(name=source.name) from exc
    if not leaf:
        raise M.P12_EMPTY.error(name=source.name)
    if not is_sm2(leaf[0]):
        raise M.SM2_NOT_SM2.error(name=source.name)
    chain = _pem_certs(_run(["pkcs12", *src, "-nokeys", "-cacerts"], "读取证书链", password=source_passphrase))
    # Re-encrypt with the office passphrase: the key goes from one openssl to the next as an
    # encrypted PEM (-passout), never as plain text on disk.
    with tempfile.TemporaryDirectory(prefix="cluster-declare-sm2-") as tmp:
        pem, out = Path(tmp) / "office.pem", Path(tmp) / P12_NAME
        pem.write_bytes(_run(["pkcs12", *src, "-passout", f"env:{_PASS_ENV}2"], "读取 SM2 私钥",
                             password=source_passphrase, extra={f"{_PASS_ENV}2": passphrase}))
        _run(["pkcs12", "-export", "-in", str(pem), "-passin", f"env:{_PASS_ENV}", "-passout", f"env:{_PASS_ENV}",
              "-out", str(out)], "保存 SM2 证书", password=passphrase)
        data = out.read_bytes()
    # A signature now proves the key matches the certificate before anything is stored.
    identity = Sm2Identity(data, passphrase, leaf[0], chain)
    verify_raw(leaf[0], b"probe", identity.sign_raw(b"probe"))
    atomic_write(p12_path(), data, mode=0o600)
    atomic_write(pem_path(), b"".join(c.public_bytes(Encoding.PEM) for c in [leaf[0], *chain]), mode=0o644)
    return cert_info(leaf[0])


def remove_sm2() -> bool:
    found = has_sm2()
    for p in (p12_path(), pem_path()):
        p.unlink(missing_ok=True)
    return found


@dataclass
class Sm2Identity:
    p12: bytes
    passphrase: bytes
    cert: object  # cryptography certificate
    chain: list

    @property
    def info(self) -> CertInfo:
        return cert_info(self.cert)

    def sign_raw(self, data: bytes) -> bytes:
        """SM2 signature (DER) of SM3 over ``data``, by OpenSSL, the key read from the .p12."""
        with tempfile.TemporaryDirectory(prefix="cluster-declare-sm2-") as tmp:
            key = Path(tmp) / "office.p12"
            key.write_bytes(self.p12)  # encrypted, as stored
            return _run(["dgst", "-sm3", "-sign", str(key), "-passin", f"env:{_PASS_ENV}",
                         "-sigopt", f"distid:{USER_ID}"], "SM2 签名", password=self.passphrase, data=data)


def unlock_sm2(passphrase: bytes) -> Sm2Identity | None:
    """The office's SM2 identity, or None when it has none."""
    if not has_sm2():
        return None
    certs = _pem_certs(pem_path().read_bytes())
    return Sm2Identity(p12_path().read_bytes(), passphrase, certs[0], certs[1:])


def verify_raw(cert, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the SM2-with-SM3 signature of ``data`` by ``cert``'s key (OpenSSL)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    with tempfile.TemporaryDirectory(prefix="cluster-declare-sm2-") as tmp:
        t = Path(tmp)
        (t / "cert.pem").write_bytes(cert.public_bytes(Encoding.PEM))
        pub = _run(["x509", "-in", str(t / "cert.pem"), "-pubkey", "-noout"], "读取公钥")
        (t / "pub.pem").write_bytes(pub)
        (t / "sig").write_bytes(signature)
        proc = subprocess.run([openssl(), "dgst", "-sm3", "-verify", str(t / "pub.pem"), "-sigopt",
                               f"distid:{USER_ID}", "-signature", str(t / "sig")], input=data,
                              capture_output=True, timeout=60)
        return proc.returncode == 0 and b"Verified OK" in proc.stdout


# --- the CMS ---------------------------------------------------------------------------------------

def sign_cms(identity: Sm2Identity, data: bytes, *, signing_time: dt.datetime | None = None) -> bytes:
    """DER ContentInfo(SignedData), detached, over ``data``: SM3 digest, SM2-with-SM3 signature."""
    from asn1crypto import algos, cms
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives.serialization import Encoding

    cert = ax509.Certificate.load(identity.cert.public_bytes(Encoding.DER))
    chain = [ax509.Certificate.load(c.public_bytes(Encoding.DER)) for c in identity.chain]
    when = (signing_time or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    attrs = [
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": when})]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.new("sm3", data).digest()]}),
    ]
    signed_attrs = cms.CMSAttributes(sorted(attrs, key=lambda a: a.dump()))  # DER: SET OF in sorted order
    signature = identity.sign_raw(signed_attrs.dump())
    sm3 = algos.DigestAlgorithm({"algorithm": SM3_OID})
    info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber(
            {"issuer": cert.issuer, "serial_number": cert.serial_number})}),
        "digest_algorithm": sm3,
        "signed_attrs": signed_attrs,
        "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": SM2_WITH_SM3_OID}),
        "signature": signature,
    })
    signed = cms.SignedData({
        "version": "v1", "digest_algorithms": [sm3], "encap_content_info": {"content_type": "data"},
        "certificates": [cert, *chain], "signer_infos": [info],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()


@dataclass
class Sm2Check:
    intact: bool
    signer: str = ""
    fingerprint: str = ""
    signed_at: dt.datetime | None = None
    problem: str = ""
    cert: object = None
    chain: list | None = None


def verify_cms(data: bytes, p7s: bytes) -> Sm2Check:
    """Check an SM2 CMS made by ``sign_cms`` (or any RFC 5652 one with SM3/SM2) over ``data``."""
    from asn1crypto import cms
    from cryptography import x509

    try:
        content = cms.ContentInfo.load(p7s)
        signed = content["content"]
        info = signed["signer_infos"][0]
        digest_oid = info["digest_algorithm"]["algorithm"].dotted
        sig_oid = info["signature_algorithm"]["algorithm"].dotted
        sid = info["sid"].chosen
        certs = [c.chosen for c in signed["certificates"] if c.name == "certificate"]
        signer = next(c for c in certs if c.issuer == sid["issuer"] and c.serial_number == sid["serial_number"].native)
        attrs = info["signed_attrs"]
        digest = next(a["values"][0].native for a in attrs if a["type"].native == "message_digest")
        when = next((a["values"][0].native for a in attrs if a["type"].native == "signing_time"), None)
        to_check = attrs.untag().dump(force=True)
        signature = info["signature"].native
    except (ValueError, TypeError, KeyError, IndexError, StopIteration) as exc:
        return Sm2Check(False, problem=f"国密签名文件无法解析（{exc.__class__.__name__}）")
    if digest_oid != SM3_OID or sig_oid not in (SM2_WITH_SM3_OID, SM2_SIGN_OID):
        return Sm2Check(False, problem=f"国密签名的算法不是 SM3/SM2（{digest_oid} / {sig_oid}）")
    cert = x509.load_der_x509_certificate(signer.dump())
    chain = [x509.load_der_x509_certificate(c.dump()) for c in certs if c is not signer]
    info_ = cert_info(cert)
    check = Sm2Check(False, signer=info_.office, fingerprint=info_.fingerprint, signed_at=when, cert=cert, chain=chain)
    if hashlib.new("sm3", data).digest() != digest:
        check.problem = "清单 manifest.json 的 SM3 摘要与国密签名不符"
        return check
    if not verify_raw(cert, to_check, signature):
        check.problem = "国密签名 manifest.json.sm2.p7s 与其证书不符"
        return check
    check.intact = True
    return check


def verify_chain(cert, chain, roots, moment: dt.datetime | None) -> tuple[bool, str]:
    """An SM2 certificate chain up to one of ``roots`` (cryptography certificates), by ``openssl verify``
    at ``moment``; (reached a trusted root, what OpenSSL said in Chinese)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    sm2_roots = [r for r in roots if is_sm2(r)]
    if not sm2_roots:
        return False, "信任列表中没有国密 SM2 的 CA 证书，无法校验 SM2 证书链。"
    with tempfile.TemporaryDirectory(prefix="cluster-declare-sm2-") as tmp:
        t = Path(tmp)
        (t / "roots.pem").write_bytes(b"".join(r.public_bytes(Encoding.PEM) for r in sm2_roots))
        (t / "chain.pem").write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in chain))
        (t / "cert.pem").write_bytes(cert.public_bytes(Encoding.PEM))
        args = [openssl(), "verify", "-vfyopt", f"distid:{USER_ID}", "-CAfile", str(t / "roots.pem")]
        if chain:
            args += ["-untrusted", str(t / "chain.pem")]
        if moment is not None:
            args += ["-attime", str(int(moment.timestamp()))]
        proc = subprocess.run([*args, str(t / "cert.pem")], capture_output=True, text=True, timeout=60)
    if proc.returncode == 0:
        return True, "国密 SM2 证书链到达信任的根证书（OpenSSL 校验）。"
    detail = next((line for line in (proc.stdout + proc.stderr).splitlines() if "error" in line), "")
    return False, f"国密 SM2 证书链未通过校验：{detail.split(':')[-1].strip() or '未到达信任的根证书'}。"
