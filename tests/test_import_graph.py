"""No two top-level packages import each other, however indirectly.

Each module's imports are read with `ast` (nothing is imported), lazy ones inside functions
included: a cycle that only runs late is still a cycle a reader has to untangle. The graph
is between packages (`carecall` -> `assembly`), not modules; a failure lists each cycle with
the files that make its edges.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def packages(root: Path = ROOT) -> set[str]:
    return {p.name for p in root.iterdir() if (p / "__init__.py").is_file()}


def imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.append(node.module)
    return names


def package_graph(root: Path = ROOT) -> dict[tuple[str, str], set[str]]:
    """`(importer, imported) -> files`, between distinct top-level packages."""
    tops = packages(root)
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for pkg in sorted(tops):
        for path in sorted((root / pkg).rglob("*.py")):
            for name in imported(ast.parse(path.read_text(), str(path))):
                top = name.partition(".")[0]
                if top in tops and top != pkg:
                    edges[(pkg, top)].add(str(path.relative_to(root)))
    return edges


def cycles(edges) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan), each sorted."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def describe(group: list[str], edges) -> str:
    inside = [(a, b) for (a, b) in sorted(edges) if a in group and b in group]
    return "; ".join(f"{a} -> {b} ({', '.join(sorted(edges[a, b]))})" for a, b in inside)


def test_no_cycle_between_packages() -> None:
    edges = package_graph()
    found = cycles(edges)
    assert not found, "import cycles between packages:\n" + "\n".join(
        describe(g, edges) for g in found
    )


def test_the_check_finds_a_cycle(tmp_path: Path) -> None:
    for pkg, body in {
        "low": "import json\n",
        "mid": "from low import x\n\ndef f():\n    from top.cli import main\n",
        "top": "import mid.sub\nfrom . import here\n",
    }.items():
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text(body)
    edges = package_graph(tmp_path)
    assert set(edges) == {("mid", "low"), ("mid", "top"), ("top", "mid")}
    assert cycles(edges) == [["mid", "top"]]
    assert "mid -> top (mid/__init__.py)" in describe(["mid", "top"], edges)


def test_telephony_and_models_stay_low() -> None:
    """The phone line loads no models and no app; `models` depends on no package here."""
    edges = package_graph()
    assert not {b for a, b in edges if a == "models"}
    assert not {b for a, b in edges if a == "telephony"} - {"telephony"}
