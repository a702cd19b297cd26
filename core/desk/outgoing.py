"""What goes up (上报): one signed package holding the recommended applications' own packages,
unchanged, with the 推荐汇总表 (PDF + Excel, in the chosen order), the 初审 records and the 推荐函.

    result = export_outgoing(desk, "SH-2023", out_zip, identity, office="上海市闵行区经济委员会")

Layout (the conventions of core/package: manifest.json listing every member with SHA-256 and
size, manifest.json.p7s a detached CMS signature over it, ``application.pdf`` the signed PDF —
here the 推荐汇总表, signed with a visible block on its last page):

    application.pdf               推荐汇总表 (PAdES-signed)        role summary_pdf
    summary.xlsx                  推荐汇总表 (Excel)               role summary_xlsx
    letter.pdf                    推荐函                           role letter
    reviews.pdf / reviews.json    初审 records                     role review_records
    packages/01-SH-2023-004.zip   the first place's package, as received    role inner_package

The manifest carries ``"kind": "outgoing"`` and an ``outgoing`` block (level, office, the
places with 受理编号, cluster, reason, member path and SHA-256), so ``verify`` — which checks the
outer package as any package — can walk into the inner ones (core/desk/verify_outgoing.py).
Inner packages are copied from the archive with their SHA-256 checked while writing: a received
file that changed on disk stops the export. The zip appears only when complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import __version__
from core.desk.outgoing_docs import letter_blocks, summary_blocks, summary_rows, write_summary_xlsx
from core.desk.ranking import ranking
from core.desk.register import Desk
from core.desk.review import review_record_blocks
from core.desk.verify_outgoing import INNER_ROLE, OUTGOING
from core.messages import desk as M
from core.oserrors import ordinary_mode, os_reason
from core.package import manifest as mf
from core.package.writer import PackageWriter, ZipWriteError


@dataclass(frozen=True)
class OutgoingResult:
    path: Path
    size: int
    sha256: str
    manifest: dict[str, Any]
    places: int


def export_outgoing(desk: Desk, rules: str, out: str | os.PathLike[str], identity, *, office: str = "",
                    level: str = "district", today: dt.date | None = None) -> OutgoingResult:
    from core.package.signing import sign_detached, sign_pdf
    from core.rules import load_ruleset

    out = Path(out)
    rs = load_ruleset(rules)
    places = ranking(desk, rules)
    if not places:
        raise M.NOTHING_RECOMMENDED.error(rules=rules)
    for _, sub, _ in places:
        if sub.source_kind != "package":
            raise M.NO_PACKAGE.error(number=sub.number, cluster=sub.cluster_name, kind=sub.kind_label)
        if not sub.file_sha256 or not desk.archive.has(sub.file_sha256):
            raise M.ARCHIVE_MISSING.error(number=sub.number, sha=sub.file_sha256 or "—", folder=desk.archive.folder)
    office = office or desk.setting(rules, "office", "") or identity.info.office
    today = today or dt.date.today()
    rows = summary_rows(places)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
    except OSError as exc:
        raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
    tmp = Path(tmp_name)
    try:
        with tempfile.TemporaryDirectory(prefix="cluster-declare-outgoing-") as work_dir:
            work = Path(work_dir)
            from core.desk.printouts import write_pdf

            plain = work / "summary-unsigned.pdf"
            write_pdf(plain, f"推荐汇总表 {rs.name}", summary_blocks(rs, office, rows, today))
            signed = work / "application.pdf"
            sign_pdf(identity, plain, signed, page=-1)
            xlsx = write_summary_xlsx(work / "summary.xlsx", rs, office, rows)
            letter = work / "letter.pdf"
            write_pdf(letter, "推荐函", letter_blocks(rs, office, rows, today))
            reviews_pdf = work / "reviews.pdf"
            blocks: list = []
            for n, (_, sub, _) in enumerate(places):
                if n:
                    blocks.append(("pagebreak",))
                blocks += review_record_blocks(desk, sub, office)
            write_pdf(reviews_pdf, "初审记录", blocks)
            from core.desk.review import items

            reviews_json = json.dumps([{"number": sub.number, "cluster": sub.cluster_name,
                                        "items": [it.to_json() for it in items(desk, sub)]}
                                       for _, sub, _ in places], ensure_ascii=False, indent=2).encode("utf-8")
            with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
                writer = PackageWriter(zf)
                writer.add_file("application.pdf", signed, role="summary_pdf")
                writer.add_file("summary.xlsx", xlsx, role="summary_xlsx")
                writer.add_file("letter.pdf", letter, role="letter")
                writer.add_file("reviews.pdf", reviews_pdf, role="review_records")
                writer.add_bytes("reviews.json", reviews_json, role="review_records")
                recommended = []
                for place, sub, reason in places:
                    path = f"packages/{place:02d}-{sub.number}.zip"
                    writer.add(path, desk.archive.chunks(sub.file_sha256), role=INNER_ROLE, size_hint=sub.file_size or 0,
                               expected_sha256=sub.file_sha256, label=f"{sub.number} 的报送包")
                    recommended.append({"place": place, "number": sub.number, "cluster": sub.cluster_name,
                                        "sender": sub.sender, "reason": reason, "package": path,
                                        "sha256": sub.file_sha256, "fingerprint": sub.fingerprint,
                                        "verdict": sub.verdict})
                manifest = {
                    "format": mf.FORMAT, "format_version": mf.FORMAT_VERSION, "kind": OUTGOING,
                    "program": {"name": "cluster-declare", "version": __version__},
                    "exported": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "office": {"name": office, "certificate_sha256": identity.info.fingerprint},
                    "application": {"name": f"{office}推荐上报（{len(places)} 个集群）", "campaign": rs.campaign},
                    "rules": {"id": rs.id, "version": rs.version, "name": rs.name, "document": rs.document},
                    "outgoing": {"level": level, "office": office, "date": today.isoformat(),
                                 "recommended": recommended},
                    "members": [m.to_json() for m in writer.members],
                }
                data = mf.dumps(manifest)
                zf.writestr(_info(mf.MANIFEST), data, compress_type=zipfile.ZIP_DEFLATED)
                zf.writestr(_info(mf.SIGNATURE), sign_detached(identity, data), compress_type=zipfile.ZIP_STORED)
        with tmp.open("r+b") as fh:
            os.fsync(fh.fileno())
        sha, size = _digest(tmp)
        ordinary_mode(tmp)
        os.replace(tmp, out)
    except ZipWriteError as exc:
        tmp.unlink(missing_ok=True)
        raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc.error)) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise M.WRITE_FAILED.error(path=out, reason=os_reason(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    record = {"at": dt.datetime.now(dt.UTC).isoformat(), "path": str(out.resolve()), "sha256": sha, "size": size}
    with desk.write() as conn:
        desk.set_setting(rules, "exported", record, conn)
        for place, sub, _ in places:
            desk.event(conn, sub.id, "export", None, None, {"名次": place, "上报包": out.name, "SHA-256": sha})
    return OutgoingResult(out, size, sha, manifest, len(places))


def _info(name: str) -> zipfile.ZipInfo:
    import time

    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = 0o100644 << 16
    return info


def _digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
