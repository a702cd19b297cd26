"""Export one application as a signed submission package (see docs/package.md).

    checklist(app, options)                 → what blocks the export and what only warns
    export_package(app, out, identity, ...) → ExportResult; the zip appears only when complete

The zip is written to a temporary file beside the target and renamed over it at the end, so a
failure (bad evidence hash, full disk, wrong passphrase) never leaves a half-written package.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from core import __version__
from core.messages import package as M
from core.oserrors import SPECIAL_TARGET, ordinary_mode, os_reason, special_target
from core.package import manifest as mf
from core.package.certificate import CertInfo, SigningIdentity, office_certificate_info
from core.package.signing import sign_detached, sign_pdf
from core.package.sources import EvidenceSource, check_scan
from core.package.writer import PackageWriter, ZipWriteError, iter_file, safe_file_name

Progress = Callable[[int, int, str], None]  # (done, total, what is happening)
Render = Callable[..., Any]  # render_pdf(app, out_path, page=...)
MIN_REASON = 4
MAX_REASON = 1000
SCANS = (("declaration_scan", "真实性声明签章扫描件", "declaration-signed"),
         ("recommendation_scan", "推荐意见签章扫描件", "recommendation-signed"))
CLI_HINTS = ("--override-reason", "--ack-missing-scans")
GUI_HINTS = ("在“理由”栏填写", "勾选“确认暂缺签章扫描件”")
_FIXED_WORK = 4 * 1024 * 1024  # progress weight of rendering and signing the PDFs


@dataclass
class ExportOptions:
    override_reason: str | None = None
    declaration_scan: Path | None = None
    recommendation_scan: Path | None = None
    ack_missing_scans: bool = False


@dataclass
class Checklist:
    """What the export dialog shows before the official presses 导出."""

    report: Any
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    missing_scans: list[str] = field(default_factory=list)
    certificate: CertInfo | None = None

    def blocking(self, options: ExportOptions, hints: tuple[str, str] = CLI_HINTS) -> list[str]:
        """Reasons the export is refused with these options (empty: it may go ahead). ``hints`` say
        where the official gives a reason and acknowledges missing scans (CLI options or GUI)."""
        out = []
        reason = (options.override_reason or "").strip()
        if self.errors and not reason:
            shown = "；".join(f.message for f in self.errors[:3])
            more = f"等 {len(self.errors)} 项" if len(self.errors) > 3 else ""
            out.append(f"还有 {len(self.errors)} 项错误未解决（{shown}{more}）。如确需报送，请写明理由（{hints[0]}）。")
        elif self.errors and len(reason) < MIN_REASON:
            out.append(f"越过错误报送的理由太短，请至少写 {MIN_REASON} 个字，说明为什么仍要报送。")
        elif len(reason) > MAX_REASON:
            out.append(f"越过错误报送的理由超过 {MAX_REASON} 个字，请精简。")
        if self.missing_scans and not options.ack_missing_scans:
            out.append(f"缺少{'和'.join(self.missing_scans)}。请附上，或确认暂缺后再导出（{hints[1]}）。")
        return out


@dataclass(frozen=True)
class ExportEvent:
    """What the export put into the application's history, for the caller to show at once."""

    app_id: str
    action: str
    note: dict[str, Any]
    status: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    sha256: str  # of the whole zip file, for the upload form or a telephone check
    manifest: dict[str, Any]
    certificate: CertInfo
    event: ExportEvent | None = None  # the history event recorded (None when no store was given)


def office_default(app) -> str:
    """The office name for a new certificate: the recommending unit, else the district authority."""
    for key in ("recommendation.unit", "basic.authority"):
        value = app.values.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def checklist(app, options: ExportOptions) -> Checklist:
    from core.rules import Evaluator

    report = Evaluator(app, app.rules).report()
    missing = [label for attr, label, _ in SCANS if not getattr(options, attr)]
    return Checklist(report=report,
                     errors=[f for f in report.findings if f.severity == "error"],
                     warnings=[f for f in report.findings if f.severity == "warning"],
                     missing_scans=missing, certificate=office_certificate_info())


