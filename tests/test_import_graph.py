"""The package import graph, computed from the source with `ast`, is a DAG whose arrows point
down the layers of docs/architecture.md. Runtime imports count (those under `TYPE_CHECKING`
do not), and so do modules started as a child process with `-m`."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Higher layers may import lower ones, never the reverse; packages of one layer not each other
# unless listed in SIDEWAYS.
LAYERS = {
    "cli": 7,
    "bench": 6, "demo": 6,
    "api": 5,
    "documents": 4,
    "services": 3,
    "audit": 2, "projections": 2, "tenants": 2,
    "infra": 1, "seeds": 1,
    "domain": 0,
}
SIDEWAYS = {("audit", "projections")}  # an auditor's replay rebuilds the projections
FORBIDDEN = {("bench", "api"), ("demo", "api")}  # beside cli, through services only
DOMAIN_MAY_IMPORT = {"eventsourcing", "__future__"}

_DASH_M = re.compile(r"""["']-m["']\s*,\s*["']([\w.]+)["']""")


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def runtime_imports(source: str) -> set[str]:
    """Top-level names of every module imported at run time (any depth, not TYPE_CHECKING)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    found.update(module.split(".")[0] for module in _DASH_M.findall(source))
    return found


def package_graph() -> dict[str, dict[str, list[str]]]:
    """package -> imported package -> files making that arrow."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            for imported in runtime_imports(path.read_text(encoding="utf-8")):
                if imported in LAYERS and imported != package:
                    graph[package][imported].append(str(path.relative_to(ROOT)))
    return graph


def wrong_arrows(graph: dict[str, dict[str, list[str]]]) -> list[str]:
    wrong = []
    for source, targets in graph.items():
        for target, files in targets.items():
            down = LAYERS[source] > LAYERS[target] or (source, target) in SIDEWAYS
            if not down or (source, target) in FORBIDDEN:
                wrong.append(f"{source} -> {target} ({', '.join(files)})")
    return sorted(wrong)


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in graph.get(node, {}):
            if state.get(target) == "open":
                found.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for package in LAYERS:
        if package not in state:
            visit(package, [package])
    return found


def test_the_parser_sees_runtime_and_child_process_imports_but_not_type_checking_ones():
    source = (
        "import api.app\nfrom services import x\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from cli import y\n"
        "def f():\n    from bench import z\n"
        "ARGS = [sys.executable, '-m', 'demo.loader']\n")
    assert runtime_imports(source) == {"api", "services", "typing", "bench", "demo"}


def test_the_checks_flag_an_upward_arrow_a_forbidden_one_and_a_cycle():
    graph = {"infra": {"api": ["infra/x.py"]}, "api": {"infra": ["api/y.py"]},
             "bench": {"api": ["bench/z.py"]}}
    assert wrong_arrows(graph) == ["bench -> api (bench/z.py)", "infra -> api (infra/x.py)"]
    assert [set(cycle) for cycle in cycles(graph)] == [{"infra", "api"}]


def test_package_imports_form_a_dag_pointing_down_the_layers():
    graph = package_graph()
    assert cycles(graph) == []
    assert wrong_arrows(graph) == []


def test_domain_imports_only_the_standard_library_and_eventsourcing():
    import sys

    outside = set()
    for path in sorted((ROOT / "domain").rglob("*.py")):
        for name in runtime_imports(path.read_text(encoding="utf-8")):
            if name not in sys.stdlib_module_names and name not in DOMAIN_MAY_IMPORT and name != "domain":
                outside.add(f"{path.relative_to(ROOT)}: {name}")
    assert sorted(outside) == []
