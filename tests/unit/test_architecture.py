"""The package's shape: no import cycle between its modules (imports at module level), and no
MkDocs module loaded by importing the whole core."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.site import ROOT

PACKAGE = ROOT / "partnerhub"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports at its top level (not inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {name: _imports(path, name, known) for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, out, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert len(graph) > 30
    assert cycles(graph) == []


def test_a_cycle_would_be_found():
    graph = import_graph()
    graph["partnerhub.text"].add("partnerhub.hub")  # text is imported, indirectly, by hub
    assert any("partnerhub.text" in cycle and "partnerhub.hub" in cycle for cycle in cycles(graph))


def test_the_core_imports_nothing_from_mkdocs():
    """Every module of partnerhub/, imported in a fresh interpreter, loads no mkdocs module:
    the adapter (hooks/partnerhub_site.py) is the only place that knows the generator."""
    import subprocess
    import sys

    names = sorted(_module_name(p) for p in PACKAGE.rglob("*.py"))
    script = ("import importlib, sys\n"
              f"for name in {names!r}:\n"
              "    importlib.import_module(name)\n"
              "print(len(sys.modules))\n"
              "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'properdocs', 'material'))))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    count, loaded = result.stdout.splitlines()
    assert int(count) > 100 and loaded == "[]"
