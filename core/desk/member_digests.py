"""SHA-256 of a package's stored members, computed from the bytes as they are copied into the
archive, so that verifying the package does not read and hash every byte a second time.

    spans = stored_spans(src_fh)                   # layout read from the source before the copy
    hasher = MemberHasher(spans)
    sha, size = archive.put_chunks(hasher.feeding(chunks))
    digests = hasher.digests_for(archived_path)    # only spans the archived copy really has

A package's big members (scans, PDFs) are stored, not deflated (core/package/writer.py), so a
stored member's content is a plain byte range of the file. The digests are taken over the very
chunks that were written to the archive; ``digests_for`` then reads the layout again from the
*archived* copy (central directory and local headers, a few hundred bytes) and keeps a digest
only where the member's name, data offset, length and CRC-32 are the same there. A file that
changed while being copied, a member that is deflated, encrypted or has a wrong CRC, or anything
odd in the headers simply gets no digest: ``verify_package`` hashes it from the archive as
before, with the same checks and messages.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (version … sizes), name length, extra length


@dataclass(frozen=True)
class Span:
    name: str
    start: int  # where the member's content begins in the file
    length: int
    crc: int


def stored_spans(fh: BinaryIO) -> list[Span]:
    """The stored (uncompressed, unencrypted) members of the zip in ``fh`` as byte ranges; [] for
    anything that is not a readable zip (the copy and the real checks decide what it is)."""
    try:
        zf = zipfile.ZipFile(fh)
        infos = zf.infolist()
    except Exception:  # noqa: BLE001 - only a shortcut: whatever this is, verify_package judges it
        return []
    from core.package.safezip import MAX_MEMBERS

    if len(infos) > MAX_MEMBERS:
        return []  # refused by the package checks anyway; don't seek through a million headers
    spans = []
    for info in infos:
        if (info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1 or info.is_dir()
                or info.compress_size != info.file_size):
            continue
        try:
            fh.seek(info.header_offset)
            sig, n_name, n_extra = LOCAL_HEADER.unpack(fh.read(LOCAL_HEADER.size))
            raw_name = fh.read(n_name)
        except Exception:  # noqa: BLE001 - as above: no digest, the member is hashed from the archive
            continue
        encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"  # as zipfile decodes it
        try:
            local_name = raw_name.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sig != b"PK\x03\x04" or local_name != info.orig_filename:
            continue  # zipfile refuses such a member when it is opened: leave it to that check
        start = info.header_offset + LOCAL_HEADER.size + n_name + n_extra
        spans.append(Span(info.filename, start, info.compress_size, info.CRC))
    return spans


class MemberHasher:
    """Feeds each chunk of a file's byte stream to the SHA-256 and CRC-32 of the spans it covers."""

    def __init__(self, spans: Iterable[Span]):
        self.spans = sorted(spans, key=lambda s: s.start)
        self._sha = {s: hashlib.sha256() for s in self.spans}
        self._crc = dict.fromkeys(self.spans, 0)
        self._seen = dict.fromkeys(self.spans, 0)
        self._pos = 0
        self._first = 0  # spans before this index are complete

    def feeding(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.feed(chunk)
            yield chunk

    def feed(self, chunk: bytes) -> None:
        begin, end = self._pos, self._pos + len(chunk)
        view = memoryview(chunk)
        for i in range(self._first, len(self.spans)):
            s = self.spans[i]
            if s.start >= end:
                break
            lo, hi = max(begin, s.start), min(end, s.start + s.length)
            if lo < hi:
                part = view[lo - begin:hi - begin]
                self._sha[s].update(part)  # releases the GIL, as the archive's own hash does
                self._crc[s] = zlib.crc32(part, self._crc[s])
                self._seen[s] += hi - lo
            if s.start + s.length <= end and i == self._first:
                self._first += 1
        self._pos = end

    def digests_for(self, archived: Path) -> dict[str, tuple[str, int]]:
        """name → (sha256, size) for each member whose layout in ``archived`` is the one hashed."""
        if not self.spans:
            return {}
        try:
            with open(archived, "rb") as fh:
                there = set(stored_spans(fh))
        except OSError:
            return {}
        return {s.name: (self._sha[s].hexdigest(), s.length) for s in self.spans
                if s in there and self._seen[s] == s.length and self._crc[s] == s.crc}
