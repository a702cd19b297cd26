"""Two PCs taking in at once on one shared register: every 受理编号 is given once, none is skipped."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.desk import Desk

from .conftest import cluster_doc, write_json

WRITER = Path(__file__).with_name("intake_writer.py")
PER_PC = 12


# PostgreSQL only: that is the shared database of several PCs. On SQLite a second window's writes
# are refused while another process holds the file (core/store/lock.py), so there is no race.
@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_two_processes_taking_in_at_once_never_share_a_number(register_path, tmp_path):
    folders = []
    for pc in range(2):
        folder = tmp_path / f"收件{pc}"
        folder.mkdir()
        for i in range(PER_PC):
            write_json(cluster_doc(pc * 50 + i), folder / f"申报数据{pc}-{i:02d}.json")
        folders.append(folder)
    with Desk.open(register_path):
        pass  # the schema made once before both start (the migration itself is locked anyway)
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(register_path), str(f), str(go), f"科员{n}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, f in enumerate(folders)]
    time.sleep(1.5)  # both opened and waiting
    go.touch()
    got = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        got.append(json.loads(out.strip().splitlines()[-1]))
    assert all(len(g) == PER_PC and all(g) for g in got)
    everyone = got[0] + got[1]
    assert sorted(everyone) == [f"SH-2023-{n:03d}" for n in range(1, 2 * PER_PC + 1)]
    with Desk.open(register_path) as desk:
        subs = desk.submissions("SH-2023")
        assert sorted(s.number for s in subs) == sorted(everyone)
        # Both really wrote during the same time: their rows interleave.
        users = [s.received_by for s in subs]
        switches = sum(1 for a, b in zip(users, users[1:], strict=False) if a != b)
        assert switches >= 2, users
