"""An operating-system error in the official's words: the reason part of a file message."""

from __future__ import annotations

import errno
import os
from pathlib import Path

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EFBIG: "文件超过系统允许的大小（磁盘配额或空间不足）",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "所在的文件系统是只读的",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "操作不被允许",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EIO: "读写设备出错",
    errno.EEXIST: "文件已存在",
    errno.EPIPE: "读取输出的程序已关闭",
}


def os_reason(exc: BaseException) -> str:
    """Chinese for the common errnos, the system's own words (and number) otherwise."""
    code = getattr(exc, "errno", None)
    if code is None:  # lxml reports a failed write as "IO_EFBIG", "IO_ENOSPC" …
        code = next((n for n in _REASONS if f"IO_{errno.errorcode[n]}" in str(exc)), None)
    if code in _REASONS:
        return _REASONS[code]
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"{text}（错误码 {code}）" if code else text


SPECIAL_TARGET = "这不是普通文件（是设备或管道），请指定一个文件名"


def special_target(path) -> bool:
    """An existing target that is not a regular file or folder (``/dev/full``, a FIFO): an atomic
    write would replace the device node itself with a file, so writers refuse it."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def ordinary_mode(path: str | os.PathLike[str]) -> None:
    """Give a file written through ``tempfile.mkstemp`` (always 0600) the mode a plainly created file
    would have (0666 minus the umask), so a package, PDF or workbook the official hands on can be
    read by others as any saved document can. Private keys do not call this."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it: a crash leaves the old file or
    the new one, never half of it; a failed write (a full disk) leaves no temporary file; the file
    gets an ordinary mode. Raises the OSError; the caller says which document it was."""
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        ordinary_mode(tmp)
        os.replace(tmp, path)
        tmp = None
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def write_document(path: Path, data: bytes, unwritable) -> Path:
    """``write_atomically`` for a document the official named, refusing a device or pipe first;
    any failure is ``unwritable`` (a message definition taking ``path`` and ``reason``)."""
    if special_target(path):  # os.replace would turn /dev/full into a regular file
        raise unwritable.error(path=path, reason=SPECIAL_TARGET)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise unwritable.error(path=path, reason=os_reason(exc)) from exc
    return path
