"""Run many CLI commands in one process, each as ``cluster-declare`` would run it.

``python tests/corpus/driver.py PLAN.json RESULTS.json``: PLAN is a list of argument lists; RESULTS
gets, for each, the exit code, stdout and stderr. An exception that escapes ``main`` (what the
installed program would print as a traceback) is recorded with exit code ``"traceback"`` and the
traceback in stderr. One process for a whole plan keeps the corpus test fast: importing the
program once costs more than most refusals.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def run(argv: list[str]) -> dict:
    from core.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: int | str = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:  # noqa: BLE001 - exactly what the corpus is looking for
            traceback.print_exc(file=err)
            code = "traceback"
    return {"argv": argv, "code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


if __name__ == "__main__":
    plan = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    results = [run(argv) for argv in plan]
    Path(sys.argv[2]).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
