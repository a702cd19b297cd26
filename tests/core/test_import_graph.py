"""The module graph of core/ and desktop/, read from the AST (every import, function-local ones
and ``importlib.import_module("literal")`` included): no edge from core to desktop, and no cycle.

How an import becomes an edge: ``import a.b.c`` and ``from a.b import c`` point at the most
specific module they name (``a.b.c`` when it is a module, else ``a.b``). The parent packages that
Python initialises on the way (``a``, ``a.b``) are not edges: they are initialised before the
child, so they cannot close a cycle on their own. An import of a package from inside it (for
instance ``from core.rules import x`` in ``core/rules/engine.py``) IS an edge to the package's
``__init__`` and counts towards cycles. Imports outside core/desktop (stdlib, libraries) are
ignored, and so are module names passed in variables (the CLI's command table).
"""

from __future__ import annotations

import graphlib
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("importscan", Path(__file__).with_name("importscan.py"))
importscan = sys.modules.setdefault("importscan", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(importscan)


def target(name: str, modules: set[str]) -> str | None:
    """The most specific module of the graph that ``name`` (a.b.c) names, or None."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in modules:
            return ".".join(parts[:n])
    return None


def import_graph(root: Path = ROOT, packages=("core", "desktop")) -> dict[str, set[str]]:
    files = importscan.sources(root, *packages)
    modules = {importscan.module_name(p, root) for p in files}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for path in files:
        source = importscan.module_name(path, root)
        for imp in importscan.imports_of(path, root):
            named = [f"{imp.module}.{n}" for n in imp.names] if imp.names else [imp.module]
            for full in named:
                to = target(full, modules)
                if to and to != source:
                    graph[source].add(to)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        return list(exc.args[1])
    return None


def test_core_never_points_at_desktop():
    graph = import_graph()
    wrong = sorted(f"{a} -> {b}" for a, bs in graph.items() if a.split(".")[0] == "core"
                   for b in bs if b.split(".")[0] == "desktop")
    assert wrong == [], "\n".join(wrong)


def test_no_import_cycles():
    graph = import_graph()
    assert len(graph) > 80 and sum(map(len, graph.values())) > 150
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_graph_sees_a_cycle_behind_a_function_local_import(tmp_path):
    pkg = tmp_path / "core"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("from .b import x\n", encoding="utf-8")
    (pkg / "a.py").write_text("def f():\n    from core.sub import b\n", encoding="utf-8")
    (pkg / "sub" / "b.py").write_text("import core.a\nx = 1\n", encoding="utf-8")
    graph = import_graph(tmp_path, ("core",))
    assert graph["core.a"] == {"core.sub.b"} and graph["core.sub"] == {"core.sub.b"}
    assert graph["core.sub.b"] == {"core.a"}  # the parent packages core, core.sub are no edge
    assert sorted(set(find_cycle(graph))) == ["core.a", "core.sub.b"]
