"""Store faults explained to the official, and the translation of SQLite and PostgreSQL errors into them.

Every message says which database file is affected, what happened to the last edit and what to do.
"""

from __future__ import annotations

import re
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


class StoreOfflineError(StoreError):
    """The database server cannot be reached (down, network lost): the edit was not saved, and a
    window keeps it to send again when the server answers."""


class StoreConflict(StoreError):
    """Another official changed the same field since this window read it; nothing was saved.

    ``theirs`` is the other person's value (ABSENT-free JSON value or None), ``user``/``at`` who
    and when, ``revision`` the field's current revision: pass it back to overwrite ("keep mine")."""

    def __init__(self, *args, key: str = "", theirs=None, user: str = "", at: str = "", revision: int = 0,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.key, self.theirs, self.user, self.at, self.revision = key, theirs, user, at, revision


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


def _pg_error(exc: BaseException, where: str, db_user: str) -> StoreError | None:
    """PostgreSQL (psycopg) errors by SQLSTATE, or by libpq's text for connection failures."""
    orig = getattr(exc, "orig", exc)
    if not type(orig).__module__.startswith("psycopg"):
        return None
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig)
    if state == "28P01" or "password authentication failed" in text or "no password supplied" in text:
        return M.WRONG_PASSWORD.error(StoreError, where=where, user=db_user or "?")
    if state == "3D000" or ("database" in text and "does not exist" in text):
        found = re.search(r'database "([^"]+)" does not exist', text)
        return M.NO_SUCH_DATABASE.error(StoreError, where=where, database=found.group(1) if found else where)
    if state.startswith("42501") or state == "42501":
        detail = text.splitlines()[0] if text else state
        return M.NO_PRIVILEGE.error(StoreError, where=where, user=db_user or "?", detail=detail)
    if state in ("55P03", "40P01"):  # lock_timeout, deadlock: another official's save holds the row
        return M.ROW_BUSY.error(StoreLockedError, where=where)
    if state == "53100":
        return M.FULL.error(StoreFullError, where=where)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or (not state and (
            "connection" in text or "server closed" in text or "timeout" in text)):
        if "connection failed" in text or "timeout expired" in text or state == "57P03":
            return M.SERVER_DOWN.error(StoreOfflineError, where=where)
        return M.CONNECTION_LOST.error(StoreOfflineError, where=where)
    return None


def translate(exc: BaseException, where: str, db_user: str = "") -> StoreError:
    """Turn a database exception into a StoreError whose Chinese message names ``where``."""
    pg = _pg_error(exc, where, db_user)
    if pg is not None:
        return pg
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
