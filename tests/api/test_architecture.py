"""The shape of functions/: no import cycles, no reading another module's private names, and
role checks only in the permissions module. Read from the source (AST), so nothing runs."""

import ast
import subprocess
import sys
from pathlib import Path

from functions.config import REPO_ROOT

PACKAGE = REPO_ROOT / "functions"
ROLE_FIELDS = {"roles", "editor_units"}
# Where a person's roles may be read: the table itself, and the directory that stores them.
ROLE_READERS = {"functions.permissions", "functions.directory.schemas",
                "functions.directory.service",
                "functions.directory.changes"}  # records role changes; decides nothing


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


def tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text(encoding="utf-8"))


def _base(name: str, level: int, target: str | None) -> str:
    """The absolute module a relative import names."""
    package = name if MODULES[name].name == "__init__.py" else name.rsplit(".", 1)[0]
    for _ in range(level - 1):
        package = package.rsplit(".", 1)[0]
    return f"{package}.{target}" if target else package


def imports(name: str) -> set[str]:
    """Every module of functions/ this one imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _base(name, node.level, node.module) if node.level else node.module
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}  # `from . import module`
    return {m for m in found if m in MODULES and m != name}


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    graph = {m: imports(m) for m in MODULES}
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for m in graph:
        if m not in index:
            visit(m)
    return groups


def test_no_module_of_functions_imports_itself_back():
    assert cycles() == []


def _own_private_names(module: ast.Module) -> set[str]:
    """Private names this module defines: functions, classes, variables and attributes."""
    own = set()
    for node in ast.walk(module):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
        elif isinstance(node, ast.arg):
            own.add(node.arg)
    return {n for n in own if n.startswith("_")}


def private_reads(name: str) -> list[str]:
    module = tree(name)
    own = _own_private_names(module)
    found = []
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom):
            found += [f"from {node.module} import {a.name}" for a in node.names
                      if a.name.startswith("_")]
        elif (isinstance(node, ast.Attribute) and node.attr.startswith("_")
              and not node.attr.startswith("__") and node.attr not in own):
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


def test_no_module_reads_another_modules_private_names():
    found = {name: private_reads(name) for name in MODULES}
    assert {name: reads for name, reads in found.items() if reads} == {}


def test_only_the_permissions_module_reads_roles():
    readers = set()
    for name in MODULES:
        for node in ast.walk(tree(name)):
            if isinstance(node, ast.Constant) and node.value in ROLE_FIELDS:
                readers.add(name)
    assert readers - ROLE_READERS == set()


def test_the_lambda_workers_load_no_flask_app_and_no_blueprint():
    code = ("import sys, functions.workers\n"
            "print(sorted(m for m in sys.modules if m == 'functions.wsgi' or m == "
            "'functions.app' or m.endswith('.routes')))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    assert loaded == "[]"
