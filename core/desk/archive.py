"""The received files, kept exactly as received, content-addressed by SHA-256.

``Archive(folder)`` holds ``<folder>/<sha[:2]>/<sha>``. A file is copied in one streaming pass
(read in 1 MiB chunks, hashed and written at once, so a 2 GB file never sits in memory) into a
temporary file in the archive, flushed to disk and renamed to its hash: a crash leaves either
the whole file or a stray ``*.tmp`` (ignored, removed by ``sweep``), never a half file under a
hash name. The register row that points at a file is written only after the file is in place
(core/desk/intake.py), so every row's bytes exist. Files are never changed or deleted.

Why beside the database and not inside it (as the store keeps evidence): a campaign's intake is
gigabytes of packages; streaming them into SQLite's WAL would write every byte twice and make
the intake several times slower than copying the files (bench/bench_desk.py measures it).

A server database (PostgreSQL) has no "beside": there ``DbArchive`` keeps the received bytes in
the database itself, in the store's content-addressed evidence tables (1 MiB bytea rows, see
core/store/evidence.py). Then every PC of the office sees the same files, the one server backup
(or ``store backup``) holds them, and nothing depends on a shared folder being mounted alike on
each PC. ``archive_of(store)`` picks the right one; both have the same methods.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

from core.oserrors import ordinary_mode

CHUNK = 1 << 20


class TooLarge(Exception):
    """The file grew beyond the limit while being copied (it was still being written)."""


class Archive:
    def __init__(self, folder: str | os.PathLike[str], fallback: DbArchive | None = None):
        self.folder = Path(folder)
        # Where bytes not in the folder may still be: the database's own tables (a SQLite copy of
        # a PostgreSQL register, made with ``backup``, carries its received files there).
        self.fallback = fallback

    def path(self, sha256: str) -> Path:
        sha = sha256.lower()
        return self.folder / sha[:2] / sha

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file() or (self.fallback is not None and self.fallback.has(sha256))

    def _elsewhere(self, sha256: str) -> bool:
        return self.fallback is not None and not self.path(sha256).is_file()

    def put_file(self, src: str | os.PathLike[str], limit: int | None = None) -> tuple[str, int]:
        """Copy ``src`` in; returns (sha256, size). Raises OSError (unreadable source, full disk)
        or ``TooLarge``; nothing is left under a hash name on failure."""
        with open(src, "rb") as fin:
            return self.put_chunks(iter(lambda: fin.read(CHUNK), b""), limit)

    def put_chunks(self, chunks, limit: int | None = None) -> tuple[str, int]:
        """Like ``put_file`` from an iterable of bytes (an inner package streamed out of a zip)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming.", suffix=".tmp", dir=self.folder)
        tmp = Path(tmp_name)
        try:
            digest, size = hashlib.sha256(), 0
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if limit is not None and size > limit:
                        raise TooLarge(size)
                    digest.update(chunk)  # releases the GIL: threads hash on both cores
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            self._place(tmp, sha)
            return sha, size
        finally:
            tmp.unlink(missing_ok=True)

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if self.has(sha):
            return sha
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming.", suffix=".tmp", dir=self.folder)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            self._place(tmp, sha)
        finally:
            tmp.unlink(missing_ok=True)
        return sha

    def _place(self, tmp: Path, sha: str) -> None:
        dest = self.path(sha)
        if dest.is_file():  # the same bytes came before (a duplicate): keep the first copy
            return
        dest.parent.mkdir(parents=True, exist_ok=True)
        ordinary_mode(tmp)
        os.replace(tmp, dest)

    def chunks(self, sha256: str) -> Iterator[bytes]:
        if self._elsewhere(sha256):
            yield from self.fallback.chunks(sha256)
            return
        with self.path(sha256).open("rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk

    def export(self, sha256: str, dest: str | os.PathLike[str]) -> Path:
        """The received bytes, again, byte for byte (written atomically)."""
        if self._elsewhere(sha256):
            return self.fallback.export(sha256, dest)
        return _export_chunks(self.chunks(sha256), dest)

    def sweep(self, older_than_s: float = 3600) -> int:
        """Remove temporary files a killed intake left (older than an hour, so a running intake's
        file is not taken); returns how many."""
        import time

        n = 0
        if self.folder.is_dir():
            for p in self.folder.glob(".incoming.*.tmp"):
                try:
                    if time.time() - p.stat().st_mtime > older_than_s:
                        p.unlink()
                        n += 1
                except OSError:
                    continue
        return n


class DbArchive:
    """The received files inside a server database (same methods as ``Archive``).

    A file is first copied (hashed on the way, the limit checked) into a local working copy, then
    inserted in 1 MiB chunks in one committed transaction: a crash or a lost connection leaves no
    half file, and a row of the register is written only after its bytes are committed. Two PCs
    taking in the same file at once: the second insert waits for the first and then finds it
    (``ON CONFLICT DO NOTHING``). ``path`` gives a local copy for the checks that read a file
    (zip, Excel), made from what the database holds."""

    def __init__(self, store):
        self.store = store
        self.folder = store.label  # named in messages where the folder archive names its folder
        self._made: Path | None = None
        self._cleanup = None
        self._lock = threading.Lock()  # intake's worker threads ask for the folder at once

    @property
    def _work(self) -> Path:
        """The local working copies (made on first use)."""
        with self._lock:
            if self._made is None:
                self._made = Path(tempfile.mkdtemp(prefix="cluster-declare-received-"))
                # They go with the archive (or the process), closed or not (a desk window).
                self._cleanup = weakref.finalize(self, shutil.rmtree, str(self._made), True)
            return self._made

    def close(self) -> None:
        if self._cleanup is not None:
            self._cleanup()

    def has(self, sha256: str) -> bool:
        from sqlalchemy import select

        from core.store import schema as st

        with self.store._read() as conn:
            b = st.evidence_blobs.c
            return conn.execute(select(b.sha256).where(b.sha256 == sha256.lower())).first() is not None

    def put_file(self, src: str | os.PathLike[str], limit: int | None = None) -> tuple[str, int]:
        with open(src, "rb") as fin:
            return self.put_chunks(iter(lambda: fin.read(CHUNK), b""), limit)

    def put_chunks(self, chunks, limit: int | None = None) -> tuple[str, int]:
        sha, size = Archive(self._work).put_chunks(chunks, limit)
        self._store(sha, size)
        return sha, size

    def put_bytes(self, data: bytes) -> str:
        sha = Archive(self._work).put_bytes(data)
        self._store(sha, len(data))
        return sha

    def _store(self, sha: str, size: int) -> None:
        from sqlalchemy import insert

        from core.store import schema as st
        from core.store.documents import now

        local = Archive(self._work).path(sha)
        with self.store._write() as conn:
            blob = _insert_ignoring_duplicate(conn, st.evidence_blobs, {"sha256": sha, "size": size, "stored": now()})
            if not blob:
                return  # the same bytes are there already (taken in before, or an evidence scan)
            with local.open("rb") as fh:
                seq = 0
                while chunk := fh.read(CHUNK):
                    conn.execute(insert(st.evidence_chunks).values(sha256=sha, seq=seq, data=chunk))
                    seq += 1

    def path(self, sha256: str) -> Path:
        """A local copy of the stored bytes (made from the database when this process has none)."""
        local = Archive(self._work).path(sha256)
        if not local.is_file():
            local.parent.mkdir(parents=True, exist_ok=True)
            self.export(sha256, local)
        return local

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The stored bytes, chunk by chunk; OSError when they are not there."""
        from core.store.errors import StoreError

        try:
            yield from self.store.iter_evidence(sha256.lower())
        except StoreError as exc:
            raise FileNotFoundError(exc.message) from exc

    def export(self, sha256: str, dest: str | os.PathLike[str]) -> Path:
        """The received bytes, again, byte for byte (hash checked, written atomically)."""
        return _export_chunks(self.chunks(sha256), dest, check_sha256=sha256)

    def sweep(self, older_than_s: float = 3600) -> int:
        """A failed insert is rolled back, so the database never holds half a file; what is swept
        are this process's local working copies of earlier intakes (they are only needed while a
        file is checked), so a long session does not keep a campaign's gigabytes in the temp
        folder. Returns how many were removed."""
        import time

        n = 0
        if self._made is None:
            return 0
        for p in self._work.glob("*/*"):
            try:
                if time.time() - p.stat().st_mtime > older_than_s:
                    p.unlink()
                    n += 1
            except OSError:
                continue
        return n + Archive(self._work).sweep(older_than_s)


def _insert_ignoring_duplicate(conn, table, values: dict) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (PostgreSQL and SQLite); True when the row was inserted."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    key = next(iter(table.primary_key.columns))
    # RETURNING, not rowcount: psycopg reports no row count for an INSERT that returns rows.
    stmt = dialect_insert(table).values(**values).on_conflict_do_nothing().returning(key)
    return conn.execute(stmt).first() is not None


def archive_of(store, folder: str | os.PathLike[str] | None = None):
    """The received-file archive of a register in ``store``: a given folder; else the folder
    beside a SQLite file; else (a server database) the database itself."""
    if folder:
        return Archive(folder)
    if store.path is None and not store.target.is_sqlite:
        return DbArchive(store)
    return Archive(archive_for(store.path), fallback=DbArchive(store))


def archive_for(db_path: Path | None) -> Path:
    """Where the received files of a register at ``db_path`` live: ``NAME.received/`` beside it."""
    if db_path is None:
        from core.paths import user_data_dir

        return user_data_dir() / "desk-received"
    return db_path.with_name(db_path.name + ".received")


def _export_chunks(chunks, dest: str | os.PathLike[str], check_sha256: str | None = None) -> Path:
    """Write ``chunks`` to ``dest`` atomically (a temporary file beside it, synced, renamed); with
    ``check_sha256``, refuse (OSError) bytes whose digest differs, leaving ``dest`` untouched."""
    dest = Path(dest)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent or ".")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                if check_sha256 is not None:
                    digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if check_sha256 is not None and digest.hexdigest() != check_sha256.lower():
            raise OSError(f"存储的内容与 SHA-256 {check_sha256[:12]}… 不符")
        ordinary_mode(tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest
