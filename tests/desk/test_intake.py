"""受理: a folder of 30 submissions of every kind, bad ones included, into a real register."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from core.cli.main import main
from core.desk import Desk
from core.desk.archive import Archive, DbArchive
from core.desk.intake import intake_folder

from .conftest import cluster_doc, write_json


def test_intake_of_a_mixed_folder_takes_in_the_good_and_sets_aside_the_bad(desk, mixed_folder):
    result = intake_folder(desk, mixed_folder, "SH-2023")
    assert len(result.items) == 30
    by_name = {i.name: i for i in result.items}
    for line in (i.line() for i in result.items):
        print(line)
    assert len(result.taken_in) == 23 and len(result.set_aside) == 7
    assert result.exit_code == 1
    reasons = {n: i.reason for n, i in by_name.items() if not i.taken_in}
    assert "“有问题/被改动.zip”未通过校验" in reasons["有问题/被改动.zip"]
    assert "application.json" in reasons["有问题/被改动.zip"]
    assert "HN-2023" in reasons["有问题/海南集群.zip"] and "不是本批次 SH-2023" in reasons["有问题/海南集群.zip"]
    assert "不是完整的 zip 报送包" in reasons["有问题/损坏.zip"]
    assert "不是完整的 zip 报送包" in reasons["有问题/拷贝一半.zip"]
    assert "“有问题/格式不对.json”" in reasons["有问题/格式不对.json"]
    assert "旧模板.xlsx" in reasons["有问题/旧模板.xlsx"]
    assert "完全相同" in reasons["有问题/重复报送.zip"] and "SH-2023-014" in reasons["有问题/重复报送.zip"]
    # Every entry, refused ones included, is in the register with a number of its own.
    subs = desk.submissions("SH-2023")
    assert [s.number for s in subs] == [f"SH-2023-{n:03d}" for n in range(1, 31)]
    kinds = {s.source_kind for s in subs if s.taken_in}
    assert kinds == {"package", "json", "excel"}
    first = next(s for s in subs if s.source_kind == "package")
    assert first.verification_result == "unconfirmed" and first.fingerprint
    assert first.verdict in ("pass", "fail", "incomplete")


def test_received_bytes_are_kept_as_received(desk, mixed_folder, tmp_path):
    intake_folder(desk, mixed_folder, "SH-2023")
    for s in desk.submissions("SH-2023"):
        if s.file_sha256:
            original = mixed_folder / s.file_name
            out = desk.archive.export(s.file_sha256, tmp_path / "again.bin")
            assert out.read_bytes() == original.read_bytes()


def test_received_files_live_beside_a_sqlite_file_and_inside_a_server_database(desk, mixed_folder, tmp_path,
                                                                              engine_name, register_path, capsys):
    """SQLite: NAME.received/ beside the file. PostgreSQL: the database itself (every PC of the
    office sees the same bytes, one backup holds them); ``desk get`` exports them byte for byte."""
    intake_folder(desk, mixed_folder, "SH-2023")
    first = desk.get("SH-2023-001")
    if engine_name == "sqlite":
        assert isinstance(desk.archive, Archive)
        assert (register_path.parent / "register.sqlite.received").is_dir()
    else:
        assert isinstance(desk.archive, DbArchive)
        with desk.store.engine.connect() as conn:
            size = conn.execute(text("SELECT sum(octet_length(data)) FROM evidence_chunks WHERE sha256 = :s"),
                                {"s": first.file_sha256}).scalar()
        assert size == first.file_size
        assert not any(tmp_path.glob("**/*.received"))
    out = tmp_path / "取出.zip"
    assert main(["desk", "get", "SH-2023-001", "-o", str(out), "--db", str(register_path)]) == 0
    assert out.read_bytes() == (mixed_folder / first.file_name).read_bytes()
    assert first.file_sha256 in capsys.readouterr().out


def test_cli_intake_list_and_exit_codes(mixed_folder, register_path, capsys):
    code = main(["desk", "intake", str(mixed_folder), "--rules", "SH-2023", "--db", str(register_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "不予受理 7 份" in out and "拷贝一半.zip" in out
    assert main(["desk", "list", "--rules", "SH-2023", "--format", "json", "--db", str(register_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 30
    keys = {"受理编号", "cluster_name", "source_kind", "verification", "status", "verdict"}
    assert all(keys <= set(r) for r in rows)
    with Desk.open(register_path) as desk, desk.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM desk_submissions WHERE status='refused'")).scalar() == 7
    assert main(["desk", "intake", str(mixed_folder / "nowhere"), "--rules", "SH-2023",
                 "--db", str(register_path)]) == 2
    assert "不存在" in capsys.readouterr().err


@pytest.mark.parametrize("engine_name", ["postgresql"])  # the server's archive; the folder one is above
def test_server_archive_is_one_transaction_and_keeps_no_copies_for_long(desk, tmp_path, register_path):
    """A file stored twice (two PCs, or the same file again) is kept once; the local working copies
    go with ``sweep`` and ``close``, and a second desk (another PC) reads the bytes from the server."""
    import os
    import time

    data = os.urandom(3 * (1 << 20) + 17)  # three full chunks and a bit
    src = tmp_path / "大文件.bin"
    src.write_bytes(data)
    sha, size = desk.archive.put_file(src)
    assert desk.archive.put_file(src) == (sha, size) and size == len(data)
    with desk.store.engine.connect() as conn:
        rows = conn.execute(text("SELECT seq, octet_length(data) FROM evidence_chunks WHERE sha256 = :s ORDER BY seq"),
                            {"s": sha}).all()
    assert [r[1] for r in rows] == [1 << 20] * 3 + [17]
    local = desk.archive.path(sha)
    assert local.read_bytes() == data
    old = time.time() - 7200
    os.utime(local, (old, old))
    assert desk.archive.sweep() == 1 and not local.exists()
    with Desk.open(register_path) as other:
        assert other.archive.has(sha)
        assert b"".join(other.archive.chunks(sha)) == data
        assert other.archive.path(sha).read_bytes() == data  # made again from the server
        work = other.archive.path(sha).parent.parent
    assert not work.exists()  # closed: the working copies are gone
    with pytest.raises(OSError):
        desk.archive.export("0" * 64, tmp_path / "nichts.bin")


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_a_sqlite_backup_of_a_server_register_still_gives_the_received_files(desk, mixed_folder, tmp_path, capsys):
    """``backup`` copies a PostgreSQL database into one SQLite file; its received files come along
    in the evidence tables, and the desk on that copy reads them from there."""
    intake_folder(desk, mixed_folder, "SH-2023")
    first = desk.get("SH-2023-012")
    copy = desk.store.backup(tmp_path / "备份.sqlite")
    assert not (tmp_path / "备份.sqlite.received").exists()
    out = tmp_path / "取回.zip"
    assert main(["desk", "get", "SH-2023-012", "-o", str(out), "--db", str(copy)]) == 0
    assert out.read_bytes() == (mixed_folder / first.file_name).read_bytes()
    with Desk.open(copy) as local:
        assert local.archive.has(first.file_sha256) and not local.archive.has("0" * 64)
    # And back onto the server: the register comes back whole, its id sequences moved past the rows.
    desk.store.restore(copy)
    assert [s.number for s in desk.submissions("SH-2023")] == [f"SH-2023-{n:03d}" for n in range(1, 31)]
    more = tmp_path / "又收到"
    more.mkdir()
    write_json(cluster_doc(33), more / "补交.json")
    item = intake_folder(desk, more, "SH-2023").items[0]
    assert item.taken_in and item.number == "SH-2023-031"
    assert desk.events("SH-2023-031")[0].action == "intake"
