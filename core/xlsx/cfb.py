"""The directory of an OLE2 compound file (.xls, WPS .et, an encrypted .xlsx): the names of its
streams and storages, read from raw bytes with every offset checked.

Enough to tell an Excel 97–2003 workbook ("Workbook"/"Book") from an encrypted Office Open XML
package ("EncryptionInfo"/"EncryptedPackage") and to see a VBA project ("_VBA_PROJECT_CUR"), before
any reader parses the file.
"""

from __future__ import annotations

import struct

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
MAX_SECTORS = 1 << 20
MAX_ENTRIES = 100_000


class CfbError(ValueError):
    """The compound file's structure is broken (truncated, or offsets outside the file)."""


def directory_names(data: bytes) -> list[str]:
    """Names of every directory entry (streams, storages, the root)."""
    return [e[0] for e in _Cfb(data).entries]


def read_stream(data: bytes, name: str) -> bytes | None:
    """The bytes of the first stream called ``name`` (None if there is none)."""
    return _Cfb(data).stream(name)


class _Cfb:
    def __init__(self, data: bytes):
        if len(data) < 512 or not data.startswith(SIGNATURE):
            raise CfbError("header")
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise CfbError("sector size")
        self.data, self.size = data, 1 << shift
        n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, self.first_minifat, self.n_minifat = struct.unpack_from("<III", data, 0x38)
        first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
        self.total = (len(data) - self.size) // self.size + 1
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (_FREE, _END)]
        nxt, seen = first_difat, 0
        while nxt not in (_FREE, _END) and seen <= n_difat and len(fat_sectors) < n_fat:
            entries = struct.unpack(f"<{self.size // 4}I", self.sector(nxt))
            fat_sectors += [s for s in entries[:-1] if s not in (_FREE, _END)]
            nxt, seen = entries[-1], seen + 1
        self.fat: list[int] = []
        for sec in fat_sectors[:n_fat]:
            self.fat += struct.unpack(f"<{self.size // 4}I", self.sector(sec))
        self.entries: list[tuple[str, int, int, int]] = []  # name, type, start sector, size
        for block in self.chain_blocks(first_dir, "directory chain"):
            for off in range(0, self.size, 128):
                length = struct.unpack_from("<H", block, off + 0x40)[0]
                kind = block[off + 0x42]
                if kind == 0 or not 2 <= length <= 64:
                    continue
                start, size = struct.unpack_from("<II", block, off + 0x74)
                self.entries.append((block[off:off + length - 2].decode("utf-16-le", "replace"), kind, start, size))
                if len(self.entries) > MAX_ENTRIES:
                    raise CfbError("too many entries")

    def sector(self, n: int) -> bytes:
        if n >= min(self.total, MAX_SECTORS):
            raise CfbError(f"sector {n}")
        start = (n + 1) * self.size
        chunk = self.data[start:start + self.size]
        if len(chunk) < self.size:
            raise CfbError(f"sector {n} truncated")
        return chunk

    def chain_blocks(self, first: int, what: str, table: list[int] | None = None, get=None):
        table = self.fat if table is None else table
        get = get or self.sector
        n, steps = first, 0
        while n != _END:
            steps += 1
            if n >= len(table) or steps > len(table):  # a chain that leaves the table or loops
                raise CfbError(what)
            yield get(n)
            n = table[n]

    def stream(self, name: str) -> bytes | None:
        entry = next((e for e in self.entries if e[0] == name and e[1] == 2), None)
        if entry is None:
            return None
        _, _, start, size = entry
        if size > len(self.data):
            raise CfbError(f"stream {name} larger than the file")
        if size >= self.cutoff:
            return b"".join(self.chain_blocks(start, f"stream {name}"))[:size]
        root = next((e for e in self.entries if e[1] == 5), None)
        if root is None:
            raise CfbError("no root entry")
        mini = b"".join(self.chain_blocks(root[2], "mini stream"))
        minifat: list[int] = []
        for block in self.chain_blocks(self.first_minifat, "mini FAT"):
            minifat += struct.unpack(f"<{self.size // 4}I", block)

        def mini_sector(n: int) -> bytes:
            chunk = mini[n * 64:(n + 1) * 64]
            if len(chunk) < 64:
                raise CfbError(f"mini sector {n}")
            return chunk

        return b"".join(self.chain_blocks(start, f"stream {name}", minifat, mini_sector))[:size]
