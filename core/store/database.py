"""Opening a database safely: where it lives, checks before anything is written, engine, migrations.

PostgreSQL (``postgresql+psycopg://user@host/db``, the password from the keyring) has its own
path: no file to inspect, the revision read over the connection before any migration, a connect
timeout, a lock timeout and TCP keepalives so a stopped server gives a message, not a hang.

Order matters. An existing SQLite file is first inspected through a separate read-only connection
(header, ``PRAGMA quick_check``, schema revision); only when it is sound and ours, and not written
by a newer program, does the store open it for writing. So a damaged or foreign file is never
written into, and a newer database is left byte-for-byte untouched.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import QueuePool, StaticPool

from core.messages import store as M
from core.oserrors import os_reason
from core.store.errors import StoreError, StoreNewerError, StoreReadOnlyError, corrupt_error, translate

DEFAULT_FILENAME = "cluster-declare.sqlite"
# Kept in step with migrations/versions (a test checks it), so opening an up-to-date database
# does not import Alembic at all.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"

# FULL, not NORMAL: in WAL mode NORMAL survives a crashed or killed program but a power cut can
# roll back the last commits, and these PCs get switched off at the wall. FULL syncs the WAL on
# every commit: about 0.25 ms here, far inside the 10 ms budget of one edit.
SYNCHRONOUS = "FULL"
BUSY_TIMEOUT_MS = 3000  # a second instance's edit is a few ms; wait that long, not forever
# PostgreSQL: give up connecting after this long (server down = a clear message, not a hang), and
# notice a dead server within ~15 s on an idle connection (TCP keepalives).
CONNECT_TIMEOUT_S = 5
# Serialises two programs upgrading one server database at the same moment (any constant will do).
MIGRATION_LOCK = 0x636C7573


@dataclass(frozen=True)
class Target:
    url: str = field(repr=False)  # may carry a password: never shown, logged or stored
    path: Path | None  # the SQLite file; None for other databases or memory
    label: str  # for messages (a server URL without its password)
    readonly: bool = False  # asked for read-only (a SQLite URI with ``mode=ro``)
    password: str | None = field(default=None, repr=False)  # from the keyring, not from the URL

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def is_postgresql(self) -> bool:
        return self.url.startswith("postgresql")

    @property
    def db_user(self) -> str:
        """The server login (PostgreSQL), "" for SQLite."""
        if self.is_sqlite:
            return ""
        try:
            return make_url(self.url).username or ""
        except (ArgumentError, ValueError):
            return ""

    @property
    def has_password(self) -> bool:
        return self.password is not None or (not self.is_sqlite and _url_password(self.url) is not None)

    def with_password(self, password: str | None) -> Target:
        return self if not password else replace(self, password=password)


def _url_password(url: str) -> str | None:
    try:
        return make_url(url).password
    except (ArgumentError, ValueError):
        return None


def default_path() -> Path:
    from core.paths import user_data_dir

    return user_data_dir() / DEFAULT_FILENAME


def resolve(db: str | os.PathLike[str] | None) -> Target:
    """A file path, a SQLAlchemy URL (``postgresql+psycopg://...``) or None for the default file."""
    if db is None or str(db).strip() == "":
        path = default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise M.DATA_DIR.error(StoreError, folder=path.parent, reason=os_reason(exc)) from exc
        return Target(f"sqlite:///{path}", path, str(path))
    raw = os.fspath(db)
    if raw.startswith("file:"):
        return _sqlite_uri(raw)
    if "://" in raw:
        try:
            url = make_url(raw)
        except (ArgumentError, ValueError):  # ValueError: a port that is not a number
            raise M.BAD_URL.error(StoreError, url=_hide_password(raw)) from None
        if url.get_backend_name() == "sqlite":
            if url.database in (None, "", ":memory:"):
                return Target("sqlite://", None, "内存数据库")
            path = Path(url.database).expanduser()
            return Target(f"sqlite:///{path}", path, str(path))
        return Target(raw, None, url.render_as_string(hide_password=True))
    path = Path(raw).expanduser()
    return Target(f"sqlite:///{path}", path, str(path))


def _hide_password(raw: str) -> str:
    """``scheme://user:***@host``, whatever else is wrong with the URL (it is shown in a message)."""
    return re.sub(r"^([^:/]+://[^:@/]*):[^@]*@", r"\1:***@", raw, count=1)


def _sqlite_uri(raw: str) -> Target:
    """A SQLite URI, ``file:/path/db.sqlite?mode=ro``: the file, read-only when ``mode=ro``. Other
    modes (``rwc``, ``memory``) and parameters are refused rather than silently ignored."""
    parts = urlsplit(raw)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    mode = query.pop("mode", "rw")
    if parts.netloc not in ("", "localhost") or mode not in ("ro", "rw") or query or not parts.path:
        raise M.BAD_URI.error(StoreError, url=raw)
    path = Path(unquote(parts.path)).expanduser()
    return Target(f"sqlite:///{path}", path, str(path), readonly=mode == "ro")


@dataclass(frozen=True)
class Inspection:
    exists: bool
    writable: bool
    revision: str | None
    immutable: bool = False  # read-only folder and no WAL: nobody can be writing, open as immutable


def ro_uri(path: Path, *, immutable: bool = False) -> str:
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def inspect_file(path: Path, label: str) -> Inspection:
    """Look at an SQLite file without changing it. Raises StoreError if it must not be used."""
    folder = path.parent
    if not folder.is_dir():
        raise M.NO_FOLDER.error(StoreError, where=label)
    if path.is_dir():
        raise M.IS_FOLDER.error(StoreError, where=label)
    if not path.exists():
        if not os.access(folder, os.W_OK):
            raise M.FOLDER_READONLY.error(StoreReadOnlyError, folder=folder)
        return Inspection(False, True, None)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise M.UNREADABLE.error(StoreError, where=label, reason=os_reason(exc)) from exc
    if head and head != SQLITE_MAGIC:
        raise corrupt_error(label, "不是 SQLite 数据库文件")
    folder_writable = os.access(folder, os.W_OK)
    writable = folder_writable and os.access(path, os.W_OK)
    # In a read-only folder SQLite cannot create the WAL index (-shm) a reader needs; if there is no
    # WAL there, no writer can be active either, so the file may be read as immutable.
    immutable = not folder_writable and not Path(f"{path}-wal").exists()
    revision = None
    try:
        conn = sqlite3.connect(ro_uri(path, immutable=immutable), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise corrupt_error(label, "完整性检查未通过：" + "；".join(str(r[0]) for r in rows[:3]))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            elif tables:
                raise corrupt_error(label, "这是别的程序的数据库")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise translate(exc, label) from exc
    check_revision(revision, label)
    return Inspection(True, writable, revision, immutable)


def check_revision(revision: str | None, label: str) -> None:
    if revision is not None and revision not in REVISIONS:
        raise M.NEWER.error(StoreNewerError, where=label, revision=revision)


def _server_engine(target: Target, busy_timeout_ms: int) -> Engine:
    url = make_url(target.url)
    if target.password and not url.password:
        url = url.set(password=target.password)
    args: dict = {}
    if target.is_postgresql:
        # lock_timeout: a row held by another official's save waits this long, then a clear
        # message (ROW_BUSY) instead of a hang; keepalives: a pulled cable is noticed.
        args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "cluster-declare",
                "options": f"-c lock_timeout={int(busy_timeout_ms)}", "keepalives": 1, "keepalives_idle": 10,
                "keepalives_interval": 2, "keepalives_count": 3}
    return create_engine(url, pool_pre_ping=True, connect_args=args, hide_parameters=True)


def is_missing_libpq(exc: ImportError) -> bool:
    """psycopg is there but none of its libpq bindings loads: on Linux the frozen program uses the
    system's libpq (package libpq5) through psycopg's ctypes binding, and this machine has none."""
    return "pq wrapper" in str(exc) or "libpq library not found" in str(exc)


def make_engine(target: Target, *, readonly: bool, busy_timeout_ms: int, immutable: bool = False) -> Engine:
    if not target.is_sqlite:
        try:
            return _server_engine(target, busy_timeout_ms)
        except NoSuchModuleError as exc:  # "foo://", "http://": no such database dialect
            raise M.UNKNOWN_SCHEME.error(StoreError, url=target.label, scheme=target.url.split("://")[0]) from exc
        except ArgumentError as exc:
            raise M.BAD_URL.error(StoreError, url=target.label) from exc
        except ImportError as exc:  # e.g. PostgreSQL without its driver package
            if is_missing_libpq(exc):
                raise M.NO_LIBPQ.error(StoreError, where=target.label) from exc
            raise M.NO_DRIVER.error(StoreError, where=target.label, driver=exc.name or exc) from exc
    if target.path is None:
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        uri = ro_uri(target.path, immutable=immutable) if readonly else target.path.resolve().as_uri()

        def connect() -> sqlite3.Connection:
            # check_same_thread off: the GUI may save from a worker thread; the pool serialises use.
            return sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000, check_same_thread=False)

        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=2, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writers take the write lock up front: a deferred transaction that upgrades from read to
        # write in WAL mode fails at once with SQLITE_BUSY instead of waiting for the other writer.
        immediate = conn.get_execution_options().get("immediate") and not readonly
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def enable_wal(engine: Engine) -> None:
    raw = engine.raw_connection()  # outside any transaction: SQLite refuses the switch inside one
    try:
        cur = raw.cursor()
        mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        cur.close()
    finally:
        raw.close()
    if str(mode).lower() != "wal":  # e.g. a network drive without shared memory
        raise M.NO_WAL.error(StoreError, mode=mode)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has = conn.dialect.has_table(conn, "alembic_version")
        if not has:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade to ``revision`` in one transaction (transactional DDL): all of it or nothing."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        if conn.dialect.name == "postgresql":
            # Two PCs opening a new server database at once: the second waits, then finds it done.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


def script_revisions() -> list[str]:
    """Revisions found in the migration scripts, oldest first (for the consistency test)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [s.revision for s in reversed(list(script.walk_revisions()))]
