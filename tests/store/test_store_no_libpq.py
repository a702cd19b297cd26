"""A server database on a machine without the system's libpq (the Linux frozen program has no libpq of
its own: it uses libpq5 through psycopg's ctypes binding) is a clear Chinese message, not a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# psycopg's pure-Python binding only (as in the Linux frozen program, which has no psycopg_binary), on a
# machine where ctypes finds no libpq: psycopg's own import fails as it would there.
PROBE = r"""
import ctypes.util, json, sys
ctypes.util.find_library = lambda name: None
from core.store import Store, StoreError
try:
    Store.open("postgresql+psycopg://office@127.0.0.1:1/cluster")
except StoreError as exc:
    print(json.dumps({"code": exc.code, "message": str(exc)}, ensure_ascii=False))
    sys.exit(0)
print(json.dumps({"code": None, "message": "opened"}))
"""


def test_server_database_without_libpq_names_the_package_to_install(tmp_path):
    env = {**os.environ, "PSYCOPG_IMPL": "python", "CLUSTER_DECLARE_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] == "STORE.no_libpq"
    assert "libpq" in result["message"] and "sudo apt install libpq5" in result["message"]
    assert "127.0.0.1" in result["message"]  # which database could not be reached


def test_self_test_step_reports_a_missing_libpq_without_failing(monkeypatch):
    """Only a server database needs libpq: the self-test says it is missing and still passes the step."""
    import builtins

    from core.cli import selftest_cmds

    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name == "psycopg" or name.startswith("psycopg."):
            raise ImportError("no pq wrapper available.\nAttempts:\n- couldn't import psycopg 'python' "
                              "implementation: libpq library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    detail = selftest_cmds.step_pg_driver(None)
    assert "libpq" in detail and "sudo apt install libpq5" in detail
