"""The hidden sheet that lets an import map cells back to fields and refuse foreign workbooks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from core.messages import xlsx as msg
from core.xlsx.book import plain

META_SHEET = "_meta"
MARKER = "cluster-declare.xlsx"
XLSX_FORMAT_VERSION = 1
KIND_FORM, KIND_TEMPLATE = "form", "template"
MAP_HEADER = ("sheet", "row", "field", "parts", "original")
_MAP_START = 12


@dataclass
class Meta:
    kind: str
    form: str
    form_version: int
    campaign: int
    rules: str
    jurisdiction: str
    uuid: str = ""
    written: str = ""
    format_version: int = XLSX_FORMAT_VERSION
    rows: list[tuple[str, int, str, str]] = field(default_factory=list)  # sheet, row, key, parts
    originals: dict[str, Any] = field(default_factory=dict)  # key → value as exported (JSON)


def write_meta(wb, meta: Meta) -> None:
    ws = wb.create_sheet(META_SHEET)
    header = [
        ("format", MARKER), ("format_version", meta.format_version), ("kind", meta.kind), ("form", meta.form),
        ("form_version", meta.form_version), ("campaign", meta.campaign), ("rules", meta.rules),
        ("jurisdiction", meta.jurisdiction), ("uuid", meta.uuid), ("written", meta.written),
    ]
    for i, (k, v) in enumerate(header, 1):
        ws.cell(i, 1, k)
        ws.cell(i, 2, v).data_type = "s" if isinstance(v, str) else "n"
    for c, h in enumerate(MAP_HEADER, 1):
        ws.cell(_MAP_START - 1, c, h)
    seen: set[str] = set()
    for i, (sheet, row, key, parts) in enumerate(meta.rows, _MAP_START):
        ws.cell(i, 1, sheet)
        ws.cell(i, 2, row)
        ws.cell(i, 3, key)
        ws.cell(i, 4, parts)
        if key not in seen and key in meta.originals:
            ws.cell(i, 5, json.dumps(meta.originals[key], ensure_ascii=False)).data_type = "s"
        seen.add(key)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def read_meta(book, name: str) -> Meta:
    """The hidden sheet of ``book`` (core/xlsx/book.py: any format it was saved in)."""
    if META_SHEET not in book.sheetnames:
        raise msg.NO_META.error(name=name)
    ws = book.sheet(META_SHEET)
    table = [tuple(plain(v) for v in r[:5]) + (None,) * (5 - len(r[:5])) for r in ws.rows()]
    head = {str(r[0]): r[1] for r in table[: _MAP_START - 2] if r and r[0]}
    if head.get("format") != MARKER:
        raise msg.META_DAMAGED.error(name=name)
    try:
        version = int(head.get("format_version"))
        campaign = int(head.get("campaign"))
        form_version = int(head.get("form_version"))
    except (TypeError, ValueError) as exc:
        raise msg.META_NUMBERS.error(name=name) from exc
    if version > XLSX_FORMAT_VERSION:
        raise msg.META_NEWER.error(name=name, version=version)
    meta = Meta(kind=str(head.get("kind")), form=str(head.get("form")), form_version=form_version,
                campaign=campaign, rules=str(head.get("rules")), jurisdiction=str(head.get("jurisdiction")),
                uuid=str(head.get("uuid") or ""), written=str(head.get("written") or ""), format_version=version)
    for r, (sheet, row, key, parts, original) in enumerate(table[_MAP_START - 1:], _MAP_START):
        if not sheet:
            continue
        try:
            meta.rows.append((str(sheet), int(row), str(key), str(parts or "")))
            if original is not None:
                meta.originals[str(key)] = json.loads(original)
        except (TypeError, ValueError, RecursionError) as exc:
            raise msg.META_ROW.error(name=name, row=r) from exc
    return meta
