"""Writing the package zip in one streaming pass: each member is read in 1 MiB chunks, hashed and
written (stored or deflated) at the same time, so memory stays bounded whatever the evidence size.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core.messages import package as M

CHUNK = 1 << 20
# Already compressed: deflating them again costs time and saves nothing.
STORED_SUFFIXES = frozenset({
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".zip", ".xlsx", ".xlsm", ".docx", ".pptx",
    ".ofd", ".rar", ".7z", ".gz", ".bz2", ".xz", ".mp4", ".mov", ".mp3",
})
FAST_LEVEL_FROM = 4 * 1024 * 1024  # large compressible files deflate at level 1: 2.5x faster, ~35% larger
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


@dataclass(frozen=True)
class Member:
    path: str
    sha256: str
    size: int
    role: str

    def to_json(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "size": self.size, "role": self.role}


def is_stored(name: str) -> bool:
    return Path(name).suffix.lower() in STORED_SUFFIXES


def safe_file_name(name: str, fallback: str = "file") -> str:
    """A readable file name that is valid on Windows and Linux and stays one path component."""
    base = _UNSAFE.sub("_", os.path.basename(str(name).replace("\\", "/"))).strip(" .")
    if base in ("", ".", ".."):
        base = fallback
    stem, suffix = os.path.splitext(base)
    return stem[:120] + suffix[:20]


def iter_file(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


class ZipWriteError(Exception):
    """Writing the package itself failed (a full disk); not to be mistaken for a member that
    could not be read, whose message names the member."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


class PackageWriter:
    """Adds members to an open zip and remembers each one's SHA-256 and size for the manifest."""

    def __init__(self, zf: zipfile.ZipFile, progress: Callable[[int], None] | None = None):
        self.zf = zf
        self.members: list[Member] = []
        self._progress = progress
        self._stamp = time.localtime()[:6]

    def add(self, path: str, chunks: Iterable[bytes], *, role: str, size_hint: int = 0,
            expected_sha256: str | None = None, label: str | None = None) -> Member:
        info = zipfile.ZipInfo(path, date_time=self._stamp)
        info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
        if is_stored(path):
            info.compress_type = zipfile.ZIP_STORED
        else:
            info.compress_type = zipfile.ZIP_DEFLATED
            info._compresslevel = 1 if size_hint >= FAST_LEVEL_FROM else 6
        digest, size = hashlib.sha256(), 0
        source = iter(chunks)
        reading = False
        try:
            with self.zf.open(info, "w", force_zip64=size_hint > (1 << 31) - CHUNK) as out:
                while True:
                    reading = True
                    chunk = next(source, None)
                    reading = False
                    if chunk is None:
                        break
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    if self._progress:
                        self._progress(len(chunk))
        except OSError as exc:
            if reading:
                raise
            raise ZipWriteError(exc) from exc
        sha = digest.hexdigest()
        if expected_sha256 and sha != expected_sha256.lower():
            raise M.ALTERED.error(what=label or path)
        member = Member(path, sha, size, role)
        self.members.append(member)
        return member

    def add_file(self, path: str, src: Path, *, role: str, expected_sha256: str | None = None,
                 label: str | None = None) -> Member:
        try:
            size = src.stat().st_size
            return self.add(path, iter_file(src), role=role, size_hint=size, expected_sha256=expected_sha256,
                            label=label)
        except OSError as exc:
            from core.oserrors import os_reason

            raise M.UNREADABLE.error(what=label or src, reason=os_reason(exc)) from exc

    def add_bytes(self, path: str, data: bytes, *, role: str) -> Member:
        return self.add(path, [data], role=role, size_hint=len(data))
