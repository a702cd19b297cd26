"""Screenshots of the main pages at 1366×768, for the docs and for looking at the GUI as a user.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py docs/screenshots

Works offscreen too (QT_QPA_PLATFORM=offscreen). Uses a temporary database with the sample
application (and a copy with a few mistakes, so findings show); never the official's own data.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from the repository

SIZE = (1366, 768)


def take(folder: Path) -> list[Path]:
    from desktop.app import open_store, setup_application
    from desktop.mainwindow import MainWindow
    from desktop.qt import QApplication

    app = setup_application()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="cluster-declare-shots-")
    store, lock, _ = open_store(str(Path(tmp) / "screens.sqlite"))
    window = MainWindow(store)
    window.resize(*SIZE)
    window.show()
    shots: list[Path] = []

    def shot(name: str) -> None:
        import time

        end = time.monotonic() + 0.4  # past the session's pause before the 还差 lines (GAPS_DELAY_MS)
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    shot("01-empty-database")
    sample = window.load_sample()
    draft = window.list_view.duplicate_selected()
    store.set_values(draft, {"industry.firms": {"2020": "120", "2021": "130", "2022": "一百四"},
                             "industry.smes": {"2020": "118", "2021": "150", "2022": "138"},
                             "basic.cluster_name": "", "innovation.rd_intensity": {"2020": "2.1", "2021": "2.3"},
                             # one criterion short of its threshold (还差), one just above it (临界)
                             "industry.output_total": {"2020": "28", "2021": "46.80", "2022": "53.60"},
                             "industry.sme_share": {"2020": "78.50", "2021": "79.20", "2022": "50.50"}})
    store.set_meta(draft, name="上海市闵行区智能传感器产业集群（修改中）")
    window.list_view.refresh(select=sample)
    shot("02-application-list")

    view = window.open_application(sample)
    view.go("basic")
    shot("03-cover-and-basic")
    view.go("ind3")
    shot("04-indicator-3-checks-evidence")
    view.go("ind4")
    shot("05-indicator-4-standards-platforms")
    view.go("assessment")
    shot("06-self-assessment")
    view.assessment.verticalScrollBar().setValue(view.assessment.verticalScrollBar().maximum())
    shot("07-self-assessment-rule-sets")

    window.show_list()
    view = window.open_application(draft)
    view.go("ind2")
    view.focus_field("industry.firms")
    shot("08-indicator-2-findings")
    view.focus_field("industry.output_total")
    shot("11-indicator-1-gaps")
    view.go("assessment")
    shot("12-self-assessment-gaps")
    view.assessment.verticalScrollBar().setValue(view.assessment.verticalScrollBar().maximum())
    shot("13-self-assessment-what-if")
    view.ruleset_combo.setCurrentIndex(view.ruleset_combo.findData("GZ-2024"))
    view.go("assessment")
    shot("09-self-assessment-guangzhou")
    view.go("plan")
    shot("10-plan")

    window.close()
    store.close()
    lock.release()
    QApplication.processEvents()
    return shots


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "docs/screenshots")
    for path in take(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
