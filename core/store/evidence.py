"""Evidence files (佐证材料), content-addressed by SHA-256, kept inside the database.

Why in the database and not in a folder beside it: an attachment then commits in the same
transaction as its link and history row (no orphan or missing file after a crash), the SQLite
online backup copies documents and evidence as one consistent file, ``PRAGMA quick_check`` covers
them, and a city office on PostgreSQL (where there is no "beside") works the same way. Files are
streamed in 1 MiB chunks, both when hashing and storing, so a large scan is never held in memory.
Contents are never deleted: history and "restore version" can always bring an attachment back.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from core.messages import store as M
from core.oserrors import os_reason
from core.store import schema as t
from core.store.documents import dumps, now, validate_target
from core.store.errors import StoreError

CHUNK = 1 << 20
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024  # upload platforms take a few tens of MB per file
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def safe_name(name: str) -> str:
    """A file name that is safe to write on Windows and Linux (no folders, no reserved characters)."""
    base = _UNSAFE.sub("_", os.path.basename(str(name).replace("\\", "/"))).strip(" .")
    if not base:
        raise M.EVIDENCE_BAD_NAME.error(StoreError, name=name)
    return base[:255]


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and size, read in chunks."""
    digest, size = hashlib.sha256(), 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise M.EVIDENCE_UNREADABLE.error(StoreError, path=path, reason=exc.strerror or exc) from exc
    return digest.hexdigest(), size


def check_size(path: Path, limit: int) -> int:
    try:
        st = path.stat()
    except OSError as exc:
        raise M.EVIDENCE_UNREADABLE.error(StoreError, path=path, reason=exc.strerror or exc) from exc
    if not path.is_file():
        raise M.EVIDENCE_NOT_FILE.error(StoreError, path=path)
    if st.st_size == 0:
        raise M.EVIDENCE_EMPTY.error(StoreError, name=path.name)
    if st.st_size > limit:
        raise M.EVIDENCE_TOO_BIG.error(StoreError, name=path.name, size=_mb(st.st_size), limit=_mb(limit))
    return st.st_size


