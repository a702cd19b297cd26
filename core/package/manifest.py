"""manifest.json: what the package holds and what it says about the application.

The manifest lists every other member with its SHA-256 and size; ``manifest.json.p7s`` (a detached
CMS signature by the office certificate) covers the manifest's exact bytes, so one signature check
plus one hash per member proves that nothing was altered, added or removed.
"""

from __future__ import annotations

import json
from typing import Any

from core.messages import package as M

FORMAT = "cluster-declare.package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.p7s"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_SIGNATURE_BYTES = 256 * 1024
# What a package holds (the manifest's "kind"; absent: an application). Each kind names the member
# that carries the office's PAdES signature, checked by verify like application.pdf.
KIND_APPLICATION = "application"
KIND_ANNUAL = "annual-report"  # 年度培育情况 of a recognised cluster (core/follow/package.py)
SIGNED_PDFS = {KIND_APPLICATION: "application.pdf", KIND_ANNUAL: "annual-report.pdf"}

ROLE_LABELS = {
    "application": "申报数据",
    "form_pdf": "申报表（已数字签名）",
    "declaration_pdf": "真实性声明页",
    "xlsx": "申报表（Excel）",
    "declaration_scan": "真实性声明签章扫描件",
    "recommendation_scan": "推荐意见签章扫描件",
    "evidence": "佐证材料",
    "annual_report": "年度培育情况数据",
    "annual_pdf": "年度培育情况信息表（已数字签名）",
    "annual_xlsx": "年度培育情况（Excel）",
}


def signed_pdf(manifest: dict[str, Any]) -> str:
    """The member that must carry the PDF signature: application.pdf unless the kind names another."""
    return SIGNED_PDFS.get(str(manifest.get("kind") or KIND_APPLICATION), SIGNED_PDFS[KIND_APPLICATION])


def verdicts_of(report) -> dict[str, Any]:
    """The rules core's verdicts, in the shape ``check --format json`` uses, with counts and the
    outcome of every criterion."""
    data = report.to_json()
    errors = [f for f in report.findings if f.severity == "error"]
    warnings = [f for f in report.findings if f.severity == "warning"]
    return {
        "verdict": data["verdict"],
        "indicators": data["indicators"],
        "errors": len(errors),
        "warnings": len(warnings),
        "findings": [{"rule": f.rule, "indicator": f.indicator, "severity": f.severity, "message": f.message}
                     for f in report.findings if f.severity in ("error", "warning")],
        # Each criterion's outcome exactly as the rules core decided it (met / not_met / unknown / waived).
        "criteria": [{"rule": c.rule.id, "indicator": c.rule.indicator, "outcome": c.outcome} for c in report.criteria],
    }


def dumps(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def loads(data: bytes) -> dict[str, Any]:
    """Parse and shape-check a manifest from an untrusted package."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise M.MANIFEST_NOT_JSON.error(manifest=MANIFEST, reason=exc) from exc
    except RecursionError as exc:  # a crafted manifest nested beyond the parser's depth
        raise M.MANIFEST_NOT_JSON.error(manifest=MANIFEST, reason="嵌套层次过深") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise M.MANIFEST_FOREIGN.error(manifest=MANIFEST, format=FORMAT)
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise M.MANIFEST_NEWER.error(version=version, supported=FORMAT_VERSION)
    members = manifest.get("members")
    if not isinstance(members, list) or not all(
            isinstance(m, dict) and isinstance(m.get("path"), str) and isinstance(m.get("sha256"), str)
            and isinstance(m.get("size"), int) for m in members):
        raise M.MANIFEST_MEMBERS.error(manifest=MANIFEST)
    return manifest
