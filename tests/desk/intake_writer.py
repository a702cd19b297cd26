"""A second PC taking in files (run as a process by test_intake_concurrent.py).

    python intake_writer.py DB FOLDER GO_FILE USER

Waits until GO_FILE exists (so both processes start together), takes FOLDER in under SH-2023 and
prints the 受理编号 it was given, one JSON list on stdout."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.desk import Desk  # noqa: E402
from core.desk.intake import intake_folder  # noqa: E402


def main() -> None:
    db, folder, go, user = sys.argv[1:5]
    with Desk.open(db) as desk:
        desk.store.user = user
        deadline = time.monotonic() + 60
        while not Path(go).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        result = intake_folder(desk, Path(folder), "SH-2023", workers=1)
    print(json.dumps([i.number for i in result.items]))


if __name__ == "__main__":
    main()
