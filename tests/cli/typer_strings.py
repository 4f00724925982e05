"""Find the strings typer and its vendored click can print, by reading their source.

Used by the tests (to notice when a typer upgrade adds or rewords a message) and by
NOTES.md.  Run it to list them: ``python tests/typer_strings.py``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import typer

TYPER_DIR = Path(typer.__file__).parent

#: Modules that run while parsing the command line and printing help or errors.
RUNTIME_MODULES = (
    "_click/core.py",
    "_click/decorators.py",
    "_click/exceptions.py",
    "_click/formatting.py",
    "_click/parser.py",
    "_adapters.py",
    "_coercion.py",
    "_display.py",
    "_param_types.py",
    "core.py",
    "rich_utils.py",
)

#: Callables whose string arguments reach the user.
_SINK_CALLS = frozenset(
    {
        "_",
        "gettext",
        "ngettext",
        "echo",
        "fail",
        "secho",
        "ClickException",
        "UsageError",
        "BadParameter",
        "MissingParameter",
        "NoSuchOption",
        "BadOptionUsage",
        "BadArgumentUsage",
        "FileError",
        "ValueError",
    }
)
#: Variables whose string values reach the user.
_SINK_NAMES = frozenset(
    {
        "message",
        "msg",
        "suggest",
        "hint",
        "prefix",
        "deprecated_message",
        "extra_message",
        "subcommand_metavar",
        "label",
    }
)
#: Functions whose returned strings reach the user.
_SINK_FUNCTIONS = frozenset(
    {"format_message", "get_missing_message", "describe_number_range", "__str__"}
)


def template(node: ast.AST) -> str | None:
    """A string constant, or an f-string with each expression replaced by ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _sink_values(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _callee(node) in _SINK_CALLS:
            yield from node.args
            yield from (kw.value for kw in node.keywords if kw.arg in ("message", "help"))
        elif isinstance(node, ast.Call) and _callee(node) == "option":
            yield from (kw.value for kw in node.keywords if kw.arg == "help")
        elif isinstance(node, ast.Assign):
            names = {t.id for t in node.targets if isinstance(t, ast.Name)}
            names |= {t.attr for t in node.targets if isinstance(t, ast.Attribute)}
            if names & _SINK_NAMES:
                yield node.value
        elif isinstance(node, ast.FunctionDef):
            for arg, default in zip(
                node.args.args[-len(node.args.defaults) :] if node.args.defaults else [],
                node.args.defaults,
                strict=True,
            ):
                if arg.arg in ("options_metavar", "subcommand_metavar"):
                    yield default
            if node.name in _SINK_FUNCTIONS:
                yield from (
                    sub.value
                    for sub in ast.walk(node)
                    if isinstance(sub, ast.Return) and sub.value is not None
                )


def _expand(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.IfExp):
        yield from _expand(node.body)
        yield from _expand(node.orelse)
    else:
        yield node


def user_facing_templates() -> set[str]:
    """Every user-facing string template in the runtime modules, expressions as ``{}``."""
    found = set()
    for module in RUNTIME_MODULES:
        tree = ast.parse((TYPER_DIR / module).read_text(encoding="utf-8"))
        for value in _sink_values(tree):
            for node in _expand(value):
                text = template(node)
                if text and text.replace("{}", "").strip():
                    found.add(text)
    return found


def gettext_msgids() -> set[str]:
    """The msgids typer passes to ``_()`` / ``gettext()`` / ``ngettext()``, anywhere."""
    found = set()
    for path in TYPER_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _callee(node) in ("_", "gettext", "ngettext"):
                for arg in node.args:
                    text = template(arg)
                    if text is not None:
                        found.add(text)
    return found


def string_literals() -> list[str]:
    """Every string constant and f-string literal part in typer's source."""
    pieces = []
    for path in TYPER_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                pieces.append(node.value)
    return pieces


def modules_importing_gettext() -> list[str]:
    """typer modules that import gettext (in 0.29.2: core.py and rich_utils.py only)."""
    found = []
    for path in sorted(TYPER_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "gettext"
                or (isinstance(node, ast.Import) and any(a.name == "gettext" for a in node.names))
            ):
                found.append(path.relative_to(TYPER_DIR).as_posix())
    return found


if __name__ == "__main__":
    print("gettext msgids:")
    for text in sorted(gettext_msgids()):
        print(f"  {text!r}")
    print("\nhard-coded user-facing templates:")
    for text in sorted(user_facing_templates() - gettext_msgids()):
        print(f"  {text!r}")
    print("\nmodules importing gettext:", ", ".join(modules_importing_gettext()))
