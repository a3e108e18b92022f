"""``bodymap cohort``: counts over many sessions equal a direct count, in one process or many."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import shapely

from bodymap.core.marks import Mark, RegionMark, Stroke
from bodymap.core.metrics import regions_touched, session_pain
from bodymap.core.session import Session
from bodymap.io import cohort
from bodymap.io.session_file import load_session, save_session


def bodymap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, timeout=180
    )


def _stroke(rng: random.Random, view: str) -> Stroke:
    x, y = rng.uniform(120, 280), rng.uniform(150, 700)
    points = [(x + rng.uniform(-40, 40), y + rng.uniform(-60, 60)) for _ in range(6)]
    return Stroke(view, tuple(points), rng.uniform(8, 30), rng.randint(1, 10))


@pytest.fixture(scope="module")
def cohort_dir(tmp_path_factory: pytest.TempPathFactory, anatomy) -> Path:  # type: ignore[no-untyped-def]
    """Fourteen sessions in two sites (regions, strokes, an erasure, one empty), one damaged."""
    root = tmp_path_factory.mktemp("cohort")
    rng = random.Random(3)
    regions = list(anatomy.regions)
    for i in range(14):
        marks: list[Mark] = [RegionMark(r) for r in rng.sample(regions, i % 3)]
        marks += [_stroke(rng, rng.choice(("back", "front"))) for _ in range(i % 4)]
        if i == 5:
            marks.append(Stroke("back", ((150.0, 400.0), (250.0, 400.0)), 30.0, 5, erase=True))
        folder = root / f"site-{i % 2}"
        folder.mkdir(exist_ok=True)
        save_session(Session(marks=marks), folder / f"p{i:02d}.bodymap.json")
    (root / "site-1" / "zz-damaged.bodymap.json").write_text('{"format": 3', "utf-8")
    (root / "site-1" / "notes.txt").write_text("not a session", "utf-8")
    return root


def _good(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("p*.bodymap.json"))


def test_counts_equal_a_direct_count(cohort_dir: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    tally = cohort.run(anatomy, [str(cohort_dir)], jobs=1)
    assert tally.sessions == 14
    assert [Path(p).name for p, _ in tally.failed] == ["zz-damaged.bodymap.json"]
    ctx = cohort.Context(anatomy)
    regions: Counter[str] = Counter()
    patterns: Counter[tuple[str, str]] = Counter()
    inside = {v: np.zeros(ctx.shape(v), dtype=int) for v in anatomy.views}
    touching = {v: np.zeros(ctx.shape(v), dtype=int) for v in anatomy.views}
    for path in _good(cohort_dir):
        pain = session_pain(anatomy, load_session(path, anatomy))
        regions.update(regions_touched(anatomy, pain))
        patterns.update((m.muscle, m.side) for m in ctx.matcher.match(pain).matches)
        for view, geom in pain.items():
            x0, y0 = anatomy.views[view].viewbox[:2]
            rows, cols = ctx.shape(view)
            xs = x0 + (np.arange(cols) + 0.5) / ctx.scale
            ys = y0 + (np.arange(rows) + 0.5) / ctx.scale
            inside[view] += shapely.contains_xy(geom, xs[None, :], ys[:, None])
            touching[view] += shapely.intersects_xy(geom, xs[None, :], ys[:, None])
    assert tally.regions == regions and sum(regions.values()) > 10
    assert tally.patterns == patterns and patterns
    for view in anatomy.views:
        counts = tally.counts[view]
        # a cell counts when its centre is inside the pain (a centre exactly on the
        # outline may go either way)
        assert (inside[view] <= counts).all() and (counts <= touching[view]).all()
        assert counts.sum() > 0


def test_a_pool_of_workers_counts_the_same(cohort_dir: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    one = cohort.run(anatomy, [str(cohort_dir)], jobs=1)
    seen: list[str] = []
    two = cohort.run(anatomy, [str(cohort_dir)], jobs=2, progress=lambda c: seen.append(c.path))
    assert two.sessions == one.sessions and len(seen) == 15
    assert two.regions == one.regions and two.patterns == one.patterns
    assert all((two.counts[v] == one.counts[v]).all() for v in anatomy.views)


def test_merged_tallies_equal_one_tally(cohort_dir: Path, anatomy) -> None:  # type: ignore[no-untyped-def]
    ctx = cohort.Context(anatomy)
    files = [str(p) for p in _good(cohort_dir)]
    whole, left, right = cohort.Tally(ctx), cohort.Tally(ctx), cohort.Tally(ctx)
    for i, path in enumerate(files):
        item = cohort.count_session(ctx, path)
        whole.add(item)
        (left if i % 2 else right).add(item)
    merged = left.merge(right)
    assert merged.sessions == whole.sessions and merged.regions == whole.regions
    assert all((merged.counts[v] == whole.counts[v]).all() for v in anatomy.views)


def test_scanline_cells_match_the_centres_inside(anatomy) -> None:  # type: ignore[no-untyped-def]
    ctx = cohort.Context(anatomy)
    rng = random.Random(11)
    for _ in range(40):
        geom = shapely.union_all([_stroke(rng, "back").geometry for _ in range(rng.randint(1, 3))])
        geom = geom.difference(shapely.Point(200, 400).buffer(rng.uniform(0, 30)))  # holes too
        cells = cohort.painful_cells(ctx, "back", geom)
        rows, cols = ctx.shape("back")
        xs, ys = (np.arange(cols) + 0.5) / ctx.scale, -90 + (np.arange(rows) + 0.5) / ctx.scale
        want = shapely.contains_xy(geom, xs[None, :], ys[:, None])
        got = np.zeros((rows, cols), dtype=bool)
        if cells is not None:
            h, w = cells.mask.shape
            got[cells.row : cells.row + h, cells.col : cells.col + w] = cells.mask
        assert (got == want).all()
    assert cohort.painful_cells(ctx, "back", shapely.Polygon()) is None


def test_the_grid_is_the_heat_maps() -> None:
    from bodymap.io import heatmap

    assert cohort.CELLS_PER_UNIT == heatmap.CELLS_PER_UNIT


def test_the_command_writes_the_map_and_table_and_names_the_damaged_file(
    cohort_dir: Path, tmp_path: Path, anatomy
) -> None:  # type: ignore[no-untyped-def]
    png, table = tmp_path / "heat.png", tmp_path / "counts.csv"
    proc = bodymap("cohort", str(cohort_dir), "--heatmap", str(png), "--csv", str(table))
    assert proc.returncode == 2  # one file could not be read
    lines = proc.stderr.splitlines()
    assert len(lines) == 2 and "zz-damaged.bodymap.json" in lines[0]
    assert "Traceback" not in proc.stderr and "14 sessions" in proc.stdout
    assert png.read_bytes().startswith(b"\x89PNG")
    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(anatomy.regions) + 2 * len(anatomy.muscles)
    tally = cohort.run(anatomy, [str(cohort_dir)], jobs=1)
    for row in rows:
        if row["kind"] == "region":
            assert int(row["sessions"]) == tally.regions.get(row["id"], 0)
        else:
            assert int(row["sessions"]) == tally.patterns.get((row["id"], row["side"]), 0)
        assert float(row["share"]) == pytest.approx(int(row["sessions"]) / 14, abs=1e-4)


def test_bad_input_is_one_line(cohort_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    png = tmp_path / "heat.png"
    cases = [
        ("cohort", str(empty), "--heatmap", str(png)),
        ("cohort", str(cohort_dir), "--heatmap", str(tmp_path / "missing" / "heat.png")),
        ("cohort", str(cohort_dir), "--heatmap", str(png), "--jobs", "0"),
        ("cohort", str(cohort_dir), "--heatmap", str(png), "--csv", str(tmp_path)),
    ]
    for args in cases:
        proc = bodymap(*args)
        assert proc.returncode == 2, args
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert not png.exists()


def test_listed_is_the_ranking_list(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.pain import PainMap

    rng = random.Random(23)
    regions = list(anatomy.regions)
    checked = 0
    for _ in range(60):
        marks: list[Mark] = [RegionMark(r) for r in rng.sample(regions, rng.randint(0, 3))]
        marks += [_stroke(rng, rng.choice(("back", "front"))) for _ in range(rng.randint(0, 3))]
        pain = PainMap(anatomy, marks).geometries()
        ranked = tuple(sorted((m.muscle, m.side) for m in matcher.match(pain).matches))
        assert matcher.listed(pain) == ranked
        checked += bool(ranked)
    assert checked > 20


def test_an_unexpected_failure_on_one_file_is_that_files_error(
    cohort_dir: Path, anatomy, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    real = cohort.count_session

    def flaky(ctx: cohort.Context, path: str) -> cohort.SessionCounts:
        if path.endswith("p03.bodymap.json"):
            raise shapely.errors.GEOSException("TopologyException: side location conflict")
        return real(ctx, path)

    monkeypatch.setattr(cohort, "count_session", flaky)
    tally = cohort.run(anatomy, [str(cohort_dir)], jobs=1)
    assert tally.sessions == 13
    reasons = dict(tally.failed)
    bad = [p for p in reasons if p.endswith("p03.bodymap.json")]
    assert bad and "TopologyException" in reasons[bad[0]]
