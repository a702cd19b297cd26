"""The receiving side's trust store: CA roots and intermediates (a province's 电子政务 CA, say)
imported once into the user data folder, used by every ``verify``.

    add(path)        → [CertInfo] imported from a PEM (one or several certificates) or DER file
    listed()         → [CertInfo] in the store
    remove(prefix)   → CertInfo removed (by the start of its SHA-256 fingerprint)
    certificates()   → cryptography certificates, for chain validation

One PEM file per certificate, named by its fingerprint, so adding the same CA twice is harmless.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.messages import package as M
from core.package.certificate import CertInfo, atomic_write, cert_info
from core.paths import user_data_dir

FOLDER = "trusted-ca"


def folder() -> Path:
    return user_data_dir() / FOLDER


def read_certificates(path: str | os.PathLike[str]) -> list:
    """Every certificate in a PEM bundle or a DER file (a message naming the file otherwise)."""
    from cryptography import x509

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise M.CERT_UNREADABLE.error(path=path, reason=exc.strerror or exc) from exc
    try:
        certs = x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise M.CERT_INVALID.error(name=path.name) from exc
    if not certs:
        raise M.TRUST_EMPTY.error(name=path.name)
    return certs


def add(path: str | os.PathLike[str]) -> list[CertInfo]:
    from cryptography.hazmat.primitives.serialization import Encoding

    out = []
    for cert in read_certificates(path):
        info = cert_info(cert)
        atomic_write(folder() / f"{info.fingerprint}.pem", cert.public_bytes(Encoding.PEM), mode=0o644)
        out.append(info)
    return out


def certificates() -> list:
    from cryptography import x509

    out = []
    base = folder()
    if not base.is_dir():
        return out
    for path in sorted(base.glob("*.pem")):
        try:
            out.append(x509.load_pem_x509_certificate(path.read_bytes()))
        except (OSError, ValueError):
            continue  # a damaged entry trusts nothing; `trust list` does not show it either
    return out


def listed() -> list[CertInfo]:
    return [cert_info(c) for c in certificates()]


def remove(prefix: str) -> CertInfo:
    want = prefix.replace(" ", "").replace(":", "").lower()
    matches = [i for i in listed() if want and i.fingerprint.startswith(want)]
    if not matches:
        raise M.TRUST_UNKNOWN.error(prefix=prefix)
    if len(matches) > 1:
        raise M.TRUST_AMBIGUOUS.error(prefix=prefix)
    (folder() / f"{matches[0].fingerprint}.pem").unlink()
    return matches[0]


def read_crls(paths) -> list[bytes]:
    """DER CRLs from ``--crl`` files (PEM or DER), checked to parse."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    out = []
    for p in paths or []:
        path = Path(p)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise M.CERT_UNREADABLE.error(path=path, reason=exc.strerror or exc) from exc
        try:
            crl = x509.load_pem_x509_crl(data) if b"-----BEGIN" in data else x509.load_der_x509_crl(data)
        except ValueError as exc:
            raise M.CRL_INVALID.error(name=path.name) from exc
        out.append(crl.public_bytes(Encoding.DER))
    return out
