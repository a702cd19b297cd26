"""One window per database: the window's user of ``core.store.lock`` (where the logic lives, so
the command line honours the same lock).

A second copy of the program on the same database is told who holds it and may open it read-only
or quit. A lock left by a crashed copy goes with its process, so it never blocks a new window."""

from __future__ import annotations

from pathlib import Path

from core.store import lock as core_lock


class DatabaseLock(core_lock.DatabaseLock):
    def __init__(self, db_path: Path | None):
        super().__init__(db_path, kind=core_lock.WINDOW)


def in_use_text(holder: str, label: str) -> str:
    """The first sentence of the second window's question: the one a refused command prints too."""
    return core_lock.in_use_message(holder, label)
