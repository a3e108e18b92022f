"""A diary read in two steps: a quick listing (dates and scores) then the measures, kept in
the index as they come; in the window, off its thread, with progress and Cancel."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6 import QtCore
from PySide6.QtTest import QTest

from bodymap.core.diary import new_entry
from bodymap.core.marks import RegionMark
from bodymap.core.score import PainScore
from bodymap.io import diary_files
from bodymap.io.diary_files import (
    INDEX_NAME,
    add_entry,
    list_diary,
    measure_entries,
    read_diary,
)

PARIS = timezone(timedelta(hours=1))
REGIONS = ("back.tailbone", "back.left.outer_hip", "back.right.low_back")


def _fill(folder: Path, count: int) -> list[Path]:
    start = datetime(2026, 10, 1, 9, 0, tzinfo=PARIS)
    paths = []
    for i in range(count):
        entry = new_entry(date=start + timedelta(hours=20 * i))
        entry.marks = [RegionMark(REGIONS[i % 3], 1 + i % 10)]
        entry.score = PainScore(i % 11, 3, 7)
        paths.append(add_entry(folder, entry))
    return paths


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the entries read whole and measured."""
    seen: list[str] = []
    original = diary_files._summary

    def summary(path, summarizer):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return original(path, summarizer)

    monkeypatch.setattr(diary_files, "_summary", summary)
    return seen


def test_the_listing_reads_dates_and_scores_only(anatomy, tmp_path: Path, counted) -> None:  # type: ignore[no-untyped-def]
    paths = _fill(tmp_path, 5)
    listed = list_diary(tmp_path, anatomy)
    assert not counted  # nothing measured, nothing folded or matched
    assert [e.name for e in listed] == [p.name for p in paths]
    assert [e.score.now for e in listed] == [0, 1, 2, 3, 4]
    assert all(not e.measured and e.ok and e.date is not None for e in listed)
    assert list_diary(tmp_path, anatomy) == listed  # kept in the index as not measured
    full = read_diary(tmp_path, anatomy)
    assert sorted(counted) == sorted(p.name for p in paths)
    assert all(e.measured for e in full) and full[1].top is not None
    assert [(e.name, e.date, e.score) for e in full] == [(e.name, e.date, e.score) for e in listed]
    counted.clear()
    assert read_diary(tmp_path, anatomy) == full and not counted  # measured once


