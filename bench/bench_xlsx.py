"""Excel benchmarks: import a 10,000-row enterprise list with all checks, against plain openpyxl
read-only iteration of the same file; export a complete application. Prints figures (best of N).

Run: .venv/bin/python bench/bench_xlsx.py [--rows 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.application import read_application_file  # noqa: E402
from core.creditcode import check_character  # noqa: E402
from core.paths import resource  # noqa: E402


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
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from openpyxl import Workbook, load_workbook

    from core.xlsx.form_export import export_form, save_workbook
    from core.xlsx.list_import import read_list_workbook
    from core.xlsx.list_sheet import write_list_sheet

    app = read_application_file(resource("samples", "sample-application.json"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "enterprises.xlsx"
        wb = Workbook()
        wb.remove(wb.active)
        write_list_sheet(wb, "enterprises", app.form_def.lists["enterprises"], enterprise_rows(args.rows))
        save_workbook(wb, path)  # shared strings, as Excel and WPS save

        def plain():
            book = load_workbook(path, read_only=True)
            for _ in book.worksheets[0].iter_rows(values_only=True):
                pass
            book.close()

        def full():
            result = read_list_workbook(path, "enterprises", app)
            result.comparisons(app)

        t_plain = best(plain, args.repeat)
        t_import = best(full, args.repeat)
        t_export = best(lambda: export_form(app, Path(tmp) / "app.xlsx"), args.repeat)
        size = path.stat().st_size / 1024
    print(f"enterprise list: {args.rows} rows, {size:.0f} KB")
    print(f"  plain openpyxl read-only iteration : {t_plain:.3f} s")
    print(f"  list-import with all checks        : {t_import:.3f} s  (target < 2 s)")
    print(f"  ratio import / plain iteration     : {t_import / t_plain:.2f}")
    print(f"export of the complete sample        : {t_export:.3f} s  (target < 0.5 s)")


if __name__ == "__main__":
    main()
