"""CHOIR codes in (``bodymap import-choir``) and out (the CSV ``choir`` column)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bodymap.core.choir import (
    BACK,
    FRONT,
    ChoirCodeError,
    codes_of_regions,
    crosswalk_in,
    parse_codes,
    redcap_key,
    regions_of_codes,
)
from bodymap.io.choir_import import session_of_codes
from bodymap.io.session_file import load_session, save_session


def bodymap(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, input=stdin,
        timeout=120,
    )  # fmt: skip


def test_both_forms_of_code_strings_read_alike() -> None:
    assert parse_codes("128,117,107") == (128, 117, 107)
    assert parse_codes("b07,f01") == (207, 101)
    assert parse_codes(" F28 ; b18  212,212 ") == (128, 218, 212)  # each once, in order
    assert [redcap_key(c) for c in (128, 207, 101)] == ["f28", "b07", "f01"]
    assert all(parse_codes(redcap_key(c)) == (c,) for c in (*FRONT, *BACK))


@pytest.mark.parametrize("text, code", [
    ("128,999", "999"), ("b39", "b39"), ("f00", "f00"), ("12", "12"), ("128,abc", "abc"),
    ("137", "137"), ("200", "200"), ("", ""), (" , ", ""),
])  # fmt: skip
def test_unknown_codes_are_named(text: str, code: str) -> None:
    with pytest.raises(ChoirCodeError) as caught:
        parse_codes(text)
    assert caught.value.code == code
    assert "\n" not in str(caught.value)


def test_every_segment_a_region_lists_paints_regions_listing_it(anatomy) -> None:  # type: ignore[no-untyped-def]
    walk = crosswalk_in(anatomy)
    listed = {c for r in anatomy.regions.values() for c in r.choir}
    assert set(walk) == listed
    for code, regions in walk.items():
        assert regions and all(code in anatomy.regions[r].choir for r in regions)
        # The codes of the regions a segment paints hold that segment: it comes back out.
        assert code in codes_of_regions(anatomy, regions)


def test_segments_land_on_the_matching_side_and_view(anatomy) -> None:  # type: ignore[no-untyped-def]
    # CHOIR titles (segments.csv): 128 hand (palm-left), 117 abdomen (front-left),
    # 107 shoulder (front-right), 228 upper leg (back-left).
    for code, view, side in ((128, "front", "left"), (117, "front", "left"),
                             (107, "front", "right"), (228, "back", "left")):  # fmt: skip
        regions, missing = regions_of_codes(anatomy, [code])
        assert regions and not missing
        assert {anatomy.regions[r].view for r in regions} == {view}
        assert {anatomy.regions[r].side for r in regions} == {side}
    assert "front.left.hand" in regions_of_codes(anatomy, [128])[0]
    assert "back.left.back_of_thigh" in regions_of_codes(anatomy, [228])[0]


def test_import_then_analyze_gives_the_expected_regions(tmp_path: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "imported.bodymap.json"
    proc = bodymap("import-choir", "128,117,107", str(out))
    assert proc.returncode == 0, proc.stderr
    session = load_session(out, anatomy)
    expected, _ = regions_of_codes(anatomy, [128, 117, 107])
    assert sorted(m.region for m in session.marks) == sorted(expected)  # type: ignore[union-attr]
    assert "128,117,107" in session.note
    analysed = bodymap("analyze", str(out), "--json")
    assert analysed.returncode == 0, analysed.stderr
    doc = json.loads(analysed.stdout)
    assert doc["regions_touched"] == len(expected)
    assert doc["extent_pct_by_view"]["front"] > 0 and doc["extent_pct_by_view"]["back"] == 0
    # the lower belly is painted: rectus abdominis (the lower belly's pattern) is listed
    assert "rectus_abdominis" in {m["muscle"] for m in doc["matches"]}


def test_round_trip_through_the_csv_choir_column(tmp_path: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    strings = ["228", "128,107", "b07,f01,b28", "223,224"]
    paths = []
    for i, text in enumerate(strings):
        path = tmp_path / f"s{i}.bodymap.json"
        save_session(session_of_codes(anatomy, text).session, path)
        paths.append(str(path))
    table = tmp_path / "out.csv"
    proc = bodymap("export-csv", *paths, str(table))
    assert proc.returncode == 0, proc.stderr
    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for text, row in zip(strings, rows, strict=True):
        sent = set(parse_codes(text))
        back = set(parse_codes(row["choir"]))
        has_region = {c for c in sent if regions_of_codes(anatomy, [c])[0]}
        assert has_region <= back  # every code with area on this body comes back
    # a segment whose regions list only it comes back exactly
    assert rows[0]["choir"] == "228"


def test_segment_without_a_region_is_kept_in_the_note(tmp_path: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    missing = [c for c in (*FRONT, *BACK) if c not in crosswalk_in(anatomy)]
    assert missing, "every segment has a region now: pick another case"
    out = tmp_path / "s.bodymap.json"
    proc = bodymap("import-choir", f"128,{missing[0]}", str(out))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and str(missing[0]) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert str(missing[0]) in load_session(out, anatomy).note


def test_unknown_code_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "s.bodymap.json"
    proc = bodymap("import-choir", "128,b99", str(out))
    assert proc.returncode == 2 and "'b99'" in proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert not out.exists()


def test_stdin_lines_become_sessions_and_a_bad_line_is_named(tmp_path: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "imported"
    proc = bodymap("import-choir", "-", "--out-dir", str(folder),
                   stdin='128,117\n\n"b07,b18"\nb07,zz\n218\n')  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "stdin:4" in proc.stderr and "'zz'" in proc.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["choir-00001.bodymap.json", "choir-00003.bodymap.json",
                     "choir-00005.bodymap.json"]  # fmt: skip
    third = load_session(folder / names[2], anatomy)
    assert {m.region for m in third.marks} == set(regions_of_codes(anatomy, [218])[0])  # type: ignore[union-attr]


def test_unwritable_output_and_misuse_are_one_line(tmp_path: Path) -> None:
    for args in (
        ("128", str(tmp_path / "missing" / "s.bodymap.json")),
        ("-", str(tmp_path / "s.bodymap.json")),
        ("128",),
    ):
        proc = bodymap("import-choir", *args)
        assert proc.returncode == 2, args
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = bodymap("import-choir", "-", "--out-dir", str(blocker / "sub"), stdin="128\n")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_codes_from_the_female_chart_are_renumbered(tmp_path: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.choir import FEMALE_TO_MALE

    assert sorted(FEMALE_TO_MALE) == sorted(FEMALE_TO_MALE.values()) == list(range(112, 118))
    assert parse_codes("f12,113,f14,128", "female") == (116, 117, 112, 128)
    assert parse_codes("f12,113,f14,128") == (112, 113, 114, 128)
    with pytest.raises(ValueError):
        parse_codes("128", "other")
    # Female 112 is the right side of the abdomen (male 116): front, right side.
    regions, _ = regions_of_codes(anatomy, parse_codes("112", "female"))
    assert {anatomy.regions[r].view for r in regions} == {"front"}
    assert {anatomy.regions[r].side for r in regions} == {"right"}
    assert any("abdomen" in r for r in regions)
    out = tmp_path / "female.bodymap.json"
    proc = bodymap("import-choir", "f12", str(out), "--chart", "female")
    assert proc.returncode == 0, proc.stderr
    session = load_session(out, anatomy)
    assert {m.region for m in session.marks} == set(regions)  # type: ignore[union-attr]
    assert "female chart" in session.note and "116" in session.note
