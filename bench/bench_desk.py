"""Benchmarks of the review desk (issue 14). Prints figures; see docs/review.md.

    .venv/bin/python bench/bench_desk.py                       # the issue's sizes
    .venv/bin/python bench/bench_desk.py --packages 10 --mb 5 --apps 40 --recommend 8   # a quick run

1. Intake of N packages of M MB each (generated in a temp dir: a signed package per cluster with
   one incompressible M MB scan), compared with ``sha256sum`` over the same files, both from a
   warm page cache, several runs (``--runs``), each figure and the medians printed. Target:
   ≥ 0.7× sha256sum's throughput (intake copies every byte into the archive, hashing the file
   and its stored members in the same pass, verifies the package, on two worker threads).
2. Compare data for A applications (JSON intake, then ``compare_rows``: what the compare view
   reads when it opens; and a re-sort by a criterion's margin). Targets: open < 300 ms, re-sort
   < 50 ms.
3. The outgoing package of R recommended applications (review, rank, export with signing).
   Target: < 10 s.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = b"bench-passphrase"


def tiny_render(app, out_path, page="all"):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out_path))
    c.drawString(72, 760, f"{app.uuid} {page}")
    c.showPage()
    c.save()


def sample_doc() -> dict:
    from core.paths import resource

    return json.loads(resource("samples", "sample-application.json").read_text(encoding="utf-8"))


def cluster_doc(base: dict, i: int) -> dict:
    doc = copy.deepcopy(base)
    name = f"上海市测试区第{i:03d}号产业集群"
    doc["uuid"] = f"{i:032x}"
    doc["name"] = doc["values"]["basic.cluster_name"] = name
    for year in doc["values"]["industry.output_total"]:
        doc["values"]["industry.output_total"][year] = f"{float(doc['values']['industry.output_total'][year]) * (1 + i / 500):.2f}"
    return doc


def make_packages(folder: Path, count: int, mb: float, identity) -> list[Path]:
    from core.application import Application
    from core.package import ExportOptions, FolderEvidence, export_package

    base = sample_doc()
    from core.paths import resource

    work = folder / "src"
    shutil.copytree(resource("samples", "evidence"), work / "evidence")
    out = []
    size = int(mb * 1024 * 1024)
    for i in range(count):
        scan = work / "scan.jpg"
        scan.write_bytes(os.urandom(size))  # incompressible, stored: what a scanned PDF/JPEG is
        sha = hashlib.sha256(scan.read_bytes()).hexdigest()
        doc = cluster_doc(base, i)
        doc["evidence"] = doc["evidence"] + [{"target": "industry.chain_work:map", "name": "产业链图谱扫描件.jpg", "sha256": sha,
                            "size": size, "file": "scan.jpg"}]
        app = Application.from_json(doc)
        p = folder / "in" / f"集群{i:03d}.zip"
        export_package(app, p, identity, ExportOptions(ack_missing_scans=True), evidence=FolderEvidence(work),
                       render=tiny_render, xlsx=None)
        out.append(p)
    shutil.rmtree(work)
    return out


def bench_intake(tmp: Path, count: int, mb: float, identity, runs: int = 3) -> list[Path]:
    """Both sides read the same files from a warm page cache (each timed run is preceded by a
    warm-up read of all the files, and by ``sync`` so no earlier write-back competes); each run
    intakes into a fresh register and archive, its fsyncs included in its time."""
    import statistics

    from core.desk import Desk
    from core.desk.intake import intake_folder

    t0 = time.perf_counter()
    files = make_packages(tmp, count, mb, identity)
    total = sum(p.stat().st_size for p in files)
    mbs = total / 1024 / 1024
    print(f"1. 生成 {count} 个报送包，共 {mbs:.0f} MB（{time.perf_counter() - t0:.1f} s）；各测 {runs} 次，取中位数")
    t_sha, t_in = [], []
    for run in range(runs):
        os.sync()  # the generated files / the previous run's archive written back before timing
        _warm(files)
        t0 = time.perf_counter()
        subprocess.run(["sha256sum", *map(str, files)], check=True, capture_output=True)
        t_sha.append(time.perf_counter() - t0)
        _warm(files)
        db = tmp / f"intake{run}.sqlite"
        with Desk.open(db) as desk:
            t0 = time.perf_counter()
            result = intake_folder(desk, tmp / "in", "SH-2023")
            t_in.append(time.perf_counter() - t0)
        assert result.exit_code == 0, [i.line() for i in result.set_aside]
        shutil.rmtree(tmp / f"intake{run}.sqlite.received", ignore_errors=True)
        print(f"   第 {run + 1} 次：sha256sum {t_sha[-1]:.2f} s，受理 {t_in[-1]:.2f} s，"
              f"比值 {t_sha[-1] / t_in[-1]:.2f}×")
    s, i = statistics.median(t_sha), statistics.median(t_in)
    print(f"   sha256sum：{s:.2f} s（{mbs / s:.0f} MB/s）")
    print(f"   desk intake：{i:.2f} s（{mbs / i:.0f} MB/s），为 sha256sum 的 {s / i:.2f}×（目标 ≥ 0.7×）")
    return files


def _warm(files: list[Path]) -> None:
    """Read every file once so that the timed pass finds it in the page cache."""
    for p in files:
        with open(p, "rb") as fh:
            while fh.read(1 << 22):
                pass


def bench_compare(tmp: Path, apps: int) -> None:
    from core.desk import Desk
    from core.desk.compare import compare_rows, sort_rows
    from core.desk.intake import intake_folder

    folder = tmp / "json"
    folder.mkdir()
    base = sample_doc()
    for i in range(apps):
        (folder / f"a{i:03d}.json").write_text(json.dumps(cluster_doc(base, i), ensure_ascii=False), encoding="utf-8")
    db = tmp / "compare.sqlite"
    with Desk.open(db) as desk:
        t0 = time.perf_counter()
        intake_folder(desk, folder, "SH-2023")
        t_in = time.perf_counter() - t0
        compare_rows(desk, "SH-2023")  # first call imports
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            rows = compare_rows(desk, "SH-2023")
            times.append(time.perf_counter() - t0)
        sorts = []
        for col in ("margin:SH-2023.1.output", "relative:SH-2023.1.sme_share", "failing", "cluster"):
            t0 = time.perf_counter()
            sort_rows(rows, col, descending=True)
            sorts.append(time.perf_counter() - t0)
        gui = _bench_compare_view(desk)
    print(f"2. {apps} 个申报（JSON）受理 {t_in:.2f} s；比较数据读取 {min(times) * 1000:.0f} ms，"
          f"重新排序最慢 {max(sorts) * 1000:.1f} ms")
    if gui:
        print(f"   比较视图（Qt，offscreen）打开 {gui[0] * 1000:.0f} ms（目标 < 300 ms），"
              f"按一列重新排序最慢 {gui[1] * 1000:.1f} ms（目标 < 50 ms）")


def _bench_compare_view(desk):
    """The window's compare table (desktop/desk/compare_view.py) on the same register."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from desktop.qt import QApplication, Qt
    except ImportError:
        return None
    from desktop.desk.compare_view import CompareView

    app = QApplication.instance() or QApplication([])
    view = CompareView(desk)
    view.resize(1280, 700)
    view.show()
    view.load("SH-2023")  # first call: imports, fonts
    app.processEvents()
    t0 = time.perf_counter()
    view.load("SH-2023")
    app.processEvents()
    t_open = time.perf_counter() - t0
    sorts = []
    for col in (1, 5, 9, 10, 2):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            t0 = time.perf_counter()
            view.table.sortByColumn(col, order)
            app.processEvents()
            sorts.append(time.perf_counter() - t0)
    view.close()
    view.deleteLater()
    app.processEvents()
    return t_open, max(sorts)


