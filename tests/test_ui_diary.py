"""The diary in the window, driven with real events: timeline clicks, the score, new entries,
the comparison and the heat map."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtTest import QTest

from bodymap.core.diary import new_entry
from bodymap.core.marks import RegionMark
from bodymap.core.score import PainScore
from bodymap.io.diary_files import add_entry
from bodymap.ui import dialogs
from bodymap.ui.settings import data_dir

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
LEFT = QtCore.Qt.MouseButton.LeftButton


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    calls: dict[str, list[str]] = {"error": [], "info": [], "unsaved": []}
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, m: calls["error"].append(m))
    monkeypatch.setattr(dialogs, "show_info", lambda p, t, m: calls["info"].append(m))
    monkeypatch.setattr(dialogs, "show_safety", lambda p, s: None)

    def unsaved(parent, name):  # type: ignore[no-untyped-def]
        calls["unsaved"].append(name)
        return "discard"

    monkeypatch.setattr(dialogs, "ask_unsaved", unsaved)
    return calls


def _fill_diary() -> list[Path]:
    folder = data_dir() / "diary"
    now = datetime.now().astimezone().replace(microsecond=0)
    paths = []
    hip, tailbone = RegionMark("back.left.outer_hip", 5), RegionMark("back.tailbone", 3)
    for days_ago, marks, score in (
        (5, [hip], PainScore(6, 4, 8)),
        (3, [hip, tailbone], PainScore(4, 4, 6)),
        (1, [tailbone], PainScore(2, 3, 5)),
    ):
        entry = new_entry(date=now - timedelta(days=days_ago))
        entry.marks, entry.score = marks, score
        paths.append(add_entry(folder, entry))
    return paths


@pytest.fixture
def window(qtbot, anatomy, matcher, asked):  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    paths = _fill_diary()
    win = MainWindow(anatomy, matcher)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.diary.show()
    assert win.diary.wait()  # read and measured in the background
    win.diary.entries_paths = paths  # type: ignore[attr-defined]
    yield win
    win.undo_stack.setClean()
    win.close()


def _click(widget: QtWidgets.QWidget, pos: QtCore.QPointF) -> None:
    QTest.mouseClick(widget, LEFT, QtCore.Qt.KeyboardModifier.NoModifier, pos.toPoint())


def test_the_diary_dock_lists_the_default_diary(window) -> None:  # type: ignore[no-untyped-def]
    diary = window.diary
    assert diary.folder == data_dir() / "diary"
    assert len(diary.entries) == 3 and all(e.ok for e in diary.entries)
    assert [m.title() for m in window.menuBar().findChildren(QtWidgets.QMenu)
            if m.title() == "&Diary"] == ["&Diary"]  # fmt: skip
    assert len(diary.panel.timeline.shown()) == 3


def test_clicking_a_point_on_the_timeline_opens_that_entry(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    timeline = window.diary.panel.timeline
    qtbot.waitUntil(lambda: timeline.isVisible())
    target = window.diary.entries_paths[1]
    point = timeline.point_of(target.name)
    assert point is not None
    _click(timeline, point)
    assert window.document.path == target
    assert timeline.current() == target.name  # ringed on the timeline
    assert window.document.drawing.region_marked("back.tailbone")
    assert window.document.score == PainScore(4, 4, 6)
    spins = window.diary.panel.score_input.spins
    assert [spins[k].value() for k in ("now", "usual", "worst")] == [4, 4, 6]
    # A click away from every point opens nothing else.
    _click(timeline, QtCore.QPointF(5, 5))
    assert window.document.path == target


def test_the_range_buttons_narrow_the_timeline(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.diary.panel
    old = new_entry(date=datetime.now().astimezone() - timedelta(days=20))
    add_entry(window.diary.folder, old)
    qtbot.waitUntil(lambda: len(window.diary.entries) == 4)  # the folder is watched
    for days, count in ((7, 3), (30, 4), (90, 4), (0, 4)):
        button = panel.range_group.button(days)
        _click(button, QtCore.QPointF(button.rect().center()))
        assert panel.timeline.range_days() == (days or None)
        assert len(panel.timeline.shown()) == count


def test_the_score_is_an_undoable_edit_saved_into_the_entry(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = window.diary.entries_paths[2]
    window.files.open_path(target)
    spin = window.diary.panel.score_input.spins["now"]
    spin.setFocus()
    QTest.keyClick(spin, QtCore.Qt.Key.Key_Up)
    assert window.document.score.now == 3
    assert not window.undo_stack.isClean()
    window.undo_stack.undo()
    assert window.document.score.now == 2 and spin.value() == 2
    window.undo_stack.redo()
    assert window.files.save()
    doc = json.loads(target.read_text("utf-8"))
    assert doc["nrs"] == {"now": 3, "usual": 3, "worst": 5}
    assert doc["date"] is not None  # the entry keeps its date through the window


def test_new_entry_from_the_last_copies_it_and_shows_on_the_timeline(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = len(window.diary.entries)
    path = window.diary.copy_last_entry()
    assert path is not None and path.parent == window.diary.folder
    assert window.document.path == path
    assert window.document.drawing.region_marked("back.tailbone")
    assert window.document.score == PainScore(2, 3, 5)
    assert window.diary.wait()
    assert len(window.diary.entries) == before + 1
    empty = window.diary.new_entry()
    assert empty is not None and window.document.marks == ()
    assert window.diary.wait()
    assert len(window.diary.entries) == before + 2


def test_compare_two_entries_shows_the_changes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.compare import CompareDialog

    d = window.diary
    dialog = CompareDialog(window.anatomy, d.folder, d.readable(), d.summarizer.matcher, window)
    qtbot.addWidget(dialog)
    dialog.show()
    # Defaults: the last two entries.
    assert dialog.combo_b.currentIndex() == 2 and dialog.combo_a.currentIndex() == 1
    assert "now -2" in dialog.summary.text()
    dialog.combo_a.setFocus()
    QTest.keyClick(dialog.combo_a, QtCore.Qt.Key.Key_Up)  # A: the first entry
    assert dialog.combo_a.currentIndex() == 0
    assert dialog.comparison is not None
    assert dialog.comparison.change.jaccard == 0  # outer hip vs tailbone: disjoint
    assert "now -4" in dialog.summary.text()
    assert "Quadratus lumborum (left): #1" in dialog.summary.text()
    assert not dialog.map_diff.pixmap().isNull()


def test_heat_map_dialog_shows_and_saves(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.heat_view import HeatMapDialog

    d = window.diary
    dialog = HeatMapDialog(window.anatomy, d.folder, d.panel.timeline.shown(), window)
    qtbot.addWidget(dialog)
    assert dialog.grid.entries == 3 and dialog.title.startswith("3 entries")
    out = tmp_path / "heat.png"
    assert dialog.save_to(out)
    assert QtGui.QImage(str(out)).width() > 0


def test_a_damaged_entry_is_shown_and_hides_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    (window.diary.folder / "broken.bodymap.json").write_text("{", "utf-8")
    window.diary.refresh()
    assert window.diary.wait()
    assert len(window.diary.readable()) == 3
    label = window.diary.panel.damaged_label
    assert label.isVisibleTo(window.diary.panel) and "broken.bodymap.json" in label.text()
    assert label.text().startswith("1 entry cannot be read:\n")


def test_the_quality_of_the_last_mark_is_picked_drawn_and_saved(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.body_view import Tool
    from tests.ui_helpers import drag

    window.set_tool(Tool.BRUSH)
    drag(window, "back", [(150 + i, 400 + i) for i in range(0, 30, 2)])
    assert len(window.document.marks) == 1
    picker = window.diary.panel.quality_picker
    assert picker.combo.isEnabled() and picker.combo.currentData() is None
    picker.combo.setFocus()
    picker.combo.showPopup()  # chosen from the open list: one choice, one undo step
    popup = picker.combo.view()
    for _ in range(6):  # down to the sixth quality: tingling
        QTest.keyClick(popup, QtCore.Qt.Key.Key_Down)
    QTest.keyClick(popup, QtCore.Qt.Key.Key_Return)
    assert picker.combo.currentData() == "tingling"
    assert window.document.marks[0].quality == "tingling"
    items = window.diary.qualities.items
    assert list(items) == [("back", "tingling")]
    assert items[("back", "tingling")].brush().style() == QtCore.Qt.BrushStyle.TexturePattern
    assert picker.legend_shown() == ["tingling"]
    window.undo_stack.undo()
    assert window.document.marks[0].quality is None and not window.diary.qualities.items
    assert picker.combo.currentData() is None
    window.undo_stack.redo()
    path = tmp_path / "q.bodymap.json"
    assert window.files.save_to(path)
    assert json.loads(path.read_text("utf-8"))["marks"][0]["quality"] == "tingling"


def test_the_dock_fits_a_narrow_column_and_says_what_is_not_answered(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.diary.panel
    # Below 1,600 pixels the docks are narrowed (ui/screen_fit.py): no sideways scrolling.
    assert panel.minimumSizeHint().width() <= 300
    assert [s.text() for s in panel.score_input.spins.values()] == ["–", "–", "–"]


def test_every_quality_pattern_reads_on_the_palest_and_the_darkest_pain(qtbot) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.score import QUALITIES
    from bodymap.io import palette
    from bodymap.ui.quality import brush

    def luminance(colour: QtGui.QColor) -> float:
        return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()

    tiles = {}
    for background in (palette.PAPER, *palette.PAIN_SCALE):  # every intensity's colour
        for quality in QUALITIES:
            image = QtGui.QImage(32, 32, QtGui.QImage.Format.Format_RGB32)
            image.fill(QtGui.QColor(background))
            with QtGui.QPainter(image) as painter:
                painter.fillRect(image.rect(), brush(quality))
            lum = [luminance(image.pixelColor(x, y)) for x in range(32) for y in range(32)]
            assert max(lum) - min(lum) > 0.3, (quality, background)  # visible lines
            tiles[(background, quality)] = bytes(image.constBits())
    for background in (palette.PAPER, *palette.PAIN_SCALE):  # no two qualities look alike
        assert len({tiles[(background, q)] for q in QUALITIES}) == len(QUALITIES)
