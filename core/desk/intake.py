"""受理: take in every submission of a folder (a USB stick, a CD, a mail folder) for one campaign.

    result = intake_folder(desk, folder, "SH-2023")     # IntakeResult; result.exit_code 0 / 1
    for item in result.items: print(item.line())

Each file goes through two stages:

1. *prepare* (worker threads, both cores): copy the bytes into the archive while hashing them,
   then check the archived copy — a package exactly as ``verify`` does (``verify_package``), an
   application JSON through the strict door (``Application.from_json``), an Excel workbook
   through ``read_form_workbook`` — and evaluate it under the campaign's rule set (``Evaluator``).
2. *register* (the calling thread, in file order): one transaction per file: duplicate check by
   SHA-256, the sender certificate remembered (待确认 on first sight), the cluster's version and
   its differences to the previous one, the row and its history.

A file that fails any check is registered as 不予受理 with its reason, and the rest of the folder
is still taken in. The bytes are in the archive before the row points at them, and each file is
its own transaction: a SIGKILL mid-folder leaves every registered file complete and the rest not
registered (running the intake again takes them in; the finished ones are then duplicates).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.desk import status as st
from core.desk.archive import TooLarge
from core.desk.register import KIND_LABELS, TRUST_LABELS, Desk
from core.desk.verify_outgoing import INNER_ROLE, is_outgoing
from core.desk.versions import cluster_key, difference_lines, differences
from core.errors import UserError
from core.messages import desk as M

DEFAULT_MAX_BYTES = 1024 * 1024 * 1024  # far above any package this program writes; a 2 GB file is refused
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_DOCUMENT_MEMBER = 64 * 1024 * 1024
KINDS = {".zip": "package", ".json": "json", ".xlsx": "excel"}
Progress = Callable[[int, int, str], None]


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


@dataclass
class Prepared:
    """The outcome of stage 1 for one file (or one inner package of a district's package)."""

    path: Path
    name: str
    kind: str = ""
    sha256: str | None = None
    size: int | None = None
    refused: str = ""
    app: Any = None
    document: dict[str, Any] | None = None
    report: dict[str, Any] | None = None
    compare: list[dict[str, Any]] | None = None
    verdict: str | None = None
    verification: dict[str, Any] = field(default_factory=dict)
    fingerprint: str | None = None
    signer: str = ""
    cluster_name: str = ""  # for a district's package, which has no application of its own
    inner: list[Prepared] = field(default_factory=list)  # a district's outgoing package


@dataclass
class IntakeItem:
    """What the register now says about one file."""

    name: str
    number: str
    taken_in: bool
    kind: str
    reason: str = ""
    cluster: str = ""
    version: int | None = None
    differences: list[dict[str, Any]] = field(default_factory=list)
    fingerprint: str | None = None
    trust: str = ""
    verdict: str | None = None
    inner_of: str = ""

    def line(self) -> str:
        from core.package.certificate import format_fingerprint
        from core.rules.model import VERDICT_LABELS

        where = f"（{self.inner_of} 内）" if self.inner_of else ""
        if not self.taken_in:
            return f"✗ {self.number} {self.name}{where}：不予受理。{self.reason}"
        parts = [f"✓ {self.number} {self.name}{where}：已受理（{KIND_LABELS.get(self.kind, self.kind)}）"]
        if self.cluster:
            parts.append(f"集群：{self.cluster}")
        if self.version and self.version > 1:
            diff = "；".join(difference_lines(self.differences)[:5]) or "内容相同"
            parts.append(f"第 {self.version} 版，与上一版相比：{diff}")
        if self.fingerprint:
            parts.append(f"{TRUST_LABELS.get(self.trust, self.trust)}，证书指纹 {format_fingerprint(self.fingerprint)}")
        if self.verdict:
            parts.append(f"程序结论：{VERDICT_LABELS.get(self.verdict, self.verdict)}")
        return "；".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.name, "number": self.number, "taken_in": self.taken_in, "kind": self.kind,
                "reason": self.reason, "cluster": self.cluster, "version": self.version,
                "differences": self.differences, "fingerprint": self.fingerprint, "trust": self.trust,
                "verdict": self.verdict, "inner_of": self.inner_of}


