"""The office certificate: one key pair and self-signed X.509 certificate per district office.

Kept in the user data folder as a passphrase-protected PKCS#12 file (mode 0600), with the public
certificate beside it as PEM so the fingerprint can be shown without asking for the passphrase.
The receiving side confirms the SHA-256 fingerprint by telephone, or trusts the exported public
certificate with ``verify --trust``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from core.messages import package as M
from core.paths import user_data_dir

PASSPHRASE_ENV = "CLUSTER_DECLARE_CERT_PASSPHRASE"
P12_NAME = "office-certificate.p12"
PEM_NAME = "office-certificate.pem"
VALID_YEARS = 10
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class CertInfo:
    """What the official and the receiving side need to know about a certificate."""

    office: str
    fingerprint: str  # SHA-256 of the DER certificate, lowercase hex
    not_before: dt.datetime
    not_after: dt.datetime
    serial: int
    pem: bytes
    subject: str = ""  # the whole subject and issuer names, as the dialogs show them
    issuer: str = ""
    self_signed: bool = True
    key_type: str = ""  # "ECDSA P-256", "RSA 2048", "SM2"
    can_sign: bool = True  # key usage allows digital signatures (or no key usage extension)

    @property
    def fingerprint_display(self) -> str:
        return format_fingerprint(self.fingerprint)

    def usable_problem(self, now: dt.datetime | None = None):
        """The ``UserError`` that signing with this certificate now would be, or None."""
        now = now or dt.datetime.now(dt.UTC)
        if now > self.not_after:
            return M.SIGNER_EXPIRED.error(subject=self.office, date=f"{self.not_after.astimezone():%Y-%m-%d}")
        if now < self.not_before:
            return M.SIGNER_NOT_YET.error(subject=self.office, date=f"{self.not_before.astimezone():%Y-%m-%d %H:%M}")
        if not self.can_sign:
            return M.SIGNER_USAGE.error(subject=self.office)
        return None

    def check_usable(self, now: dt.datetime | None = None) -> None:
        problem = self.usable_problem(now)
        if problem is not None:
            raise problem


def format_fingerprint(hex_digest: str) -> str:
    """Groups of four upper-case hex digits, easy to read out on the telephone."""
    h = hex_digest.upper()
    return " ".join(h[i:i + 4] for i in range(0, len(h), 4))


def p12_path() -> Path:
    return user_data_dir() / P12_NAME


def pem_path() -> Path:
    return user_data_dir() / PEM_NAME


def has_office_certificate() -> bool:
    return p12_path().is_file() and pem_path().is_file()


def display_name(name) -> str:
    """A ``cryptography`` Name as officials read it: 组织 O, then CN (e.g. "CN=…, O=…" → "O / CN")."""
    from cryptography.x509.oid import NameOID

    parts = []
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.COMMON_NAME):
        for attr in name.get_attributes_for_oid(oid):
            if str(attr.value) not in parts:
                parts.append(str(attr.value))
    return " / ".join(parts) or name.rfc4514_string()


def _key_type(cert) -> str:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if cert.public_key_algorithm_oid.dotted_string == "1.2.840.10045.2.1":
        try:
            key = cert.public_key()
        except Exception:  # cryptography refuses curves it does not know, e.g. SM2
            return "SM2" if is_sm2(cert) else "EC"
        if isinstance(key, ec.EllipticCurvePublicKey):
            return {"secp256r1": "ECDSA P-256", "secp384r1": "ECDSA P-384"}.get(key.curve.name, f"ECDSA {key.curve.name}")
    try:
        key = cert.public_key()
    except Exception:
        return cert.public_key_algorithm_oid.dotted_string
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA {key.key_size}"
    return type(key).__name__


SM2_SIGNATURE_OID = "1.2.156.10197.1.501"  # SM2 with SM3 (GM/T 0006)
SM2_CURVE_OID = "1.2.156.10197.1.301"


def is_sm2(cert) -> bool:
    """An SM2 certificate: signed SM2-with-SM3, or its key on the SM2 curve."""
    if cert.signature_algorithm_oid.dotted_string == SM2_SIGNATURE_OID:
        return True
    from cryptography.exceptions import UnsupportedAlgorithm

    try:
        cert.public_key()
    except UnsupportedAlgorithm as exc:
        return SM2_CURVE_OID in str(exc)
    return False


def _can_sign(cert) -> bool:
    from cryptography import x509

    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True  # no restriction (RFC 5280 4.2.1.3)
    return bool(ku.digital_signature or ku.content_commitment)


def cert_info(cert) -> CertInfo:
    """``CertInfo`` of a ``cryptography`` certificate."""
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME) or \
        cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    office = str(names[0].value) if names else cert.subject.rfc4514_string()
    der = cert.public_bytes(Encoding.DER)
    return CertInfo(office=office, fingerprint=hashlib.sha256(der).hexdigest(),
                    not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc,
                    serial=cert.serial_number, pem=cert.public_bytes(Encoding.PEM),
                    subject=display_name(cert.subject), issuer=display_name(cert.issuer),
                    self_signed=cert.subject == cert.issuer, key_type=_key_type(cert), can_sign=_can_sign(cert))


def office_certificate_info() -> CertInfo | None:
    """The office certificate's public part, or None before the first export."""
    if not has_office_certificate():
        return None
    return cert_info(load_certificate_file(pem_path()))


