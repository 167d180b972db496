"""A name imported only for the type checker is never used when the code runs.

Start-up work moves heavy imports under `if TYPE_CHECKING:`; a name imported there
exists for annotations only (every module has `from __future__ import annotations`),
and a runtime use of it is a NameError the first time that line runs. One such use
broke every command-line export once. This reads every module of the package and
names each use of such a name outside annotations that no local import covers.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "newsdesk"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported_names(nodes: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                for alias in inner.names:
                    names.add((alias.asname or alias.name).split(".")[0])
    return names


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """ids of every node inside an annotation (never evaluated at run time here)."""
    inside: set[int] = set()

    def mark(annotation: ast.AST | None) -> None:
        if annotation is not None:
            inside.update(id(n) for n in ast.walk(annotation))

    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            mark(node.returns)
            arguments = node.args
            for arg in (
                *arguments.posonlyargs,
                *arguments.args,
                *arguments.kwonlyargs,
                arguments.vararg,
                arguments.kwarg,
            ):
                if arg is not None:
                    mark(arg.annotation)
        elif isinstance(node, ast.AnnAssign):
            mark(node.annotation)
    return inside


def _runtime_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    checking_only: set[str] = set()
    runtime_imports: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            checking_only |= _imported_names(node.body)
            runtime_imports |= _imported_names(node.orelse)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            runtime_imports |= _imported_names([node])
    checking_only -= runtime_imports
    if not checking_only:
        return []
    annotations = _annotation_nodes(tree)
    found: list[str] = []

    def visit(node: ast.AST, covered: frozenset[str]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            # A function that imports the name itself (the lazy import) may use it.
            body = node.body if isinstance(node.body, list) else []
            covered = covered | _imported_names(body)
        if (
            isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Load)
            and node.id in checking_only
            and node.id not in covered
            and id(node) not in annotations
        ):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.id}")
        for child in ast.iter_child_nodes(node):
            if isinstance(node, ast.If) and _is_type_checking(node.test) and child in node.body:
                continue
            visit(child, covered)

    visit(tree, frozenset())
    return found


def test_no_name_imported_for_the_type_checker_only_is_used_at_run_time():
    uses = [use for path in sorted(PACKAGE.rglob("*.py")) for use in _runtime_uses(path)]
    assert uses == []


def test_the_check_finds_such_a_use(tmp_path):
    module = tmp_path / "newsdesk" / "example.py"
    module.parent.mkdir()
    module.write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from newsdesk.publish.export.selection import ArticleSelection\n"
        "def ids(articles: ArticleSelection) -> list[int]:\n"
        "    return list(articles.ids)\n"
        "def lazy(articles) -> bool:\n"
        "    from newsdesk.publish.export.selection import ArticleSelection\n"
        "    return isinstance(articles, ArticleSelection)\n"
        "def broken(articles) -> bool:\n"
        "    return isinstance(articles, ArticleSelection)\n",
        encoding="utf-8",
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "newsdesk"
    try:
        assert _runtime_uses(module) == ["newsdesk/example.py:11: ArticleSelection"]
    finally:
        PACKAGE = saved
