"""The local store: application drafts, history, evidence files, backups (see docs/storage.md).

``Store.open(db)`` is the entry point (a file path, a SQLAlchemy URL, or None for the default file).
"""

from __future__ import annotations

from core.store.errors import (
    StoreConflict,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreNewerError,
    StoreOfflineError,
    StoreReadOnlyError,
)
from core.store.evidence import MAX_EVIDENCE_BYTES
from core.store.history import HistoryEntry
from core.store.receipts import Receipt
from core.store.store import AppSummary, Changes, Saved, Store

__all__ = [
    "MAX_EVIDENCE_BYTES",
    "AppSummary",
    "Changes",
    "HistoryEntry",
    "Receipt",
    "Saved",
    "Store",
    "StoreConflict",
    "StoreCorruptError",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreNewerError",
    "StoreOfflineError",
    "StoreReadOnlyError",
]