def load_certificate_file(path: str | os.PathLike[str]):
    """A PEM or DER certificate file (e.g. the one given to ``verify --trust``)."""
    from cryptography import x509

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise M.CERT_UNREADABLE.error(path=path, reason=exc.strerror or exc) from exc
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise M.CERT_INVALID.error(name=path.name) from exc


def create_office_certificate(office: str, passphrase: bytes) -> CertInfo:
    """A new ECDSA P-256 key and a self-signed certificate naming the office (O and CN).

    P-256 rather than RSA: every PDF reader that checks signatures supports it, and loading an
    RSA key (which pyHanko does for every signature) costs about 0.15 s with key validation."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    office = (office or "").strip()
    if not office:
        raise M.OFFICE_MISSING.error()
    if len(office) > 64:
        raise M.OFFICE_TOO_LONG.error(office=office)
    _check_passphrase(passphrase)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, office),
        x509.NameAttribute(NameOID.COMMON_NAME, office),
    ])
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _store(key, cert, passphrase)
    return cert_info(cert)


def import_office_certificate(source: str | os.PathLike[str], source_passphrase: bytes | None,
                              passphrase: bytes) -> CertInfo:
    """Take an existing .p12/.pfx (e.g. issued by a CA) as the office certificate."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    source = Path(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise M.CERT_UNREADABLE.error(path=source, reason=exc.strerror or exc) from exc
    from cryptography.exceptions import UnsupportedAlgorithm

    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, source_passphrase or None)
    except UnsupportedAlgorithm as exc:
        if SM2_CURVE_OID in str(exc) or SM2_SIGNATURE_OID in str(exc):
            raise M.SM2_UNSUPPORTED.error(name=source.name, reason=SM2_KEY_REASON) from exc
        raise M.P12_WRONG.error(name=source.name) from exc
    except ValueError as exc:
        raise M.P12_WRONG.error(name=source.name) from exc
    if key is None or cert is None:
        raise M.P12_EMPTY.error(name=source.name)
    _check_passphrase(passphrase)
    _store(key, cert, passphrase, extra or None)
    return cert_info(cert)


SM2_KEY_REASON = "Python 的 cryptography 库不支持 SM2 曲线，无法读取 SM2 私钥"

KINDS = {"self_made": "本单位自制证书", "ca_file": "CA 签发的证书文件", "ukey": "UKey（USB 证书介质）"}


@dataclass
class SigningIdentity:
    """The unlocked office key from the stored PKCS#12 (self-made, or imported from a CA): makes
    pyHanko signers. ``core.package.token.TokenIdentity`` is the same interface for a UKey."""

    p12: bytes
    passphrase: bytes
    info: CertInfo
    _signer: object = None

    @property
    def kind(self) -> str:
        """``self_made`` or ``ca_file`` (a certificate someone else issued)."""
        return "self_made" if self.info.self_signed else "ca_file"

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def signer(self):
        if self._signer is None:  # decrypting the PKCS#12 again costs a key derivation
            from pyhanko.sign import signers

            # The CA chain stored with the key goes into every signature: the receiving side
            # then needs only the root to build the path.
            self._signer = signers.SimpleSigner.load_pkcs12_data(self.p12, other_certs=[],
                                                                 passphrase=self.passphrase)
        return self._signer

    def close(self) -> None:
        """Nothing to release for a file; a UKey session is closed."""


