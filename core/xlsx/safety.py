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

from core.errors import UserError

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
        raise UserError(f"找不到文件 {path}") from exc
    except OSError as exc:
        raise UserError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    if head == CFB_SIGNATURE:
        raise UserError(
            f"文件“{name}”是加密（设有打开密码）的 Excel 工作簿，或旧版 Excel 97-2003（.xls）文件，无法读取。"
            "请在 Excel 中取消打开密码，并“另存为”Excel 工作簿（*.xlsx）后再导入。"
        )
    if size > MAX_FILE_BYTES:
        raise UserError(f"文件“{name}”大小为 {_mb(size)}，超过 {_mb(MAX_FILE_BYTES)} 的上限，拒绝导入。")
    if not head.startswith(b"PK"):
        what = "（看起来是文本或 CSV 文件）" if head[:1].isascii() and head[:1].decode("ascii").isprintable() else ""
        raise UserError(f"文件“{name}”不是 Excel 工作簿（.xlsx）{what}。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”。")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
                raise UserError(f"文件“{name}”是 OpenDocument 表格（.ods），请另存为 Excel 工作簿（*.xlsx）后再导入。")
    except zipfile.BadZipFile as exc:
        raise UserError(f"文件“{name}”已损坏，或不是 Excel 工作簿（.xlsx）。") from exc
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise UserError(f"文件“{name}”是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）。")
    if len(infos) > MAX_ENTRIES:
        raise UserError(f"文件“{name}”包含 {len(infos)} 个部件，超出安全上限，拒绝读取。")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_ENTRY_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise UserError(
                f"文件“{name}”中的部件“{info.filename}”解压后达 {_mb(info.file_size)}（压缩比 1:{ratio:.0f}），"
                "超出安全上限，拒绝读取（可能是恶意构造的“压缩炸弹”）。"
            )
    if total > MAX_TOTAL_BYTES:
        raise UserError(f"文件“{name}”解压后共 {_mb(total)}，超出 {_mb(MAX_TOTAL_BYTES)} 的安全上限，拒绝读取。")
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
