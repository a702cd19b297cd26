"""Writer process for the kill test: streams edits into a store, printing each one once committed.

    python kill_writer.py DB APP_ID RUN EVIDENCE_DIR

Prints "ready" when open, then "<n>" after each committed edit. Runs until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.store import Store  # noqa: E402

FIELDS = ("basic.main_products", "basic.leading_industry", "basic.applicant", "cover.contact")


def main() -> None:
    db, app_id, run, folder = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
    store = Store.open(db)
    store.get(app_id)
    print("ready", flush=True)
    n = 0
    while True:
        if n % 10 == 9:
            file = folder / f"r{run}-{n}.txt"
            file.write_text(f"evidence {run}:{n}\n" * 50, encoding="utf-8")
            store.attach_evidence(app_id, "list:enterprises", file)
        else:
            store.set_value(app_id, FIELDS[n % len(FIELDS)], f"{run}:{n}")
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    main()
