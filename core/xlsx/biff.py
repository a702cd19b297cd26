"""Bounds of an Excel 97–2003 (BIFF8) Workbook stream, checked in Python before python-calamine
parses it: a damaged or hostile .xls can carry cell coordinates or string counts that make the Rust
reader allocate hundreds of gigabytes, and a failed allocation there ends the whole process (found
by tests/xlsx/test_damaged_bytes.py). One pass over the record headers, no decoding of values."""

from __future__ import annotations

import struct

_CELL = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0006, 0x0201, 0x0205, 0x00D6}  # NUMBER RK LABELSST LABEL FORMULA …
_MULTI = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first col, …, last col
SST, DIMENSIONS = 0x00FC, 0x0200
MAX_ROW, MAX_COL = 65535, 255  # BIFF8's sheet


class BiffError(ValueError):
    pass


def check_workbook_stream(stream: bytes) -> None:
    n, pos, end = 0, 0, len(stream)
    unpack = struct.unpack_from
    while pos + 4 <= end:
        typ, size = unpack("<HH", stream, pos)
        body = pos + 4
        if body + size > end:
            raise BiffError(f"记录 0x{typ:04X} 超出数据流")
        if typ in _CELL and size >= 4:
            row, col = unpack("<HH", stream, body)
            if col > MAX_COL:
                raise BiffError(f"单元格坐标越界（第 {row + 1} 行，第 {col + 1} 列）")
        elif typ in _MULTI and size >= 6:
            row, first = unpack("<HH", stream, body)
            last = unpack("<H", stream, body + size - 2)[0]
            if last > MAX_COL or last < first:
                raise BiffError(f"单元格坐标越界（第 {row + 1} 行）")
        elif typ == SST and size >= 8:
            _total, unique = unpack("<II", stream, body)
            if unique > end:  # every string takes at least three bytes of the stream
                raise BiffError(f"共享字符串表声明了 {unique} 项")
        elif typ == DIMENSIONS and size >= 12:
            _first_row, last_row, _first_col, last_col = unpack("<IIHH", stream, body)
            if last_row > MAX_ROW + 1 or last_col > MAX_COL + 1:
                raise BiffError("工作表范围越界")
        pos = body + size
        n += 1
