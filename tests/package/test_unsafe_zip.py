"""A package is untrusted input: hostile zips are refused before any member is read or written."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile

import pytest

from core.package import safezip, verify_package


def _snapshot(*folders):
    return {str(p) for f in folders for p in f.rglob("*")}


def _zip(path, entries):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, attrs in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if attrs is not None:
                info.create_system = 3
                info.external_attr = attrs << 16
            zf.writestr(info, data)
    return path


@pytest.mark.parametrize(("name", "words"), [
    ("../evil.txt", ".."),
    ("evidence/../../evil.txt", ".."),
    ("/etc/cron.d/evil", "绝对路径"),
    ("C:/Windows/evil.dll", "绝对路径"),
    ("evidence\\..\\evil.txt", "反斜杠"),
])
def test_traversal_and_absolute_names_rejected_before_anything_is_written(tmp_path, monkeypatch, name, words):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    bad = _zip(tmp_path / "bad.zip", [("manifest.json", b"{}", None), (name, b"payload", None)])
    before = _snapshot(tmp_path)
    result = verify_package(bad)
    assert result.rejected and words in result.rejected
    assert result.exit_code == 1 and "已拒绝" in result.headline()
    assert result.members_checked == 0
    assert _snapshot(tmp_path) == before
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_member_rejected(tmp_path):
    bad = _zip(tmp_path / "link.zip", [("evidence/link", b"/etc/passwd", stat.S_IFLNK | 0o777)])
    result = verify_package(bad)
    assert "符号链接" in result.rejected


def test_directory_entries_and_duplicates_rejected(tmp_path):
    bad = _zip(tmp_path / "dir.zip", [("evidence/", b"", stat.S_IFDIR | 0o755)])
    assert "目录" in verify_package(bad).rejected
    dup = tmp_path / "dup.zip"
    with zipfile.ZipFile(dup, "w") as zf, pytest.warns(UserWarning):
        zf.writestr("a.txt", b"1")
        zf.writestr("a.txt", b"2")
    assert "同名" in verify_package(dup).rejected


def test_too_many_members_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(safezip, "MAX_MEMBERS", 10)
    monkeypatch.setattr(safezip.inspect_zip, "__kwdefaults__", {**safezip.inspect_zip.__kwdefaults__,
                                                                 "max_members": 10})
    bad = _zip(tmp_path / "many.zip", [(f"evidence/{i}.txt", b"x", None) for i in range(11)])
    assert "超过上限" in verify_package(bad).rejected


def test_compression_bomb_and_oversize_rejected(tmp_path, monkeypatch):
    bomb = _zip(tmp_path / "bomb.zip", [("evidence/zeros.txt", bytes(8 * 1024 * 1024), None)])
    assert "压缩比" in verify_package(bomb).rejected
    monkeypatch.setattr(safezip.inspect_zip, "__kwdefaults__", {**safezip.inspect_zip.__kwdefaults__,
                                                                 "max_member_bytes": 1000})
    big = _zip(tmp_path / "big.zip", [("evidence/big.bin", os.urandom(2000), None)])
    assert "超过上限" in verify_package(big).rejected


def test_member_longer_than_declared_is_caught(tmp_path):
    """A central directory that understates a member's size must not let more bytes through."""
    path = _zip(tmp_path / "lie.zip", [("a.txt", b"A" * 5000, None)])
    with zipfile.ZipFile(path) as zf, pytest.raises((safezip.UnsafePackage, zipfile.BadZipFile)):
        safezip.hash_member(zf, "a.txt", limit=100)


@pytest.mark.parametrize("name", ["ok.txt", "evidence/申报主体自我声明.txt", "evidence/a b (2).pdf"])
def test_ordinary_names_accepted(name, tmp_path):
    # The name passes the check, and a zip holding it is listed and read back under that same name.
    assert safezip.check_member_name(name) is None
    path = _zip(tmp_path / "ok.zip", [(name, "佐证".encode() * 10, None)])
    with zipfile.ZipFile(path) as zf:
        assert list(safezip.inspect_zip(zf)) == [name]
        assert safezip.hash_member(zf, name, limit=100) == (hashlib.sha256("佐证".encode() * 10).hexdigest(), 60)