def bench_outgoing(tmp: Path, files: list[Path], recommend: int, identity) -> None:
    from core.desk import Desk, ranking, review
    from core.desk.intake import intake_folder
    from core.desk.outgoing import export_outgoing

    folder = tmp / "rec"
    folder.mkdir()
    for p in files[:recommend]:
        os.link(p, folder / p.name)
    with Desk.open(tmp / "out.sqlite") as desk:
        numbers = [i.number for i in intake_folder(desk, folder, "SH-2023").items]
        for no in numbers:
            review.accept_program(desk, no)
            for it in review.items(desk, no):
                if it.verdict is None:
                    review.record(desk, no, it.key, "符合", "材料齐全")
            review.decide(desk, no, "初审通过")
        ranking.set_order(desk, "SH-2023", numbers, [f"第{n}名的理由" for n in range(1, len(numbers) + 1)])
        t0 = time.perf_counter()
        res = export_outgoing(desk, "SH-2023", tmp / "上报.zip", identity, office="上海市测试区经济委员会")
        t = time.perf_counter() - t0
    from core.desk.verify_outgoing import verify_inner
    from core.package.verify import verify_package

    t0 = time.perf_counter()
    outer = verify_package(res.path)
    nested = verify_inner(res.path, outer)
    tv = time.perf_counter() - t0
    assert outer.intact and nested.exit_code == 0
    print(f"3. 推荐 {res.places} 个的上报包（{res.size / 1024 / 1024:.0f} MB）生成 {t:.2f} s（目标 < 10 s）；"
          f"连同内含包校验 {tv:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=100)
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--apps", type=int, default=200)
    ap.add_argument("--recommend", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3, help="timed intake runs (the median is reported)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as d:
        tmp = Path(d)
        os.environ["CLUSTER_DECLARE_HOME"] = str(tmp / "home")
        from core.package import certificate as cert

        cert.create_office_certificate("上海市测试区经济委员会", PASSPHRASE)
        identity = cert.unlock(PASSPHRASE)
        files = bench_intake(tmp, args.packages, args.mb, identity, args.runs)
        bench_compare(tmp, args.apps)
        bench_outgoing(tmp, files, min(args.recommend, len(files)), identity)


if __name__ == "__main__":
    main()
