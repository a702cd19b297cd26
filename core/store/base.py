"""The store's plumbing: opening, transactions, error translation, history rows, value writes.

Every public write is one committed transaction that also appends its history rows, so a crash
leaves either the edit and its history or neither.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from core.messages import store as M
from core.store import database as db
from core.store import lock
from core.store import schema as t
from core.store.documents import canonical, dumps
from core.store.errors import (
    StoreConflict,
    StoreCorruptError,
    StoreError,
    StoreOfflineError,
    StoreReadOnlyError,
    corrupt_error,
    translate,
)
from core.store.status import is_sealed

ABSENT = object()  # "no value at all", as opposed to a stored JSON null

# The per-keystroke path, built once: constructing Core statements costs more CPU than running them.
_A, _V = t.applications.c, t.values.c
_APP_ROW = select(_A.id, _A.form, _A.campaign, _A.deleted_at, _A.status, _A.name).where(_A.id == bindparam("app"))
_APP_ROW_LOCKED = _APP_ROW.with_for_update()
_VALUE_WHERE = (_V.app_id == bindparam("app")) & (_V.key == bindparam("k"))
_GET_VALUE = select(_V.value).where(_VALUE_WHERE)
_DEL_VALUE = delete(t.values).where(_VALUE_WHERE)
_INS_VALUE = insert(t.values)
_UPD_VALUE = update(t.values).where(_VALUE_WHERE).values(value=bindparam("new"))
_INS_HISTORY = insert(t.history)
_TOUCH = update(t.applications).where(_A.id == bindparam("app")).values(changed=bindparam("at"))
_H = t.history.c
_LAST_CHANGE = (select(_H.id, _H.user, _H.at)
                .where(_H.app_id == bindparam("app"), _H.kind == bindparam("kind"), _H.field == bindparam("k"))
                .order_by(_H.id.desc()).limit(1))


@dataclass(frozen=True)
class AppRow:
    id: str
    form: str
    campaign: int
    deleted_at: str | None
    status: str = "draft"
    name: str = ""


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises OSError/KeyError variants when no login name is known
        return "未知用户"


class StoreBase:
    """Holds the engine; subclasses add the application, history, evidence and transfer methods."""

    def __init__(self, engine: Engine, target: db.Target, *, readonly: bool = False):
        self.engine = engine
        self.target = target
        self.readonly = readonly
        self.user = os_user()
        self._broken = False

    @classmethod
    def open(
        cls,
        db_ref: str | os.PathLike[str] | None = None,
        *,
        readonly: bool = False,
        busy_timeout_ms: int = db.BUSY_TIMEOUT_MS,
        password: str | None = None,
        user: str | None = None,
    ):
        """Open (and create or upgrade) a store: a file path, a SQLAlchemy URL, or None for the
        default file in the user data folder. A read-only file is opened read-only. ``password``
        is the server password (kept in the keyring, never in the URL the settings store);
        ``user`` the name history records for this official (default: the OS login)."""
        target = db.resolve(db_ref)
        if target.is_postgresql and password is None and not target.has_password:
            from core.store import credentials

            password = credentials.load(target.url)
        target = target.with_password(password)
        readonly = readonly or target.readonly
        revision: str | None = None
        immutable = False
        if target.path is not None:
            info = db.inspect_file(target.path, target.label)
            readonly = readonly or not info.writable
            revision, immutable = info.revision, info.immutable
            if readonly and not info.exists:
                raise M.MISSING.error(StoreError, where=target.label)
        engine = db.make_engine(target, readonly=readonly, busy_timeout_ms=busy_timeout_ms, immutable=immutable)
        try:
            if target.path is not None and not readonly:
                db.enable_wal(engine)
            if target.path is None:
                revision = db.current_revision(engine)
                db.check_revision(revision, target.label)
            if revision != db.HEAD:
                if readonly:
                    raise M.UPGRADE_READONLY.error(StoreReadOnlyError, where=target.label)
                if revision is not None and target.path is not None:
                    _safety_copy(engine, target.path, f"before-upgrade-{revision}")
                try:
                    db.migrate(engine)
                except (DBAPIError, sqlite3.Error) as exc:
                    cause = translate(exc, target.label, target.db_user)
                    if cause.code == "STORE.db_error":  # not a lock, full disk, privileges or damage
                        # Transactional DDL: the failed upgrade left the database as it was.
                        raise M.UPGRADE_FAILED.error(
                            StoreError, where=target.label, detail=getattr(exc, "orig", exc)) from exc
                    raise cause from exc
        except (DBAPIError, sqlite3.Error) as exc:
            engine.dispose()
            raise translate(exc, target.label, target.db_user) from exc
        except OSError as exc:
            engine.dispose()
            raise M.OPEN_FAILED.error(StoreError, where=target.label, reason=exc.strerror or exc) from exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, target, readonly=readonly)
        if user and user.strip():
            store.user = user.strip()[:255]
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def path(self) -> Path | None:
        return self.target.path

    # --- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except (DBAPIError, sqlite3.Error) as exc:
            err = translate(exc, self.label, self.target.db_user)
            if isinstance(err, StoreOfflineError):  # after opening: the server went away under an edit
                err = M.CONNECTION_LOST.error(StoreOfflineError, where=self.label)
            if isinstance(err, StoreCorruptError):
                self._broken = True  # never write on into a damaged file
            raise err from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        if self._broken:
            raise corrupt_error(self.label)
        if self.readonly:
            raise M.READONLY_OPEN.error(StoreReadOnlyError, where=self.label)
        # A window of another process holding the database: refused before anything is written.
        with lock.writing(self.path, self.label), self._guard(), self.engine.connect() as conn:
            conn.execution_options(immediate=True)
            with conn.begin():
                yield conn

    def check_writable(self) -> None:
        """Raise now what a write would raise (read-only, damaged, held by a window), before a long
        job such as an export whose end is a write."""
        with self._write():
            pass

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        # One snapshot for all SELECTs of a read.
        with self._guard(), self.engine.connect() as conn, conn.begin():
            yield conn

    # --- helpers used inside transactions -------------------------------------------------------

    def resolve_id(self, ref: str, conn: Connection | None = None) -> str:
        """A full id from a full id or a unique prefix (as shown by ``list``)."""
        ref = (ref or "").strip().lower()
        if not ref:
            raise M.NO_ID.error(StoreError)
        if conn is None:
            with self._read() as c:
                return self.resolve_id(ref, c)
        exact = conn.execute(select(t.applications.c.id).where(t.applications.c.id == ref)).scalar()
        if exact:
            return exact
        numbered = conn.execute(select(t.applications.c.id).where(t.applications.c.number == ref)).scalar()
        if numbered:  # "2023-007", as the list shows it
            return numbered
        like = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = conn.execute(
            select(t.applications.c.id).where(t.applications.c.id.like(like, escape="\\")).limit(2)
        ).scalars().all()
        if not found:
            raise M.UNKNOWN_ID.error(StoreError, where=self.label, ref=ref)
        if len(found) > 1:
            raise M.AMBIGUOUS_ID.error(StoreError, ref=ref)
        return found[0]

    def _app(self, conn: Connection, app_id: str, *, for_write: bool = True, sealed_ok: bool = False) -> AppRow:
        """The application's row (locked for update on servers); accepts an id prefix or its number.

        A write to an exported (sealed) application is refused unless ``sealed_ok`` (the status
        change, the export receipt, reopening): the stored data stay what the package signed."""
        def fetch(ident: str):
            return conn.execute(_APP_ROW_LOCKED if for_write else _APP_ROW, {"app": ident}).first()

        row = fetch(app_id) or fetch(self.resolve_id(app_id, conn))
        app = AppRow(*row)
        if for_write and app.deleted_at:
            raise M.DELETED.error(StoreError)
        if for_write and not sealed_ok and is_sealed(app.status):
            from core.messages import seal as SM

            raise SM.SEALED.error(StoreError, name=app.name or "未命名集群")
        return app

    def _record(self, conn: Connection, app_id: str, at: str, action: str, kind: str, field: str | None,
                old: str | None, new: str | None) -> int:
        """Append a history row; its id is the field's new revision."""
        result = conn.execute(_INS_HISTORY, {"app_id": app_id, "at": at, "user": self.user, "action": action,
                                             "kind": kind, "field": field, "old": old, "new": new})
        return result.inserted_primary_key[0]

    def _check_base(self, conn: Connection, app_id: str, kind: str, key: str, base: int | None,
                    current: str | None, new: str | None) -> int:
        """The field's revision; raises StoreConflict when someone changed it after ``base`` (the
        revision the official's edit was made on) to something other than what they now save."""
        last = conn.execute(_LAST_CHANGE, {"app": app_id, "kind": kind, "k": key}).first()
        revision = last.id if last else 0
        if base is not None and revision > base and canonical(current) != canonical(new):
            from core.store.documents import loads

            theirs = loads(current) if current is not None else None
            mine = loads(new) if new is not None else None
            err = M.CONFLICT.error(StoreConflict, field=self._field_label(conn, app_id, kind, key), user=last.user,
                                   at=_local_time(last.at), theirs=_shown(theirs), mine=_shown(mine))
            err.key, err.theirs, err.user, err.at, err.revision = key, theirs, last.user, last.at, revision
            raise err
        return revision

    def _field_label(self, conn: Connection, app_id: str, kind: str, key: str) -> str:
        return key  # the store knows keys; Store overrides this with the form's label

    def _touch(self, conn: Connection, app_id: str, at: str) -> None:
        conn.execute(_TOUCH, {"app": app_id, "at": at})

    def _put_value(self, conn: Connection, app_id: str, key: str, value: Any, at: str, action: str,
                   base: int | None = None) -> bool | int:
        """Write one value (or remove it, for ABSENT) and its history row; False if unchanged, else
        the field's new revision. With ``base`` (the revision the edit was made on), a change by
        someone else since then raises StoreConflict instead."""
        params = {"app": app_id, "k": key}
        old = conn.execute(_GET_VALUE, params).scalar()
        new = None if value is ABSENT else dumps(value, f"字段“{key}”的值")
        if base is not None:
            self._check_base(conn, app_id, "value", key, base, old, new)
        if canonical(old) == canonical(new):
            return False
        if new is None:
            conn.execute(_DEL_VALUE, params)
        elif old is None:
            conn.execute(_INS_VALUE, {"app_id": app_id, "key": key, "value": new})
        else:
            conn.execute(_UPD_VALUE, {**params, "new": new})
        return self._record(conn, app_id, at, action, "value", key, old, new)

    def _put_list(self, conn: Connection, app_id: str, name: str, rows: Any, at: str, action: str,
                  base: int | None = None) -> bool | int:
        li = t.lists.c
        where = (li.app_id == app_id) & (li.name == name)
        old = conn.execute(select(li.rows).where(where)).scalar()
        new = None if rows is ABSENT else dumps(rows, f"清单“{name}”")
        if base is not None:
            self._check_base(conn, app_id, "list", name, base, old, new)
        if canonical(old) == canonical(new):
            return False
        if new is None:
            conn.execute(delete(t.lists).where(where))
        elif old is None:
            conn.execute(insert(t.lists).values(app_id=app_id, name=name, rows=new))
        else:
            conn.execute(update(t.lists).where(where).values(rows=new))
        return self._record(conn, app_id, at, action, "list", name, old, new)


def _shown(value: Any) -> str:
    """A value as a conflict message shows it: short, readable."""
    if value is None:
        return "（空）"
    text = value if isinstance(value, str) else dumps(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _local_time(stamp: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


def _safety_copy(engine: Engine, path: Path, tag: str) -> Path:
    """Copy the database beside itself before a migration, with SQLite's online backup."""
    dest = path.with_name(f"{path.stem}.{tag}{path.suffix or '.sqlite'}")
    if dest.exists():
        return dest
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(dest)
        try:
            raw.driver_connection.backup(target)
        finally:
            target.close()
    finally:
        raw.close()
    return dest
