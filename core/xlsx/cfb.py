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
    if len(data) < 512 or not data.startswith(SIGNATURE):
        raise CfbError("header")
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise CfbError("sector size")
    size = 1 << shift
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
    total = (len(data) - size) // size + 1

    def sector(n: int) -> bytes:
        if n >= min(total, MAX_SECTORS):
            raise CfbError(f"sector {n}")
        start = (n + 1) * size
        chunk = data[start:start + size]
        if len(chunk) < size:
            raise CfbError(f"sector {n} truncated")
        return chunk

    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (_FREE, _END)]
    nxt, seen = first_difat, 0
    while nxt not in (_FREE, _END) and seen <= n_difat and len(fat_sectors) < n_fat:
        block = sector(nxt)
        entries = struct.unpack(f"<{size // 4}I", block)
        fat_sectors += [s for s in entries[:-1] if s not in (_FREE, _END)]
        nxt, seen = entries[-1], seen + 1
    fat: list[int] = []
    for s in fat_sectors[:n_fat]:
        fat += struct.unpack(f"<{size // 4}I", sector(s))
    names: list[str] = []
    n, steps = first_dir, 0
    while n != _END:
        steps += 1
        if n >= len(fat) or steps > total:  # a chain that leaves the table or loops
            raise CfbError("directory chain")
        block = sector(n)
        for off in range(0, size, 128):
            length = struct.unpack_from("<H", block, off + 0x40)[0]
            kind = block[off + 0x42]
            if kind == 0 or not 2 <= length <= 64:
                continue
            names.append(block[off:off + length - 2].decode("utf-16-le", "replace"))
            if len(names) > MAX_ENTRIES:
                raise CfbError("too many entries")
        n = fat[n]
    return names
