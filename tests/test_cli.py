"""The command line, run as a user runs it: a separate process, exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def bodymap(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, cwd=cwd,
        timeout=120,
    )  # fmt: skip


def test_analyze_json_ranks_ql_for_the_outer_hip(tmp_path: Path) -> None:
    proc = bodymap("analyze", "--mark", "back.left.outer_hip", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    first = doc["matches"][0]
    assert first["muscle"] == "quadratus_lumborum" and first["side"] == "left"
    assert set(first) == {
        "muscle", "name", "side", "score", "pain_explained", "zone_covered", "strength", "group"
    }  # fmt: skip
    assert first["strength"] in {"strong", "moderate", "weak"}
    assert first["group"] == "superficial lower"
    assert {"also_touches", "other_causes", "warnings", "unexplained"} <= set(doc)
    scores = [m["score"] for m in doc["matches"]]
    assert scores == sorted(scores, reverse=True)
    assert 0 <= doc["unexplained"] <= 1


def test_analyze_table_and_session_with_marks(tmp_path: Path) -> None:
    from bodymap.core.marks import Stroke
    from bodymap.core.session import Session
    from bodymap.io.session_file import save_session

    session = tmp_path / "s.bodymap.json"
    save_session(Session([Stroke("front", ((236, 470), (238, 490)), 14, 6)]), session)
    proc = bodymap("analyze", str(session), "--mark", "back.right.outer_hip")
    assert proc.returncode == 0, proc.stderr
    assert "Quadratus lumborum" in proc.stdout and "right" in proc.stdout
    assert "Pain no listed pattern explains" in proc.stdout and "strength" in proc.stdout
    # what the list is, before it: resemblance, not a diagnosis
    assert proc.stdout.index("Patterns that resemble this drawing") < proc.stdout.index("Quadr")
    assert "not a diagnosis" in proc.stdout


def test_regions_json_lists_every_region() -> None:
    proc = bodymap("regions", "--json")
    assert proc.returncode == 0
    rows = json.loads(proc.stdout)["regions"]
    ids = {r["id"] for r in rows}
    assert {"back.left.outer_hip", "front.pubic", "back.tailbone"} <= ids
    row = next(r for r in rows if r["id"] == "back.left.outer_hip")
    assert row["view"] == "back" and row["side"] == "left" and row["area"] > 0
    assert len(row["point"]) == 2


def test_validate_ok_and_broken(tmp_path: Path) -> None:
    proc = bodymap("validate")
    assert proc.returncode == 0 and "OK" in proc.stdout
    broken = tmp_path / "regions.yaml"
    broken.write_text(
        "format: bodymap-regions\nversion: 1\nviews: 7\nregions: []\nmuscles: []\nsafety: {}\n",
        encoding="utf-8",
    )
    proc = bodymap("validate", str(broken))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert f"{broken}:3:8:" in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "--mark", "back.left.wing"],
        ["analyze", "missing.bodymap.json"],
        ["--regions", "nowhere.yaml", "regions"],
        ["export", "missing.bodymap.json", "out.png"],
        ["export", "x.bodymap.json", "out.png", "--scale", "9"],
    ],
)
def test_user_errors_exit_2_with_one_line(tmp_path: Path, args: list[str]) -> None:
    proc = bodymap(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("bodymap: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


def test_corrupt_session_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bodymap.json"
    bad.write_text('{"format": "bodymap-session", "version": 1, "marks": [', encoding="utf-8")
    proc = bodymap("analyze", str(bad))
    assert proc.returncode == 2
    assert str(bad) in proc.stderr and "Traceback" not in proc.stderr


def test_analyze_json_gives_extent_and_regions_touched(tmp_path: Path) -> None:
    proc = bodymap(
        "analyze", "--mark", "back.left.outer_hip", "--mark", "back.tailbone", "--json"
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["regions_touched"] == 2
    assert 0 < doc["extent_pct"] < 5
    by_view = doc["extent_pct_by_view"]
    assert by_view["front"] == 0 and by_view["back"] == pytest.approx(
        2 * doc["extent_pct"], abs=0.01
    )
    assert {"matches", "unexplained"} <= set(doc)
