"""The session at the documented limits (``bodymap.core.marks``): every command within 3 s
and 500 MB, with no kept pain to reuse (a file written by hand or by another program: the
worst case, everything folded)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import processes
import synthetic

from bodymap.core.marks import MAX_MARKS, MAX_TOTAL_POINTS
from bodymap.core.session import Session
from bodymap.io.session_file import save_session

BUDGET_S, BUDGET_MB = 3.0, 500.0


def limits_session(root: Path) -> Path:
    """``MAX_MARKS`` strokes of ``MAX_TOTAL_POINTS / MAX_MARKS`` points, saved without pain."""
    per = MAX_TOTAL_POINTS // MAX_MARKS
    marks = list(synthetic.many_strokes(MAX_MARKS, points_per_stroke=per))
    path = root / "at-the-limits.bodymap.json"
    save_session(Session(marks=marks), path)  # type: ignore[arg-type]
    return path


def measure(root: Path, env: dict[str, str], cwd: Path) -> dict[str, tuple[float, float]]:
    """(seconds, peak MB) of ``analyze``, ``export`` and opening the window on the session."""
    session = limits_session(root)
    py = sys.executable
    out: dict[str, tuple[float, float]] = {}
    for name, cmd in (
        ("analyze", [py, "-m", "bodymap", "analyze", str(session)]),
        (
            "export",
            [py, "-m", "bodymap", "export", str(session), str(root / "limits.png"), "--force"],
        ),
    ):
        start = time.perf_counter()
        kib = processes.run_measured(cmd, env, cwd)
        out[name] = (time.perf_counter() - start, kib * 1024 / 1e6)
    first, ready, kib = processes.first_paint([py, "main.py", str(session)], env, cwd)
    out["open in the window"] = (ready or first, kib * 1024 / 1e6)
    return out
