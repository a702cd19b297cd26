"""Reading a package that came from elsewhere: untrusted input.

``inspect_zip`` checks the central directory before any member is read: names (no ``../``, no
absolute or drive paths, no backslashes, no duplicates), no symbolic links or other special files,
no encryption, only stored/deflated members, bounded member count, sizes and compression ratio.
Members are then read into hashes in chunks; nothing is ever extracted to disk by member name.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

CHUNK = 1 << 20

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # evidence files are capped at 50 MB by the store
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members large enough to matter
RATIO_FLOOR = 1024 * 1024
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class UnsafePackage(Exception):
    """The zip must not be read further; the message says why, in Chinese."""


@dataclass(frozen=True)
class MemberInfo:
    name: str
    size: int
    compressed: int
    method: int


def check_member_name(name: str) -> None:
    """Refuse any name that could leave a target folder or means something else on Windows."""
    if not name or "\x00" in name:
        raise UnsafePackage("包中有文件名为空或含控制字符的成员")
    if "\\" in name:
        raise UnsafePackage(f"成员“{name}”的路径含反斜杠（\\），可能指向包外")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise UnsafePackage(f"成员“{name}”使用绝对路径")
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise UnsafePackage(f"成员“{name}”的路径含“..”、“.”或空目录名，可能指向包外")
    if any(ord(ch) < 32 for ch in name):
        raise UnsafePackage(f"成员“{name!r}”的文件名含控制字符")


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    if info.create_system != 3:  # only Unix-made zips carry a file type in external_attr
        return False
    mode = info.external_attr >> 16
    return bool(mode) and stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR)


def inspect_zip(zf: zipfile.ZipFile, *, max_members: int = MAX_MEMBERS,
                max_member_bytes: int = MAX_MEMBER_BYTES, max_total_bytes: int = MAX_TOTAL_BYTES,
                max_ratio: int = MAX_RATIO) -> dict[str, MemberInfo]:
    """Every member of ``zf`` after the safety checks, by name; raises ``UnsafePackage``."""
    infos = zf.infolist()
    if len(infos) > max_members:
        raise UnsafePackage(f"包中有 {len(infos)} 个成员，超过上限 {max_members}")
    members: dict[str, MemberInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        check_member_name(name.rstrip("/") if info.is_dir() else name)
        if _is_link_or_special(info):
            raise UnsafePackage(f"成员“{name}”是符号链接或特殊文件")
        if info.is_dir():
            raise UnsafePackage(f"成员“{name}”是目录项；报送包中只应有文件")
        if name in members or name.casefold() in {n.casefold() for n in members}:
            raise UnsafePackage(f"包中有两个同名成员“{name}”")
        if info.flag_bits & 0x1:
            raise UnsafePackage(f"成员“{name}”已加密")
        if info.compress_type not in ALLOWED_METHODS:
            raise UnsafePackage(f"成员“{name}”使用了不支持的压缩方式（{info.compress_type}）")
        if info.file_size > max_member_bytes:
            raise UnsafePackage(f"成员“{name}”大小 {info.file_size} 字节，超过上限 {max_member_bytes} 字节")
        if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
            raise UnsafePackage(f"成员“{name}”压缩比异常（{info.file_size}/{info.compress_size}），疑似压缩炸弹")
        total += info.file_size
        if total > max_total_bytes:
            raise UnsafePackage(f"包解压后总大小超过上限 {max_total_bytes} 字节")
        members[name] = MemberInfo(name, info.file_size, info.compress_size, info.compress_type)
    return members


def hash_member(zf: zipfile.ZipFile, name: str, limit: int,
                progress: Callable[[int], None] | None = None) -> tuple[str, int]:
    """SHA-256 and length of a member's content, read in chunks, never more than ``limit`` bytes.

    A CRC or decompression failure (a flipped byte in compressed data) raises ``zipfile.BadZipFile``
    or ``zlib.error``; the caller reports the member as altered."""
    digest, size = hashlib.sha256(), 0
    with zf.open(name) as fh:
        while chunk := fh.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise UnsafePackage(f"成员“{name}”的实际内容超过其声明的大小")
            digest.update(chunk)
            if progress:
                progress(len(chunk))
    return digest.hexdigest(), size


def read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A small member (manifest, signature, signed PDF) in memory, at most ``limit`` bytes."""
    with zf.open(name) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise UnsafePackage(f"成员“{name}”超过 {limit} 字节，不是本程序生成的")
    return data
