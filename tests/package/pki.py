"""Test PKI: root → intermediate → office chains built with cryptography's x509 builder, CRLs,
PKCS#12 files, and SoftHSM2 tokens initialised in a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
SOFTHSM_MODULE = next((p for p in ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                                   "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so") if os.path.exists(p)), None)
USER_PIN = "123456"
SO_PIN = "87654321"


def name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def new_key(kind: str = "ec"):
    return rsa.generate_private_key(65537, 2048) if kind == "rsa" else ec.generate_private_key(ec.SECP256R1())


def _usage(*, sign: bool, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=sign, content_commitment=sign, key_encipherment=not sign and not ca,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def issue(subject: x509.Name, key, issuer: x509.Name, issuer_key, *, ca: bool, sign: bool = True,
          not_before: dt.datetime | None = None, not_after: dt.datetime | None = None, serial: int | None = None):
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=1))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_usage(sign=sign, ca=ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    )
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class Chain:
    root: x509.Certificate
    root_key: object
    intermediate: x509.Certificate
    intermediate_key: object
    office: x509.Certificate
    office_key: object
    extra: dict = field(default_factory=dict)

    def write(self, folder: Path) -> dict[str, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        out = {}
        for label, cert in (("root", self.root), ("intermediate", self.intermediate), ("office", self.office)):
            path = folder / f"{label}.pem"
            path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
            out[label] = path
        return out

    def crl(self, revoked=(), *, next_update_days: int = 30) -> bytes:
        """A CRL from the intermediate CA listing ``revoked`` certificates (DER)."""
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.intermediate.subject)
                   .last_update(NOW - dt.timedelta(hours=1)).next_update(NOW + dt.timedelta(days=next_update_days))
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                       self.intermediate_key.public_key()), critical=False)
                   .add_extension(x509.CRLNumber(1), critical=False))
        for cert in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
                .revocation_date(NOW - dt.timedelta(minutes=30)).build())
        return builder.sign(self.intermediate_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def make_chain(office_name: str = "上海市闵行区经济委员会", *, key: str = "ec", expired: bool = False,
               not_yet: bool = False, sign: bool = True, root_name: str = "测试省电子政务根CA") -> Chain:
    root_key, inter_key, office_key = new_key("ec"), new_key("ec"), new_key(key)
    root = issue(name(root_name, "测试省数字证书认证中心"), root_key, name(root_name, "测试省数字证书认证中心"),
                 root_key, ca=True, not_before=NOW - dt.timedelta(days=3650), not_after=NOW + dt.timedelta(days=3650))
    inter_name = name("测试省电子政务CA", "测试省数字证书认证中心")
    inter = issue(inter_name, inter_key, root.subject, root_key, ca=True,
                  not_before=NOW - dt.timedelta(days=1000), not_after=NOW + dt.timedelta(days=2000))
    nb, na = NOW - dt.timedelta(days=30), NOW + dt.timedelta(days=365)
    if expired:
        nb, na = NOW - dt.timedelta(days=400), NOW - dt.timedelta(days=2)
    if not_yet:
        nb, na = NOW + dt.timedelta(days=2), NOW + dt.timedelta(days=400)
    office = issue(name(office_name, office_name), office_key, inter_name, inter_key, ca=False, sign=sign,
                   not_before=nb, not_after=na)
    return Chain(root, root_key, inter, inter_key, office, office_key)


def write_p12(path: Path, chain: Chain, password: bytes) -> Path:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"office", chain.office_key, chain.office, [chain.intermediate], BestAvailableEncryption(password)))
    return path


class SoftHSM:
    """SoftHSM2 with its token folder and configuration in ``folder`` (``SOFTHSM2_CONF``).

    The library reads its configuration once per process, so a test session uses one instance
    and initialises every token it needs before the first signature."""

    def __init__(self, folder: Path):
        self.folder = folder
        (folder / "tokens").mkdir(parents=True, exist_ok=True)
        self.conf = folder / "softhsm2.conf"
        self.conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
                             "log.level = ERROR\nslots.removable = true\n", encoding="utf-8")
        os.environ["SOFTHSM2_CONF"] = str(self.conf)
        self.module = SOFTHSM_MODULE

    def run(self, *cmd: str) -> str:
        return subprocess.run(cmd, check=True, capture_output=True, text=True,
                              env={**os.environ, "SOFTHSM2_CONF": str(self.conf)}).stdout

    def init_token(self, label: str, pin: str = USER_PIN) -> None:
        self.run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin)

    def put(self, token: str, key, cert: x509.Certificate, label: str, key_id: str, *, pin: str = USER_PIN,
            extra_certs=()) -> None:
        """The private key (imported, non-extractable) and its certificate under one label and id."""
        pem = self.folder / f"{token}-{label}.p8"
        pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
        try:
            self.run("softhsm2-util", "--import", str(pem), "--token", token, "--label", label, "--id", key_id,
                     "--pin", pin)
        finally:
            pem.unlink()
        for n, c in enumerate([cert, *extra_certs]):
            der = self.folder / f"{token}-{label}-{n}.der"
            der.write_bytes(c.public_bytes(serialization.Encoding.DER))
            args = ["pkcs11-tool", "--module", self.module, "--token-label", token, "--login", "--pin", pin,
                    "--write-object", str(der), "--type", "cert"]
            if n == 0:
                args += ["--label", label, "--id", key_id]
            else:
                args += ["--label", f"{label}-ca{n}", "--id", f"{key_id}{n:02d}"]
            self.run(*args)

    def token_dir(self, label: str) -> Path:
        for d in (self.folder / "tokens").iterdir():
            obj = d / "token.object"
            if obj.is_file() and label.encode() in obj.read_bytes():
                return d
        raise LookupError(label)

    def remove_token(self, label: str) -> None:
        """What pulling the UKey out looks like to the driver: the token's objects are gone."""
        shutil.rmtree(self.token_dir(label))


