"""Store faults explained to the official, and the translation of SQLite errors into them.

Every message says which database file is affected, what happened to the last edit and what to do.
"""

from __future__ import annotations

import sqlite3

from core.errors import UserError
from core.messages import store as M
from core.messages.store import UNSAVED  # noqa: F401  (re-exported for callers)


class StoreError(UserError):
    """A storage fault or an impossible storage request (unknown id, deleted application, ...)."""


class StoreLockedError(StoreError):
    """Another process (usually a second running copy of the program) holds the write lock."""


class StoreReadOnlyError(StoreError):
    """The database file or its folder cannot be written."""


class StoreFullError(StoreError):
    """The disk (or the database's size limit) is full."""


class StoreCorruptError(StoreError):
    """The file is damaged or not a database of this program; nothing more is written into it."""


class StoreNewerError(StoreError):
    """The database was written by a newer version of the program."""


# SQLite primary result codes (the low byte of the extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind a SQLAlchemy or sqlite3 exception, if any."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None and isinstance(orig, sqlite3.Error):
        # Older drivers give only text; match the few messages that matter.
        text = str(orig).lower()
        for needle, value in (
            ("locked", _BUSY),
            ("readonly", _READONLY),
            ("read-only", _READONLY),
            ("disk is full", _FULL),
            ("malformed", _CORRUPT),
            ("not a database", _NOTADB),
        ):
            if needle in text:
                return value
        return None
    return None if code is None else code & 0xFF


def translate(exc: BaseException, where: str) -> StoreError:
    """Turn a database exception into a StoreError whose Chinese message names ``where``."""
    code = sqlite_code(exc)
    if code in (_BUSY, _LOCKED):
        return M.LOCKED.error(StoreLockedError, where=where)
    if code == _READONLY:
        return M.READONLY.error(StoreReadOnlyError, where=where)
    if code == _FULL:
        return M.FULL.error(StoreFullError, where=where)
    if code in (_CORRUPT, _NOTADB):
        return corrupt_error(where)
    if code == _CANTOPEN:
        return M.CANT_OPEN.error(StoreError, where=where)
    if code == _IOERR:
        return M.IO_ERROR.error(StoreError, where=where)
    return M.DB_ERROR.error(StoreError, where=where, detail=getattr(exc, "orig", exc))


def corrupt_error(where: str, detail: str = "") -> StoreCorruptError:
    return M.CORRUPT.error(StoreCorruptError, where=where, detail=f"（{detail}）" if detail else "")
