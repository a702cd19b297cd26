"""Every message core raises for the official comes from the catalogue (core/messages), so it
has a code that can be tested and looked up in docs/messages.md. This scan fails on a
``UserError("…")`` (or a subclass) built from literal text anywhere in core/ outside the catalogue."""

from __future__ import annotations

import ast
from pathlib import Path

import core
from core.errors import UserError

CORE = Path(core.__file__).parent


def _user_error_names() -> set[str]:
    """UserError and every subclass defined in core (StoreError, StoreLockedError, CellError …)."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages([str(CORE)], prefix="core."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
    names, todo = set(), [UserError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def _literal_raises(names: set[str], root: Path = CORE) -> list[str]:
    hits = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent)
        if rel.parts[1] == "messages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            literal = isinstance(first, ast.JoinedStr) or (isinstance(first, ast.Constant) and isinstance(first.value, str))
            if name in names and literal:
                hits.append(f"{rel}:{node.lineno}: {name}({ast.unparse(first)[:60]})")
    return hits


def test_every_user_error_in_core_comes_from_the_catalogue():
    names = _user_error_names()
    assert {"UserError", "StoreError", "StoreLockedError"} <= names
    hits = _literal_raises(names)
    assert not hits, "messages written inline instead of in core/messages:\n" + "\n".join(hits)


def test_the_scan_finds_an_inline_message(tmp_path):
    """The scan itself is checked: an inline message is reported with its place, a catalogue
    message and the catalogue's own module are not."""
    root = tmp_path / "core"
    (root / "messages").mkdir(parents=True)
    (root / "planted.py").write_text(
        "from core.errors import UserError\n\ndef f(x):\n    raise UserError(f\"坏的 {x}\")\n\n"
        "def g(x):\n    raise MSG.error(x=x)\n", encoding="utf-8")
    (root / "messages" / "area.py").write_text('X = UserError("模板")\n', encoding="utf-8")
    assert _literal_raises({"UserError"}, root) == ["core/planted.py:4: UserError(f'坏的 {x}')"]
