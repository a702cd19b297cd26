"""Look at a file before openpyxl does: is it an .xlsx at all, encrypted, a zip bomb?

Everything here reads the ZIP directory and raw bytes only, so a hostile file is refused before
any XML is parsed. ``SheetScan`` finds merged cells and formulas in a worksheet's XML by a byte
search, which costs milliseconds even for 10,000 rows.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from core.messages import xlsx as msg

CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # OLE compound file: .xls, or an encrypted .xlsx
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def check_xlsx(path: str | Path) -> Path:
    """Refuse anything that is not a plain, reasonably sized .xlsx; return the path."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError as exc:
        raise msg.NOT_FOUND.error(path=path) from exc
    except OSError as exc:
        raise msg.UNREADABLE_FILE.error(path=path, reason=exc.strerror or exc) from exc
    if head == CFB_SIGNATURE:
        raise msg.ENCRYPTED.error(name=name)
    if size > MAX_FILE_BYTES:
        raise msg.TOO_BIG.error(name=name, size=_mb(size), limit=_mb(MAX_FILE_BYTES))
    if not head.startswith(b"PK"):
        what = "（看起来是文本或 CSV 文件）" if head[:1].isascii() and head[:1].decode("ascii").isprintable() else ""
        raise msg.NOT_XLSX.error(name=name, what=what)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
                raise msg.ODS.error(name=name)
    except zipfile.BadZipFile as exc:
        raise msg.DAMAGED_ZIP.error(name=name) from exc
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise msg.ZIP_NOT_XLSX.error(name=name)
    if len(infos) > MAX_ENTRIES:
        raise msg.TOO_MANY_PARTS.error(name=name, count=len(infos))
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_ENTRY_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise msg.BOMB_PART.error(name=name, part=info.filename, size=_mb(info.file_size), ratio=f"{ratio:.0f}")
    if total > MAX_TOTAL_BYTES:
        raise msg.TOO_BIG_UNPACKED.error(name=name, size=_mb(total), limit=_mb(MAX_TOTAL_BYTES))
    return path


def sheet_parts(path: str | Path) -> dict[str, str]:
    """Sheet title → worksheet part inside the zip (from workbook.xml and its relationships)."""
    with zipfile.ZipFile(path) as zf:
        wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for el in wb.iter():
        if el.tag.endswith("}sheet"):
            target = targets.get(el.get(_NS_REL), "")
            part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            out[el.get("name", "")] = part
    return out


@dataclass(frozen=True)
class SheetScan:
    merged: tuple[str, ...]  # ranges such as "B5:C5"
    has_formulas: bool


def scan_sheet(path: str | Path, part: str) -> SheetScan:
    with zipfile.ZipFile(path) as zf:
        try:
            xml = zf.read(part)
        except KeyError:
            return SheetScan((), False)
    merged = tuple(m.decode() for m in _MERGE_RE.findall(xml))
    return SheetScan(merged, _FORMULA_RE.search(xml) is not None)
