"""Look at a file before any reader does: which spreadsheet format is it (by content, so a WPS
.et is whatever it is inside), is it encrypted, does it carry macros, is it a zip bomb?

Everything here reads the ZIP directory, the OLE2 directory (core/xlsx/cfb.py) and raw bytes only,
so a hostile file is refused before any XML or BIFF record is parsed. ``SheetScan`` finds merged cells and formulas in a worksheet's XML by a byte
search, which costs milliseconds even for 10,000 rows.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree
from zlib import error as zlib_error

from core.messages import xlsx as msg
from core.xlsx.biff import BiffError, check_workbook_stream
from core.xlsx.cfb import SIGNATURE as CFB_SIGNATURE
from core.xlsx.cfb import CfbError, directory_names, read_stream

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


XLSX, XLSM, XLSB, XLS, ODS, CSV = "xlsx", "xlsm", "xlsb", "xls", "ods", "csv"
_VBA_NAMES = frozenset({"_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA", "Macros"})
_ENCRYPTED_NAMES = frozenset({"EncryptionInfo", "EncryptedPackage"})
_ZIP_VBA = ("xl/vbaProject.bin", "Basic/", "Scripts/", "xl/activeX/")  # VBA; LibreOffice Basic and scripts
_ODS_MANIFEST = "META-INF/manifest.xml"


@dataclass(frozen=True)
class Checked:
    path: Path
    fmt: str  # XLSX … CSV: what the content is, whatever the file is called (.et is xls or xlsx inside)


def check_xlsx(path: str | Path) -> Path:
    """Refuse anything that is not a plain Office Open XML workbook; return the path."""
    checked = check_spreadsheet(path)
    if checked.fmt not in (XLSX, XLSM):
        raise msg.NOT_XLSX.error(name=checked.path.name, what="（需要 .xlsx 工作簿）")
    return checked.path


def check_spreadsheet(path: str | Path, *, csv: bool = False) -> Checked:
    """Refuse anything that is not a plain, reasonably sized spreadsheet: encrypted, with macros,
    a zip bomb, damaged, another kind of file. ``csv``: a text file is a CSV list (else refused)."""
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
    if size > MAX_FILE_BYTES:
        raise msg.TOO_BIG.error(name=name, size=_mb(size), limit=_mb(MAX_FILE_BYTES))
    if size == 0:
        raise msg.NOT_XLSX.error(name=name, what="（文件是空的，0 字节）")
    if head == CFB_SIGNATURE:
        return Checked(path, _check_ole(path, name))
    if head.startswith(b"PK"):
        return Checked(path, _check_zip(path, name))
    if _looks_like_text(head):
        if csv:
            return Checked(path, CSV)
        if path.suffix.lower() == ".csv":
            raise msg.CSV_FORM.error(name=name)
        raise msg.NOT_XLSX.error(name=name, what="（看起来是文本或 CSV 文件）")
    raise msg.NOT_XLSX.error(name=name, what="")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    return all(b >= 0x20 or b in (9, 10, 13) for b in head)  # ASCII or GBK/UTF-8 lead bytes, no controls


def _check_ole(path: Path, name: str) -> str:
    data = path.read_bytes()
    try:
        names = set(directory_names(data))
    except CfbError as exc:
        raise msg.DAMAGED_OLE.error(name=name, reason=f"复合文档结构损坏（{exc}）") from exc
    if names & _ENCRYPTED_NAMES:
        raise msg.ENCRYPTED.error(name=name)
    if names & _VBA_NAMES:
        raise msg.MACROS.error(name=name)
    if not names & {"Workbook", "Book", "WORKBOOK", "BOOK"}:
        raise msg.NOT_XLS.error(name=name)
    stream_name = next(n for n in ("Workbook", "WORKBOOK", "Book", "BOOK") if n in names)
    try:
        stream = read_stream(data, stream_name)
        check_workbook_stream(stream or b"")
    except CfbError as exc:
        raise msg.DAMAGED_OLE.error(name=name, reason=f"复合文档结构损坏（{exc}）") from exc
    except BiffError as exc:
        raise msg.DAMAGED_OLE.error(name=name, reason=str(exc)) from exc
    return XLS


def _check_zip(path: Path, name: str) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            _check_parts(name, infos)
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
            manifest = zf.read(_ODS_MANIFEST)[:1 << 20] if mimetype and _ODS_MANIFEST in names else b""
    except zipfile.BadZipFile as exc:
        raise msg.DAMAGED_ZIP.error(name=name) from exc
    except (OSError, EOFError, zlib_error, ValueError, NotImplementedError) as exc:  # damaged names, entries

        raise msg.DAMAGED_ZIP.error(name=name) from exc
    if any(n.startswith(_ZIP_VBA) for n in names):
        raise msg.MACROS.error(name=name)
    if b"opendocument.spreadsheet" in mimetype:
        if b"encryption-data" in manifest:  # ODF encrypts parts and lists how in the manifest
            raise msg.ENCRYPTED.error(name=name)
        return ODS
    if "word/document.xml" in names:
        raise msg.WORD_FILE.error(name=name)
    if "[Content_Types].xml" in names and "xl/workbook.bin" in names:
        return XLSB
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise msg.ZIP_NOT_XLSX.error(name=name)
    return XLSM if path.suffix.lower() == ".xlsm" else XLSX


def _check_parts(name: str, infos: list[zipfile.ZipInfo]) -> None:
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


def sheet_has_formulas(path: str | Path, part: str, chunk: int = 1 << 20) -> bool:
    """Whether a worksheet part holds any formula (<f>), read in chunks: bounded memory and no
    merged-cell search (the reader reports merges)."""
    with zipfile.ZipFile(path) as zf:
        try:
            fh = zf.open(part)
        except KeyError:
            return False
        with fh:
            tail = b""
            while block := fh.read(chunk):
                if _FORMULA_RE.search(tail + block):
                    return True
                tail = block[-16:]
    return False
