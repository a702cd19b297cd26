"""Where the evidence files and the scans of a package come from.

An application read from a JSON file has its evidence in the folder beside it (``evidence[].file``
is a path relative to that folder); a stored application has it in the store, by SHA-256.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from core.messages import package as M
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
            raise M.EVIDENCE_ABSOLUTE.error(what=_label(entry), path=rel)
        path = (self.base / rel_path).resolve()
        if not path.is_relative_to(self.base):
            raise M.EVIDENCE_OUTSIDE.error(what=_label(entry), path=rel)
        return path

    def chunks(self, entry: dict[str, Any]) -> Iterator[bytes]:
        path = self.path_of(entry)
        if path is not None and path.is_file():
            return iter_file(path)
        if self.store is not None and entry.get("sha256"):
            return StoreEvidence(self.store).chunks(entry)
        raise M.EVIDENCE_MISSING.error(what=_label(entry), path=self.base / str(entry.get("file") or ""))


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
            raise M.EVIDENCE_BROKEN.error(what=_label(entry), reason=exc) from exc
        return _prepend(first, it)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def check_scan(path: str | Path, what: str) -> Path:
    """A signed and stamped scan: an existing PDF or image file whose content matches its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SCAN_TYPES:
        raise M.SCAN_TYPE.error(what=what, name=path.name)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise M.SCAN_UNREADABLE.error(what=what, path=path, reason=exc.strerror or exc) from exc
    if not any(head.startswith(m) for m in SCAN_TYPES[suffix]):
        raise M.SCAN_CONTENT.error(what=what, name=path.name, kind=suffix[1:].upper())
    return path
