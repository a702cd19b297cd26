"""The register survives a SIGKILL in the middle of an intake: every registered file is complete
in the archive, nothing is half-registered, and running the intake again takes in the rest.

SQLite only: this is the folder archive's crash story (a stray *.tmp, never a half file under a
hash name), read back with sqlite3. On PostgreSQL a received file is one insert transaction
(core/desk/archive.py DbArchive), which the server rolls back when its client dies."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from core.desk import Desk

from .conftest import cluster_doc, write_json

FILES = 40


def _count(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM desk_submissions").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def _intake(db, folder) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.Popen([sys.executable, "-m", "core.cli.main", "desk", "intake", str(folder), "--rules",
                             "SH-2023", "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


@pytest.mark.slow
def test_sigkill_mid_folder_leaves_a_sound_register(tmp_path):
    folder = tmp_path / "收件"
    folder.mkdir()
    for i in range(FILES):
        write_json(cluster_doc(i), folder / f"申报数据{i:02d}.json")
    db = tmp_path / "register.sqlite"
    killed_at = []
    for attempt in range(3):
        proc = _intake(db, folder)
        deadline = time.monotonic() + 60
        start = _count(db)
        while _count(db) <= start and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(random.uniform(0.0, 0.15))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at.append((attempt, proc.returncode, _count(db)))
        if proc.returncode != -signal.SIGKILL:
            break
    assert any(code == -signal.SIGKILL and 0 < n < FILES * 3 for _, code, n in killed_at), killed_at
    print(killed_at)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    with Desk.open(db) as desk:
        subs = desk.submissions("SH-2023")
        taken = [s for s in subs if s.taken_in]
        assert len({s.number for s in subs}) == len(subs)
        assert len({s.file_sha256 for s in taken}) == len(taken)  # never the same file taken in twice
        for s in subs:  # every registered file's bytes are whole in the archive
            data = desk.archive.path(s.file_sha256).read_bytes()
            assert hashlib.sha256(data).hexdigest() == s.file_sha256
            assert data == (folder / s.file_name).read_bytes()
            assert [e.action for e in desk.events(s.number)][0] in ("intake", "refuse")
    # Running the intake to the end takes in every file exactly once.
    proc = _intake(db, folder)
    proc.wait(120)
    with Desk.open(db) as desk:
        taken = [s for s in desk.submissions("SH-2023") if s.taken_in]
        assert sorted(s.file_name for s in taken) == sorted(p.name for p in folder.iterdir())
