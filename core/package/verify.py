"""Verify a submission package: the receiving side's check (see docs/package.md).

The package is untrusted input. The zip's directory is checked before any member is read
(``safezip.inspect_zip``); members are hashed in chunks or, for the three small ones that are
parsed (manifest, its signature, the signed PDF), read into memory under a size limit. Nothing is
written anywhere.

Outcome: ``ok`` (intact, and signed by a certificate the receiver trusts), ``intact`` but not
trusted (no ``--trust`` given: compare the fingerprint by telephone), or a list of problems with
the first altered member named.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.messages import package as M
from core.package import manifest as mf
from core.package.certificate import format_fingerprint
from core.package.safezip import UnsafePackage, hash_member, inspect_zip, read_member
from core.package.signing import SignatureCheck, to_asn1, verify_detached, verify_pdf
from core.timefmt import local_time

SIGNED_PDF = "application.pdf"
SM2_SIGNATURE = "manifest.json.sm2.p7s"  # core.package.sm2.SIGNATURE (kept here: sm2 loads lazily)
MAX_PDF_BYTES = 64 * 1024 * 1024


@dataclass
class VerifyResult:
    path: Path
    intact: bool = False  # every hash, member and signature holds
    trusted: bool = False  # and the signer is the certificate the receiver named
    trust_given: bool = False
    rejected: str = ""  # the zip was refused as unsafe before reading members
    problems: list[str] = field(default_factory=list)
    first_altered: str | None = None
    signer: str = ""
    fingerprint: str = ""
    signed_at: dt.datetime | None = None
    manifest: dict[str, Any] | None = None
    members_checked: int = 0
    issuer: str = ""  # who issued the signer's certificate (the office itself when self-made)
    chain: list[dict] = field(default_factory=list)  # signer first (core.package.chain)
    checks: list[dict] = field(default_factory=list)  # {"check", "ok": True/False/None, "text"}
    trust_store: int = 0  # CA certificates from the receiver's trust store taken into account
    crl_given: bool = False
    sm2_signer: str = ""  # the 国密 signature's certificate, when the package carries one
    sm2_fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and not self.problems

    @property
    def exit_code(self) -> int:
        """0 everything holds; 3 intact but the signer is not confirmed; 1 altered or refused."""
        if self.ok:
            return 0
        if self.intact and not self.problems and not self.trust_given:
            return 3
        return 1

    def altered(self, member: str, problem: str) -> None:
        self.problems.append(problem)
        if self.first_altered is None:
            self.first_altered = member

    def headline(self, trust_hint: str = "--trust") -> str:
        """``trust_hint``: where the receiver names the certificate (the CLI's option, the dialog's row)."""
        if self.rejected:
            return f"报送包不安全，已拒绝：{self.rejected}"
        if self.ok:
            return "报送包完整，签名有效，签名证书可信。"
        if self.exit_code == 3:
            return f"报送包完整，签名有效；但尚未确认签名证书：请指定报送单位提供的证书（{trust_hint}），或电话核对证书指纹。"
        if self.first_altered:
            return f"报送包已被改动：首个被改动的成员是“{self.first_altered}”。"
        return "报送包未通过校验。"

    def lines(self, trust_hint: str = "--trust") -> list[str]:
        """The plain-language report printed by ``verify`` and shown in the verify dialog."""
        out = [self.headline(trust_hint)]
        out += [f"  ✗ {p}" for p in self.problems]
        m = self.manifest or {}
        if self.signer:
            out.append(f"签名单位：{self.signer}")
        if self.signed_at:
            out.append(f"签名时间：{self.signed_at.astimezone().strftime('%Y-%m-%d %H:%M:%S %z')}")
        if self.fingerprint:
            out.append(f"证书指纹（SHA-256）：{format_fingerprint(self.fingerprint)}")
        if self.issuer:
            out.append(f"签发者：{self.issuer}")
        if len(self.chain) > 1:
            out.append("证书链：" + " ← ".join(c["subject"] for c in self.chain))
        if self.checks:
            out.append("逐项检查：")
            out += [f"  {CHECK_MARKS[c['ok']]} {c['text']}" for c in self.checks]
        if m:
            app = m.get("application") or {}
            rules = m.get("rules") or {}
            v = m.get("verdicts") or {}
            out.append(f"申请：{app.get('name', '')}（{app.get('campaign', '')}年，规则集 {rules.get('id', '')}"
                       f" 第 {rules.get('version', '')} 版）")
            out.append(f"导出：{local_time(str(m.get('exported') or ''), seconds=True)}，程序版本 {(m.get('program') or {}).get('version', '')}")
            out.append(f"结论：{_verdict(v.get('verdict'))}；错误 {v.get('errors', 0)} 项，警告 {v.get('warnings', 0)} 项")
            inds = v.get("indicators") or {}
            if inds:
                out.append("各指标：" + "，".join(
                    f"{_indicator(k)} {_verdict(val)}" for k, val in sorted(inds.items())))
            override = m.get("override")
            if override:
                out.append(f"越过 {override.get('errors', 0)} 项错误报送，理由：{override.get('reason', '')}")
            scans = m.get("scans") or {}
            if scans.get("missing_acknowledged"):
                out.append("注意：导出时缺少签章扫描件，导出人已确认。")
        if self.members_checked:
            out.append(f"已核对成员 {self.members_checked} 个。")
        return out


CHECK_MARKS = {True: "✓", False: "✗", None: "–"}


def _indicator(key: str) -> str:
    numerals = "一二三四五六七八"
    if key == "0":
        return "基本条件"
    return f"指标{numerals[int(key) - 1]}" if key.isdigit() and 1 <= int(key) <= 8 else f"指标{key}"


def _verdict(v: str | None) -> str:
    from core.rules.model import VERDICT_LABELS

    return VERDICT_LABELS.get(v or "", v or "—")


def load_trust(paths) -> list:
    """asn1crypto certificates from ``--trust`` files (a PEM file may hold a whole CA bundle)."""
    from core.package.trust import read_certificates

    return [to_asn1(c) for p in (paths or []) for c in read_certificates(p)]


def verify_package(path: str | os.PathLike[str], trust=None, *, crl=None, trust_store: bool = True) -> VerifyResult:
    """Check a package; ``trust`` is a list of certificate files the receiver trusts (the office's
    own certificate, or CA certificates); the CAs in the trust store (``core.package.trust``) count
    too unless ``trust_store`` is False; ``crl``: offline CRL files."""
    from core.package import trust as store
    from core.package.trust import read_crls

    path = Path(path)
    trust_certs = load_trust(trust)
    stored = [to_asn1(c) for c in store.certificates()] if trust_store else []
    crls = read_crls(crl)
    result = VerifyResult(path=path, trust_given=bool(trust_certs), trust_store=len(stored), crl_given=bool(crls))
    if not path.is_file():
        raise M.NOT_FOUND.error(path=path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise M.NOT_ZIP.error(name=path.name, reason=exc) from exc
    with zf:
        try:
            members = inspect_zip(zf)
        except UnsafePackage as exc:
            result.rejected = str(exc)
            result.problems.append(str(exc))
            return result
        try:
            _verify_members(zf, members, trust_certs, result, stored=stored, crls=crls)
        except UnsafePackage as exc:
            result.rejected = str(exc)
            result.problems.append(str(exc))
    return result


def _verify_members(zf: zipfile.ZipFile, members, trust_certs, result: VerifyResult, *, stored=(),
                    crls=()) -> None:
    for needed in (mf.MANIFEST, mf.SIGNATURE):
        if needed not in members:
            result.altered(needed, f"缺少成员“{needed}”：这不是完整的报送包。")
    if result.problems:
        return
    manifest_bytes = _read(zf, mf.MANIFEST, mf.MAX_MANIFEST_BYTES, result)
    p7s = _read(zf, mf.SIGNATURE, mf.MAX_SIGNATURE_BYTES, result)
    if manifest_bytes is None or p7s is None:
        return
    roots = [*trust_certs, *stored]
    sig = verify_detached(manifest_bytes, p7s, roots)
    _take_signer(result, sig)
    report = None
    if sig.intact:
        from core.package.chain import validate

        report = validate(sig.details["signer_cert"], sig.details.get("certs") or [], roots, crls,
                          moment=sig.signed_at)
        result.chain, result.checks = report.path, [
            {"check": "signature", "ok": True, "text": "清单签名与内容一致。"}, *report.checks]
        result.issuer = report.path[0]["issuer"] if report.path else ""
    if not sig.intact:
        if sig.details.get("content_matches_digest") is True or not sig.signer:
            result.altered(mf.SIGNATURE, f"清单签名 manifest.json.p7s 已被改动或损坏（{sig.problem}）。")
        else:
            result.altered(mf.MANIFEST, "清单 manifest.json 已被改动：内容与其签名 manifest.json.p7s 不符。")
    try:
        manifest = mf.loads(manifest_bytes)
    except UserError as exc:
        result.altered(mf.MANIFEST, exc.message)
        return
    result.manifest = manifest
    declared = (manifest.get("office") or {}).get("certificate_sha256")
    if sig.intact and declared and declared != sig.fingerprint:
        result.problems.append("清单中记载的证书指纹与实际签名证书不符。")

    _verify_sm2(zf, members, manifest, manifest_bytes, result, roots)
    listed = {m["path"]: m for m in manifest["members"]}
    present = set(members) - {mf.MANIFEST, mf.SIGNATURE, SM2_SIGNATURE}
    for m in manifest["members"]:
        name = m["path"]
        if name not in present:
            result.altered(name, f"缺少成员“{name}”（清单中有，包中没有）。")
            continue
        info = members[name]
        if info.size != m["size"]:
            result.altered(name, f"成员“{name}”已被改动：大小 {info.size} 字节，清单记载 {m['size']} 字节。")
            continue
        try:
            sha, size = hash_member(zf, name, limit=max(m["size"], 0))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            result.altered(name, f"成员“{name}”已被改动（压缩数据校验失败：{exc}）。")
            continue
        result.members_checked += 1
        if sha != m["sha256"].lower() or size != m["size"]:
            result.altered(name, f"成员“{name}”已被改动：SHA-256 与清单不符。")
    for name in sorted(present - listed.keys()):
        result.altered(name, f"多出成员“{name}”（清单中没有）。")

    if SIGNED_PDF in listed and SIGNED_PDF in present:
        _verify_pdf(zf, sig, trust_certs, result)
    elif SIGNED_PDF not in listed:
        result.altered(mf.MANIFEST, "清单中没有已签名的申报表 application.pdf。")

    if report is not None and report.problem:
        result.problems.append(report.problem)  # expired or not yet valid when signed, revoked, no signing use
    result.intact = sig.intact and not result.problems
    result.trusted = bool(roots) and report is not None and report.trusted and result.intact
    if trust_certs and sig.intact and report is not None and not report.reached_root:
        result.problems.append(f"签名证书（指纹 {format_fingerprint(sig.fingerprint)}）不是所信任的证书，"
                               "也不是由所信任的 CA 签发：包可能被他人重新签名。")
        result.intact = False


def _verify_sm2(zf, members, manifest: dict, manifest_bytes: bytes, result: VerifyResult, roots) -> None:
    """The 国密 SM2 signature over the manifest, when the office signed one (core/package/sm2.py)."""
    declared = (manifest.get("office") or {}).get("sm2_certificate_sha256")
    if SM2_SIGNATURE not in members:
        if declared:
            result.altered(SM2_SIGNATURE, f"缺少国密签名“{SM2_SIGNATURE}”（清单中记载了 SM2 证书）。")
        return
    from core.package import sm2

    if not sm2.available():
        result.checks.append({"check": "sm2", "ok": None,
                              "text": f"包中有国密 SM2 签名，本机无法核对：{sm2.M.SM2_NO_OPENSSL.text(reason=sm2._openssl_or_reason()[1])}"})
        return
    p7s = _read(zf, SM2_SIGNATURE, mf.MAX_SIGNATURE_BYTES, result)
    if p7s is None:
        return
    check = sm2.verify_cms(manifest_bytes, p7s)
    if not check.intact:
        result.altered(SM2_SIGNATURE, f"国密签名无效：{check.problem}。")
        return
    if declared != check.fingerprint:
        result.problems.append("清单中记载的 SM2 证书指纹与国密签名的证书不符。")
        return
    result.sm2_signer, result.sm2_fingerprint = check.signer, check.fingerprint
    result.checks.append({"check": "sm2", "ok": True,
                          "text": f"国密签名（SM2/SM3）与清单一致，签名证书：{check.signer}"
                                  f"（指纹 {format_fingerprint(check.fingerprint)[:19]}…）。"})
    if roots:
        from cryptography import x509

        reached, text = sm2.verify_chain(check.cert, check.chain,
                                         [x509.load_der_x509_certificate(r.dump()) for r in roots], check.signed_at)
        result.checks.append({"check": "sm2_chain", "ok": True if reached else None, "text": text})


def _verify_pdf(zf, manifest_sig: SignatureCheck, trust_certs, result: VerifyResult) -> None:
    data = _read(zf, SIGNED_PDF, MAX_PDF_BYTES, result)
    if data is None:
        return
    pdf = verify_pdf(data, trust_certs)
    if not pdf.intact:
        result.altered(SIGNED_PDF, f"申报表 application.pdf 的数字签名无效：{pdf.problem}。")
    elif pdf.fingerprint != manifest_sig.fingerprint:
        result.problems.append(
            f"申报表 PDF 的签名证书（指纹 {format_fingerprint(pdf.fingerprint)[:19]}…）与清单签名证书"
            f"（指纹 {format_fingerprint(manifest_sig.fingerprint)[:19]}…）不是同一张：清单可能被他人重新签名。")


def _read(zf, name: str, limit: int, result: VerifyResult) -> bytes | None:
    try:
        return read_member(zf, name, limit)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        result.altered(name, f"成员“{name}”已被改动（压缩数据校验失败：{exc}）。")
        return None


def _take_signer(result: VerifyResult, sig: SignatureCheck) -> None:
    result.signer, result.fingerprint, result.signed_at = sig.signer, sig.fingerprint, sig.signed_at
