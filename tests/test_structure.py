"""The shape of the code, read from its source with `ast`: no import cycle among our modules, and no import of
one of our modules inside a function (that is how a cycle hides). Third-party imports inside functions stay
allowed: they keep optional system libraries (WeasyPrint's Pango) out of runs that do not need them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("scripts",)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolve(node: ast.ImportFrom | ast.Import, name: str, is_package: bool, modules) -> list[str]:
    """The project modules an import statement makes Python run: the module named and each package above it
    that the importer is not itself inside (those are running already). [] for a third-party import."""
    if isinstance(node, ast.Import):
        named = [alias.name for alias in node.names]
    else:
        base = name.split(".") if is_package else name.split(".")[:-1]
        if node.level:
            head = ".".join(base[: len(base) - (node.level - 1)] + ([node.module] if node.module else []))
        else:
            head = node.module or ""
        named = [f"{head}.{alias.name}" if f"{head}.{alias.name}" in modules else head for alias in node.names]
    found = set()
    for target in (t for t in named if t in modules):
        parts = target.split(".")
        for depth in range(1, len(parts) + 1):
            package = ".".join(parts[:depth])
            if package in modules and name != package and not name.startswith(package + "."):
                found.add(package)
    return sorted(found)


def graph() -> tuple[dict[str, set[str]], list[str]]:
    modules = {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    hidden = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = resolve(node, name, path.name == "__init__.py", modules)
            if not targets:
                continue
            if id(node) not in top_level:
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {', '.join(targets)} inside a function")
            edges[name].update(targets)
    return edges, hidden


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
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
                found.append(sorted(component))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_among_our_modules():
    edges, _ = graph()
    assert cycles(edges) == []


def test_no_import_of_our_modules_inside_a_function():
    _, hidden = graph()
    assert hidden == []


def test_the_checker_sees_a_cycle_and_a_hidden_import():
    """The two checks above can fail: a made-up pair of modules that import each other, one of them late."""
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    tree = ast.parse("def f():\n    from .render import x\n")
    node = tree.body[0].body[0]
    modules = {"scripts", "scripts.kb", "scripts.kb.generate", "scripts.kb.render", "scripts.kb.render.env"}
    assert resolve(node, "scripts.kb.generate", False, modules) == ["scripts.kb.render"]
    late = ast.parse("from ..render.env import x\n").body[0]
    assert resolve(late, "scripts.kb.export.pdf", False, modules) == ["scripts.kb.render", "scripts.kb.render.env"]
