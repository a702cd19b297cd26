"""Store benchmarks (issue 3): prints figures, asserts nothing.

    .venv/bin/python bench/bench_store.py [--dir DIR] [--evidence-mb N]

Targets: one field edit p95 < 10 ms (synchronous=FULL, one commit per edit); listing 1,000
applications < 100 ms; opening one application with 10,000 history entries < 100 ms.
Use --dir to measure on the disk the program will really use (the default is a temp folder).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.application import Application  # noqa: E402
from core.store import Store  # noqa: E402


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
    return samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", help="folder for the benchmark database (default: a temp folder)")
    ap.add_argument("--evidence-mb", type=int, default=100, help="evidence to store for the open-time figure")
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="bench-store-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store.open(path)
    print(f"database: {path}")

    # 1. One field edit, committed (as the GUI does on every field commit).
    one = store.create(app("编辑测试"))
    store.set_value(one, "basic.area", "0")  # warm up: form definition loaded
    counter = iter(range(10**9))
    edits = timed(lambda: store.set_value(one, "basic.area", str(next(counter))), 1000)
    print(f"one field edit (1000 edits): p50 {ms(statistics.median(edits))}, p95 {ms(p95(edits))}, "
          f"max {ms(edits[-1])}   [target p95 < 10 ms]")

    # 2. Listing 1,000 applications.
    for i in range(999):
        store.create(app(f"集群{i:04d}"))
    listing = timed(lambda: store.list_applications(), 30)
    assert len(store.list_applications()) == 1000
    print(f"list 1,000 applications: median {ms(statistics.median(listing))}, max {ms(listing[-1])}   "
          f"[target < 100 ms]")
    searching = timed(lambda: store.list_applications("集群05"), 30)
    print(f"search among 1,000 applications: median {ms(statistics.median(searching))}")

    # 3. Opening one application with 10,000 history entries.
    busy = store.create(app("历史测试"))
    keys = ["basic.main_products", "basic.leading_industry", "basic.applicant", "cover.contact", "basic.area"]
    for round_ in range(2000):
        store.set_values(busy, {k: f"{k}-{round_}" if k != "basic.area" else str(round_) for k in keys})
    n_hist = len(store.history(busy))
    get = timed(lambda: store.get(busy), 30)
    hist = timed(lambda: store.history(busy), 30)
    both = timed(lambda: (store.get(busy), store.history(busy)), 30)
    print(f"open application with {n_hist} history entries: document {ms(statistics.median(get))}, "
          f"history list {ms(statistics.median(hist))}, both {ms(statistics.median(both))} (max {ms(both[-1])})"
          f"   [target < 100 ms]")
    as_of = timed(lambda: store.as_of(busy, entry=store.history(busy, limit=1)[0].id - 5000), 10)
    print(f"as_of halfway back through {n_hist} entries: median {ms(statistics.median(as_of))}")
    store.close()

    # 4. Opening the database (includes PRAGMA quick_check), with evidence stored inside it.
    opening = timed(lambda: Store.open(path).close(), 5)
    size = os.path.getsize(path) / 1024 / 1024
    print(f"open database ({size:.0f} MB, quick_check included): median {ms(statistics.median(opening))}")
    if args.evidence_mb:
        store = Store.open(path)
        blob = folder / "scan.bin"
        for i in range(args.evidence_mb // 10):
            blob.write_bytes(os.urandom(10 * 1024 * 1024))
            t = time.perf_counter()
            store.attach_evidence(one, "list:enterprises", blob, name=f"scan{i}.pdf")
            if i == 0:
                print(f"attach one 10 MB file: {ms(time.perf_counter() - t)}")
        blob.unlink()
        store.close()
        opening = timed(lambda: Store.open(path).close(), 5)
        size = os.path.getsize(path) / 1024 / 1024
        print(f"open database ({size:.0f} MB with {args.evidence_mb} MB evidence): "
              f"median {ms(statistics.median(opening))}")
        store = Store.open(path)
        t = time.perf_counter()
        store.backup(folder / "backup.sqlite")
        print(f"backup of {size:.0f} MB: {ms(time.perf_counter() - t)}")
        store.close()


if __name__ == "__main__":
    main()
