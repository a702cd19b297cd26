"""The yearly report (年度培育情况) as a signed package, in the layout of the application package
(core/package, docs/package.md): manifest.json lists every member with SHA-256 and size,
manifest.json.p7s signs it with the office identity (plus the 国密 signature when the office has
one), and the printed report is PAdES-signed like application.pdf. The manifest says
``"kind": "annual-report"`` and carries an ``annual`` block, so ``verify`` says what it holds.

    annual-report.json   the cluster's recognition, the year's report and its check   role annual_report
    annual-report.pdf    年度培育情况信息表, signed (visible block on the last page)     role annual_pdf
    annual-report.xlsx   the register's sheets for this cluster and year              role annual_xlsx

The zip is written beside the target and renamed over it when complete: a failure (wrong
passphrase, full disk) leaves no package and an old one of the same name as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import __version__
from core.follow.register import Register
from core.messages import package as PM
from core.oserrors import ordinary_mode, os_reason
from core.package import manifest as mf

KIND = mf.KIND_ANNUAL
JSON_NAME, PDF_NAME, XLSX_NAME = "annual-report.json", mf.SIGNED_PDFS[KIND], "annual-report.xlsx"
PER_YEAR_SHEETS = ("年度培育情况", "年度总览")  # sheets whose third column is the year


@dataclass(frozen=True)
class AnnualPackageResult:
    path: Path
    size: int
    sha256: str
    manifest: dict[str, Any]


def annual_workbook(register: Register, app_id: str, year: int):
    """The register's workbook for one cluster, its per-year sheets cut to ``year``."""
    from core.follow.export import build_workbook

    wb = build_workbook(register, [app_id])
    for title in PER_YEAR_SHEETS:
        ws = wb[title]
        for row in range(ws.max_row, 1, -1):
            if str(ws.cell(row, 3).value) != str(year):
                ws.delete_rows(row)
    return wb


def export_annual_package(register: Register, ref: str, year: int, out: str | os.PathLike[str],
                          identity) -> AnnualPackageResult:
    from core.follow.annual_check import check_registered
    from core.follow.printout import annual_pdf
    from core.package.export import _digest, reserve_package_temp, write_signed_manifest
    from core.package.signing import sign_pdf
    from core.package.writer import PackageWriter, ZipWriteError
    from core.rules import load_ruleset
    from core.xlsx.form_export import save_workbook

    out = Path(out)
    cluster = register.cluster(ref)
    rec = cluster.recognition
    report = register.annual(rec.app_id, year)  # refuses a year without a report
    figures = register.figure_fields(cluster)
    check = check_registered(register, cluster, year, figures)
    identity.info.check_usable()
    tmp = reserve_package_temp(out)
    rs = load_ruleset(rec.rules)
    payload = {"format": "cluster-declare-annual-report", "format_version": 1, "recognition": rec.to_json(),
               "year": year, "due": cluster.rules.report_due(year).isoformat(), "report": report.to_json(),
               "targets": [t.to_json() for t in cluster.targets], "check": check.to_json()}
    try:
        with tempfile.TemporaryDirectory(prefix="cluster-declare-annual-") as work_dir:
            work = Path(work_dir)
            data, _warnings = annual_pdf(cluster, year, register.annual_form, figures, check)
            plain = work / "annual-unsigned.pdf"
            plain.write_bytes(data)
            signed = work / PDF_NAME
            sign_pdf(identity, plain, signed, page=-1)  # the last page: the cover has no blank space
            xlsx = save_workbook(annual_workbook(register, rec.app_id, year), work / XLSX_NAME)
            try:
                with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
                    writer = PackageWriter(zf)
                    writer.add_bytes(JSON_NAME, (json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
                                     .encode("utf-8"), role="annual_report")
                    writer.add_file(PDF_NAME, signed, role="annual_pdf")
                    writer.add_file(XLSX_NAME, xlsx, role="annual_xlsx")
                    manifest = {
                        "format": mf.FORMAT, "format_version": mf.FORMAT_VERSION, "kind": KIND,
                        "program": {"name": "cluster-declare", "version": __version__},
                        "exported": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                        "office": {"name": identity.info.office, "certificate_sha256": identity.info.fingerprint},
                        "application": {"uuid": rec.app_id, "name": rec.name, "campaign": rec.campaign},
                        "rules": {"id": rs.id, "version": rs.version, "name": rs.name, "document": rs.document},
                        "annual": {"title": cluster.rules.report_title, "cluster": rec.name, "number": rec.number,
                                   "year": year, "list_name": rec.list_name, "recognized_on": rec.recognized_on,
                                   "valid_until": rec.valid_until, "due": payload["due"],
                                   "submitted_on": report.submitted_on, "verdict": check.verdict,
                                   "verdict_label": payload["check"]["verdict_label"],
                                   "missing": len(check.missing)},
                        "members": [m.to_json() for m in writer.members],
                    }
                    write_signed_manifest(zf, writer, manifest, identity)
            except ZipWriteError as exc:
                raise PM.WRITE_FAILED.error(path=out, reason=os_reason(exc.error)) from exc
        try:
            with tmp.open("r+b") as fh:  # on disk before the rename makes it visible
                os.fsync(fh.fileno())
            sha256, size = _digest(tmp)
            ordinary_mode(tmp)
            os.replace(tmp, out)
        except OSError as exc:
            raise PM.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PM.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return AnnualPackageResult(out, size, sha256, manifest)
