"""Store benchmarks (issues 3 and 16): SQLite and PostgreSQL side by side; prints figures, asserts nothing.

    .venv/bin/python bench/bench_store.py [--dir DIR] [--evidence-mb N] [--engines sqlite,postgresql]
                                          [--duration S] [--url postgresql+psycopg://…]

Targets: one field edit p95 < 10 ms on SQLite (synchronous=FULL, one commit per edit) and < 5 ms on
a local PostgreSQL (fsync and synchronous_commit on); listing 1,000 applications < 100 ms; opening
one application with 10,000 history entries < 100 ms; two officials (two processes) editing
different fields of one application at 20 edits/s each: 0 lost, 0 false conflicts (60 s in the
issue; --duration, default 5 s, for a quick run). PostgreSQL is a throw-away local server
(tests/pgserver.py, durable settings) unless --url names one. Use --dir to measure SQLite on the
disk the program will really use (the default is a temp folder).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from core.application import Application  # noqa: E402
from core.store import Store  # noqa: E402

WRITER = ROOT / "tests" / "store" / "field_writer.py"


def app(name: str) -> Application:
    return Application(form="SH-FORM", campaign=2023, jurisdiction="SH", rules="SH-2023", name=name,
                       values={"basic.area": "12.5", "basic.main_products": "传感器" * 20,
                               "industry.output_total": {"2020": "41.2", "2021": "46.8", "2022": "53.6"}})


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return sorted(out)


def p95(samples: list[float]) -> float:
    return samples[max(0, int(len(samples) * 0.95) - 1)]


def db_size_mb(store: Store) -> float:
    if store.path is not None:
        return os.path.getsize(store.path) / 1024 / 1024
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar() / 1024 / 1024


def two_writers(url: str, app_id: str, duration: float, rate: float = 20.0) -> dict:
    """Two processes, one field each, ``rate`` edits/s for ``duration`` s, started together."""
    count = max(1, int(duration * rate))
    fields = (("张三", "basic.applicant"), ("李四", "basic.leading_industry"))
    procs = [subprocess.Popen([sys.executable, str(WRITER), url, app_id, user, field, str(count), str(rate)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for user, field in fields]
    for p in procs:
        line = p.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(p.stderr.read())
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate()
        if p.returncode:
            raise RuntimeError(err)
        results.append(json.loads(out.strip().splitlines()[-1]))
    with Store.open(url) as store:
        history = store.history(app_id)
        values = store.get(app_id)["values"]
    lost = 0
    for (user, field), r in zip(fields, results, strict=True):
        recorded = [e.new for e in history if e.user == user and e.field == field]
        lost += len(set(r["saved"]) - set(recorded)) + (values.get(field) != (r["saved"] or [None])[-1])
        lost += count - len(r["saved"]) - r["conflicts"]  # neither saved nor refused: an error
    took = sorted(t for r in results for t in r["took"])
    return {"edits": 2 * count, "lost": lost, "false_conflicts": sum(r["conflicts"] for r in results),
            "p95": p95(took) if took else 0.0, "seconds": max(r["seconds"] for r in results)}


def run(engine: str, url: str, args, folder: Path) -> dict[str, str]:
    fig: dict[str, str] = {}
    store = Store.open(url)
    print(f"\n== {engine}: {store.label}")

    # 1. One field edit, committed (as the GUI does on every field commit), with its revision check.
    one = store.create(app("编辑测试"))
    base = store.set_value(one, "basic.area", "0").revision  # warm up: form definition loaded
    counter = iter(range(10**9))

    def edit():
        nonlocal base
        base = store.set_value(one, "basic.area", str(next(counter)), base=base).revision

    edits = timed(edit, 1000)
    fig["field edit p95"] = ms(p95(edits))
    print(f"one field edit (1000 edits): p50 {ms(statistics.median(edits))}, p95 {ms(p95(edits))}, "
          f"max {ms(edits[-1])}   [target p95 < {'10' if engine == 'sqlite' else '5'} ms]")
    poll = timed(lambda: store.changes_since(one, store.change_head(one)), 200)
    fig["poll for changes"] = ms(statistics.median(poll))
    print(f"poll for others' changes: median {ms(statistics.median(poll))}")

    # 2. Listing 1,000 applications.
    for i in range(999):
        store.create(app(f"集群{i:04d}"))
    listing = timed(lambda: store.list_applications(), 30)
    assert len(store.list_applications()) == 1000
    fig["list 1,000"] = ms(statistics.median(listing))
    print(f"list 1,000 applications: median {ms(statistics.median(listing))}, max {ms(listing[-1])}   "
          f"[target < 100 ms]")
    searching = timed(lambda: store.list_applications("集群05"), 30)
    fig["search 1,000"] = ms(statistics.median(searching))
    print(f"search among 1,000 applications: median {ms(statistics.median(searching))}")

    # 3. Opening one application with 10,000 history entries.
    busy = store.create(app("历史测试"))
    keys = ["basic.main_products", "basic.leading_industry", "basic.applicant", "cover.contact", "basic.area"]
    for round_ in range(2000):
        store.set_values(busy, {k: f"{k}-{round_}" if k != "basic.area" else str(round_) for k in keys})
    n_hist = len(store.history(busy))
    both = timed(lambda: (store.get(busy), store.history(busy)), 30)
    fig[f"open app, {n_hist} history"] = ms(statistics.median(both))
    print(f"open application with {n_hist} history entries (document + history): "
          f"median {ms(statistics.median(both))} (max {ms(both[-1])})   [target < 100 ms]")
    revs = timed(lambda: store.field_revisions(busy), 30)
    print(f"field revisions of that application: median {ms(statistics.median(revs))}")

    # 4. Two officials in two processes, different fields of one application, 20 edits/s each.
    shared = store.create(app("两人同时编辑"))
    store.close()
    two = two_writers(url, shared, args.duration)
    fig["two writers: lost / false conflicts"] = f"{two['lost']} / {two['false_conflicts']}"
    fig["two writers: edit p95"] = ms(two["p95"])
    print(f"two writers, {two['edits']} edits in {two['seconds']:.1f} s: lost {two['lost']}, "
          f"false conflicts {two['false_conflicts']}, edit p95 {ms(two['p95'])}   [target 0 / 0]")

    # 5. Opening the database, with evidence stored inside it; a whole-database backup.
    opening = timed(lambda: Store.open(url).close(), 5)
    store = Store.open(url)
    print(f"open database ({db_size_mb(store):.0f} MB): median {ms(statistics.median(opening))}")
    if args.evidence_mb > 0:
        blob = folder / f"scan-{engine}.bin"
        left, i = args.evidence_mb, 0
        while left > 0:  # 10 MB files, the last one smaller (--evidence-mb below 10 is one small file)
            mb = min(10, left)
            blob.write_bytes(os.urandom(mb * 1024 * 1024))
            t = time.perf_counter()
            store.attach_evidence(one, "list:enterprises", blob, name=f"scan{i}.pdf")
            if i == 0:
                fig[f"attach {mb} MB"] = ms(time.perf_counter() - t)
                print(f"attach one {mb} MB file: {ms(time.perf_counter() - t)}")
            left, i = left - mb, i + 1
        blob.unlink()
        store.close()
        opening = timed(lambda: Store.open(url).close(), 5)
        store = Store.open(url)
        size = db_size_mb(store)
        fig["open database"] = ms(statistics.median(opening))
        print(f"open database ({size:.0f} MB with {args.evidence_mb} MB evidence): "
              f"median {ms(statistics.median(opening))}")
    t = time.perf_counter()
    store.backup(folder / f"backup-{engine}.sqlite")
    fig["whole-database backup"] = ms(time.perf_counter() - t)
    print(f"backup of {db_size_mb(store):.0f} MB: {ms(time.perf_counter() - t)}")
    store.close()
    return fig


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", help="folder for the SQLite database and backups (default: a temp folder)")
    ap.add_argument("--evidence-mb", type=int, default=100, help="evidence to store for the open-time figure")
    ap.add_argument("--engines", default="sqlite,postgresql", help="which engines, comma-separated")
    ap.add_argument("--duration", type=float, default=5.0, help="seconds of the two-writer run (issue: 60)")
    ap.add_argument("--url", help="an existing PostgreSQL database to use (it must be empty)")
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="bench-store-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures: dict[str, dict[str, str]] = {}
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        if engine == "sqlite":
            path = folder / "bench.sqlite"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            figures[engine] = run(engine, str(path), args, folder)
        elif engine == "postgresql":
            if args.url:
                figures[engine] = run(engine, args.url, args, folder)
                continue
            from pgserver import PgServer

            with PgServer(fsync=True) as server:  # durable, as an office server must be
                figures[engine] = run(engine, server.create_database("bench"), args, folder)
        else:
            raise SystemExit(f"unknown engine {engine!r} (sqlite, postgresql)")
    names = list(figures)
    rows = list(dict.fromkeys(k for f in figures.values() for k in f))
    width = max(len(r) for r in rows) + 2
    print("\n" + "figure".ljust(width) + "".join(n.rjust(16) for n in names))
    for r in rows:
        print(r.ljust(width) + "".join(figures[n].get(r, "-").rjust(16) for n in names))


if __name__ == "__main__":
    main()
