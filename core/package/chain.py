"""Chain validation of the signer's certificate (pyhanko-certvalidator, offline): which CA issued
it, up to a trusted root; valid at signing time; signing key usage; revocation from a CRL file.

Each check is reported in Chinese, so the verify report and dialog can show them one by one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from dataclasses import dataclass, field

OK, FAILED, NOT_CHECKED = True, False, None


@dataclass
class ChainReport:
    trusted: bool = False  # a path to a trusted root, valid at signing time, not revoked
    reached_root: bool = False  # a path to a trusted root could be built at all
    path: list[dict] = field(default_factory=list)  # signer first: subject, issuer, fingerprint, dates
    checks: list[dict] = field(default_factory=list)  # {"check", "ok": True/False/None, "text"}
    problem: str = ""  # the first failed check, in a sentence (empty when trusted or untrusted only)

    def add(self, check: str, ok: bool | None, text: str) -> None:
        self.checks.append({"check": check, "ok": ok, "text": text})
        if ok is False and not self.problem and check != "chain":
            self.problem = text


def _name(name) -> str:
    native = name.native
    parts = []
    for key in ("organization_name", "organizational_unit_name", "common_name"):
        value = native.get(key)
        for v in value if isinstance(value, list) else [value] if value else []:
            if str(v) not in parts:
                parts.append(str(v))
    return " / ".join(parts) or name.human_friendly


def _summary(cert, role: str) -> dict:
    return {"role": role, "subject": _name(cert.subject), "issuer": _name(cert.issuer),
            "fingerprint": hashlib.sha256(cert.dump()).hexdigest(), "serial": cert.serial_number,
            "not_before": cert.not_valid_before, "not_after": cert.not_valid_after,
            "self_signed": cert.self_signed != "no"}


def _best_effort_path(cert, pool) -> list:
    """Signer, then issuers found among the embedded and trusted certificates (by name)."""
    path, seen = [cert], {cert.dump()}
    while path[-1].self_signed == "no":
        issuer = next((c for c in pool if c.subject == path[-1].issuer and c.dump() not in seen), None)
        if issuer is None:
            break
        path.append(issuer)
        seen.add(issuer.dump())
    return path


def _date(value: dt.datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _can_sign(cert) -> bool:
    usage = cert.key_usage_value
    if usage is None:
        return True
    return bool({"digital_signature", "non_repudiation"} & set(usage.native))


def validate(signer, others=(), roots=(), crls=(), moment: dt.datetime | None = None) -> ChainReport:
    """``signer``/``others``/``roots``: asn1crypto certificates; ``crls``: DER; ``moment``: signing time."""
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import (
        ExpiredError,
        InsufficientRevinfoError,
        InvalidCertificateError,
        NotYetValidError,
        PathBuildingError,
        PathValidationError,
        RevokedError,
    )

    from core.package.signing import _quiet_pyhanko

    _quiet_pyhanko()
    moment = moment or dt.datetime.now(dt.UTC)
    report = ChainReport()
    roots = list(roots)
    pool = [*others, *roots]
    path = _best_effort_path(signer, pool)
    subject = _name(signer.subject)
    # Who issued it and whether it was valid when signed: read from the certificates themselves,
    # so the report says which one failed even when the validator stops at the first problem.
    for cert in path:
        nb, na = cert.not_valid_before, cert.not_valid_after
        who = "签名证书" if cert is signer else f"CA 证书“{_name(cert.subject)}”"
        if moment > na:
            report.add("validity", FAILED, f"{who}已于 {_date(na)} 过期，签名时（{_date(moment)}）已失效。")
            break
        if moment < nb:
            report.add("validity", FAILED, f"{who}自 {_date(nb)} 起才生效，签名时（{_date(moment)}）尚未生效。")
            break
    else:
        s = path[0]
        report.add("validity", OK, f"签名时证书在有效期内（{_date(s.not_valid_before)} 至 {_date(s.not_valid_after)}）。")
    if _can_sign(signer):
        report.add("key_usage", OK, "证书的密钥用途包含数字签名。")
    else:
        report.add("key_usage", FAILED, f"证书“{subject}”的密钥用途不含数字签名（可能是加密证书），不能用于签名。")

    if not roots:
        report.path = [_summary(c, "signer" if c is signer else "ca") for c in path]
        report.add("chain", NOT_CHECKED, "没有信任的 CA 或证书：无法判断签发者是否可信。")
        report.add("revocation", NOT_CHECKED, "未检查吊销状态。")
        return report
    vc = ValidationContext(trust_roots=roots, other_certs=list(others), crls=list(crls), allow_fetching=False,
                           revocation_mode="soft-fail", moment=moment)
    validator = CertificateValidator(signer, intermediate_certs=list(others), validation_context=vc)
    revoked_text = None
    try:
        built = asyncio.run(validator.async_validate_path())
        certs = list(built)
        report.reached_root = True
    except (PathBuildingError, InvalidCertificateError):  # no path; or a self-signed one nobody trusts
        certs = path
    except RevokedError as exc:
        report.reached_root = True
        certs = path
        revoked_text = _revoked_text(exc, subject)
    except (ExpiredError, NotYetValidError, InsufficientRevinfoError, PathValidationError):
        report.reached_root = True  # the path exists; the dated checks above say what is wrong
        certs = path
    certs = sorted(certs, key=lambda c: 0 if c.dump() == signer.dump() else 1)  # the signer first
    if len(certs) > 1 and certs[1].subject != signer.issuer:
        certs = [certs[0], *reversed(certs[1:])]
    report.path = [_summary(c, "signer" if i == 0 else "root" if i == len(certs) - 1 and report.reached_root
                            else "ca") for i, c in enumerate(certs)]
    if report.reached_root:
        top = certs[-1]
        via = " ← ".join(_name(c.subject) for c in certs)
        report.add("chain", OK, f"证书链到达信任的{'根证书' if top.self_signed != 'no' else '证书'}：{via}。")
    else:
        missing = _name(path[-1].issuer)
        report.add("chain", FAILED, f"证书链未到达信任的根证书：签发者“{missing}”不在信任列表中。")
    if not revoked_text and crls:
        revoked_text, covered = _crl_status(certs, crls, moment)
        if not revoked_text and not covered:
            report.add("revocation", NOT_CHECKED, "所给的证书吊销列表（CRL）不是签名证书的签发者发布的，未能核对吊销状态。")
            report.trusted = report.reached_root and all(c["ok"] is not False for c in report.checks)
            return report
    if revoked_text:
        report.add("revocation", FAILED, revoked_text)
    elif crls:
        report.add("revocation", OK if report.reached_root else NOT_CHECKED,
                   "已核对证书吊销列表（CRL）：未被吊销。" if report.reached_root else "证书链不完整，未核对吊销列表。")
    else:
        report.add("revocation", NOT_CHECKED, "未提供证书吊销列表（--crl），未检查是否已被吊销。")
    report.trusted = report.reached_root and all(c["ok"] is not False for c in report.checks)
    return report


def _revoked_text(exc, subject: str, when: dt.datetime | None = None) -> str:
    when = when or getattr(exc, "revocation_dt", None)
    date = f"于 {_date(when)} " if isinstance(when, dt.datetime) else ""
    return f"证书“{subject}”已被发证机构{date}吊销（见所给的证书吊销列表），签名不可信。"


def _crl_status(path, crls, moment: dt.datetime) -> tuple[str | None, bool]:
    """Each certificate of ``path`` (signer first) against the CRLs its issuer signed: the
    validator consults CRLs only for certificates that name a distribution point, but a CRL file
    the receiver was handed counts whatever the certificate says. (revoked text, signer covered)."""
    from cryptography import x509

    parsed = [x509.load_der_x509_crl(c) for c in crls]
    signer_covered = False
    for i, cert in enumerate(path[:-1] if len(path) > 1 else path):
        issuer = path[i + 1] if i + 1 < len(path) else None
        if issuer is None:
            continue
        issuer_c = x509.load_der_x509_certificate(issuer.dump())
        for crl in parsed:
            if crl.issuer != issuer_c.subject:
                continue
            try:
                if not crl.is_signature_valid(issuer_c.public_key()):
                    continue  # a forged CRL says nothing
            except Exception:
                continue
            if i == 0:
                signer_covered = True
            entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
            if entry is not None and entry.revocation_date_utc <= moment:
                return _revoked_text(None, _name(cert.subject), entry.revocation_date_utc), True
    return None, signer_covered
