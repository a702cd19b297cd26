"""Signing with a USB key (UKey) through its PKCS#11 module: the private key never leaves the token.

    certificates_on(module)                 → [TokenCert]: what each inserted token holds (no PIN)
    open_token(TokenChoice, pin)            → TokenIdentity: a logged-in session, pyHanko signer
    remembered_choice() / remember_choice() → the module path and certificate last used (no PIN)
    pin_from(pin_file=None)                 → the PIN from a file, the environment, or the terminal

The PIN is passed to the token and dropped: it is never stored, logged or put into a message.
Every PKCS#11 failure becomes a Chinese message (wrong PIN, locked token, token pulled out).
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from core.errors import UserError
from core.messages import package as M
from core.package.certificate import KINDS, CertInfo, cert_info
from core.paths import user_data_dir

PIN_ENV = "CLUSTER_DECLARE_TOKEN_PIN"
CHOICE_NAME = "signing-token.json"
# CKF_USER_PIN_COUNT_LOW / _FINAL_TRY / _LOCKED (PKCS#11 token flags)
_PIN_COUNT_LOW, _PIN_FINAL_TRY, _PIN_LOCKED = 0x10000, 0x20000, 0x40000


@dataclass(frozen=True)
class TokenChoice:
    """Which module, token and certificate sign (the PIN is asked each time)."""

    module: str
    token: str = ""  # token label; empty: the only token present
    label: str = ""  # certificate (and key) label; empty: the only signing certificate

    def to_json(self) -> dict:
        return {"module": self.module, "token": self.token, "label": self.label}


@dataclass(frozen=True)
class TokenCert:
    token: str
    label: str
    key_id: bytes
    info: CertInfo
    der: bytes
    issues_others: bool = False  # the CA certificate of another one on the token: chain, not signer


def _lib(module: str):
    import pkcs11

    path = Path(module)
    if not path.is_file():
        raise M.TOKEN_MODULE_MISSING.error(module=module, reason="文件不存在")
    try:
        return pkcs11.lib(str(path))
    except (pkcs11.PKCS11Error, OSError, RuntimeError) as exc:
        raise M.TOKEN_MODULE_MISSING.error(module=module, reason=_reason(exc)) from exc


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}{'：' + text if text else ''}"


def _tokens(lib, module: str, label: str = ""):
    import pkcs11

    try:
        tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    except pkcs11.PKCS11Error as exc:
        raise M.TOKEN_FAILED.error(reason=_reason(exc)) from exc
    # SoftHSM and some drivers show an empty, uninitialised slot too: only initialised tokens count.
    tokens = [t for t in tokens if t.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED]
    if label:
        tokens = [t for t in tokens if t.label == label]
    if not tokens:
        raise M.TOKEN_ABSENT.error(token=f"“{label}”" if label else "", module=module)
    return tokens


def _certs_in(session, token_label: str) -> list[TokenCert]:
    from cryptography import x509
    from pkcs11 import Attribute, CertificateType, ObjectClass

    out = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE,
                                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509}):
        der = bytes(obj[Attribute.VALUE])
        try:
            label = obj[Attribute.LABEL]
        except Exception:  # a certificate without a label: the key id still identifies it
            label = ""
        try:
            key_id = bytes(obj[Attribute.ID])
        except Exception:
            key_id = b""
        try:
            cert = x509.load_der_x509_certificate(der)
        except ValueError:
            continue
        out.append((cert, TokenCert(token=token_label, label=label, key_id=key_id, info=cert_info(cert), der=der)))
    issuers = {c.issuer.public_bytes() for c, _ in out if c.issuer != c.subject}
    return [TokenCert(t.token, t.label, t.key_id, t.info, t.der, c.subject.public_bytes() in issuers) for c, t in out]


def certificates_on(module: str, token: str = "") -> list[TokenCert]:
    """The certificates on every inserted token of ``module`` (public objects: no PIN needed)."""
    import pkcs11

    lib = _lib(module)
    out: list[TokenCert] = []
    for t in _tokens(lib, module, token):
        try:
            with t.open() as session:
                out += [c for c in _certs_in(session, t.label) if not c.issues_others]
        except pkcs11.PKCS11Error as exc:
            raise M.TOKEN_FAILED.error(reason=_reason(exc)) from exc
    return out


class TokenIdentity:
    """A logged-in token session holding the office key: the same interface as ``SigningIdentity``."""

    kind = "ukey"
    kind_label = KINDS["ukey"]

    def __init__(self, choice: TokenChoice, session, cert: TokenCert, chain: list[bytes]):
        self.choice, self.session, self.cert, self.info = choice, session, cert, cert.info
        self._chain = chain
        self._signer = None

    def signer(self):
        if self._signer is None:
            from asn1crypto import x509 as ax509

            signing_cert = ax509.Certificate.load(self.cert.der)
            self._signer = _GuardedSigner(
                self.session, key_label=self.cert.label or None, key_id=self.cert.key_id or None,
                signing_cert=signing_cert, ca_chain=[ax509.Certificate.load(d) for d in self._chain],
                # Tokens (SoftHSM among them) often offer only the raw ECDSA mechanism: pyHanko
                # hashes, the token signs the digest.
                use_raw_mechanism=signing_cert.public_key.algorithm == "ec")
        return self._signer

    def close(self) -> None:
        import contextlib

        import pkcs11

        session, self.session = self.session, None
        if session is not None:
            # logs out too; a token already pulled out has no session left to close
            with contextlib.suppress(pkcs11.PKCS11Error):
                session.close()


def _guarded_signer_class():
    from pyhanko.sign.pkcs11 import PKCS11Signer

    class Guarded(PKCS11Signer):
        """PKCS#11 failures while signing (the token pulled out, the session gone) → a message."""

        async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
            import pkcs11

            try:
                return await super().async_sign_raw(data, digest_algorithm, dry_run)
            except pkcs11.PKCS11Error as exc:
                raise M.TOKEN_REMOVED.error(reason=_reason(exc)) from exc

    return Guarded