class EvidenceMixin:
    max_evidence_bytes = MAX_EVIDENCE_BYTES

    def attach_evidence(self, app_id: str, target: str, path: str | os.PathLike[str], *,
                        name: str | None = None) -> dict[str, Any]:
        """Attach a file to ``<field>:<option>``, ``<field>`` or ``list:<name>``; returns its entry.

        The same content attached to the same target again changes nothing."""
        path = Path(path)
        name = safe_name(name or path.name)
        check_size(path, self.max_evidence_bytes)
        sha, size = hash_file(path)  # before taking the write lock: hashing a scan takes a while
        with self._write() as conn:
            app = self._app(conn, app_id)
            validate_target(app.form, target)
            at = now()
            self._ensure_blob(conn, path, sha, size)
            entry = {"target": target, "name": name, "sha256": sha, "size": size,
                     "file": f"evidence/{sha}/{name}", "attached": at}
            if self._link_evidence(conn, app.id, entry, at, action="attach"):
                self._touch(conn, app.id, at)
            else:
                entry = next(e for e in self._evidence_entries(conn, app.id)
                             if e["target"] == target and e["sha256"] == sha)
        return entry

    def detach_evidence(self, app_id: str, target: str, sha256: str) -> bool:
        """Remove an attachment from the application; its content stays (history can restore it)."""
        with self._write() as conn:
            app = self._app(conn, app_id)
            at = now()
            if not self._unlink_evidence(conn, app.id, target, sha256, at, action="detach"):
                return False
            self._touch(conn, app.id, at)
            return True

    def iter_evidence(self, sha256: str) -> Iterator[bytes]:
        """The content of a stored file, chunk by chunk."""
        c = t.evidence_chunks.c
        with self._read() as conn:
            if not conn.execute(select(t.evidence_blobs.c.size).where(t.evidence_blobs.c.sha256 == sha256)).first():
                raise M.EVIDENCE_NO_BLOB.error(StoreError, sha=f"{sha256[:12]}…")
            seq = 0
            while (data := conn.execute(select(c.data).where(c.sha256 == sha256, c.seq == seq)).scalar()) is not None:
                yield data
                seq += 1

    def copy_evidence(self, sha256: str, dest: str | os.PathLike[str]) -> Path:
        """Write a stored file to ``dest`` (atomically), checking its hash on the way."""
        dest = Path(dest)
        digest = hashlib.sha256()
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".evidence-", dir=dest.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    for chunk in self.iter_evidence(sha256):
                        digest.update(chunk)
                        fh.write(chunk)
                    fh.flush()
                    os.fsync(fh.fileno())
                if digest.hexdigest() != sha256:
                    raise M.EVIDENCE_BLOB_DAMAGED.error(StoreError, sha=f"{sha256[:12]}…")
                os.replace(tmp, dest)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            raise M.EVIDENCE_WRITE.error(StoreError, dest=dest, reason=os_reason(exc)) from exc
        return dest

    # --- inside transactions --------------------------------------------------------------------

    def _ensure_blob(self, conn: Connection, path: Path, sha: str, size: int) -> None:
        b = t.evidence_blobs.c
        if conn.execute(select(b.sha256).where(b.sha256 == sha)).first():
            return  # stored once, however often attached
        conn.execute(insert(t.evidence_blobs).values(sha256=sha, size=size, stored=now()))
        digest, total, seq = hashlib.sha256(), 0, 0
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    digest.update(chunk)
                    total += len(chunk)
                    conn.execute(insert(t.evidence_chunks).values(sha256=sha, seq=seq, data=chunk))
                    seq += 1
        except OSError as exc:
            raise M.EVIDENCE_UNREADABLE.error(StoreError, path=path, reason=exc.strerror or exc) from exc
        if digest.hexdigest() != sha or total != size:
            raise M.EVIDENCE_CHANGED.error(StoreError, name=path.name)

    def _link_evidence(self, conn: Connection, app_id: str, entry: dict[str, Any], at: str,
                       action: str | None = None) -> bool:
        """Insert an attachment row (and its history row when ``action`` is given)."""
        a = t.attachments.c
        sha, target = entry["sha256"], entry["target"]
        size = conn.execute(select(t.evidence_blobs.c.size).where(t.evidence_blobs.c.sha256 == sha)).scalar()
        if size is None:
            raise M.EVIDENCE_MISSING.error(StoreError, name=entry.get("name"))
        if conn.execute(select(a.id).where(a.app_id == app_id, a.target == target, a.sha256 == sha)).first():
            return False
        attached = entry.get("attached") or at
        conn.execute(insert(t.attachments).values(app_id=app_id, target=target, name=safe_name(entry["name"]),
                                                  sha256=sha, size=size, attached=attached))
        if action:
            self._record(conn, app_id, at, action, "evidence", target, None,
                         dumps({"name": safe_name(entry["name"]), "sha256": sha, "size": size, "attached": attached}))
        return True

    def _unlink_evidence(self, conn: Connection, app_id: str, target: str, sha: str, at: str, action: str) -> bool:
        a = t.attachments.c
        row = conn.execute(select(a.id, a.name, a.size, a.attached).where(
            a.app_id == app_id, a.target == target, a.sha256 == sha)).first()
        if row is None:
            return False
        conn.execute(delete(t.attachments).where(a.id == row.id))
        self._record(conn, app_id, at, action, "evidence", target,
                     dumps({"name": row.name, "sha256": sha, "size": row.size, "attached": row.attached}), None)
        return True

    def _evidence_entries(self, conn: Connection, app_id: str) -> list[dict[str, Any]]:
        a = t.attachments.c
        rows = conn.execute(select(a.target, a.name, a.sha256, a.size, a.attached)
                            .where(a.app_id == app_id).order_by(a.id))
        return [{"target": r.target, "name": r.name, "sha256": r.sha256, "size": r.size,
                 "file": f"evidence/{r.sha256}/{r.name}", "attached": r.attached} for r in rows]
