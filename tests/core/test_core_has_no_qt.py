"""core/ never imports Qt or desktop/: every source file read with ``ast`` (function-local imports
and ``importlib.import_module("...")`` included), and every module imported with Qt made
unimportable."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"
FORBIDDEN = ("desktop", "PySide2", "PySide6", "PyQt4", "PyQt5", "PyQt6", "shiboken2", "shiboken6", "qtpy")
# A string that names a forbidden module ("desktop.app"): caught even when handed to a dispatcher.
MODULE_STRING = re.compile(rf"^({'|'.join(FORBIDDEN)})(\.\w+)*$")

_spec = importlib.util.spec_from_file_location("importscan", Path(__file__).with_name("importscan.py"))
importscan = sys.modules.setdefault("importscan", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(importscan)


def forbidden_in(path: Path, root: Path = CORE.parent) -> list[str]:
    where = path.relative_to(root)
    found = [(imp.line, f"{where}:{imp.line} imports {imp.module}")
             for imp in importscan.imports_of(path, root) if imp.module.split(".")[0] in FORBIDDEN]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and MODULE_STRING.match(node.value) \
                and node.lineno not in {line for line, _ in found}:
            found.append((node.lineno, f"{where}:{node.lineno} names module {node.value!r}"))
    return [text for _, text in sorted(found)]


def test_no_source_file_under_core_imports_desktop_or_qt():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 50
    offenders = [line for path in files for line in forbidden_in(path)]
    assert offenders == [], "\n".join(offenders)


def test_the_scan_sees_function_local_and_dynamic_imports(tmp_path):
    pkg = tmp_path / "core"
    pkg.mkdir()
    (pkg / "bad.py").write_text(
        "import importlib\n"
        "def a():\n    from desktop.app import main\n"
        "def b():\n    import PySide6.QtCore\n"
        "def c():\n    importlib.import_module('shiboken6')\n"
        "MODULES = ('desktop.launcher',)\n"
        "from . import fine\n", encoding="utf-8")
    found = [line.split(" ", 1)[1] for line in forbidden_in(pkg / "bad.py", tmp_path)]
    assert found == ["imports desktop.app", "imports PySide6.QtCore", "imports shiboken6",
                     "names module 'desktop.launcher'"]


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