def have_softhsm() -> bool:
    return bool(SOFTHSM_MODULE and shutil.which("softhsm2-util") and shutil.which("pkcs11-tool"))


def make_sm2_p12(folder: Path, office: str, password: str, *, days: int = 365) -> dict[str, Path]:
    """An SM2 root and an SM2 office certificate in a .p12, by the OpenSSL 3 command (cryptography
    has no SM2). Returns the paths: root (PEM), office (PEM), p12."""
    folder.mkdir(parents=True, exist_ok=True)
    uid = "distid:1234567812345678"

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder,
                       env={**os.environ, "P12PASS": password})

    run("genpkey", "-algorithm", "SM2", "-out", "root.key")
    run("req", "-new", "-x509", "-key", "root.key", "-sm3", "-sigopt", uid, "-utf8", "-days", "3650",
        "-subj", "/C=CN/O=测试省国密CA/CN=测试省国密根CA", "-out", "root.pem")
    run("genpkey", "-algorithm", "SM2", "-out", "office.key")
    run("req", "-new", "-key", "office.key", "-sm3", "-sigopt", uid, "-utf8", "-subj", f"/C=CN/O={office}/CN={office}",
        "-out", "office.csr")
    (folder / "ext.cnf").write_text("keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n",
                                    encoding="utf-8")
    run("x509", "-req", "-in", "office.csr", "-CA", "root.pem", "-CAkey", "root.key", "-sm3", "-sigopt", uid,
        "-vfyopt", uid, "-days", str(days), "-extfile", "ext.cnf", "-set_serial", "4097", "-out", "office.pem")
    run("pkcs12", "-export", "-inkey", "office.key", "-in", "office.pem", "-certfile", "root.pem",
        "-passout", "env:P12PASS", "-out", "office.p12")
    for name in ("root.key", "office.key"):
        (folder / name).unlink()
    return {"root": folder / "root.pem", "office": folder / "office.pem", "p12": folder / "office.p12"}
