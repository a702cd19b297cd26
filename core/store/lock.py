"""One window per database, and no command-line write behind a window's back.

The lock is a file beside the SQLite file (``NAME.sqlite.lock``) locked by the operating system
(``flock`` on Linux, ``msvcrt.locking`` on Windows), so a crashed holder never leaves a stale lock:
its lock goes with its process. A window holds it exclusively for as long as it is open and writes
who it is into the file (process, computer, since when). A command that writes (``import``,
``copy``, ``reopen``, ``export`` …) takes it only around each write transaction; while a window
holds it, the write is refused with the message a second window gets, before anything is written.
Reading never takes it: ``list``, ``history``, ``receipts`` work while a window is open.

A server database (PostgreSQL) has no lock: several windows on several PCs are the point of it,
and stale edits are refused per field instead (``Store.set_value(..., base=revision)``).

Inside one process the window's lock covers every write of that process (the GUI's own store,
the export worker thread), which is why writers look up ``held_here`` first.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

WINDOW, COMMAND = "window", "command"
COMMAND_WAIT_MS = 3000  # as long as SQLite waits for another writer (database.BUSY_TIMEOUT_MS)
_WIN_OFFSET = 1 << 30  # Windows locks are mandatory: lock a byte far past the holder's note
_held: dict[str, int] = {}  # lock path -> how many locks this process holds on it
_guard = threading.Lock()


def lock_path(db_path: Path) -> Path:
    return Path(str(db_path) + ".lock")


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def held_here(db_path: Path | None) -> bool:
    """True when this process holds the database's lock (a window of this process)."""
    if db_path is None:
        return False
    with _guard:
        return _held.get(_key(lock_path(db_path)), 0) > 0


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseLock:
    """The lock of one database file; ``None`` (memory, a server URL) is always free."""

    def __init__(self, db_path: Path | None, kind: str = WINDOW):
        self.path = None if db_path is None else lock_path(Path(db_path))
        self.kind = kind
        self._fd: int | None = None

    @property
    def locked(self) -> bool:
        return self._fd is not None

    def acquire(self, wait_ms: int = 200) -> bool:
        """True when this object now holds the lock (or there is no file to lock)."""
        if self.path is None or self._fd is not None:
            return True
        start = time.monotonic()
        deadline = start + wait_ms / 1000
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            except OSError:
                return True  # a read-only folder: nobody can write there, so there is nothing to guard
            if _try_lock(fd):
                if _same_file(fd, self.path):
                    break
                # the holder removed the file as it let go: lock the file that is there now
                os.close(fd)
                continue
            os.close(fd)
            if self.note().get("kind") == COMMAND:  # a command's write lasts a moment: wait for it
                deadline = max(deadline, start + COMMAND_WAIT_MS / 1000)
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        self._fd = fd
        with _guard:
            _held[_key(self.path)] = _held.get(_key(self.path), 0) + 1
        self._write_note()
        return True

    def _write_note(self) -> None:
        note = {"pid": os.getpid(), "host": socket.gethostname(), "kind": self.kind,
                "since": datetime.now().astimezone().isoformat(timespec="seconds")}
        with contextlib.suppress(OSError):
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.ftruncate(self._fd, 0)
            os.write(self._fd, json.dumps(note).encode("utf-8"))

    def note(self) -> dict:
        """What the holder wrote: pid, host, kind (window or command), since; {} when unknown."""
        if self.path is None:
            return {}
        try:
            note = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return note if isinstance(note, dict) else {}

    def holder(self) -> str:
        """“进程 1234，电脑 office-pc” for the message, or "" when unknown."""
        note = self.note()
        pid, host = note.get("pid"), note.get("host") or ""
        if not pid:
            return ""
        return f"进程 {pid}，电脑 {host}" if host else f"进程 {pid}"

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no holder any more: the note must not name one
        with contextlib.suppress(OSError):
            self.path.unlink()  # still locked: a waiter re-checks it holds the file that is there
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        with _guard:
            key = _key(self.path)
            _held[key] = _held.get(key, 1) - 1
            if _held[key] <= 0:
                del _held[key]


def in_use_message(holder: str, where: str, *, write: bool = False) -> str:
    """The words a second window and a refused command both use."""
    from core.messages import seal as M

    who = f"（{holder}）" if holder else ""
    return (M.IN_USE_WRITE if write else M.IN_USE).text(where=where, who=who)


@contextlib.contextmanager
def writing(db_path: Path | None, label: str, wait_ms: int = 200) -> Iterator[None]:
    """Around one write transaction of a process that holds no window lock: refuse (with the lock
    message) while a window holds the database; otherwise keep windows out until the commit."""
    if db_path is None or held_here(db_path):
        yield
        return
    lock = DatabaseLock(db_path, kind=COMMAND)
    if not lock.acquire(wait_ms):
        from core.store.errors import StoreLockedError

        note = lock.note()
        if note.get("kind") == WINDOW:
            from core.messages import seal as M

            holder = lock.holder()
            raise M.IN_USE_WRITE.error(StoreLockedError, where=label, who=f"（{holder}）" if holder else "")
        from core.messages import store as SM

        raise SM.LOCKED.error(StoreLockedError, where=label)  # another command, still writing
    try:
        yield
    finally:
        lock.release()
