"""The local store: application drafts, history, evidence files, backups (see docs/storage.md).

``Store.open(db)`` is the entry point; ``load_application(ref, db)`` reads either a JSON file or a
stored application, for commands that take ``APP.json`` or an id with ``--db``.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreNewerError,
    StoreReadOnlyError,
)
from core.store.evidence import MAX_EVIDENCE_BYTES
from core.store.history import HistoryEntry
from core.store.store import AppSummary, Store

__all__ = [
    "MAX_EVIDENCE_BYTES",
    "AppSummary",
    "HistoryEntry",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreNewerError",
    "StoreReadOnlyError",
    "load_application",
]


def load_application(ref: str | os.PathLike[str], db: str | None = None):
    """An ``Application`` from a JSON file path, or else from the store by id (or id prefix)."""
    from core.application import read_application_file

    path = Path(ref)
    if path.suffix.lower() == ".json" or path.is_file():
        return read_application_file(path)
    with Store.open(db, readonly=False) as store:
        return store.load(str(ref))
