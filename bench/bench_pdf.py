"""How fast the PDF comes out: the complete form and the declaration page alone.

Targets (issue 5): complete form < 1.5 s, declaration page < 0.3 s, each including font loading
in a fresh process; then repeated in one process (fonts already loaded). Run:

    .venv/bin/python bench/bench_pdf.py [--runs N]
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"all": 1.5, "declaration": 0.3}

# What a fresh process does: read the application, load reportlab and the fonts, write the PDF.
# Times from interpreter start (imports count) and of the export alone (from reading the
# application on: reportlab import, fonts, layout, writing), as wall clock and as CPU time —
# the CPU figure is the fair one on a shared, busy machine.
FRESH = """
import time; w0 = time.perf_counter(); c0 = time.process_time()
import sys; sys.path.insert(0, {root!r})
from core.application import read_application_file
app = read_application_file({sample!r})
w1 = time.perf_counter(); c1 = time.process_time()
from core.pdf import render_pdf
render_pdf(app, {out!r}, page={page!r})
w2 = time.perf_counter(); c2 = time.process_time()
print(w2 - w0, c2 - c0, w2 - w1, c2 - c1)
"""


def fresh(page: str, out: Path) -> list[float]:
    """[total wall, total CPU, export wall, export CPU] of one fresh interpreter."""
    from core.paths import resource

    code = FRESH.format(root=str(ROOT), sample=str(resource("samples", "sample-application.json")), out=str(out),
                        page=page)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [float(x) for x in res.stdout.split()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    from core.application import read_application_file
    from core.paths import resource
    from core.pdf import render_pdf

    med = statistics.median
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"{'page':<14} {'fresh: whole run':>22} {'fresh: export':>20} {'same process':>20} {'target':>7}")
    print(f"{'':<14} {'wall / CPU':>22} {'wall / CPU':>20} {'wall / CPU':>20}")
    app = read_application_file(resource("samples", "sample-application.json"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.pdf"
        fresh("declaration", out)  # fills the font cache if it is cold (first run after install)
        for page, target in TARGETS.items():
            runs = [fresh(page, out) for _ in range(args.runs)]
            tw, tc, ew, ec = (med(r[i] for r in runs) for i in range(4))
            render_pdf(app, out, page=page)  # warm: fonts registered, form and rules loaded
            same = []
            for _ in range(args.runs):
                w, c = time.perf_counter(), time.process_time()
                render_pdf(app, out, page=page)
                same.append((time.perf_counter() - w, time.process_time() - c))
            sw, sc = med(s[0] for s in same), med(s[1] for s in same)
            verdict = "ok" if max(ec, sc) < target else "SLOW"
            print(f"{page:<14} {tw:>9.3f} / {tc:.3f} s {ew:>9.3f} / {ec:.3f} s {sw:>9.3f} / {sc:.3f} s {target:>5.1f} s"
                  f"  {verdict} (CPU)")
    print(f"medians of {args.runs} runs. 'whole run' counts from interpreter start (Python imports, reading and "
          "checking the application); 'export' is render_pdf in that fresh process: reportlab import, fonts "
          "(from the metrics cache), layout, writing.")


if __name__ == "__main__":
    main()