@dataclass
class IntakeResult:
    items: list[IntakeItem] = field(default_factory=list)

    @property
    def taken_in(self) -> list[IntakeItem]:
        return [i for i in self.items if i.taken_in]

    @property
    def set_aside(self) -> list[IntakeItem]:
        return [i for i in self.items if not i.taken_in]

    @property
    def exit_code(self) -> int:
        return 1 if self.set_aside else 0

    def summary(self) -> str:
        return f"共 {len(self.items)} 份：已受理 {len(self.taken_in)} 份，不予受理 {len(self.set_aside)} 份。"


def candidate_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` in a stable order; hidden files and folders (``.Trash``,
    ``.DS_Store``) are skipped, as are symbolic links (never followed off the medium)."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            p = Path(root) / f
            if not f.startswith(".") and not p.is_symlink():
                out.append(p)
    return out


def intake_folder(desk: Desk, folder: str | os.PathLike[str], rules: str, *, sender: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, workers: int | None = None,
                  progress: Progress | None = None) -> IntakeResult:
    """Take in every file of ``folder`` for the campaign ``rules`` (a rule set id)."""
    from core.rules import load_ruleset

    folder = Path(folder)
    if not folder.is_dir():
        raise M.NOT_FOLDER.error(path=folder)
    ruleset = load_ruleset(rules)  # an unknown rule set: its own message, before anything is read
    files = candidate_files(folder)
    return intake_files(desk, files, ruleset.id, sender=sender, max_bytes=max_bytes, workers=workers,
                        progress=progress, base=folder)


def intake_files(desk: Desk, files: list[Path], rules: str, *, sender: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, workers: int | None = None,
                 progress: Progress | None = None, base: Path | None = None) -> IntakeResult:
    desk.store.check_writable()  # a read-only or locked register: refused before anything is copied
    desk.archive.sweep()
    workers = workers or min(2, os.cpu_count() or 1)
    result = IntakeResult()
    total = len(files)

    def name_of(p: Path) -> str:
        try:
            return str(p.relative_to(base)) if base else p.name
        except ValueError:
            return p.name

    def work(p: Path) -> Prepared:
        return prepare(desk, p, name_of(p), rules, max_bytes)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for n, prepared in enumerate(_ordered(pool, work, files), 1):
            result.items += register(desk, prepared, rules, sender=sender)
            if progress:
                progress(n, total, prepared.name)
    return result


def _ordered(pool: ThreadPoolExecutor, fn, items: list[Path]) -> Iterator[Prepared]:
    """``pool.map`` with at most a few files in flight (bounded memory, files registered in order)."""
    window = max(2, pool._max_workers * 2)
    futures = []
    it = iter(items)
    for p in it:
        futures.append(pool.submit(fn, p))
        if len(futures) >= window:
            break
    while futures:
        done = futures.pop(0)
        nxt = next(it, None)
        if nxt is not None:
            futures.append(pool.submit(fn, nxt))
        yield done.result()


# --- stage 1 --------------------------------------------------------------------------------------

def prepare(desk: Desk, path: Path, name: str, rules: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Prepared:
    p = Prepared(path=path, name=name, kind=KINDS.get(path.suffix.lower(), ""))
    try:
        size = path.stat().st_size
    except OSError as exc:
        from core.oserrors import os_reason

        p.refused = M.UNREADABLE.text(name=name, reason=os_reason(exc))
        return p
    if size > max_bytes:  # not read at all: a 2 GB file costs nothing
        p.size = size
        p.refused = M.TOO_LARGE.text(name=name, size=_mb(size), limit=_mb(max_bytes))
        return p
    try:
        p.sha256, p.size = desk.archive.put_file(path, limit=max_bytes)
    except TooLarge as exc:
        p.size = exc.args[0]
        p.refused = M.TOO_LARGE.text(name=name, size=_mb(exc.args[0]), limit=_mb(max_bytes))
        return p
    except OSError as exc:
        from core.oserrors import os_reason

        p.refused = M.UNREADABLE.text(name=name, reason=os_reason(exc))
        return p
    if not p.kind:
        p.refused = M.UNKNOWN_KIND.text(name=name)
        return p
    stored = desk.archive.path(p.sha256)
    try:
        if p.kind == "package":
            _prepare_package(desk, p, stored, rules)
        elif p.kind == "json":
            _prepare_json(p, stored, rules)
        else:
            _prepare_excel(p, stored, rules)
    except UserError as exc:
        p.refused = p.refused or exc.message
    return p


def _prepare_package(desk: Desk, p: Prepared, stored: Path, rules: str, outer: str = "") -> None:
    from core.package.verify import verify_package

    try:
        res = verify_package(stored)
    except UserError as exc:
        if exc.code == "PACKAGE.not_zip":
            reason = str(exc.__cause__ or exc.message)
            p.refused = M.NOT_ZIP.text(name=p.name, reason=reason)
            return
        raise
    p.fingerprint = res.fingerprint or None
    p.signer = res.signer
    p.verification = {"result": "intact" if res.intact and not res.problems else "altered",
                      "headline": res.headline(), "problems": list(res.problems),
                      "first_altered": res.first_altered, "signer": res.signer, "fingerprint": res.fingerprint,
                      "signed_at": res.signed_at.isoformat() if res.signed_at else None,
                      "members_checked": res.members_checked}
    if not (res.intact and not res.problems):
        problem = res.headline() + ("" if not res.problems else " " + res.problems[0])
        p.refused = (M.INNER_REFUSED.text(name=outer, inner=p.name, problem=problem) if outer
                     else M.TAMPERED.text(name=p.name, problem=problem))
        return
    manifest = res.manifest or {}
    found = (manifest.get("rules") or {}).get("id") or ""
    if found != rules:
        what = (manifest.get("application") or {}).get("name") or ""
        p.refused = M.FOREIGN.text(name=p.name, found=found or "未知", what=what, rules=rules)
        return
    if is_outgoing(manifest):
        p.kind = "outgoing"
        _prepare_inner(desk, p, stored, manifest, rules)
        return
    with zipfile.ZipFile(stored) as zf:
        from core.package.safezip import UnsafePackage, read_member

        try:
            data = read_member(zf, "application.json", MAX_DOCUMENT_MEMBER)
        except KeyError:
            p.refused = M.NO_APPLICATION.text(name=p.name)
            return
        except (UnsafePackage, zipfile.BadZipFile, zlib.error) as exc:
            p.refused = M.TAMPERED.text(name=p.name, problem=str(exc))
            return
    _take_document(p, data, rules)


def _prepare_inner(desk: Desk, p: Prepared, stored: Path, manifest: dict[str, Any], rules: str) -> None:
    """A district's outgoing package at the city's desk: each inner package verified and prepared
    as a submission of its own (its bytes archived as they are inside)."""
    listing = {x.get("package"): x for x in (manifest.get("outgoing") or {}).get("recommended") or []}
    p.cluster_name = f"{p.signer}报送（{len(listing)} 个集群）"
    with zipfile.ZipFile(stored) as zf:
        for m in manifest.get("members") or []:
            if m.get("role") != INNER_ROLE:
                continue
            name = m["path"]
            inner = Prepared(path=stored, name=name.rsplit("/", 1)[-1], kind="package")
            try:
                with zf.open(name) as fh:
                    inner.sha256, inner.size = desk.archive.put_chunks(iter(lambda fh=fh: fh.read(1 << 20), b""),
                                                                       limit=int(m.get("size") or 0))
            except (KeyError, TooLarge, OSError, zipfile.BadZipFile, zlib.error) as exc:
                inner.refused = M.INNER_REFUSED.text(name=p.name, inner=name, problem=str(exc))
                p.inner.append(inner)
                continue
            try:
                _prepare_package(desk, inner, desk.archive.path(inner.sha256), rules, outer=p.name)
            except UserError as exc:
                inner.refused = M.INNER_REFUSED.text(name=p.name, inner=name, problem=exc.message)
            p.inner.append(inner)


def _prepare_json(p: Prepared, stored: Path, rules: str) -> None:
    if (p.size or 0) > MAX_JSON_BYTES:
        p.refused = M.TOO_LARGE.text(name=p.name, size=_mb(p.size or 0), limit=_mb(MAX_JSON_BYTES))
        return
    _take_document(p, stored.read_bytes(), rules)


def _take_document(p: Prepared, data: bytes, rules: str) -> None:
    from core.application import Application

    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        p.refused = M.BAD_JSON.text(name=p.name, reason=exc if not isinstance(exc, RecursionError) else "嵌套层次过深")
        return
    try:
        app = Application.from_json(doc, origin=p.name)
    except UserError as exc:
        p.refused = M.BAD_DOCUMENT.text(name=p.name, reason=exc.message)
        return
    _take_app(p, app, rules)


def _prepare_excel(p: Prepared, stored: Path, rules: str) -> None:
    from core.application import Application
    from core.xlsx.form_import import read_form_workbook

    # The reader names the file in its messages and checks the suffix: give it the original name,
    # on a copy of the archived bytes (what is checked is what was stored).
    with tempfile.TemporaryDirectory(prefix="cluster-declare-intake-") as work:
        copy = Path(work) / Path(p.name).name
        shutil.copyfile(stored, copy)
        try:
            imp = read_form_workbook(copy)
        except UserError as exc:
            p.refused = M.BAD_EXCEL.text(name=p.name, reason=exc.message)
            return
    meta = imp.meta
    if meta.rules != rules:
        p.refused = M.FOREIGN.text(name=p.name, found=meta.rules, what=f"{meta.campaign}年", rules=rules)
        return
    base = Application(form=meta.form, campaign=meta.campaign, jurisdiction=meta.jurisdiction, rules=meta.rules,
                       form_version=meta.form_version)
    if meta.uuid:
        base.uuid = meta.uuid
    _take_app(p, imp.apply_to(base), rules)


def _take_app(p: Prepared, app, rules: str) -> None:
    from core.package.manifest import verdicts_of
    from core.rules import Evaluator

    if app.rules != rules:
        p.refused = M.FOREIGN.text(name=p.name, found=app.rules, what=app.display_name, rules=rules)
        return
    from core.desk.compare import criteria_detail

    ev = Evaluator(app, rules)
    report = ev.report()
    p.app = app
    p.document = app.to_json()
    p.report = verdicts_of(report)
    p.compare = criteria_detail(ev)
    p.verdict = report.verdict


# --- stage 2 --------------------------------------------------------------------------------------

def register(desk: Desk, p: Prepared, rules: str, *, sender: str | None = None, parent: int | None = None,
             inner_of: str = "") -> list[IntakeItem]:
    """Write one prepared file into the register (one transaction); an outgoing package's inner
    packages follow, each in its own transaction."""
    with desk.write() as conn:
        item = _register_one(desk, conn, p, rules, sender, parent, inner_of)
        row_id = item.pop("_id")
    items = [item["item"]]
    for inner in p.inner:
        items += register(desk, inner, rules, sender=sender, parent=row_id, inner_of=p.name)
    return items


def _register_one(desk: Desk, conn, p: Prepared, rules: str, sender: str | None, parent: int | None,
                  inner_of: str) -> dict[str, Any]:
    app = p.app
    row: dict[str, Any] = {
        "rules": rules, "source_kind": p.kind, "file_name": p.name, "file_sha256": p.sha256, "file_size": p.size,
        "verification": p.verification or None, "fingerprint": p.fingerprint, "parent_id": parent,
        "cluster_name": app.display_name if app is not None else p.cluster_name,
    }
    row["sender"] = sender or p.signer or (str(app.values.get("basic.applicant") or "") if app is not None else "")
    refused = p.refused
    if not refused and p.sha256:
        same = desk.find_taken_in(conn, p.sha256)
        if same is not None:
            refused = M.DUPLICATE.text(name=p.name, number=same[0], cluster=same[1] or "—")
    item = IntakeItem(name=p.name, number="", taken_in=not refused, kind=p.kind, reason=refused,
                      cluster=row["cluster_name"], fingerprint=p.fingerprint, inner_of=inner_of)
    if refused:
        row.update(status=st.REFUSED, refused_reason=refused)
        new_id = desk.insert_submission(conn, row, action="refuse", note={"理由": refused})
    else:
        if p.fingerprint:
            item.trust = desk.remember_sender(conn, p.fingerprint, p.signer)
        if app is not None:
            key = cluster_key(app)
            prev = desk.latest_version(conn, rules, key)
            row.update(cluster_key=key, version=(prev.version or 1) + 1 if prev else 1,
                       previous_id=prev.id if prev else None,
                       differences=differences(prev.document, p.document) if prev else [],
                       document=p.document, report=p.report, compare_data=p.compare, verdict=p.verdict)
            item.version, item.differences, item.verdict = row["version"], row["differences"], p.verdict
        row["status"] = st.RECEIVED
        new_id = desk.insert_submission(conn, row, note={"文件": p.name, "版本": row.get("version")})
    item.number = row["number"]
    return {"item": item, "_id": new_id}
