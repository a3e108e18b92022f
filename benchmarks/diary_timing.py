"""The diary's benchmark rows: a diary of 1,000 entries of 20 synthetic strokes each.

1. opening it and drawing the timeline (index warm, as every opening after the first; the
   first opening, which builds the index, is reported too), 2. rebuilding its index after
   it was deleted: the listing (every date and score, what the timeline needs first) and
   the measures (extent, regions, ranking of every entry, in the background in the
   window), 3. comparing two entries (both files read, pain extent, Jaccard,
   new/resolved/unchanged, both rankings), 4. the heat map of all 1,000 (from the index,
   rasterised, drawn and written as a PNG), 5. in the real window: the rebuild's listing
   shown, stroke ends while the measures run in the background, adding an entry and the
   stroke ends after it with the diary open, and the timeline of 1,000 entries opened.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import synthetic

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import IntensityBands
from bodymap.core.pain import PainMap
from bodymap.core.score import PainScore
from bodymap.core.session import Session

ENTRIES = 1000
STROKES = 20


def make_diary(anatomy: Anatomy, folder: Path, entries: int = ENTRIES, seed: int = 11) -> Path:
    """``entries`` entries, one a day (some days two), each of ``STROKES`` strokes of 40
    points, saved as the window saves them (their pain kept in the file)."""
    from bodymap.io.diary_files import add_entry

    rng = random.Random(seed)
    zone = timezone(timedelta(hours=1))
    start = datetime(2024, 1, 1, 8, 0, tzinfo=zone)
    for i in range(entries):
        marks = [synthetic.scribble(rng, "back" if k % 3 else "front", 40) for k in range(STROKES)]
        worst = rng.randint(3, 10)
        session = Session(
            marks=marks,  # type: ignore[arg-type]
            regions_version=anatomy.version,
            regions_sha256=anatomy.sha256,
            pain=IntensityBands(PainMap(anatomy, marks)).layers(),  # type: ignore[arg-type]
            score=PainScore(max(0, worst - rng.randint(0, 3)), max(0, worst - 3), worst),
            date=start + timedelta(days=i * 0.8, minutes=rng.randint(0, 600)),
        )
        add_entry(folder, session)
    return folder


def open_and_draw(anatomy: Anatomy, folder: Path) -> float:
    """Seconds to read the diary (through its index) and draw its whole timeline once."""
    from PySide6 import QtWidgets

    from bodymap.io.diary_files import read_diary
    from bodymap.ui.timeline import Timeline

    t0 = time.perf_counter()
    entries = read_diary(folder, anatomy)
    timeline = Timeline()
    timeline.resize(420, 320)
    timeline.set_range(None)
    timeline.set_entries(entries)
    timeline.grab()  # one full paint
    elapsed = time.perf_counter() - t0
    assert len(timeline.shown()) == len(entries)
    QtWidgets.QApplication.processEvents()
    return elapsed


def compare_two(anatomy: Anatomy, folder: Path, names: tuple[str, str]) -> float:
    from bodymap.core.compare import compare_sessions
    from bodymap.core.matching import Matcher
    from bodymap.io.session_file import load_session

    matcher = Matcher(anatomy)
    t0 = time.perf_counter()
    a = load_session(folder / names[0], anatomy)
    b = load_session(folder / names[1], anatomy)
    compare_sessions(anatomy, a, b, matcher)
    return time.perf_counter() - t0


def heat_map(anatomy: Anatomy, folder: Path, out: Path) -> float:
    from bodymap.io.diary_files import read_diary
    from bodymap.io.heatmap import heatmap_of_entries

    entries = read_diary(folder, anatomy)
    t0 = time.perf_counter()
    counted = heatmap_of_entries(anatomy, folder, entries, out)
    elapsed = time.perf_counter() - t0
    assert counted == len(entries)
    return elapsed


def rebuild(anatomy: Anatomy, folder: Path) -> tuple[float, float]:
    """Seconds to list the diary after its index was deleted, then to measure every entry."""
    from bodymap.io.diary_files import INDEX_NAME, list_diary, measure_entries

    (folder / INDEX_NAME).unlink()
    t0 = time.perf_counter()
    listed = list_diary(folder, anatomy)
    t1 = time.perf_counter()
    measure_entries(folder, anatomy, listed)
    return t1 - t0, time.perf_counter() - t1


def in_window(regions: Path, folder: Path, samples: int) -> dict[str, object]:
    """The diary in the real window (``regions`` is the file the diary was made with)."""
    import ui_timing
    from PySide6 import QtWidgets

    from bodymap.io.diary_files import INDEX_NAME, entry_files

    count = len(entry_files(folder))
    bench = ui_timing.open_window(regions, None)
    diary = bench.window.diary
    (folder / INDEX_NAME).unlink()
    t0 = time.perf_counter()
    diary.set_folder(folder)  # index deleted: listed, then measured in the background
    while len(diary.entries) < count:
        QtWidgets.QApplication.processEvents()
    listed = time.perf_counter() - t0
    bench.window.panel_dock.raise_()  # the body map's usual company: the muscle guide
    during = ui_timing.stroke_end(bench, samples, 1000, keep_state=True)
    still_busy = diary.loader.busy()
    diary.wait(3600)
    measured = time.perf_counter() - t0
    bench.settle()
    t0 = time.perf_counter()
    diary.copy_last_entry()  # adds an entry, opens it, the diary read again (index warm)
    added = time.perf_counter() - t0
    diary.wait()
    bench.settle()
    after = ui_timing.stroke_end(bench, samples, 1000, keep_state=True)
    opened = []
    for _ in range(3):
        t0 = time.perf_counter()
        diary.set_folder(folder)  # shows the Diary tab; index warm
        diary.wait()
        diary.panel.timeline.set_range(None)
        diary.panel.timeline.repaint()
        opened.append(time.perf_counter() - t0)
    bench.close()
    return {
        "window_listed_s": listed,
        "window_measured_s": measured,
        "stroke_end_measuring": during.totals,
        "measuring_throughout": still_busy,
        "add_entry_s": added,
        "stroke_end_diary_open": after.totals,
        "stale": during.not_updated
        + during.missing_paint
        + after.not_updated
        + after.missing_paint,
        "window_open_s": statistics.median(opened),
    }


def run(
    anatomy: Anatomy, regions: Path, root: Path, repeat: int, samples: int
) -> dict[str, object]:
    """Every row's figures, in seconds."""
    from bodymap.io.diary_files import entry_files
    from bodymap.ui.app import application

    application()
    folder = root / "diary"
    t0 = time.perf_counter()
    make_diary(anatomy, folder)
    made = time.perf_counter() - t0
    first = open_and_draw(anatomy, folder)  # builds the index
    warm = [open_and_draw(anatomy, folder) for _ in range(repeat)]
    rebuilt_list, rebuilt_measure = rebuild(anatomy, folder)
    names = [p.name for p in entry_files(folder)]
    rng = random.Random(3)
    pairs = [(names[i], names[i + 1]) for i in rng.sample(range(len(names) - 1), 3 * repeat)]
    compares = [compare_two(anatomy, folder, pair) for pair in pairs]
    heats = [heat_map(anatomy, folder, root / "heat.png") for _ in range(max(1, repeat // 2))]
    return {
        "generated_s": made,
        "first_open_s": first,
        "rebuilt_list_s": rebuilt_list,
        "rebuilt_measure_s": rebuilt_measure,
        "open_draw_s": warm,
        "compare_s": compares,
        "heatmap_s": heats,
        "open_draw_median": statistics.median(warm),
        "compare_median": statistics.median(compares),
        "compare_max": max(compares),
        "heatmap_median": statistics.median(heats),
        **in_window(regions, folder, samples),
    }
