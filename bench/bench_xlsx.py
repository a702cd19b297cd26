"""Excel benchmarks, side by side in one run: for an enterprise list of 10,000 and 100,000 rows, as
.xlsx and as .xls — plain openpyxl read-only iteration (.xlsx only: openpyxl cannot read .xls),
python-calamine plain iteration, and the full list import with all checks and the comparison with
the form; each case's peak memory (RSS of a fresh process that runs only that case). Then the
export of the complete sample as .xlsx and as Word (.docx). Prints figures (best of N).

Run: .venv/bin/python bench/bench_xlsx.py [--rows 10000 100000] [--repeat 3]
(.xls files are made with LibreOffice; without soffice the .xls rows are skipped.)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.application import read_application_file  # noqa: E402
from core.creditcode import check_character  # noqa: E402
from core.paths import resource as app_resource  # noqa: E402

SAMPLE = app_resource("samples", "sample-application.json")


def enterprise_rows(n: int) -> list[dict]:
    rnd = random.Random(7)
    rows = []
    for i in range(n):
        body = f"91310000{i:09d}"
        employees, revenue = rnd.randint(5, 1500), rnd.randint(100, 60000)
        rows.append({
            "name": f"上海某某科技有限公司{i}", "credit_code": body + check_character(body),
            "industry": "计算机、通信和其他电子设备制造业", "employees": employees, "revenue": str(revenue),
            "assets": str(revenue * 2), "sme": employees < 1000 or revenue < 40000, "srdi": i % 20 == 0,
            "little_giant": i % 200 == 0, "champion": i % 500 == 0, "high_tech": i % 7 == 0, "innovative": i % 9 == 0,
            "chain_leader": i % 1000 == 0,
        })
    return rows


def best(fn, repeat: int) -> float:
    return best_with_cpu(fn, repeat)[0]


def best_with_cpu(fn, repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest run; CPU time shows the cost when the machine is shared."""
    times = []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t, time.process_time() - c))
    return min(times)


def make_files(tmp: Path, n: int) -> dict[str, Path]:
    from openpyxl import Workbook

    from core.xlsx.form_export import save_workbook
    from core.xlsx.list_sheet import write_list_sheet

    app = read_application_file(SAMPLE)
    path = tmp / f"enterprises-{n}.xlsx"
    wb = Workbook()
    wb.remove(wb.active)
    write_list_sheet(wb, "enterprises", app.form_def.lists["enterprises"], enterprise_rows(n))
    save_workbook(wb, path)  # shared strings, as Excel and WPS save
    files = {"xlsx": path}
    soffice = shutil.which("soffice")
    if soffice:
        subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--convert-to",
                        "xls", "--outdir", str(tmp), str(path)], check=True, capture_output=True, timeout=600)
        files["xls"] = path.with_suffix(".xls")
    return files


# -- one case, in its own process (so its peak RSS is its own) -------------------------------

def plain_openpyxl(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()


def plain_calamine(path: Path) -> None:
    import python_calamine as pc

    book = pc.CalamineWorkbook.from_path(str(path))
    for _ in book.get_sheet_by_index(0).iter_rows():
        pass
    book.close()


def full_import(path: Path) -> None:
    from core.xlsx.list_import import read_list_workbook

    app = read_application_file(SAMPLE)
    result = read_list_workbook(path, "enterprises", app)
    result.comparisons(app)


def baseline(path: Path) -> None:
    import core.xlsx.list_import  # noqa: F401

    read_application_file(SAMPLE)


CASES = {"openpyxl": plain_openpyxl, "calamine": plain_calamine, "import": full_import, "baseline": baseline}


def peak_rss_mb() -> float:
    """VmHWM: this process's own peak (ru_maxrss on Linux keeps the peak of the parent that forked us)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case: str, path: Path, repeat: int) -> None:
    fn = CASES[case]
    if case == "import":
        import core.xlsx.list_import  # noqa: F401 - import time is not the import's
    t, cpu = best_with_cpu(lambda: fn(path), repeat)
    rss = peak_rss_mb()
    print(json.dumps({"seconds": t, "cpu": cpu, "rss_mb": rss}))


def measure(case: str, path: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--case", case, "--file", str(path), "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True, timeout=900)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--case", choices=sorted(CASES))
    ap.add_argument("--file", type=Path)
    args = ap.parse_args()
    if args.case:
        run_case(args.case, args.file, args.repeat)
        return
    from core.xlsx.form_export import export_form

    print(f"baseline peak RSS (interpreter + the program's modules): {measure('baseline', SAMPLE, 1)['rss_mb']:.0f} MB")
    print("wall seconds, best run (CPU seconds in brackets)")
    print(f"{'rows':>7} {'fmt':>4}  {'openpyxl iter':>18} {'calamine iter':>18} {'full import':>18}"
          f"  {'import/openpyxl':>15}  peak RSS (import)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.rows:
            files = make_files(Path(tmp), n)
            base = None
            for fmt, path in files.items():
                repeat = args.repeat if n <= 10_000 else max(1, args.repeat - 1)
                plain = measure("openpyxl", path, repeat) if fmt == "xlsx" else None
                cal = measure("calamine", path, repeat)
                imp = measure("import", path, repeat)
                base = plain or base
                ratio = f"{imp['seconds'] / base['seconds']:.2f}" if base else "—"
                cells = [f"{m['seconds']:.3f} s ({m['cpu']:.3f})" if m else "(cannot)" for m in (plain, cal, imp)]
                print(f"{n:>7} {fmt:>4}  {cells[0]:>18} {cells[1]:>18} {cells[2]:>18}  {ratio:>15}  "
                      f"{imp['rss_mb']:.0f} MB  ({path.stat().st_size / 1024:.0f} KB file)")
        app = read_application_file(SAMPLE)
        t_export = best_with_cpu(lambda: export_form(app, Path(tmp) / "app.xlsx"), args.repeat)
        from core.docx import render_docx

        render_docx(app, Path(tmp) / "warm.docx")  # python-docx's import and template load, once
        t_word = best_with_cpu(lambda: render_docx(app, Path(tmp) / "app.docx"), args.repeat)
    print("targets: 10,000-row import < openpyxl iteration of the same file; 100,000 rows < 3 s")
    print(f"export of the complete sample (.xlsx): {t_export[0]:.3f} s ({t_export[1]:.3f})  (target < 0.5 s)")
    print(f"Word export of the complete sample (.docx): {t_word[0]:.3f} s ({t_word[1]:.3f})  (target < 1 s)")


if __name__ == "__main__":
    main()
