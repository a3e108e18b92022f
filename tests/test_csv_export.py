"""``bodymap export-csv``: one row per entry, read back with the csv module."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bodymap.core.diary import new_entry
from bodymap.core.entry_facts import FactFinder
from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.metrics import regions_touched, session_pain
from bodymap.core.score import PainScore
from bodymap.core.session import Session
from bodymap.io.csv_export import ENTRY_COLUMNS, columns, row, table_bytes
from bodymap.io.diary_files import add_entry

PARIS = timezone(timedelta(hours=1))
NOTE = 'Worse after driving, "sharp"; sitting helps,\nthen aching again. Éva ✓'


def bodymap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, timeout=120
    )


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    folder = tmp_path / "diary"
    days = [
        (1, [RegionMark("back.left.outer_hip", 6, "burning")], PainScore(6, 4, 8), NOTE),
        (2, [RegionMark("back.left.outer_hip"), RegionMark("back.tailbone")], PainScore(4), ""),
        (5, [], PainScore(), ""),
    ]
    for day, marks, score, note in days:
        entry = new_entry(date=datetime(2026, 11, day, 8, 30, tzinfo=PARIS))
        entry.marks, entry.score, entry.note = list(marks), score, note
        add_entry(folder, entry)
    return folder


def test_columns_are_stable_and_cover_every_muscle_side(anatomy) -> None:  # type: ignore[no-untyped-def]
    header = columns(anatomy)
    assert header[: len(ENTRY_COLUMNS)] == list(ENTRY_COLUMNS)
    assert {"entry", "date", "nrs_now", "nrs_usual", "nrs_worst", "extent_pct",
            "regions_touched", "choir", "regions", "qualities"} <= set(header)  # fmt: skip
    sides = header[len(ENTRY_COLUMNS) :]
    assert len(sides) == 6 * len(anatomy.muscles) == len(set(sides))
    muscles = [c.rsplit("_", 2)[0] for c in sides[::6]]
    assert muscles == sorted(anatomy.muscles)
    assert sides[:6] == [f"{muscles[0]}_{s}_{f}" for s in ("left", "right")
                         for f in ("score", "strength", "explained")]  # fmt: skip


def test_a_diary_round_trips_through_the_csv_module(diary: Path, tmp_path: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "table.csv"
    proc = bodymap("export-csv", str(diary), str(out))
    assert proc.returncode == 0, proc.stderr
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    header, rows = read_table(out)
    assert header == columns(anatomy) and len(rows) == 3
    first, second, empty = rows
    assert [r["date"] for r in rows] == [
        "2026-11-01T08:30:00+01:00", "2026-11-02T08:30:00+01:00", "2026-11-05T08:30:00+01:00"
    ]  # fmt: skip
    assert (first["nrs_now"], first["nrs_usual"], first["nrs_worst"]) == ("6", "4", "8")
    assert (second["nrs_now"], second["nrs_usual"], second["nrs_worst"]) == ("4", "", "")
    assert first["note"] == NOTE  # quotes, comma, line break and accents survive
    assert first["qualities"] == "burning" and second["qualities"] == ""
    assert first["regions"] == "back.left.outer_hip"
    assert set(second["regions"].split()) == {"back.left.outer_hip", "back.tailbone"}
    assert second["regions_touched"] == "2"
    hip = anatomy.regions["back.left.outer_hip"].choir
    assert first["choir"] == ",".join(str(c) for c in sorted(hip))
    assert float(second["extent_pct"]) > float(first["extent_pct"]) > 0
    assert first["top_muscle"] == "quadratus_lumborum" and first["top_side"] == "left"
    assert first["quadratus_lumborum_left_strength"] in ("strong", "moderate", "weak")
    assert 0 < float(first["quadratus_lumborum_left_score"]) <= 1
    assert first["quadratus_lumborum_right_score"] == "0"  # measured: no contact
    assert first["quadratus_lumborum_right_strength"] == ""
    assert empty["regions"] == "" and empty["choir"] == "" and empty["extent_pct"] == "0"
    assert empty["quadratus_lumborum_left_score"] == ""  # no pain: nothing measured
    assert Path(first["entry"]).name.startswith("2026-11-01")


def test_rows_agree_with_a_direct_measure(anatomy) -> None:  # type: ignore[no-untyped-def]
    stroke = Stroke("back", ((150.0, 380.0), (170.0, 420.0), (160.0, 470.0)), 18.0, 7)
    session = Session(marks=[stroke, RegionMark("front.left.groin", 3, "tingling")])
    fields = row(anatomy, "x", FactFinder(anatomy).facts(session))
    touched = regions_touched(anatomy, session_pain(anatomy, session))
    assert fields["regions"].split() == list(touched)
    assert fields["regions_touched"] == str(len(touched))
    assert fields["qualities"] == "tingling"
    header = columns(anatomy)
    back = table_bytes(header, [fields]).decode("utf-8").splitlines()
    assert back[0].split(",") == header and len(back) == 2


def test_a_damaged_entry_is_named_and_the_others_are_written(diary: Path, tmp_path: Path) -> None:
    (diary / "zz-broken.bodymap.json").write_text("{", "utf-8")
    out = tmp_path / "table.csv"
    proc = bodymap("export-csv", str(diary), str(tmp_path / "nothing.bodymap.json"), str(out))
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert any("zz-broken.bodymap.json" in line for line in lines)
    assert any("nothing.bodymap.json" in line for line in lines)
    assert "Traceback" not in proc.stderr and len(lines) == 3  # two named, one summary
    assert len(read_table(out)[1]) == 3


def test_an_empty_diary_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "table.csv"
    proc = bodymap("export-csv", str(empty), str(out))
    assert proc.returncode == 2 and not out.exists()
    assert "no entries" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 2  # the folder named, then nothing written


@pytest.mark.parametrize("where", ["missing/table.csv", "file/table.csv", "."])
def test_an_unwritable_output_is_one_line(diary: Path, tmp_path: Path, where: str) -> None:
    (tmp_path / "file").write_text("x")
    proc = bodymap("export-csv", str(diary), str(tmp_path / where))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