def _GuardedSigner(*args, **kwargs):  # noqa: N802 - stands for the class, built when pyHanko loads
    return _guarded_signer_class()(*args, **kwargs)


def _login_error(exc, token, module: str) -> UserError:
    import pkcs11

    flags = int(getattr(token, "flags", 0) or 0)
    if isinstance(exc, pkcs11.PinLocked) or flags & _PIN_LOCKED:
        return M.PIN_LOCKED.error(token=token.label)
    if isinstance(exc, (pkcs11.PinIncorrect, pkcs11.PinInvalid, pkcs11.PinLenRange)):
        warning = ""
        if flags & _PIN_FINAL_TRY:
            warning = "再输错一次 UKey 就会锁定。"
        elif flags & _PIN_COUNT_LOW:
            warning = "已多次输错，再输错几次 UKey 就会锁定。"
        return M.PIN_WRONG.error(token=token.label, warning=warning)
    if isinstance(exc, (pkcs11.TokenNotPresent, pkcs11.DeviceRemoved, pkcs11.TokenNotRecognised)):
        return M.TOKEN_ABSENT.error(token=f"“{token.label}”", module=module)
    return M.TOKEN_FAILED.error(reason=_reason(exc))


def open_token(choice: TokenChoice, pin: str) -> TokenIdentity:
    """Log in to the chosen token and find the certificate with its private key."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    lib = _lib(choice.module)
    tokens = _tokens(lib, choice.module, choice.token)
    if len(tokens) > 1:
        raise M.TOKEN_ABSENT.error(token="（插着多个 UKey，请指定其中一个的名称）", module=choice.module)
    token = tokens[0]
    try:
        session = token.open(user_pin=pin)
    except pkcs11.UserAlreadyLoggedIn as exc:
        # Another signature of this program holds the login (login is per token, not per
        # session): never sign without this PIN having been checked.
        raise M.TOKEN_FAILED.error(reason="UKey 正被本程序的另一次签名使用，请等它完成后重试") from exc
    except pkcs11.PKCS11Error as exc:
        raise _login_error(exc, token, choice.module) from exc
    try:
        certs = _certs_in(session, token.label)
        keys = {}
        for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.SIGN: True}):
            keys[bytes(key[Attribute.ID] or b"")] = key[Attribute.LABEL]
        signing = [c for c in certs if not c.issues_others and (c.key_id in keys or c.label in keys.values())]
        if choice.label:
            chosen = [c for c in signing if choice.label in (c.label, c.key_id.hex())]
            if not chosen:
                raise M.TOKEN_CERT_MISSING.error(token=token.label, label=choice.label)
        else:
            chosen = signing
            if not chosen:
                raise M.TOKEN_NO_CERTS.error(token=token.label)
            if len(chosen) > 1:
                names = "、".join(c.label or c.key_id.hex() for c in chosen)
                raise M.TOKEN_CERT_MISSING.error(token=token.label, label=f"（有多张：{names}，请指定一张）")
        cert = chosen[0]
        chain = [c.der for c in certs if c is not cert and c.der != cert.der]
    except UserError:
        session.close()
        raise
    except pkcs11.PKCS11Error as exc:
        session.close()
        raise M.TOKEN_REMOVED.error(reason=_reason(exc)) from exc
    return TokenIdentity(choice, session, cert, chain)


# --- remembered choice and PIN entry -------------------------------------------------------------

def choice_path() -> Path:
    return user_data_dir() / CHOICE_NAME


def remembered_choice() -> TokenChoice | None:
    try:
        data = json.loads(choice_path().read_text(encoding="utf-8"))
        return TokenChoice(module=str(data["module"]), token=str(data.get("token") or ""),
                           label=str(data.get("label") or ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember_choice(choice: TokenChoice) -> None:
    """The module path and certificate (never the PIN), for the next export."""
    from core.package.certificate import atomic_write

    atomic_write(choice_path(), (json.dumps(choice.to_json(), ensure_ascii=False) + "\n").encode("utf-8"),
                 mode=0o644)


def pin_from(pin_file: str | os.PathLike[str] | None = None) -> str:
    """The PIN from ``--pin-file`` (first line), else ``CLUSTER_DECLARE_TOKEN_PIN``, else asked on the
    terminal without echo."""
    if pin_file:
        path = Path(pin_file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise M.PIN_FILE.error(path=path, reason=getattr(exc, "strerror", None) or exc) from exc
        return text.splitlines()[0].strip() if text.strip() else ""
    env = os.environ.get(PIN_ENV)
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise M.PIN_NEEDED.error(env=PIN_ENV)
    return getpass.getpass("UKey PIN 码：")
