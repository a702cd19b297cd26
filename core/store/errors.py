"""Store faults explained to the official, and the translation of SQLite errors into them.

Every message says which database file is affected, what happened to the last edit and what to do.
"""

from __future__ import annotations

import sqlite3

from core.errors import UserError


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

UNSAVED = "本次修改没有保存，之前保存的内容不受影响。"


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
        return StoreLockedError(
            f"数据库“{where}”正被另一个程序占用（可能是另一个正在运行的集群申报助手）。"
            f"{UNSAVED}请关闭另一个窗口或稍后重试。"
        )
    if code == _READONLY:
        return StoreReadOnlyError(
            f"数据库“{where}”是只读的，无法写入。{UNSAVED}请检查文件及所在文件夹的写入权限，"
            "或把文件复制到可写的位置后用 --db 指定。"
        )
    if code == _FULL:
        return StoreFullError(f"磁盘空间已满，无法写入数据库“{where}”。{UNSAVED}请清理磁盘空间后重试。")
    if code in (_CORRUPT, _NOTADB):
        return corrupt_error(where)
    if code == _CANTOPEN:
        return StoreError(f"无法打开数据库“{where}”：文件或文件夹不存在，或没有访问权限。")
    if code == _IOERR:
        return StoreError(
            f"读写数据库“{where}”时发生磁盘错误（可能是磁盘已满、U 盘被拔出或网络盘断开）。{UNSAVED}"
        )
    return StoreError(f"数据库“{where}”出错：{getattr(exc, 'orig', exc)}。{UNSAVED}")


def corrupt_error(where: str, detail: str = "") -> StoreCorruptError:
    extra = f"（{detail}）" if detail else ""
    return StoreCorruptError(
        f"数据库“{where}”已损坏或不是本程序的数据库{extra}。为免损失扩大，程序不会再向它写入。"
        "请用“restore 备份文件”从备份恢复，或用 --db 选择另一个数据库；原文件请保留以便修复。"
    )
