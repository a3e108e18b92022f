"""Dates in this computer's time, with the entry's own time and zone where they differ: the
timeline, the entry list, the comparison and the heat map, with the process's time zone set
to another zone (TZ and time.tzset)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtTest import QTest

from bodymap.core.diary import new_entry
from bodymap.core.marks import RegionMark
from bodymap.core.score import PainScore
from bodymap.io.diary_files import add_entry, read_diary
from bodymap.ui.timeline import describe

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is POSIX only")
NEW_YORK = timezone(timedelta(hours=-5))
PARIS = timezone(timedelta(hours=1))


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Set this process's time zone (a POSIX TZ string, no tz database needed)."""

    def set_zone(tz: str) -> None:
        monkeypatch.setenv("TZ", tz)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()
    assert os.environ.get("TZ") is None or time.tzname  # back to the machine's own


def _diary(folder: Path) -> list[Path]:
    made = [
        (datetime(2026, 11, 1, 23, 0, tzinfo=NEW_YORK), "back.left.outer_hip", 6),
        (datetime(2026, 11, 2, 9, 0, tzinfo=PARIS), "back.tailbone", 3),
    ]
    paths = []
    for date, region, now in made:
        entry = new_entry(date=date)
        entry.marks, entry.score = [RegionMark(region)], PainScore(now, 3, 7)
        paths.append(add_entry(folder, entry))
    return paths


def test_a_date_is_local_and_names_its_own_zone_where_it_differs(anatomy, tmp_path, zone) -> None:  # type: ignore[no-untyped-def]
    _diary(tmp_path)
    zone("CET-1")  # UTC+1 all year
    new_york, paris = read_diary(tmp_path, anatomy)
    assert describe(new_york).split("\n")[0] == "Mon 02 Nov 2026, 05:00 (made at 23:00 UTC-0500)"
    assert describe(paris).split("\n")[0] == "Mon 02 Nov 2026, 09:00"
    zone("EST5")  # UTC-5
    assert describe(new_york).split("\n")[0] == "Sun 01 Nov 2026, 23:00"
    assert describe(paris).split("\n")[0] == "Mon 02 Nov 2026, 03:00 (made at 09:00 UTC+0100)"


def test_the_heat_map_title_gives_local_days(anatomy, tmp_path, zone) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.heatmap import grid_of_entries

    _diary(tmp_path)
    zone("CET-1")
    entries = read_diary(tmp_path, anatomy)
    _, title = grid_of_entries(anatomy, tmp_path, entries[:1])
    assert title == "1 entry, 02 November 2026"  # made at 23:00 in New York
    zone("EST5")
    _, title = grid_of_entries(anatomy, tmp_path, entries)
    assert title == "2 entries, 01 November 2026 to 02 November 2026"


def test_the_window_shows_local_dates(qtbot, anatomy, matcher, errors, zone, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application
    from bodymap.ui.compare import CompareDialog
    from bodymap.ui.main_window import MainWindow

    zone("CET-1")
    folder = tmp_path / "diary"
    paths = _diary(folder)
    application()
    win = MainWindow(anatomy, matcher)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    d, p = win.diary, win.diary.panel
    d.set_folder(folder)
    assert d.wait()
    QTest.mouseClick(p.range_group.button(0), QtCore.Qt.MouseButton.LeftButton)  # All
    lines = [p.entry_list.text(row) for row in range(p.entry_list.count())]
    assert lines == [
        "Mon 02 Nov 2026, 09:00 · pain 3/10 · 0.2% of the body",
        "Mon 02 Nov 2026, 05:00 (made at 23:00 UTC-0500) · pain 6/10 · 0.4% of the body",
    ]  # newest first
    # The timeline's tooltip, from a real mouse move over the New York entry's point.
    qtbot.waitUntil(p.timeline.isVisible)
    point = p.timeline.point_of(paths[0].name)
    assert point is not None
    QTest.mouseMove(p.timeline, point.toPoint())
    event = QtGui.QMouseEvent(
        QtCore.QEvent.Type.MouseMove, point, p.timeline.mapToGlobal(point),
        QtCore.Qt.MouseButton.NoButton, QtCore.Qt.MouseButton.NoButton,
        QtCore.Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QtWidgets.QApplication.sendEvent(p.timeline, event)
    assert QtWidgets.QToolTip.text().startswith("Mon 02 Nov 2026, 05:00 (made at 23:00 UTC-0500)")
    # The comparison names both entries the same way.
    dialog = CompareDialog(anatomy, folder, d.readable(), d.summarizer.matcher, win)
    qtbot.addWidget(dialog)
    assert dialog.combo_a.currentText() == "Mon 02 Nov 2026, 05:00 (made at 23:00 UTC-0500)"
    assert dialog.combo_b.currentText() == "Mon 02 Nov 2026, 09:00"
    # Enter on a row of the list opens that entry.
    p.entry_list.setFocus()
    p.entry_list.setCurrentIndex(p.entry_list.entries.index(1))
    QTest.keyClick(p.entry_list, QtCore.Qt.Key.Key_Return)
    assert win.document.path == paths[0]
    assert p.entry_list.current_name() == paths[0].name  # and the list marks it open
    win.undo_stack.setClean()
    win.close()
