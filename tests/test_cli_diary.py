"""``bodymap diary``, ``compare`` and ``heatmap`` run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bodymap.core.diary import new_entry
from bodymap.core.marks import RegionMark
from bodymap.core.score import PainScore
from bodymap.io.diary_files import add_entry

PARIS = timezone(timedelta(hours=1))


def bodymap(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, cwd=cwd,
        timeout=120,
    )  # fmt: skip


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    folder = tmp_path / "diary"
    days = [
        (1, [RegionMark("back.left.outer_hip", 6)], PainScore(6, 4, 8)),
        (2, [RegionMark("back.left.outer_hip", 5), RegionMark("back.tailbone")], PainScore(4)),
        (5, [], PainScore(1, 2, 3)),
    ]
    for day, marks, score in days:
        entry = new_entry(date=datetime(2026, 11, day, 8, 30, tzinfo=PARIS))
        entry.marks, entry.score = marks, score
        add_entry(folder, entry)
    (folder / "zz-broken.bodymap.json").write_text("{", "utf-8")
    return folder


def test_diary_json_lists_entries_oldest_first_and_the_damaged_one(diary: Path) -> None:
    proc = bodymap("diary", str(diary), "--json")
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(proc.stdout)["entries"]
    assert len(entries) == 4
    good, bad = entries[:3], entries[3]
    assert [e["date"][:10] for e in good] == ["2026-11-01", "2026-11-02", "2026-11-05"]
    assert set(good[0]) == {"path", "date", "nrs", "extent_pct", "regions_touched", "top"}
    assert good[0]["nrs"] == {"now": 6, "usual": 4, "worst": 8}
    assert good[1]["nrs"] == {"now": 4, "usual": None, "worst": None}
    assert [e["regions_touched"] for e in good] == [1, 2, 0]
    assert good[0]["top"]["muscle"] == "quadratus_lumborum" and good[0]["top"]["side"] == "left"
    assert 0 < good[0]["top"]["strength"] <= 1
    assert good[2]["top"] is None and good[2]["extent_pct"] == 0
    assert good[1]["extent_pct"] > good[0]["extent_pct"] > 0
    assert bad["path"].endswith("zz-broken.bodymap.json") and "damaged" in bad["error"]
    assert Path(good[0]["path"]).exists()
    text = bodymap("diary", str(diary))
    assert text.returncode == 0 and "Quadratus lumborum (left)" in text.stdout
    assert "zz-broken.bodymap.json: cannot be read" in text.stdout


def test_compare_json(diary: Path) -> None:
    files = sorted(diary.glob("2026-*.bodymap.json"))
    proc = bodymap("compare", str(files[0]), str(files[1]), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {
        "jaccard", "extent_pct_a", "extent_pct_b", "new_pct", "resolved_pct", "unchanged_pct",
        "nrs_change", "matches_a", "matches_b",
    }  # fmt: skip
    assert 0 < doc["jaccard"] < 1 and doc["resolved_pct"] == 0
    assert doc["new_pct"] > 0 and doc["unchanged_pct"] == doc["extent_pct_a"]
    assert doc["nrs_change"] == {"now": -2, "usual": None, "worst": None}
    assert doc["matches_a"][0]["muscle"] == "quadratus_lumborum"
    same = json.loads(bodymap("compare", str(files[0]), str(files[0]), "--json").stdout)
    assert same["jaccard"] == 1 and same["new_pct"] == 0
    text = bodymap("compare", str(files[0]), str(files[2]))
    assert text.returncode == 0 and "Jaccard index): 0.00" in text.stdout


def test_heatmap_writes_a_png_of_the_range(diary: Path, tmp_path: Path) -> None:
    out = tmp_path / "heat.png"
    proc = bodymap("heatmap", str(diary), str(out), "--from", "2026-11-02", "--to", "2026-11-30")
    assert proc.returncode == 0, proc.stderr
    assert "2 entries" in proc.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["diary", "nowhere"], "no such diary folder"),
        (["compare", "a.bodymap.json", "b.bodymap.json"], "no such file"),
        (["heatmap", "DIARY", "o.png", "--from", "yesterday"], "--from yesterday: not a date"),
        (["heatmap", "DIARY", "o.png", "--from", "2026-11-05", "--to", "2026-11-01"], "swap"),
        (["heatmap", "DIARY", "o.png", "--from", "2027-01-01"], "no readable entries"),
        (["heatmap", "DIARY", "o.png", "--to", "2026-11-01T10:00:00"], "give a time zone"),
        (["heatmap", "DIARY", "nofolder/o.png"], "could not write"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(diary: Path, args: list[str], needle: str) -> None:
    proc = bodymap(*[str(diary) if a == "DIARY" else a for a in args], cwd=diary.parent)
    assert proc.returncode == 2, proc.stdout
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
