"""One window per database: a ``QLockFile`` beside the SQLite file.

A second copy of the program on the same database is told who holds it and may open it read-only
or quit. A lock left by a crashed copy is stale (its process is gone) and is taken over."""

from __future__ import annotations

from pathlib import Path

from desktop.qt import QLockFile


class DatabaseLock:
    def __init__(self, db_path: Path | None):
        self.path = None if db_path is None else Path(str(db_path) + ".lock")
        self._lock = None if self.path is None else QLockFile(str(self.path))
        if self._lock is not None:
            self._lock.setStaleLockTime(0)  # never stale while the holder runs; dead holders are detected

    def acquire(self) -> bool:
        """True when this process now holds the database (or it is not a local file)."""
        if self._lock is None:
            return True
        if self._lock.tryLock(200):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError and self._lock.removeStaleLockFile():
            return self._lock.tryLock(200)
        return False

    def holder(self) -> str:
        """“进程 1234，电脑 office-pc” for the message, or "" when unknown."""
        if self._lock is None:
            return ""
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname); pid 0 when unknown
        pid, host = (info[-3], info[-2]) if isinstance(info, tuple) and len(info) >= 3 else (0, "")
        if not pid:
            return ""
        return f"进程 {pid}，电脑 {host}" if host else f"进程 {pid}"

    def release(self) -> None:
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()
