"""Moving data in and out: one application as JSON (+ evidence folder), the whole database as a
backup file.

Exported layout (what ``import_json`` reads back)::

    申请.json
    evidence/<sha256>/<file name>     one folder per content, as the document's "file" entries say

Imports check everything (document, every evidence file's hash) before writing, and write in one
transaction: a failed import leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import uuid as uuidlib
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.messages import store as M
from core.oserrors import SPECIAL_TARGET, os_reason, special_target
from core.store import database as db
from core.store import schema as t
from core.store import server_copy
from core.store.documents import now
from core.store.errors import StoreCorruptError, StoreError, corrupt_error, sqlite_code
from core.store.evidence import check_size, hash_file

CONFLICT_MODES = ("error", "copy", "replace")


class TransferMixin:
    # --- one application ------------------------------------------------------------------------

    def export_json(self, app_id: str, path: str | os.PathLike[str]) -> Path:
        """Write the application to ``path`` and its evidence files under ``evidence/`` beside it."""
        from core.application import Application, write_application_file

        dest = Path(path)
        if not dest.parent.is_dir():
            raise M.EXPORT_NO_FOLDER.error(StoreError, dest=dest)
        if special_target(dest):  # refused before any evidence file is copied beside it
            from core.messages import application as app_msg

            raise app_msg.UNWRITABLE.error(path=dest, reason=SPECIAL_TARGET)
        doc = self.get(app_id)
        for e in doc["evidence"]:
            file = dest.parent / e["file"]
            if not (file.is_file() and hash_file(file)[0] == e["sha256"]):
                self.copy_evidence(e["sha256"], file)
        write_application_file(Application.from_json(doc, origin="数据库中的申请"), dest)
        return dest

    def import_json(self, path: str | os.PathLike[str], *, on_conflict: str = "error") -> str:
        """Import an application file (and its ``evidence/`` folder); returns the stored id.

        If the store already has an application with the same id: ``error`` refuses, ``copy``
        stores it as a new application, ``replace`` overwrites it with recorded (undoable) changes."""
        from core.application import read_application_file

        if on_conflict not in CONFLICT_MODES:
            raise M.BAD_CONFLICT.error(StoreError, modes="/".join(CONFLICT_MODES))
        src = Path(path)
        doc = read_application_file(src).to_json()
        files = self._evidence_files(src, doc)
        with self._write() as conn:
            at = now()
            a = t.applications.c
            existing = conn.execute(select(a.id, a.name, a.campaign, a.form).where(a.id == doc["uuid"])).first()
            if existing and on_conflict == "error":
                raise M.IMPORT_EXISTS.error(
                    StoreError, short_id=existing.id[:8], name=existing.name or "未命名")
            if existing and on_conflict == "copy":
                doc["uuid"], existing = uuidlib.uuid4().hex, None
            for sha, (file, size) in files.items():
                self._ensure_blob(conn, file, sha, size)
            if existing is None:
                return self._insert_app(conn, doc, at, "import", note={"file": src.name})
            if (existing.campaign, existing.form) != (doc["campaign"], doc["form"]):
                raise M.IMPORT_MISMATCH.error(StoreError, file=src.name)
            app = self._app(conn, existing.id)
            current = self._document(conn, app.id)
            if self._apply_document(conn, app.id, current, doc, at, "import",
                                    ("name", "jurisdiction", "rules", "status")):
                self._touch(conn, app.id, at)
            return app.id

    def _evidence_files(self, src: Path, doc: dict[str, Any]) -> dict[str, tuple[Path, int]]:
        """Find and check every evidence file the document names, before anything is written."""
        base = src.resolve().parent
        found: dict[str, tuple[Path, int]] = {}
        for e in doc["evidence"]:
            rel = e.get("file") or f"evidence/{e['sha256']}/{e['name']}"
            file = (base / rel).resolve()
            if not file.is_relative_to(base):
                raise M.IMPORT_OUTSIDE.error(StoreError, file=src.name, rel=rel)
            if e["sha256"] in found:
                continue
            if not file.exists():
                if self._has_blob(e["sha256"]):
                    continue  # the content is already stored
                raise M.IMPORT_NO_EVIDENCE.error(StoreError, rel=rel, file=src.name)
            size = check_size(file, self.max_evidence_bytes)
            sha, size = hash_file(file)
            if sha != e["sha256"]:
                raise M.IMPORT_EVIDENCE_CHANGED.error(StoreError, rel=rel)
            found[sha] = (file, size)
        return found

    def _has_blob(self, sha: str) -> bool:
        with self._read() as conn:
            b = t.evidence_blobs.c
            return conn.execute(select(b.sha256).where(b.sha256 == sha)).first() is not None

    # --- the whole database ---------------------------------------------------------------------

    def backup(self, path: str | os.PathLike[str]) -> Path:
        """Copy the whole database to ``path`` (a file, or a folder to put a dated file in) with
        SQLite's online backup: consistent even while the program is editing. A server database
        (PostgreSQL) is copied the same way into a SQLite file, from one snapshot, so one backup
        format serves both engines and restores into either."""
        source = self.path
        dest = Path(path)
        if dest.is_dir():
            dest = dest / f"cluster-declare-backup-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
        if source is not None and dest.exists() and dest.resolve() == source.resolve():
            raise M.BACKUP_SELF.error(StoreError)
        if not dest.parent.is_dir():
            raise M.BACKUP_NO_FOLDER.error(StoreError, dest=dest)
        if special_target(dest):
            raise M.BACKUP_WRITE.error(StoreError, dest=dest, reason=SPECIAL_TARGET)
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        try:
            with self._guard():
                if source is None:
                    server_copy.dump(self.engine, tmp, dest)
                else:
                    raw = self.engine.raw_connection()
                    try:
                        _copy_database(raw.driver_connection, tmp, dest)
                    finally:
                        raw.close()
            _fsync(tmp)
            os.replace(tmp, dest)
        except OSError as exc:
            raise M.BACKUP_WRITE.error(StoreError, dest=dest, reason=os_reason(exc)) from exc
        finally:
            with contextlib.suppress(OSError):  # a read-only folder refuses even removing nothing
                tmp.unlink(missing_ok=True)
        return dest

    def restore(self, path: str | os.PathLike[str]) -> Path:
        """Replace the whole database with a backup. The backup is checked first; the current data
        is first copied beside the database (the returned path); the replacement is one SQLite
        transaction, so it happens completely or not at all."""
        target = self.path
        src = Path(path)
        if not src.is_file():
            raise M.RESTORE_MISSING.error(StoreError, src=src)
        if target is not None and src.resolve() == target.resolve():
            raise M.RESTORE_SELF.error(StoreError)
        try:
            info = db.inspect_file(src, str(src))  # refuses damaged, foreign or newer files
        except StoreCorruptError as exc:  # say "this backup is unusable", not "your database is damaged"
            detail = re.search(r"本程序的数据库（(.+?)）。", exc.message)
            reason = "文件已损坏，或不是本程序的数据库备份" + (f"（{detail.group(1)}）" if detail else "")
            raise M.RESTORE_BAD_BACKUP.error(StoreError, src=src, reason=reason) from exc
        if info.revision is None:
            raise M.RESTORE_NOT_BACKUP.error(StoreError, src=src)
        _full_check(src, info.immutable)
        with self._write():
            pass  # refuses early (read-only, damaged) with the usual messages, before the safety copy
        if target is None:  # a server database: the safety copy goes beside the backup restored
            safety = self.backup(src.with_name(f"{src.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}.sqlite"))
            with self._guard(), self._write() as conn:
                server_copy.load(conn, src, info.immutable, info.revision != db.HEAD)
            return safety
        safety = self.backup(target.with_name(f"{target.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}.sqlite"))
        with self._guard():
            raw = self.engine.raw_connection()
            try:
                reader = sqlite3.connect(db.ro_uri(src, immutable=info.immutable), uri=True)
                try:
                    reader.backup(raw.driver_connection)
                finally:
                    reader.close()
            finally:
                raw.close()
            self.engine.dispose()
            if info.revision != db.HEAD:
                db.migrate(self.engine)
        return safety


def _copy_database(source: sqlite3.Connection, tmp: Path, dest: Path) -> None:
    try:
        out = sqlite3.connect(tmp)
    except sqlite3.Error as exc:  # the backup's folder, not the database: say which
        raise M.BACKUP_FAILED.error(StoreError, dest=dest, reason="无法在该文件夹中创建文件（只读或没有写入权限）") from exc
    try:
        source.backup(out)  # all pages in one step: one consistent snapshot
        out.execute("PRAGMA journal_mode=DELETE")  # the backup is one self-contained file
        if out.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise corrupt_error(str(dest), "备份副本校验未通过")
    except sqlite3.Error as exc:
        code = sqlite_code(exc)
        # SQLITE_FULL, SQLITE_IOERR (a write beyond the disk or the file-size limit), READONLY, CANTOPEN
        reason = ("磁盘空间已满" if code == 13 else "写入出错（磁盘可能已满）" if code == 10
                  else "没有写入权限" if code in (8, 14) else str(exc))
        raise M.BACKUP_FAILED.error(StoreError, dest=dest, reason=reason) from exc
    finally:
        out.close()


def _full_check(path: Path, immutable: bool) -> None:
    conn = sqlite3.connect(db.ro_uri(path, immutable=immutable), uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        raise corrupt_error(str(path), str(exc)) from exc
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise corrupt_error(str(path), "完整性检查未通过")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
