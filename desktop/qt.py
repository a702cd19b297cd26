"""The one place the GUI imports Qt from (like Anki's ``aqt.qt``).

Version checks and compatibility shims live here; every other module does
``from desktop.qt import QWidget, Signal, ...``.
"""

# ruff: noqa: F401, F403
from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import *
from PySide6.QtGui import *
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import *

QT_MAJOR = int(PYSIDE_VERSION.split(".")[0])
if QT_MAJOR < 6:  # pragma: no cover - the pins say 6.x
    raise ImportError(f"集群申报助手需要 PySide6 6.x，当前为 {PYSIDE_VERSION}")
