"""The package's shape: no module imports another's private names, no import cycles
between modules, no module past the line limit, and the pure core imports no YAML. (The
directions between layers are import-linter contracts in pyproject.toml, run by
``lint-imports``.)"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SOURCE / "factlint"


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a module of the package
    names: tuple[str, ...]  # the names taken from it (``from m import a, b``)
    line: int


def modules(package: Path = PACKAGE, source: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(source).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield Import(name, alias.name, (), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node, package)
            if target is None:
                continue
            names = tuple(alias.name for alias in node.names)
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in known]
            for submodule in submodules:  # ``from factlint.engine import checking``
                yield Import(name, submodule, (), node.lineno)
            if target in known:
                taken = tuple(n for n in names if f"{target}.{n}" not in known)
                yield Import(name, target, taken, node.lineno)


def _absolute(node: ast.ImportFrom, package: str) -> str | None:
    if node.level == 0:
        return node.module
    base = package.split(".")
    if node.level > 1:
        base = base[: -(node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(found: dict[str, Path]) -> list[str]:
    """Every use of another module's private name: ``from m import _x``, or ``m._x`` on a
    module imported whole (``import a.m as m``, ``from a import m``)."""
    known = set(found)
    problems = []
    for name, path in found.items():
        for item in imports_of(name, path, known):
            private = [n for n in item.names if _private(n)]
            if private and item.imported != name:
                problems.append(
                    f"{item.importer} (line {item.line}) imports {', '.join(private)} "
                    f"from {item.imported}"
                )
        problems += _private_attributes(name, path, known)
    return problems


def _private_attributes(name: str, path: Path, known: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    aliases: dict[str, str] = {}  # a local name -> the module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in known:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in known:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = _dotted(node.value)
            module = aliases.get(owner, owner) if owner else None
            if module in known and module != name:
                problems.append(f"{name} (line {node.lineno}) uses {module}.{node.attr}")
    return problems


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else None."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def import_graph(found: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the modules it imports, every import counted: one inside a function or
    under ``if TYPE_CHECKING`` only hides a cycle."""
    known = set(found)
    graph: dict[str, set[str]] = {name: set() for name in found}
    for name, path in found.items():
        for item in imports_of(name, path, known):
            if item.imported != name:
                graph[name].add(item.imported)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as the modules around it (first repeated at the end)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = [start]
        stack: list[Iterator[str]] = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            following = next(stack[-1], None)
            if following is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(following) == 1:
                return [*path[path.index(following) :], following]
            elif not state.get(following):
                state[following] = 1
                path.append(following)
                stack.append(iter(sorted(graph.get(following, ()))))
    return None


def test_no_module_imports_another_modules_private_names() -> None:
    assert private_imports(modules()) == []


MODULE_LINE_LIMIT = 500
"""Small modules with one job (docs/design.md): a module grows past this only with its reason
recorded in LARGE_MODULES."""
LARGE_MODULES: dict[str, str] = {}


def oversized(found: dict[str, Path]) -> list[str]:
    """Modules longer than the limit and not recorded as large for a reason."""
    out = []
    for name, path in found.items():
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MODULE_LINE_LIMIT and name not in LARGE_MODULES:
            out.append(f"{name}: {lines} lines")
    return out


def test_no_module_outgrows_the_line_limit(tmp_path: Path) -> None:
    assert oversized(modules()) == []
    (tmp_path / "factlint").mkdir()
    (tmp_path / "factlint" / "big.py").write_text("x = 1\n" * (MODULE_LINE_LIMIT + 1))
    assert oversized(modules(tmp_path / "factlint", tmp_path)) == ["factlint.big: 501 lines"]


def test_no_import_cycle_between_modules() -> None:
    cycle = find_cycle(import_graph(modules()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    package = tmp_path / "factlint"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "a.py").write_text("from factlint.b import _hidden, shown\n")
    (package / "b.py").write_text("def f():\n    from .inner import c\n_hidden = shown = 1\n")
    (package / "inner" / "c.py").write_text(
        "from ..a import shown\nimport factlint.b as b\nfrom factlint import a\n"
        "b._hidden, a._own, factlint.b._hidden, b.__name__\n"
    )
    found = modules(package, tmp_path)
    assert set(found) == {
        "factlint",
        "factlint.inner",
        "factlint.a",
        "factlint.b",
        "factlint.inner.c",
    }
    assert private_imports(found) == [
        "factlint.a (line 1) imports _hidden from factlint.b",
        "factlint.inner.c (line 4) uses factlint.b._hidden",
        "factlint.inner.c (line 4) uses factlint.a._own",
        "factlint.inner.c (line 4) uses factlint.b._hidden",
    ]
    cycle = find_cycle(import_graph(found))
    assert cycle == ["factlint.a", "factlint.b", "factlint.inner.c", "factlint.a"]


@pytest.mark.parametrize("module", ["factlint.engine.checking", "factlint.model"])
def test_the_pure_core_imports_no_yaml(module: str) -> None:
    code = f"import {module}, sys; assert 'yaml' not in sys.modules, sorted(sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_checking_leaves_the_garbage_collector_alone() -> None:
    code = """
import gc, sys
import factlint
from factlint.engine.checking import check_sets
facts = factlint.facts_from_dict({"report": {"id": "r"}, "facts": {
    "a": {"value": "1亿元"}, "b": {"value": "2亿元"}, "c": {"value": "3亿元"}}})
rules = factlint.rules_from_dict([{"id": "s", "sum": {"parts": ["a", "b"], "total": "c"}}])
def refuse(*args):
    sys.exit("the check changed the garbage collector's state")
gc.disable = gc.enable = gc.freeze = gc.unfreeze = refuse
assert len(check_sets(facts, rules.rules).results) > 1
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
