"""The kill test: a real writer process is SIGKILLed at random moments, over and over; afterwards the
database is intact and every edit the writer reported as saved is there."""

from __future__ import annotations

import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.store import Store

KILLS = 50
WRITER = Path(__file__).with_name("kill_writer.py")


def _run_once(db, app_id, run, folder) -> list[str]:
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db), app_id, str(run), str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read():
        for line in proc.stdout:
            if line.endswith("\n"):
                lines.append(line.strip())
                if line.strip() != "ready":
                    ready.set()  # the first edit is committed: now kill somewhere in the stream

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(20):
        proc.kill()
        raise AssertionError(f"writer did not start: {proc.stderr.read()}")
    time.sleep(random.uniform(0.0, 0.1))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    err = proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL, f"writer failed on its own: {err}"
    return [x for x in lines if x != "ready"]


@pytest.mark.slow
def test_sigkill_never_loses_a_reported_edit(tmp_path, make_app):
    db = tmp_path / "kill.sqlite"
    folder = tmp_path / "evidence"
    folder.mkdir()
    with Store.open(db) as s:
        app_id = s.create(make_app())
    reported: dict[int, list[int]] = {}
    for run in range(KILLS):
        reported[run] = [int(x) for x in _run_once(db, app_id, run, folder)]
    assert all(reported.values())  # every kill hit a running stream of edits

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store.open(db) as s:
        news = {e.new for e in s.history(app_id) if e.action == "edit"}
        attached = {e["sha256"] for e in s.get(app_id)["evidence"]}
        for run, ns in reported.items():
            for n in ns:
                if n % 10 == 9:
                    content = (f"evidence {run}:{n}\n" * 50).encode()
                    assert hashlib.sha256(content).hexdigest() in attached, f"attachment {run}:{n} lost"
                else:
                    assert f"{run}:{n}" in news, f"edit {run}:{n} lost"
        # The last reported edit of the last run is (at least) what the field holds now.
        last_run = max(r for r, ns in reported.items() if any(n % 10 != 9 for n in ns))
        last = max(n for n in reported[last_run] if n % 10 != 9)
        value = s.get(app_id)["values"][("basic.main_products", "basic.leading_industry", "basic.applicant",
                                          "cover.contact")[last % 4]]
        assert value.startswith(f"{last_run}:") and int(value.split(":")[1]) >= last
