"""The core and the file layer stay Qt-free; the window is the only Qt entry point."""

from __future__ import annotations

import subprocess
import sys


def _imported_modules(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_core_never_imports_qt() -> None:
    modules = _imported_modules(
        "import bodymap.core.anatomy, bodymap.core.pain, bodymap.core.matching, "
        "bodymap.core.session"
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
