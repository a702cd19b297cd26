"""core/ never imports Qt: import every module of it with Qt made unimportable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"
QT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt5|PyQt6|shiboken6)\b", re.M)


def test_no_module_under_core_mentions_qt_imports():
    offenders = [str(p) for p in CORE.rglob("*.py") if QT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_core_module_imports_without_qt():
    modules = sorted(
        ".".join(p.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts
    )
    script = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'):\n"
        "            raise ImportError('Qt is forbidden in core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(len(sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=CORE.parent)
    assert proc.returncode == 0, proc.stderr
    assert len(modules) > 10
