"""A command that writes to a database a window holds open gets the second window's message and
changes nothing; reading commands still work; a dead holder's lock does not block anyone."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core.paths import resource
from core.store import Store
from core.store import lock as core_lock

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = resource("samples", "sample-application.json")


def cli(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core.cli.main", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "locked.sqlite"
    with Store.open(path) as store:
        app_id = store.import_json(SAMPLE)
    return path, app_id


def test_writing_commands_refused_while_a_window_holds_the_database(db, tmp_path):
    from desktop.lock import DatabaseLock, in_use_text

    path, app_id = db
    window = DatabaseLock(path)  # the lock a window takes (desktop/app.py open_store)
    assert window.acquire()
    try:
        before = path.read_bytes()
        for argv in (("import", str(SAMPLE), "--copy"), ("copy", app_id[:8]), ("status", app_id[:8], "pending_review"),
                     ("reopen", app_id[:8], "--reason", "测试重新打开"),
                     ("export", app_id[:8], "-o", str(tmp_path / "包.zip"), "--ack-missing-scans")):
            done = cli(*argv, "--db", str(path))
            assert done.returncode == 2, (argv, done.stdout, done.stderr)
            assert in_use_text(window.holder(), str(path)) in done.stderr
            assert f"进程 {os.getpid()}" in done.stderr and "没有做任何修改" in done.stderr
            assert "Traceback" not in done.stderr
        with Store.open(path) as store:
            assert [a.id for a in store.list_applications()] == [app_id]
            assert store.get(app_id)["status"] == "draft"
        for argv in (("list",), ("history", app_id[:8]), ("receipts", app_id[:8]), ("status", app_id[:8])):
            done = cli(*argv, "--db", str(path))
            assert done.returncode == 0, (argv, done.stderr)
        assert path.read_bytes() == before
        assert not (tmp_path / "包.zip").exists()
    finally:
        window.release()
    done = cli("copy", app_id[:8], "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert not core_lock.lock_path(path).exists()  # the command let go of it


def test_a_window_sees_a_window_of_another_process(db):
    from desktop.lock import DatabaseLock

    path, _ = db
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from core.store.lock import DatabaseLock; "
                               f"lock = DatabaseLock(__import__('pathlib').Path({str(path)!r})); "
                               "print(lock.acquire(), flush=True); time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        second = DatabaseLock(path)
        assert not second.acquire()
        assert second.holder() == f"进程 {holder.pid}，电脑 {socket.gethostname()}"
        holder.kill()  # a crashed window: its lock goes with it
        holder.wait()
        assert second.acquire()
        second.release()
    finally:
        holder.kill()
        holder.wait()


def test_same_process_writes_pass_under_its_own_window_lock(db, tmp_path):
    from desktop.lock import DatabaseLock

    path, app_id = db
    window = DatabaseLock(path)
    assert window.acquire()
    try:
        with Store.open(path) as store:  # the window's own store (and its export worker)
            assert store.set_value(app_id, "basic.area", "13").changed
        assert not DatabaseLock(path).acquire(wait_ms=0)  # a second window of this process is refused
    finally:
        window.release()


def test_a_command_waits_for_another_commands_write(db):
    """Two commands on one database: the second waits for the first's transaction, as SQLite
    would, instead of being told a window holds it."""
    path, app_id = db
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from core.store.lock import "
                               "DatabaseLock, COMMAND; "
                               f"lock = DatabaseLock(Path({str(path)!r}), kind=COMMAND); "
                               "print(lock.acquire(), flush=True); time.sleep(0.8); lock.release()"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        with Store.open(path) as store:  # the other command holds the lock now: wait, not refuse
            assert store.set_value(app_id, "basic.area", "14").changed
    finally:
        assert holder.wait(timeout=30) == 0
