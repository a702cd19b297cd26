"""Packaging figures: frozen onedir size, compressed archive size, frozen self-test timings.

    .venv/bin/python bench/bench_packaging.py [BUNDLE_DIR] [--runs N]

BUNDLE_DIR defaults to dist/cluster-declare (build it first: sh packaging/build.sh --no-test).
"Window shown" is measured from starting the process to the self-test's "主窗口已显示" line
arriving on its stdout, so it includes the bootloader unpacking nothing (onedir), Python start,
Qt start, the bundled font and the store. Targets (issue 17): size <= 150 MB, archive <= 60 MB,
window < 0.8 s warm, whole self-test < 10 s.

    .venv/bin/python bench/bench_packaging.py --typing [--runs N] [--im fcitx5,fcitx4,ibus]

Chinese typing latency instead, for each input method named (default: all three): Xvfb, a private
D-Bus, fcitx 5 or fcitx 4 with pinyin (our fcitx plugin) or ibus with libpinyin (Qt's ibus plugin),
the program from source with 集群名称 focused (tests/packaging/typing_harness.py). Each run types
``zhongguo`` untimed, then times from starting ``xdotool key space`` (the key that makes pinyin
commit 中国) to 中国 being in the database, polled every 2 ms through core.store. Target < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tree_size(path: Path) -> int:
    total = 0
    for base, _dirs, files in os.walk(path):
        for name in files:
            p = Path(base) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def archive_size(bundle: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bundle.tar.xz"
        subprocess.run(f'tar -C "{bundle.parent}" -cf - "{bundle.name}" | xz -T0 -6 > "{out}"',
                       shell=True, check=True)
        return out.stat().st_size


def timed_self_test(bundle: Path) -> tuple[float, float, int]:
    exe = bundle / ("cluster-declare-console.exe" if os.name == "nt" else "cluster-declare")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTER_DECLARE")}
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "self-test"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=env, text=True, encoding="utf-8")
    shown = float("nan")
    for line in proc.stdout:
        if "主窗口已显示" in line and shown != shown:
            shown = time.perf_counter() - t0
    rc = proc.wait()
    return shown, time.perf_counter() - t0, rc


def typing_latency(runs: int, input_methods: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tests" / "packaging"))
    import test_chinese_typing as t

    failed = 0
    for im in input_methods:
        ms = typing_latency_with(t, im, runs)
        if ms is None:
            print(f"{im:7} 中国 never reached the store", file=sys.stderr)
            failed = 1
            continue
        print(f"{im:7} key press -> 中国 stored {statistics.median(ms):8.1f} ms median, {ms[0]:.1f}-{ms[-1]:.1f} ms "
              f"over {len(ms)} runs   (target < 100 ms; includes starting xdotool)")
    return failed


def typing_latency_with(t, im: str, runs: int) -> list[float] | None:
    from core.store import Store

    with tempfile.TemporaryDirectory() as tmp, t.x_and_dbus_session(Path(tmp)) as (env, procs):
        tmp_path = Path(tmp)
        _log, fcitx4_env = t.start_input_method(im, env, procs, tmp_path)
        db, app_id = t.application_with_blank_name(env, tmp_path)
        window, _x, _y = t.start_harness(env, procs, db, app_id, t.QT_MODULE[im])
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True, timeout=20)
        time.sleep(1)  # the input context is ready (ibus creates it when the window opens); not timed
        store = Store.open(db, readonly=True)
        latencies = []
        try:
            for k in range(1, runs + 1):
                t.type_zhongguo_keys(env, fcitx4_env)
                time.sleep(0.3)  # the preedit settles; not timed
                t0 = time.perf_counter()
                subprocess.run(["xdotool", "key", "space"], env=env, check=True, timeout=20)
                while store.get(app_id)["values"].get("basic.cluster_name") != "中国" * k:
                    if time.perf_counter() - t0 > 10:
                        return None
                    time.sleep(0.002)
                latencies.append(time.perf_counter() - t0)
        finally:
            store.close()
    return sorted(x * 1000 for x in latencies)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "cluster-declare"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--typing", action="store_true", help="measure Chinese typing latency instead")
    parser.add_argument("--im", default="fcitx5,fcitx4,ibus", help="input methods for --typing (comma-separated)")
    args = parser.parse_args()
    if args.typing:
        return typing_latency(args.runs, args.im.split(","))
    bundle = Path(args.bundle)
    if not (bundle / "cluster-declare").exists() and not (bundle / "cluster-declare.exe").exists():
        print(f"没有找到打包版程序：{bundle}（先运行 sh packaging/build.sh --no-test）", file=sys.stderr)
        return 2
    size = tree_size(bundle)
    print(f"onedir size            {size / 1e6:8.1f} MB   (target <= 150 MB)")
    packed = archive_size(bundle)
    print(f"tar.xz archive         {packed / 1e6:8.1f} MB   (target <= 60 MB)")
    runs = [timed_self_test(bundle) for _ in range(args.runs)]
    first, warm = runs[0], runs[1:] or runs
    print(f"self-test exit codes   {[r[2] for r in runs]}")
    print(f"window shown, 1st run  {first[0]:8.2f} s")
    print(f"window shown, warm     {statistics.median(r[0] for r in warm):8.2f} s median, "
          f"{min(r[0] for r in warm):.2f}-{max(r[0] for r in warm):.2f} s   (target < 0.8 s)")
    print(f"whole self-test, warm  {statistics.median(r[1] for r in warm):8.2f} s median   (target < 10 s)")
    return 0 if all(r[2] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