def unlock(passphrase: bytes) -> SigningIdentity:
    """Open the stored PKCS#12 with the passphrase."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    path = p12_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise M.NO_CERT.error() from exc
    except OSError as exc:
        raise M.OWN_CERT_UNREADABLE.error(path=path, reason=exc.strerror or exc) from exc
    try:
        _key, cert, _extra = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError as exc:
        raise M.WRONG_PASSPHRASE.error(path=path) from exc
    return SigningIdentity(p12=data, passphrase=passphrase, info=cert_info(cert))


def export_public_certificate(out: str | os.PathLike[str], fmt: str = "pem") -> Path:
    """Write the public certificate (PEM or DER) for the receiving side."""
    from cryptography.hazmat.primitives.serialization import Encoding

    if not has_office_certificate():
        raise M.NO_CERT_EXPORT.error()
    cert = load_certificate_file(pem_path())
    data = cert.public_bytes(Encoding.DER if fmt.lower() == "der" else Encoding.PEM)
    out = Path(out)
    atomic_write(out, data, mode=0o644)
    return out


def passphrase_from_env_or_prompt(*, confirm: bool = False) -> bytes:
    """The passphrase from ``CLUSTER_DECLARE_CERT_PASSPHRASE``, else asked on the terminal."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env.encode("utf-8")
    if not sys.stdin or not sys.stdin.isatty():
        raise M.PASSPHRASE_NEEDED.error(env=PASSPHRASE_ENV)
    first = getpass.getpass("本单位证书密码：")
    if confirm and getpass.getpass("再次输入密码：") != first:
        raise M.PASSPHRASE_MISMATCH.error()
    return first.encode("utf-8")


def _check_passphrase(passphrase: bytes) -> None:
    if len(passphrase.decode("utf-8", "replace")) < MIN_PASSPHRASE:
        raise M.PASSPHRASE_SHORT.error(min=MIN_PASSPHRASE)


def _store(key, cert, passphrase: bytes, extra=None) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12

    info = cert_info(cert)
    data = pkcs12.serialize_key_and_certificates(info.office.encode("utf-8"), key, cert, extra,
                                                 BestAvailableEncryption(passphrase))
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(p12_path(), data, mode=0o600)
    atomic_write(pem_path(), cert.public_bytes(Encoding.PEM), mode=0o644)
    # Prepare the signature block's font now, a one-time setup step, so exports stay fast.
    from core.package.stamp import stamp_font, stamp_text

    stamp_font(stamp_text(info.office, info.fingerprint))


def atomic_write(path: Path, data: bytes, *, mode: int) -> None:
    """Write beside the target with ``mode`` from the start, then rename over it; a failure is a
    message naming the file (a full disk, a read-only folder, a device such as /dev/full)."""
    from core.oserrors import SPECIAL_TARGET, os_reason, special_target

    if special_target(path):
        raise M.CERT_WRITE.error(path=path, reason=SPECIAL_TARGET)
    try:
        _atomic_write(path, data, mode=mode)
    except OSError as exc:
        raise M.CERT_WRITE.error(path=path, reason=os_reason(exc)) from exc


def _atomic_write(path: Path, data: bytes, *, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mkstemp creates 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode != 0o600:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with _suppress_oserror():
            os.unlink(tmp)
        raise
    if mode == 0o600:
        os.chmod(path, 0o600)


def _suppress_oserror():
    import contextlib

    return contextlib.suppress(OSError)


def ensure_identity(passphrase: bytes, office: str | None) -> tuple[SigningIdentity, bool]:
    """Unlock the office certificate, creating it first if there is none; (identity, created)."""
    created = False
    if not has_office_certificate():
        create_office_certificate(office or "", passphrase)
        created = True
    return unlock(passphrase), created
