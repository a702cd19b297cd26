"""A throw-away PostgreSQL server for tests and bench/bench_store.py (Debian's ``postgresql``).

The recipe docs/storage.md gives an office, run in a temporary folder: ``initdb`` (password login
over TCP, scram-sha-256), ``pg_ctl start`` on a free local port with the unix socket in the same
folder, ``pg_ctl stop`` and the folder removed at the end. ``initdb`` refuses to run as root, so
as root the server runs as the unprivileged user ``nobody``, owning the folder.

    python tests/pgserver.py      # start one, print its URL, stop it on Enter
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER, SUPERPASS = "postgres", "test-superuser-secret"
RUN_AS = "nobody"


def pg_bin() -> Path:
    """The newest installed server's programs (``PG_BIN`` overrides)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    return Path(found[-1]).parent


def available() -> bool:
    try:
        pg_bin()
    except RuntimeError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """``with PgServer() as pg: pg.create_database("t1")`` -> a ``postgresql+psycopg://`` URL."""

    def __init__(self, *, fsync: bool = False):
        self.fsync = fsync  # off for tests (speed); on for the benchmark (real commits)
        self.dir: Path | None = None
        self.port = 0

    # --- lifecycle ------------------------------------------------------------------------------

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", RUN_AS, "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.dir)

    @property
    def data(self) -> Path:
        return self.dir / "data"

    def start(self) -> PgServer:
        self.dir = Path(tempfile.mkdtemp(prefix="cluster-declare-pg-"))
        pwfile = self.dir / "pw"
        pwfile.write_text(SUPERPASS + "\n")
        if os.geteuid() == 0:
            shutil.chown(self.dir, RUN_AS)
            shutil.chown(pwfile, RUN_AS)
        bindir = pg_bin()
        self._run(bindir / "initdb", "-D", self.data, "-U", SUPERUSER, "--pwfile", pwfile, "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        pwfile.unlink()
        self.port = free_port()
        self._start()
        return self

    def _start(self) -> None:
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync={'on' if self.fsync else 'off'}"
        if not self.fsync:
            opts += " -c synchronous_commit=off -c full_page_writes=off"
        self._run(pg_bin() / "pg_ctl", "-D", self.data, "-l", self.dir / "log", "-o", opts, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate``: as a crash or a pulled cable looks to a client)."""
        if self.dir is not None and (self.data / "postmaster.pid").exists():
            self._run(pg_bin() / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self._start()

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # --- databases and roles --------------------------------------------------------------------

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = SUPERPASS) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        """Run SQL as the superuser over the unix socket (trust), outside a transaction."""
        import psycopg

        with psycopg.connect(host=str(self.dir), port=self.port, user=SUPERUSER, dbname=database,
                             autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str, owner: str = SUPERUSER) -> str:
        self.admin(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_role(self, name: str, password: str) -> None:
        self.admin(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")


if __name__ == "__main__":
    with PgServer(fsync=True) as pg:
        print(pg.create_database("cluster_declare"))
        input("回车停止服务器 (Enter stops the server) ")
