"""Where the evidence files and the scans of a package come from.

An application read from a JSON file has its evidence in the folder beside it (``evidence[].file``
is a path relative to that folder); a stored application has it in the store, by SHA-256.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from core.errors import UserError
from core.package.writer import iter_file

SCAN_TYPES = {  # magic bytes of what a scanner or phone produces
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}


class EvidenceSource(Protocol):
    def chunks(self, entry: dict[str, Any]) -> Iterator[bytes]: ...


def _label(entry: dict[str, Any]) -> str:
    return f"佐证材料“{entry.get('name') or entry.get('file')}”"


class FolderEvidence:
    """Evidence files in the folder of APP.json, optionally falling back to a store by hash."""

    def __init__(self, base: Path, store=None):
        self.base = Path(base).resolve()
        self.store = store

    def path_of(self, entry: dict[str, Any]) -> Path | None:
        rel = entry.get("file")
        if not rel:
            return None
        rel_path = Path(str(rel).replace("\\", "/"))
        if rel_path.is_absolute():
            raise UserError(f"{_label(entry)}的路径“{rel}”是绝对路径；申报数据中应写相对于 JSON 文件所在文件夹的路径。")
        path = (self.base / rel_path).resolve()
        if not path.is_relative_to(self.base):
            raise UserError(f"{_label(entry)}的路径“{rel}”指向申报数据文件夹之外，已拒绝。")
        return path

    def chunks(self, entry: dict[str, Any]) -> Iterator[bytes]:
        path = self.path_of(entry)
        if path is not None and path.is_file():
            return iter_file(path)
        if self.store is not None and entry.get("sha256"):
            return StoreEvidence(self.store).chunks(entry)
        raise UserError(f"找不到{_label(entry)}：{self.base / str(entry.get('file') or '')}"
                        "（请把佐证材料放在申报数据 JSON 文件旁边的相应位置）。")


class StoreEvidence:
    """Evidence content kept in the local store, streamed chunk by chunk."""

    def __init__(self, store):
        self.store = store

    def chunks(self, entry: dict[str, Any]) -> Iterator[bytes]:
        from core.store import StoreError

        sha = entry.get("sha256") or ""
        try:
            it = self.store.iter_evidence(sha)
            first = next(it, b"")
        except StoreError as exc:
            raise UserError(f"{_label(entry)}：{exc}") from exc
        return _prepend(first, it)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def check_scan(path: str | Path, what: str) -> Path:
    """A signed and stamped scan: an existing PDF or image file whose content matches its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SCAN_TYPES:
        raise UserError(f"{what}“{path.name}”应为 PDF 或图片（JPG、PNG、TIFF）文件。")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UserError(f"无法读取{what}“{path}”：{exc.strerror or exc}") from exc
    if not any(head.startswith(m) for m in SCAN_TYPES[suffix]):
        raise UserError(f"{what}“{path.name}”的内容不是 {suffix[1:].upper()} 文件（文件可能已损坏或扩展名不对）。")
    return path
