"""Entry script of the frozen program (windowed and console executables)."""

import os
import sys
from pathlib import Path


def choose_input_method() -> None:
    """UOS and Kylin set QT_IM_MODULE=fcitx, but the Qt wheels carry no fcitx plugin (and distro
    builds of it are tied to their own Qt's private ABI). Without a plugin Qt would silently give
    no Chinese input at all; the bundled ibus plugin works with ibus, and with fcitx5 through its
    ibus frontend. See docs/packaging.md, "中文输入法"."""
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
