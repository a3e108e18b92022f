"""The core and the file layer stay Qt-free; the window is the only Qt entry point; modules
stay small and import one another without cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "bodymap"
MAX_LINES = 400


def _imported_modules(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_core_never_imports_qt() -> None:
    modules = _imported_modules(
        "import bodymap.core.anatomy, bodymap.core.pain, bodymap.core.matching, "
        "bodymap.core.session, bodymap.core.drawing"
    )
    assert "bodymap.core.matching" in modules
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in modules)


def test_cli_analysis_path_never_imports_qt() -> None:
    modules = _imported_modules(
        "import bodymap.cli, bodymap.io.regions_file, bodymap.io.session_file"
    )
    assert "bodymap.io.session_file" in modules
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in modules)


def test_core_modules_do_not_import_upper_layers() -> None:
    """Imports point downward only: core knows nothing of io or ui."""
    import ast
    from pathlib import Path

    core = Path(__file__).resolve().parent.parent / "bodymap" / "core"
    for source in core.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("bodymap.io", "bodymap.ui", "PySide6")), (
                    f"{source.name} imports {name}"
                )


def _bodymap_imports(source: Path) -> set[str]:
    """Every ``bodymap`` module ``source`` imports, at the top, in a function or for type
    checking only (a type-only import is the same back-reference)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {name for name in found if name.startswith("bodymap.")}


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle_between_modules() -> None:
    modules = {
        ".".join(("bodymap", *path.relative_to(PACKAGE).with_suffix("").parts)): path
        for path in PACKAGE.rglob("*.py")
        if path.name != "__init__.py"
    }
    graph = {
        name: {m for m in _bodymap_imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            raise AssertionError(
                "import cycle: " + " -> ".join([*trail[trail.index(name) :], name])
            )
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