def test_a_damaged_or_old_entry_is_listed_with_its_reason_at_once(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(tmp_path, 2)
    (tmp_path / "broken.bodymap.json").write_text("{", "utf-8")
    newer = {"format": "bodymap-session", "version": 99, "marks": []}
    (tmp_path / "newer.bodymap.json").write_text(json.dumps(newer), "utf-8")
    listed = list_diary(tmp_path, anatomy)
    bad = {e.name: e.error for e in listed if not e.ok}
    assert set(bad) == {"broken.bodymap.json", "newer.bodymap.json"}
    assert "damaged or incomplete" in (bad["broken.bodymap.json"] or "")
    assert "newer than this app reads" in (bad["newer.bodymap.json"] or "")
    assert [e.ok for e in listed] == [True, True, False, False]


def test_an_entry_damaged_past_its_header_is_found_when_measured(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (path,) = _fill(tmp_path, 1)
    doc = json.loads(path.read_text("utf-8"))
    doc["marks"][0]["region"] = "back.no_such_region"
    path.write_text(json.dumps(doc), "utf-8")
    (listed,) = list_diary(tmp_path, anatomy)
    assert listed.ok and not listed.measured  # the date and score are fine
    (measured,) = read_diary(tmp_path, anatomy)
    assert not measured.ok and "no_such_region" in (measured.error or "")


def test_measuring_stops_when_cancelled_and_carries_on(anatomy, tmp_path, counted) -> None:  # type: ignore[no-untyped-def]
    _fill(tmp_path, 20)
    listed = list_diary(tmp_path, anatomy)
    batches: list[int] = []
    done = measure_entries(tmp_path, anatomy, listed, cancelled=lambda: len(counted) >= 5,
                           measured=lambda b: batches.append(len(b)), batch=2)  # fmt: skip
    assert len(done) == 5 and batches == [2, 2, 1]
    again = list_diary(tmp_path, anatomy)
    assert sum(e.measured for e in again) == 5  # kept in the index as they came
    counted.clear()
    rest = measure_entries(tmp_path, anatomy, again)
    assert len(rest) == 15 and not set(counted) & {e.name for e in done}
    assert all(e.measured for e in list_diary(tmp_path, anatomy))


def test_an_entry_changed_while_measured_is_measured_again(anatomy, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.session_file import save_session

    _fill(tmp_path, 1)
    listed = list_diary(tmp_path, anatomy)
    entry = new_entry(date=datetime(2026, 10, 1, 9, 0, tzinfo=PARIS))
    entry.score, entry.note = PainScore(9, 9, 9), "changed"
    original = diary_files._summary

    def summary(path, summarizer):  # type: ignore[no-untyped-def]
        old = original(path, summarizer)
        save_session(entry, path)  # saved again by the window while it was being measured
        return old

    monkeypatch.setattr(diary_files, "_summary", summary)
    (old,) = measure_entries(tmp_path, anatomy, listed)
    assert old.score == PainScore(0, 3, 7)
    monkeypatch.setattr(diary_files, "_summary", original)
    (now,) = read_diary(tmp_path, anatomy)
    assert now.score == PainScore(9, 9, 9) and now.measured  # not the stale measure


# -- in the window ---------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, anatomy, matcher, errors):  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    win = MainWindow(anatomy, matcher)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.diary.show()
    assert win.diary.wait()
    yield win
    win.diary.loader.cancel()
    win.diary.wait()
    win.undo_stack.setClean()
    win.close()


def test_the_window_lists_first_then_fills_in(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "big"
    _fill(folder, 12)
    gate = threading.Event()
    original = diary_files._summary

    def slow(path, summarizer):  # type: ignore[no-untyped-def]
        gate.wait(10)  # measuring waits until the test has looked at the listing
        return original(path, summarizer)

    monkeypatch.setattr(diary_files, "_summary", slow)
    d, p = window.diary, window.diary.panel
    d.set_folder(folder)
    qtbot.waitUntil(lambda: len(d.entries) == 12)  # listed while nothing is measured yet
    assert not any(e.measured for e in d.entries)
    assert p.progress_row.isVisibleTo(p) and p.progress.maximum() == 12
    assert p.progress.value() == 0 and d.loader.busy()
    p.timeline.set_range(None)
    first = d.entries[0].name
    assert p.timeline.point_of(first) is not None  # its score is drawn already
    gate.set()
    assert d.wait()
    assert all(e.measured for e in d.entries) and len(d.entries) == 12
    assert not p.progress_row.isVisibleTo(p) and not d.loader.busy()
    assert d.entries[0].top is not None  # the timeline has the measures


def test_cancel_keeps_the_measured_and_carries_on(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = _measuring_slowly(window, qtbot, tmp_path, monkeypatch, 12)
    folder = tmp_path / "big"
    d, p = window.diary, window.diary.panel
    qtbot.waitUntil(lambda: p.progress_row.isVisibleTo(p))
    QTest.mouseClick(p.cancel_button, QtCore.Qt.MouseButton.LeftButton)
    assert d.wait()
    assert not p.progress_row.isVisibleTo(p)
    measured = {e.name for e in d.entries if e.measured}
    assert 1 <= len(measured) < 12 and len(d.entries) == 12
    assert measured == set(seen)
    seen.clear()
    d.refresh()  # the next reading measures only the rest
    assert d.wait()
    assert all(e.measured for e in d.entries)
    assert not set(seen) & measured and len(seen) == 12 - len(measured)
    assert (folder / INDEX_NAME).exists()


def _measuring_slowly(window, qtbot, tmp_path, monkeypatch, entries=8) -> list[str]:  # type: ignore[no-untyped-def]
    """A diary of ``entries`` entries in ``tmp_path / "big"`` opened with the brush chosen,
    each entry measured in 50 ms or more (their names listed as they are), once the first
    is measured."""
    from bodymap.ui.body_view import Tool

    window.set_tool(Tool.BRUSH)
    folder = tmp_path / "big"
    _fill(folder, entries)
    original = diary_files._summary
    seen: list[str] = []

    def slow(path, summarizer):  # type: ignore[no-untyped-def]
        time.sleep(0.05)
        seen.append(path.name)
        return original(path, summarizer)

    monkeypatch.setattr(diary_files, "_summary", slow)
    window.diary.set_folder(folder)
    qtbot.waitUntil(lambda: len(seen) >= 1)
    return seen


def test_drawing_pauses_the_measuring(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.ui_helpers import LEFT, NONE, _send, scene_point

    seen = _measuring_slowly(window, qtbot, tmp_path, monkeypatch)
    d = window.diary
    where = scene_point(window, "back", 200, 420)
    _send(window.view, QtCore.QEvent.Type.MouseButtonPress, where, LEFT, LEFT)  # a stroke
    assert d.loader.paused()
    count = len(seen)
    qtbot.wait(400)
    assert len(seen) <= count + 1  # at most the entry under way when the stroke began
    _send(window.view, QtCore.QEvent.Type.MouseButtonRelease, where, LEFT, NONE)
    qtbot.waitUntil(lambda: not d.loader.paused())  # a moment after the stroke ends
    assert d.wait()
    assert len(seen) == 8 and all(e.measured for e in d.entries)


def test_waiting_for_the_measuring_right_after_a_stroke_never_deadlocks(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path, monkeypatch
) -> None:
    """The benchmark hung here: the window waited for the worker (closing, a test) within the
    moment after a stroke, while the worker waited for the window's timer to resume it."""
    from tests.ui_helpers import LEFT, NONE, _send, scene_point

    seen = _measuring_slowly(window, qtbot, tmp_path, monkeypatch)
    d = window.diary
    where = scene_point(window, "back", 200, 420)
    _send(window.view, QtCore.QEvent.Type.MouseButtonPress, where, LEFT, LEFT)
    _send(window.view, QtCore.QEvent.Type.MouseButtonRelease, where, LEFT, NONE)
    assert d.loader.paused()  # held until the window's timer says the stroke is over
    started = time.monotonic()
    assert d.loader.wait(10.0)  # no timer runs while the window waits: measuring resumes
    assert time.monotonic() - started < 5.0
    assert len(seen) == 8
