"""One official in a process of their own: edits one field COUNT times at RATE edits per second,
each edit carrying the revision it was made on, as a window does. Used by
tests/store/test_store_concurrent.py and bench/bench_store.py.

    python field_writer.py DB APP_ID USER FIELD COUNT RATE

Prints "ready" once the store is open, waits for a line on stdin (the start signal, so two
writers start together), then one JSON line: what it saved, refused and how long each save took.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.store import Store, StoreConflict  # noqa: E402


def main() -> None:
    db, app_id, user, field = sys.argv[1:5]
    count, rate = int(sys.argv[5]), float(sys.argv[6])
    store = Store.open(db, user=user)
    base = store.field_revisions(app_id).get(field, 0)
    print("ready", flush=True)
    sys.stdin.readline()
    saved, conflicts, took = [], 0, []
    start = time.perf_counter()
    for n in range(count):
        due = start + n / rate if rate > 0 else 0
        if (wait := due - time.perf_counter()) > 0:
            time.sleep(wait)
        value = f"{user}:{n}"
        t = time.perf_counter()
        try:
            done = store.set_value(app_id, field, value, base=base)
        except StoreConflict as exc:  # a false conflict: nobody else edits this field
            conflicts += 1
            base = exc.revision
            continue
        took.append(time.perf_counter() - t)
        base = done.revision
        saved.append(value)
    store.close()
    print(json.dumps({"saved": saved, "conflicts": conflicts, "took": took, "seconds": time.perf_counter() - start}),
          flush=True)


if __name__ == "__main__":
    main()
