"""Entry script of the frozen program (windowed and console executables)."""

import os
import sys
from pathlib import Path


def choose_input_method() -> None:
    """UOS and Kylin set QT_IM_MODULE=fcitx. The bundle carries its own fcitx plugin
    (packaging/fcitx-plugin: fcitx 5 and fcitx 4 over D-Bus), so normally nothing changes here.
    Only a build made without it (the plugin could not be built) falls back to the bundled ibus
    plugin, which reaches fcitx5 through its ibus frontend: without any plugin Qt would silently
    give no Chinese input at all. See docs/packaging.md, "中文输入法"."""
    wanted = os.environ.get("QT_IM_MODULE", "")
    if not wanted.startswith("fcitx"):
        return
    plugins = Path(getattr(sys, "_MEIPASS", "")) / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    if not any(plugins.glob("*fcitx*")):
        os.environ["CLUSTER_DECLARE_IM_REQUESTED"] = wanted
        os.environ["QT_IM_MODULE"] = "ibus"


if __name__ == "__main__":
    choose_input_method()
    from desktop.launcher import main

    sys.exit(main())
