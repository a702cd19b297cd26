"""What an export signs, as one hash: the application data without its workflow state.

``data_hash(doc)`` is the SHA-256 of the document in canonical JSON (sorted keys, no spaces),
leaving out what legitimately differs between the package's ``application.json`` and the stored
application after the export: the status (已导出 is set by the export itself), the time of the last
change, and each evidence entry's ``file`` (inside the package it points at ``evidence/<name>``).
Equal hashes mean equal values, lists, evidence contents and names, and application metadata.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

UNSIGNED_KEYS = frozenset({"status", "changed"})


def signed_part(doc: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in doc.items() if k not in UNSIGNED_KEYS}
    out["evidence"] = sorted(({k: v for k, v in e.items() if k != "file"} for e in doc.get("evidence") or []),
                             key=lambda e: (str(e.get("target")), str(e.get("sha256"))))
    return out


def data_hash(doc: dict[str, Any]) -> str:
    text = json.dumps(signed_part(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
