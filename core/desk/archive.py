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
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from core.oserrors import ordinary_mode

CHUNK = 1 << 20


class TooLarge(Exception):
    """The file grew beyond the limit while being copied (it was still being written)."""


class Archive:
    def __init__(self, folder: str | os.PathLike[str]):
        self.folder = Path(folder)

    def path(self, sha256: str) -> Path:
        sha = sha256.lower()
        return self.folder / sha[:2] / sha

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

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
        with self.path(sha256).open("rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk

    def export(self, sha256: str, dest: str | os.PathLike[str]) -> Path:
        """The received bytes, again, byte for byte (written atomically)."""
        dest = Path(dest)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent or ".")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in self.chunks(sha256):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            ordinary_mode(tmp)
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        return dest

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


def archive_for(db_path: Path | None) -> Path:
    """Where the received files of a register at ``db_path`` live: ``NAME.received/`` beside it."""
    if db_path is None:
        from core.paths import user_data_dir

        return user_data_dir() / "desk-received"
    return db_path.with_name(db_path.name + ".received")
