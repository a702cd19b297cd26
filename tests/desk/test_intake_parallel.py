"""The one-pass intake (members hashed while the package is copied, core/desk/member_digests.py)
and the two worker threads: the same verdicts, the same register and the same messages as
hashing every member again from the archive, one file at a time."""

from __future__ import annotations

import hashlib
import shutil
import struct
import zipfile

from core.desk import Desk
from core.desk.intake import intake_folder
from core.desk.member_digests import MemberHasher, stored_spans
from core.package.safezip import hash_member
from core.package.verify import verify_package

from .conftest import flip, rewrite_zip


def _one_pass(path, spans_from=None):
    """What the intake does: spans from ``spans_from`` (the source as first seen), bytes of ``path``."""
    with open(spans_from or path, "rb") as fh:
        hasher = MemberHasher(stored_spans(fh))
    data = path.read_bytes()
    for i in range(0, len(data), 4096 + 17):  # chunk edges fall inside members and headers
        hasher.feed(data[i:i + 4096 + 17])
    return hasher


def _stored_member(path) -> zipfile.ZipInfo:
    with zipfile.ZipFile(path) as zf:
        return max((i for i in zf.infolist() if i.compress_type == zipfile.ZIP_STORED), key=lambda i: i.file_size)


def _summary(res):
    return (res.intact, res.headline(), res.problems, res.members_checked, res.fingerprint, res.first_altered)


def test_digests_from_the_copy_are_the_members_own(package_pool):
    for pkg in package_pool[:3]:
        digests = _one_pass(pkg).digests_for(pkg)
        with zipfile.ZipFile(pkg) as zf:
            stored = [i.filename for i in zf.infolist() if i.compress_type == zipfile.ZIP_STORED]
            assert stored and sorted(digests) == sorted(stored)
            for name, (sha, size) in digests.items():
                assert (sha, size) == hash_member(zf, name, limit=size)
                assert sha == hashlib.sha256(zf.read(name)).hexdigest()
        assert _summary(verify_package(pkg, digests=digests)) == _summary(verify_package(pkg))


def test_a_flipped_byte_in_a_stored_member_is_still_caught(package_pool, tmp_path):
    # In place (the CRC no longer matches) and rewritten (CRC recomputed, only the SHA-256 betrays it).
    src = package_pool[0]
    info = _stored_member(src)
    in_place = tmp_path / "原地改动.zip"
    data = bytearray(src.read_bytes())
    with open(src, "rb") as fh:
        fh.seek(info.header_offset)
        n_name, n_extra = struct.unpack("<HH", fh.read(30)[26:30])
    at = info.header_offset + 30 + n_name + n_extra + info.file_size // 2
    data[at] ^= 1
    in_place.write_bytes(bytes(data))
    rewritten = rewrite_zip(src, tmp_path / "重写.zip", {info.filename: flip})
    for bad in (in_place, rewritten):
        hasher = _one_pass(bad)
        digests = hasher.digests_for(bad)
        expected = verify_package(bad)
        assert not expected.intact and info.filename in (expected.first_altered or "")
        assert _summary(verify_package(bad, digests=digests)) == _summary(expected)
    assert info.filename not in _one_pass(in_place).digests_for(in_place)  # bad CRC: hashed again, as before
    assert info.filename in _one_pass(rewritten).digests_for(rewritten)


def test_a_file_that_changed_during_the_copy_gets_no_stale_digest(package_pool, tmp_path):
    # Layout read from one file, bytes of another (the source was rewritten meanwhile): no member
    # digest survives unless the archived copy really has that member at that place.
    first, second = package_pool[0], package_pool[1]
    hasher = _one_pass(second, spans_from=first)
    digests = hasher.digests_for(second)
    with zipfile.ZipFile(second) as zf:
        for name, (sha, _) in digests.items():
            assert sha == hashlib.sha256(zf.read(name)).hexdigest()
    assert _summary(verify_package(second, digests=digests)) == _summary(verify_package(second))


def test_not_a_zip_has_no_spans(tmp_path):
    junk = tmp_path / "损坏.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    with open(junk, "rb") as fh:
        assert stored_spans(fh) == []
    assert MemberHasher([]).digests_for(junk) == {}


def _register(db):
    with Desk.open(db) as desk:
        return [(s.number, s.file_name, s.status, s.taken_in, s.refused_reason, s.file_sha256, s.verdict,
                 (s.verification or {}).get("members_checked"), (s.verification or {}).get("headline"))
                for s in desk.submissions("SH-2023")]


def test_two_workers_give_the_register_one_worker_gives(mixed_folder, tmp_path):
    lines = {}
    for workers in (1, 2):
        db = tmp_path / f"register{workers}.sqlite"
        with Desk.open(db) as desk:
            lines[workers] = [i.line() for i in intake_folder(desk, mixed_folder, "SH-2023", workers=workers).items]
            for s in desk.submissions("SH-2023"):  # the archive holds the files as received
                assert desk.archive.path(s.file_sha256).read_bytes() == (mixed_folder / s.file_name).read_bytes()
    assert lines[1] == lines[2]
    assert _register(tmp_path / "register1.sqlite") == _register(tmp_path / "register2.sqlite")
    assert any("已被改动" in line for line in lines[2]) and any("重复" in line for line in lines[2])


def test_the_archive_copy_survives_the_source(package_pool, tmp_path):
    folder = tmp_path / "收件"
    folder.mkdir()
    src = shutil.copy(package_pool[3], folder / "集群.zip")
    original = package_pool[3].read_bytes()
    with Desk.open(tmp_path / "r.sqlite") as desk:
        item = intake_folder(desk, folder, "SH-2023").items[0]
        assert item.taken_in, item.line()
        with open(src, "r+b") as fh:  # the medium's file is overwritten, then deleted
            fh.write(b"\0" * 4096)
        src.unlink()
        sub = desk.submissions("SH-2023")[0]
        assert desk.archive.path(sub.file_sha256).read_bytes() == original


def test_intake_does_not_read_stored_members_again(package_pool, tmp_path, monkeypatch):
    import core.package.verify as verify

    hashed = []
    real = verify.hash_member
    monkeypatch.setattr(verify, "hash_member", lambda zf, name, **kw: hashed.append(name) or real(zf, name, **kw))
    folder = tmp_path / "收件"
    folder.mkdir()
    shutil.copy(package_pool[4], folder / "集群.zip")
    with Desk.open(tmp_path / "r.sqlite") as desk:
        item = intake_folder(desk, folder, "SH-2023").items[0]
        assert item.taken_in, item.line()
        checked = desk.submissions("SH-2023")[0].verification["members_checked"]
    with zipfile.ZipFile(package_pool[4]) as zf:
        stored = {i.filename for i in zf.infolist() if i.compress_type == zipfile.ZIP_STORED}
    assert hashed and not stored & set(hashed)  # deflated members hashed from the archive, stored ones not
    assert checked == verify_package(package_pool[4]).members_checked
