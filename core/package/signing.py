"""Signatures through pyHanko: the detached CMS over manifest.json, and the PAdES signature of the
printed form with a visible block in Chinese. Validation is offline (no fetching of revocation
data): a self-signed office certificate is trusted only when the receiving side supplies it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import UserError
from core.messages import package as M
from core.package.certificate import SigningIdentity
from core.package.stamp import stamp_font, stamp_text

FIELD_NAME = "OfficeSignature"
STAMP_BOX = (170, 58, 425, 118)  # cover page: centred in the blank space under the "… 制" line


@dataclass
class SignatureCheck:
    """The outcome of one signature check, in the words the verify report uses."""

    intact: bool  # the signed bytes are unchanged and the signature matches the certificate
    trusted: bool  # the certificate is one the receiving side said it trusts
    signer: str = ""
    fingerprint: str = ""  # SHA-256 of the signer certificate, lowercase hex
    signed_at: dt.datetime | None = None
    problem: str = ""
    details: dict = field(default_factory=dict)


def _quiet_pyhanko() -> None:
    # An untrusted self-signed certificate is an expected outcome here, not an error worth a
    # traceback on the console: keep pyHanko's validation logs out of the user's terminal.
    for name in ("pyhanko", "pyhanko_certvalidator"):
        log = logging.getLogger(name)
        if not log.handlers:
            log.addHandler(logging.NullHandler())
            log.propagate = False


def _validation_context(trust_certs):
    _quiet_pyhanko()
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=list(trust_certs or []), allow_fetching=False)


def to_asn1(cert):
    """``cryptography`` certificate → asn1crypto (what pyHanko's validator wants)."""
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives.serialization import Encoding

    return ax509.Certificate.load(cert.public_bytes(Encoding.DER))


def _signer_summary(cert) -> tuple[str, str]:
    subject = cert.subject.native
    name = subject.get("organization_name") or subject.get("common_name") or cert.subject.human_friendly
    if isinstance(name, list):
        name = name[0]
    return str(name), hashlib.sha256(cert.dump()).hexdigest()


# --- detached CMS over the manifest -------------------------------------------------------------

def _token_failure(exc: BaseException) -> UserError | None:
    """A PKCS#11 failure (python-pkcs11's, or pyHanko's wrapping one) as the UKey message."""
    if type(exc).__module__.split(".")[0] == "pkcs11" or "PKCS11" in type(exc).__name__:
        return M.TOKEN_REMOVED.error(reason=f"{type(exc).__name__}{'：' + str(exc) if str(exc) else ''}")
    cause = exc.__cause__ or exc.__context__
    return _token_failure(cause) if cause is not None and cause is not exc else None


def sign_detached(identity: SigningIdentity, data: bytes) -> bytes:
    """DER-encoded CMS SignedData (detached) over ``data``, signed with the office key (on a UKey:
    the token signs the signed attributes; the key never leaves it)."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    attrs = PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC))
    try:
        signer = identity.signer()
        content_info = asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True,
                                                                  signed_attr_settings=attrs))
    except UserError:
        raise
    except Exception as exc:
        token = _token_failure(exc)
        if token is not None:
            raise token from exc
        raise M.SIGN_FAILED.error(name="manifest.json", reason=exc) from exc
    return content_info.dump()


def verify_detached(data: bytes, p7s: bytes, trust_certs=()) -> SignatureCheck:
    """Check a detached CMS signature over ``data``; ``trust_certs`` are asn1crypto certificates."""
    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    try:
        content_info = cms.ContentInfo.load(p7s)
        if content_info["content_type"].native != "signed_data":
            raise ValueError("not signedData")
        signed_data = content_info["content"]
        signed_data.native  # noqa: B018  (parse everything now: a broken structure fails here)
    except (ValueError, TypeError, KeyError) as exc:
        return SignatureCheck(False, False, problem=f"签名文件无法解析（{exc.__class__.__name__}）")
    try:
        status = asyncio.run(async_validate_detached_cms(
            data, signed_data, signer_validation_context=_validation_context(trust_certs)))
    except Exception as exc:  # pyHanko raises several types for malformed signatures
        return SignatureCheck(False, False, problem=f"签名无法校验：{exc}")
    signer, fingerprint = _signer_summary(status.signing_cert)
    ok = bool(status.intact and status.valid)
    embedded = [c.chosen for c in signed_data["certificates"] or [] if c.name == "certificate"]
    return SignatureCheck(intact=ok, trusted=bool(status.trusted),
                          signer=signer, fingerprint=fingerprint, signed_at=status.signer_reported_dt,
                          problem="" if ok else "签名与内容不符",
                          details={"content_matches_digest": _digest_matches(signed_data, data),
                                   "signer_cert": status.signing_cert,
                                   "certs": [c for c in embedded if c.dump() != status.signing_cert.dump()]})


def _digest_matches(signed_data, data: bytes) -> bool | None:
    """Whether the signed message-digest attribute still equals the content's digest: when it
    does and the signature fails, it is the signature file that was altered, not the content."""
    try:
        info = signed_data["signer_infos"][0]
        algo = info["digest_algorithm"]["algorithm"].native
        digest = next(a["values"][0].native for a in info["signed_attrs"] if a["type"].native == "message_digest")
        return hashlib.new(algo, data).digest() == digest
    except (KeyError, IndexError, StopIteration, ValueError, TypeError):
        return None


# --- PAdES on the printed form ------------------------------------------------------------------

def sign_pdf(identity: SigningIdentity, src: Path, dest: Path, *, box: tuple[int, int, int, int] = STAMP_BOX,
             page: int = 0) -> None:
    """Sign ``src`` (PAdES baseline B) into ``dest`` with a visible block on ``page`` (the cover by
    default; negative counts from the end)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    info = identity.info
    text = stamp_text(info.office, info.fingerprint)
    style = TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(stamp_font(text)), font_size=8)),
        border_width=1,
        timestamp_format="%Y-%m-%d %H:%M:%S %z",
    )
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason="报送包签名", location=info.office,
                                        name=info.office)
    try:
        with src.open("rb") as inf:
            writer = IncrementalPdfFileWriter(inf, strict=False)
            pages = int(writer.root["/Pages"]["/Count"])
            on_page = page if page >= 0 else pages + page
            fields.append_signature_field(writer, fields.SigFieldSpec(FIELD_NAME, on_page=on_page, box=box))
            pdf_signer = signers.PdfSigner(meta, signer=identity.signer(), stamp_style=style)
            with dest.open("wb") as out:
                pdf_signer.sign_pdf(writer, output=out)
    except UserError:
        raise
    except Exception as exc:
        token = _token_failure(exc)
        if token is not None:
            raise token from exc
        raise M.SIGN_FAILED.error(name=src.name, reason=exc) from exc


def verify_pdf(data: bytes, trust_certs=()) -> SignatureCheck:
    """Check the office signature of a PDF held in memory (bounded by the package limits)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
    except Exception as exc:
        return SignatureCheck(False, False, problem=f"PDF 无法解析：{exc}")
    if not sigs:
        return SignatureCheck(False, False, problem="PDF 中没有数字签名")
    sig = sigs[-1]
    try:
        status = validate_pdf_signature(sig, _validation_context(trust_certs))
    except Exception as exc:
        return SignatureCheck(False, False, problem=f"PDF 签名无法校验：{exc}")
    signer, fingerprint = _signer_summary(status.signing_cert)
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    ok = bool(status.intact and status.valid and whole)
    problem = "" if ok else ("签名之后 PDF 又被追加修改" if status.intact and status.valid else "PDF 签名与内容不符")
    return SignatureCheck(intact=ok, trusted=bool(status.trusted), signer=signer, fingerprint=fingerprint,
                          signed_at=status.signer_reported_dt, problem=problem,
                          details={"coverage": getattr(status.coverage, "name", None)})
