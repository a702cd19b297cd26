"""Server passwords in the operating system's keyring (``keyring``), never in a URL the program
keeps, the database, a log line or a message.

A connection is saved as its URL *without* the password (settings, ``--db``,
``CLUSTER_DECLARE_DB``); the password sits in the keyring under service ``cluster-declare`` and
the account ``user@host:port/database``. ``Store.open`` looks it up when the URL has none.
"""

from __future__ import annotations

import contextlib

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from core.messages import store as M
from core.store.errors import StoreError

SERVICE = "cluster-declare"


def account(url: str) -> str:
    """The keyring account of a server URL: ``clerk@db.office.local:5432/cluster``."""
    u = make_url(url)
    return f"{u.username or ''}@{u.host or ''}:{u.port or 5432}/{u.database or ''}"


def split(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None), for a URL typed with one in it."""
    try:
        u = make_url(url)
    except (ArgumentError, ValueError):
        return url, None
    if not u.password:
        return url, None
    return u._replace(password=None).render_as_string(hide_password=False), u.password


def _keyring():
    try:
        import keyring
        import keyring.errors
    except ImportError:  # not installed: as if no keyring (the official types the password)
        return None, ()
    return keyring, (keyring.errors.KeyringError, RuntimeError, OSError)


def load(url: str) -> str | None:
    """The saved password of a server URL, or None (none saved, no keyring on this PC)."""
    keyring, errors = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, account(url))
    except (*errors, ArgumentError, ValueError):
        return None


def save(url: str, password: str) -> None:
    keyring, errors = _keyring()
    if keyring is None:
        raise M.NO_KEYRING.error(StoreError, reason="未安装 keyring")
    try:
        keyring.set_password(SERVICE, account(url), password)
    except errors as exc:
        raise M.NO_KEYRING.error(StoreError, reason=type(exc).__name__) from None


def forget(url: str) -> None:
    keyring, errors = _keyring()
    if keyring is None:
        return
    with contextlib.suppress(*errors):
        keyring.delete_password(SERVICE, account(url))


def server_url(host: str, port: int | str | None, database: str, user: str) -> str:
    """The URL the settings keep for a PostgreSQL server (no password: that goes to the keyring)."""
    from sqlalchemy.engine import URL

    port_n = int(port) if str(port or "").strip() else None
    return URL.create("postgresql+psycopg", username=user.strip() or None, host=host.strip() or None,
                      port=port_n, database=database.strip() or None).render_as_string(hide_password=False)


def server_parts(url: str) -> dict[str, str]:
    """host, port, database, user of a server URL, for the settings dialog to show."""
    try:
        u = make_url(url)
    except (ArgumentError, ValueError):
        return {}
    return {"host": u.host or "", "port": str(u.port or ""), "database": u.database or "", "user": u.username or ""}
