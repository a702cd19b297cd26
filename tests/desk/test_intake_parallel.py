"""The two worker threads of the intake: the same register, the same messages and the same
archive as one file at a time; the archived copy is the file as received, whatever later happens
to the medium's file."""

from __future__ import annotations

import shutil

from core.desk import Desk
from core.desk.intake import intake_folder


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
