"""Build the spreadsheet corpus: for every format an office sends (.xlsx, .xlsm, .xls, .xlsb, .ods,
WPS .et, CSV) a good enterprise list and its bad variants — a bad cell, corrupt, truncated, encrypted,
with macros, huge, empty. ``build(dest, tmp)`` returns {file name: Case}.

Real files: the .xls/.ods ones are converted by LibreOffice from an openpyxl-made .xlsx; the broken
ones are made from those by changing bytes the way damage, encryption or a VBA project would
(renaming OLE2 directory entries keeps a real compound file). LibreOffice cannot write .xlsb, so the
.xlsb cases are zip packages with the .xlsb part names: they exercise detection and refusal only.
Huge files are sparse, so they cost no disk space.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.office import convert
from tests.xlsx.helpers import firm, list_workbook

SHEET = "集群企业清单"
BAD_AT = f"「{SHEET}」第 4 行 D 列"  # row 4: the second firm (title row 1, header row 2)


@dataclass(frozen=True)
class Case:
    ok: bool  # the list import accepts it
    words: str = ""  # what the refusal must say (besides the file name)
    where: str = ""  # sheet, row and column it must name, if the fault is in a cell


def _rows(bad: bool = False) -> list[list]:
    rows = [firm(1), firm(2, employees="很多" if bad else 150), firm(3, revenue=800)]
    return rows


def _rename_entry(data: bytearray, old: str, new: str) -> None:
    """Rename an OLE2 directory entry in place (name, then its byte length with the terminator)."""
    raw = old.encode("utf-16-le") + b"\0\0"
    at = data.find(raw)
    assert at > 0, old
    data[at:at + 64] = (new.encode("utf-16-le") + b"\0\0").ljust(64, b"\0")
    struct.pack_into("<H", data, at + 0x40, len(new.encode("utf-16-le")) + 2)


def _zip_replace(src: Path, dst: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info))
            zout.writestr(info, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)


def _sparse(path: Path, head: bytes, size: int) -> None:
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)


def build(dest: Path, tmp: Path) -> dict[str, Case]:
    dest.mkdir(parents=True, exist_ok=True)
    src = tmp / "src"
    src.mkdir(exist_ok=True)
    good = list_workbook(src / "good.xlsx", _rows(), sheet=SHEET)
    badcell = list_workbook(src / "badcell.xlsx", _rows(bad=True), sheet=SHEET)
    blank = list_workbook(src / "empty-sheet.xlsx", [], headers=[], title=None, sheet=SHEET)
    xls = convert([good, badcell, blank], "xls", tmp / "xls", tmp)
    ods = convert([good, badcell, blank], "ods", tmp / "ods", tmp)
    cases: dict[str, Case] = {}

    def put(name: str, data: bytes | Path, case: Case) -> None:
        (dest / name).write_bytes(data.read_bytes() if isinstance(data, Path) else data)
        cases[name] = case

    refused_cell = Case(False, "无法识别的数字", BAD_AT)
    no_header = Case(False, "的表头", f"「{SHEET}」前 10 行中找不到")
    damaged = Case(False, "已损坏")
    encrypted = Case(False, "加密")
    macros = Case(False, "含有宏")
    too_big = Case(False, "超过 64.0 MB 的上限")
    bomb = Case(False, "压缩炸弹")
    empty = Case(False, "文件是空的")

    # .xlsx / .xlsm
    put("good.xlsx", good, Case(True))
    put("badcell.xlsx", badcell, refused_cell)
    put("empty-sheet.xlsx", blank, no_header)
    put("empty.xlsx", b"", empty)
    put("truncated.xlsx", good.read_bytes()[: good.stat().st_size // 2], damaged)
    _zip_replace(good, tmp / "corrupt.xlsx", {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c"})
    put("corrupt.xlsx", tmp / "corrupt.xlsx", Case(False, "无法读取工作簿"))
    _zip_replace(good, tmp / "macro.xlsm", {}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0VBA"})
    put("macro.xlsm", tmp / "macro.xlsm", macros)
    _zip_replace(good, tmp / "bomb.xlsx", {"xl/worksheets/sheet1.xml": b"\0" * (20 * 1024 * 1024)})
    put("bomb.xlsx", tmp / "bomb.xlsx", bomb)
    _sparse(dest / "huge.xlsx", b"PK\x03\x04", 65 * 1024 * 1024)
    cases["huge.xlsx"] = too_big
    enc = bytearray(xls[0].read_bytes())  # an encrypted .xlsx is an OLE2 file with these two streams
    _rename_entry(enc, "Workbook", "EncryptedPackage")
    _rename_entry(enc, "\x05SummaryInformation", "EncryptionInfo")
    put("encrypted.xlsx", bytes(enc), encrypted)

    # .xls (Excel 97–2003)
    put("good.xls", xls[0], Case(True))
    put("badcell.xls", xls[1], refused_cell)
    put("empty-sheet.xls", xls[2], no_header)
    put("empty.xls", b"", empty)
    put("truncated.xls", xls[0].read_bytes()[:3000], damaged)
    data = bytearray(xls[0].read_bytes())
    bof = data.find(bytes.fromhex("0908100000060500"))
    data[bof + 20:bof + 22] = b"\x2f\x00"  # the record after BOF becomes FILEPASS: "this file is encrypted"
    put("encrypted.xls", bytes(data), encrypted)
    data = bytearray(xls[0].read_bytes())
    _rename_entry(data, "\x05DocumentSummaryInformation", "_VBA_PROJECT_CUR")
    put("macro.xls", bytes(data), macros)
    data = bytearray(xls[0].read_bytes())
    data[bof:bof + 64] = b"\xff" * 64  # BOF record destroyed
    put("corrupt.xls", bytes(data), damaged)
    _sparse(dest / "huge.xls", bytes.fromhex("D0CF11E0A1B11AE1"), 65 * 1024 * 1024)
    cases["huge.xls"] = too_big
    data = bytearray(xls[0].read_bytes())
    _rename_entry(data, "Workbook", "WordDocument")
    put("not-excel.xls", bytes(data), Case(False, "不是 Excel 工作簿"))

    # .ods (OpenDocument)
    put("good.ods", ods[0], Case(True))
    put("badcell.ods", ods[1], refused_cell)
    put("empty-sheet.ods", ods[2], no_header)
    put("truncated.ods", ods[0].read_bytes()[: ods[0].stat().st_size // 2], damaged)
    _zip_replace(ods[0], tmp / "corrupt.ods", {"content.xml": b"<office:document-content><table:table"})
    put("corrupt.ods", tmp / "corrupt.ods", Case(False, "无法读取工作簿"))
    with zipfile.ZipFile(ods[0]) as zf:
        manifest = zf.read("META-INF/manifest.xml")
    manifest = manifest.replace(b'manifest:full-path="content.xml"',
                                b'manifest:full-path="content.xml"><manifest:encryption-data '
                                b'manifest:checksum-type="SHA1/1K"/></manifest:file-entry><manifest:file-entry '
                                b'manifest:media-type="" manifest:full-path="x"', 1)
    _zip_replace(ods[0], tmp / "encrypted.ods", {"META-INF/manifest.xml": manifest, "content.xml": b"\x8f\x13" * 500})
    put("encrypted.ods", tmp / "encrypted.ods", encrypted)
    _zip_replace(ods[0], tmp / "macro.ods", {}, {"Basic/Standard/Module1.xml": b"<module/>"})
    put("macro.ods", tmp / "macro.ods", macros)
    _zip_replace(ods[0], tmp / "bomb.ods", {"content.xml": b" " * (30 * 1024 * 1024)})
    put("bomb.ods", tmp / "bomb.ods", bomb)

    # .xlsb: detection and refusal only (no writer available, module docstring)
    with zipfile.ZipFile(tmp / "broken.xlsb", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    put("corrupt.xlsb", tmp / "broken.xlsb", Case(False, "无法读取工作簿"))
    _zip_replace(tmp / "broken.xlsb", tmp / "macro.xlsb", {}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    put("macro.xlsb", tmp / "macro.xlsb", macros)
    put("truncated.xlsb", (tmp / "broken.xlsb").read_bytes()[:40], damaged)

    # WPS .et: whatever it is inside
    put("good-xls.et", xls[0], Case(True))
    put("good-xlsx.et", good, Case(True))
    put("badcell.et", xls[1], refused_cell)
    put("macro.et", dest / "macro.xls", macros)

    # CSV lists: UTF-8 with and without BOM, GBK
    text = "\n".join(",".join(str(v) for v in r) for r in [[SHEET], _header(), *_rows()]) + "\n"
    bad = "\n".join(",".join(str(v) for v in r) for r in [[SHEET], _header(), *_rows(bad=True)]) + "\n"
    put("good-utf8.csv", text.encode("utf-8"), Case(True))
    put("good-utf8-bom.csv", text.encode("utf-8-sig"), Case(True))
    put("good-gbk.csv", text.encode("gbk"), Case(True))
    put("good-utf16.csv", text.replace(",", "\t").encode("utf-16"), Case(True))
    put("badcell-gbk.csv", bad.encode("gbk"), Case(False, "无法识别的数字", "第 4 行 D 列"))
    put("bad-encoding.csv", "企业名称,".encode("gbk") + b"\xff\xfe\xff\n", Case(False, "既不是 UTF-8 也不是 GBK"))
    put("empty.csv", b"", empty)
    shutil.rmtree(src)
    return cases


def _header() -> list[str]:
    from tests.xlsx.helpers import ENTERPRISE_HEADERS

    return ENTERPRISE_HEADERS