def default_renderer() -> Render:
    from core.pdf import render_pdf  # reportlab loads on first export, not at start-up

    return render_pdf


def default_xlsx_exporter() -> Callable[[Any, Path], Any]:
    """The Excel export of the form (openpyxl loads on first export)."""
    from core.xlsx.form_export import export_form

    return export_form


def export_package(app, out: str | os.PathLike[str], identity: SigningIdentity, options: ExportOptions, *,
                   evidence: EvidenceSource, store=None, app_id: str | None = None,
                   progress: Progress | None = None, render: Render | None = None,
                   xlsx: Callable[[Any, Path], Any] | None | bool = True) -> ExportResult:
    """Check, render, sign and pack. ``store``/``app_id``: record the export in the history."""
    out = Path(out)
    cl = checklist(app, options)
    refused = cl.blocking(options)
    if refused:
        raise M.REFUSED.error(reasons=" ".join(refused))
    if store is not None and app_id and getattr(store, "readonly", False):
        # The export is recorded in the database; one that cannot be recorded is not made at all.
        raise M.STORE_READONLY.error(db=store.target.label)
    identity.info.check_usable()  # an expired CA certificate or an encryption-only one signs nothing
    scans = {attr: check_scan(getattr(options, attr), label) for attr, label, _ in SCANS
             if getattr(options, attr)}
    render = render or default_renderer()
    if xlsx is True:
        xlsx = default_xlsx_exporter()
    entries = _unique_evidence(app.evidence)
    total = _FIXED_WORK + sum(int(e.get("size") or 0) for e in entries.values()) + sum(
        p.stat().st_size for p in scans.values())
    done = 0

    def step(n: int, what: str) -> None:
        nonlocal done
        done += n
        if progress:
            progress(min(done, total), total, what)

    tmp = reserve_package_temp(out)
    try:
        with tempfile.TemporaryDirectory(prefix="cluster-declare-package-") as work_dir:
            work = Path(work_dir)
            step(0, "正在生成申报表 PDF…")
            plain = work / "application-unsigned.pdf"
            render(app, plain, page="all")
            signed = work / "application.pdf"
            step(_FIXED_WORK // 4, "正在为申报表加数字签名…")
            sign_pdf(identity, plain, signed)
            declaration = work / "declaration.pdf"
            render(app, declaration, page="declaration")
            step(_FIXED_WORK // 4, "正在生成 Excel…")
            xlsx_path = None
            if xlsx:
                xlsx_path = work / "application.xlsx"
                xlsx(app, xlsx_path)
            step(_FIXED_WORK // 4, "正在打包…")
            try:
                files = {"form_pdf": signed, "declaration_pdf": declaration, "xlsx": xlsx_path}
                manifest = _write_zip(tmp, app, cl, options, identity, entries, evidence, scans, files, step)
            except ZipWriteError as exc:
                raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc.error)) from exc
            except OSError as exc:
                if exc.filename not in (None, str(tmp)):
                    raise
                raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
            step(_FIXED_WORK // 4, "完成")
        try:
            with tmp.open("r+b") as fh:  # on disk before the rename makes it visible
                os.fsync(fh.fileno())
            sha256, size = _digest(tmp)
        except OSError as exc:
            raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
        result = ExportResult(path=out, size=size, sha256=sha256, manifest=manifest, certificate=identity.info)
        if store is not None and app_id:
            # Recorded before the package appears: a database that refuses the record leaves no
            # package behind, and an old package of the same name stays as it was.
            result = replace(result, event=record_export(store, app_id, result, package=tmp))
        try:
            ordinary_mode(tmp)
            os.replace(tmp, out)
        except OSError as exc:
            raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in iter_file(path):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _write_zip(tmp: Path, app, cl: Checklist, options: ExportOptions, identity: SigningIdentity,
               entries: dict[str, dict[str, Any]], evidence: EvidenceSource, scans: dict[str, Path],
               files: dict[str, Path | None], step: Callable[[int, str], None]) -> dict[str, Any]:
    """Every member, then the manifest and its signature; returns the manifest."""
    with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
        writer = PackageWriter(zf, progress=lambda n: step(n, "正在打包佐证材料…"))
        evidence_paths = _evidence_paths(entries)
        writer.add_bytes("application.json", _application_json(app, evidence_paths), role="application")
        writer.add_file("application.pdf", files["form_pdf"], role="form_pdf")
        writer.add_file("declaration.pdf", files["declaration_pdf"], role="declaration_pdf")
        if files["xlsx"] is not None:
            writer.add_file("application.xlsx", files["xlsx"], role="xlsx")
        for attr, label, stem in SCANS:
            if attr in scans:
                writer.add_file(stem + scans[attr].suffix.lower(), scans[attr], role=attr, label=label)
        for sha, entry in entries.items():
            writer.add(evidence_paths[sha], evidence.chunks(entry), role="evidence",
                       size_hint=int(entry.get("size") or 0), expected_sha256=sha,
                       label=f"佐证材料“{entry.get('name')}”")
        step(0, "正在签署清单…")
        manifest = _manifest(app, cl, options, identity.info, writer.members, entries, evidence_paths, scans)
        write_signed_manifest(zf, writer, manifest, identity)
    return manifest


def reserve_package_temp(out: Path) -> Path:
    """An empty temporary file beside ``out`` for a package to be written into, then renamed over
    ``out``: a failed export leaves no package behind, and an old one of the same name as it was."""
    if special_target(out):
        raise M.WRITE_FAILED.error(path=out, reason=SPECIAL_TARGET)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
    except OSError as exc:
        raise M.OUT_FOLDER.error(folder=out.parent, reason=os_reason(exc)) from exc
    return Path(tmp_name)


def write_signed_manifest(zf: zipfile.ZipFile, writer: PackageWriter, manifest: dict[str, Any],
                          identity: SigningIdentity) -> None:
    """The manifest (after every member), its detached signature, and the 国密 SM2 signature beside
    it when the office has an SM2 certificate (core/package/sm2.py). Completes ``manifest["office"]``
    with the signing identity's kind and issuer."""
    manifest["office"]["identity"] = getattr(identity, "kind", "self_made")
    manifest["office"]["certificate_issuer"] = identity.info.issuer
    sm2_identity = _sm2_identity(identity)
    if sm2_identity is not None:
        sm2_identity.info.check_usable()
        manifest["office"]["sm2_certificate_sha256"] = sm2_identity.info.fingerprint
    data = mf.dumps(manifest)
    zf.writestr(_info(mf.MANIFEST, writer), data, compress_type=zipfile.ZIP_DEFLATED)
    zf.writestr(_info(mf.SIGNATURE, writer), sign_detached(identity, data), compress_type=zipfile.ZIP_STORED)
    if sm2_identity is not None:
        from core.package import sm2

        zf.writestr(_info(sm2.SIGNATURE, writer), sm2.sign_cms(sm2_identity, data), compress_type=zipfile.ZIP_STORED)


def _sm2_identity(identity):
    """The office's 国密 SM2 certificate, unlocked with the file identity's passphrase (one
    passphrase opens both), or None: no SM2 certificate, or a UKey signs (SM2 on tokens is not
    supported, docs/package.md)."""
    if getattr(identity, "kind", "") == "ukey" or not getattr(identity, "passphrase", None):
        return None
    from core.package import sm2

    return sm2.unlock_sm2(identity.passphrase)


def _info(name: str, writer: PackageWriter) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=writer._stamp)
    info.external_attr = 0o100644 << 16
    return info


def _unique_evidence(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One member per distinct content (the same file often backs several ticked boxes)."""
    out: dict[str, dict[str, Any]] = {}
    for e in entries:
        sha = str(e.get("sha256") or "").lower()
        if len(sha) != 64:
            raise M.NO_SHA256.error(name=e.get("name"))
        out.setdefault(sha, e)
    return out


def _evidence_paths(entries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """``evidence/<original name>``; a second, different file of the same name gets “ (2)”."""
    used: set[str] = set()
    out = {}
    for sha, e in entries.items():
        name = safe_file_name(e.get("name") or Path(str(e.get("file") or "")).name, fallback=sha[:12])
        stem, suffix = os.path.splitext(name)
        candidate, n = name, 1
        while candidate.casefold() in used:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        used.add(candidate.casefold())
        out[sha] = f"evidence/{candidate}"
    return out


def _application_json(app, evidence_paths: dict[str, str]) -> bytes:
    """The document as exported, its evidence pointing at the files inside the package."""
    doc = app.to_json()
    doc["evidence"] = [dict(copy.deepcopy(e), file=evidence_paths[str(e["sha256"]).lower()])
                       for e in doc["evidence"]]
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _manifest(app, cl: Checklist, options: ExportOptions, cert: CertInfo, members, entries, evidence_paths,
              scans) -> dict[str, Any]:
    from core.rules import load_ruleset

    rs = load_ruleset(app.rules)
    form = app.form_def
    reason = (options.override_reason or "").strip() or None
    return {
        "format": mf.FORMAT,
        "format_version": mf.FORMAT_VERSION,
        "program": {"name": "cluster-declare", "version": __version__},
        "exported": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "office": {"name": cert.office, "certificate_sha256": cert.fingerprint,
                   "authority": str(app.values.get("basic.authority") or "")},
        "application": {"uuid": app.uuid, "name": app.display_name, "jurisdiction": app.jurisdiction,
                        "campaign": app.campaign, "status": app.status, "changed": app.changed},
        "form": {"id": form.id, "version": form.version, "title": form.title},
        "rules": {"id": rs.id, "version": rs.version, "name": rs.name, "document": rs.document},
        "verdicts": mf.verdicts_of(cl.report),
        "override": {"reason": reason, "errors": len(cl.errors)} if reason and cl.errors else None,
        "scans": {"declaration": _path_of(members, "declaration_scan"),
                  "recommendation": _path_of(members, "recommendation_scan"),
                  "missing_acknowledged": bool(cl.missing_scans and options.ack_missing_scans)},
        "members": [m.to_json() for m in members],
        "evidence": [{"target": e.get("target"), "name": e.get("name"), "sha256": str(e["sha256"]).lower(),
                      "path": evidence_paths[str(e["sha256"]).lower()]} for e in app.evidence],
    }


def _path_of(members, role: str) -> str | None:
    return next((m.path for m in members if m.role == role), None)


def record_export(store, app_id: str, result: ExportResult, *, package: Path | None = None) -> ExportEvent:
    """Keep the receipt (报送记录) of the export and seal the application (已导出), in one store
    transaction; the data hash is taken from the package's own application.json, so the store
    checks that its data are what was signed. ``package``: the written file when it is not yet at
    ``result.path`` (export_package records before its rename; the caller removes it on failure)."""
    from core.store.seal import data_hash

    note = {"package": result.path.name, "sha256": result.sha256,
            "certificate_sha256": result.certificate.fingerprint}
    override = result.manifest.get("override")
    if override:
        note["override_reason"] = override["reason"]
        note["override_errors"] = override["errors"]
    try:
        with zipfile.ZipFile(package or result.path) as zf:
            signed = json.loads(zf.read("application.json"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        from core.messages import seal as SM

        raise SM.RECEIPT_PACKAGE.error(path=result.path, reason=exc) from exc
    try:
        store.record_export(app_id, path=str(result.path.resolve()), sha256=result.sha256, size=result.size,
                            certificate_sha256=result.certificate.fingerprint, signer=result.certificate.office,
                            data_sha256=data_hash(signed), note=note,
                            override_reason=override["reason"] if override else None)
    except BaseException:
        if package is None:  # a package without its receipt would be an export nobody recorded
            result.path.unlink(missing_ok=True)
        raise
    return ExportEvent(app_id=app_id, action="export", note=note, status="exported")
