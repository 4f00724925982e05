"""The package's house rules, checked on the code's own imports (README: 结构).

Stages are layered: a module imports only from its own layer or the layers below
it, so the path of a returned file runs down the stages without doubling back; only
the CLI knows the terminal; reading never imports the writer; no import cycles.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from huitoukan.campaign import Campaign

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "huitoukan"
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "text", "dates", "cells", "files", "json_output", "model", "background"}),
    frozenset({"campaign"}),
    frozenset({"xlsx"}),
    frozenset({"forms"}),
    frozenset({"checks"}),
    frozenset({"returns"}),
    frozenset({"findings"}),
    frozenset({"register"}),
    frozenset({"letters"}),
    frozenset({"actions"}),
    frozenset({"cli"}),
    frozenset({"__init__", "__main__"}),
)
"""From the bottom up: shared base, then the stages in pipeline order, then the shell."""


def _modules() -> dict[str, set[str]]:
    """Module (dotted, under huitoukan) → the huitoukan modules it imports (anywhere in it)."""
    result: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts).removesuffix(".__init__")
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
        result[name] = imported
    return result


def _own(imported: set[str], modules: dict[str, set[str]]) -> set[str]:
    return {
        name.removeprefix("huitoukan.")
        for name in imported
        if name.startswith("huitoukan.") and name.removeprefix("huitoukan.") in modules
    }


def _layer(module: str) -> int:
    top = module.split(".")[0]
    return next(i for i, layer in enumerate(LAYERS) if top in layer)


def test_every_module_belongs_to_a_layer() -> None:
    for module in _modules():
        _layer(module)


def test_imports_point_down_the_layers() -> None:
    modules = _modules()
    upward = [
        f"{module} → {target}"
        for module, imported in modules.items()
        for target in _own(imported, modules)
        if _layer(target) > _layer(module)
    ]
    assert upward == []


def test_only_the_cli_knows_the_terminal() -> None:
    for module, imported in _modules().items():
        terminal = {n for n in imported if n.split(".")[0] in ("typer", "rich", "click")}
        if not module.startswith(("cli", "__main__")):
            assert not terminal, f"{module} imports {terminal}"


def test_reading_never_imports_the_writer() -> None:
    modules = _modules()
    for module, imported in modules.items():
        if module.startswith(("returns", "checks")) or module == "register.reading":
            assert not {m for m in _own(imported, modules) if m.startswith("xlsx")}, module


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {m: _own(imported, modules) - {m} for m, imported in modules.items()}
    # A package's __init__ re-exporting its own modules is not a cycle of meaning.
    for module in graph:
        graph[module] = {t for t in graph[module] if not module.startswith(t + ".")}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in graph[node]:
            if state.get(target) == 1:
                raise AssertionError(" → ".join([*path, node, target]))
            if target not in state:
                visit(target, [*path, node])
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module, [])


def test_every_problem_code_has_its_rule() -> None:
    from huitoukan.model.problems import CATALOGUE, Code

    assert set(CATALOGUE) == set(Code)


_MODULES_LOADED = """
import runpy, sys
sys.argv = ["huitoukan", *sys.argv[1:]]
try:
    runpy.run_module("huitoukan", run_name="__main__")
except SystemExit:
    pass
sys.__stdout__.write("\\nLOADED " + " ".join(sorted(sys.modules)))
"""


def test_collect_and_status_json_do_not_load_openpyxl(tmp_path: Path, campaign: Campaign) -> None:
    """Collect and status read with python-calamine and write with the package's own
    writer: openpyxl (a fifth of a second to import) is for the forms that need its
    styles, and a module of the reading path importing one of those costs every run."""
    from tests.helpers import filled_form, hazard

    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [hazard()])
    register = tmp_path / "台账.xlsx"
    for args in (
        ["collect", str(returns), "-o", str(register), "--json", "--as-of", "2023-12-20"],
        ["status", str(register), "--json", "--as-of", "2023-12-20"],
    ):
        run = subprocess.run(
            [sys.executable, "-c", _MODULES_LOADED, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
        )
        loaded = run.stdout.rpartition("\nLOADED ")[2].split()
        assert "huitoukan.actions.collect" in loaded or "huitoukan.actions.state" in loaded
        # nor Pillow, which only shrinks the photos report and sample print
        assert not [m for m in loaded if m.split(".")[0] in ("openpyxl", "PIL")], (
            args[0],
            run.stderr,
        )
