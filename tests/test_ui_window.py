"""The window driven as a person would: real mouse events on the body map's viewport."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.pain import PainMap
from bodymap.ui.body_view import Tool
from tests.ranking import assert_same_ranking
from tests.ui_helpers import click, drag, hover, line_inside

NONE_BUTTON = QtCore.Qt.MouseButton.NoButton

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _point(anatomy, region_id: str) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    region = anatomy.regions[region_id]
    p = region.polygon.representative_point()
    return region.view, p.x, p.y


def _visible_patterns(window) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(i.muscle, i.side) for i in window.scene.visible_zone_items()}


def test_click_outer_hip_highlights_same_side_ql_and_opens_its_panel(
    window, anatomy, qtbot
) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    assert window.document.drawing.pain.region_marked("back.left.outer_hip")
    assert ("quadratus_lumborum", "left") in _visible_patterns(window)
    assert ("quadratus_lumborum", "right") not in _visible_patterns(window)
    ql_items = [i for i in window.scene.visible_zone_items() if i.muscle == "quadratus_lumborum"]
    assert {i.parentItem().view_id for i in ql_items} >= {"back"}
    rows = window.match_list.rows()
    assert rows[0][1:3] == ["Quadratus lumborum", "left"]
    assert window.panel_dock.isVisible()
    qtbot.waitUntil(lambda: not window.panels.is_waiting())  # the guide follows the list
    assert window.panels.titles()[0] == "1. Quadratus lumborum"
    assert "Quadratus lumborum" in window.panels.currentWidget().toPlainText()
    assert "No pattern explains" in window.match_list.summary.text()
    assert window.isWindowModified()
    # The region list shows the mark too.
    item = window.region_list.list.findItems("Left outer hip", QtCore.Qt.MatchFlag.MatchStartsWith)
    assert item[0].checkState() == QtCore.Qt.CheckState.Checked


def test_the_guide_opens_on_the_best_match_and_keeps_the_page_being_read(
    window, anatomy, qtbot
) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.sacroiliac"))  # both muscles at once
    matches = window.result.matches
    assert len({m.muscle for m in matches}) >= 2
    qtbot.waitUntil(lambda: not window.panels.is_waiting())  # the guide follows the list
    assert window.panels.current_muscle() == matches[0].muscle
    other = next(m.muscle for m in matches if m.muscle != matches[0].muscle)
    window.panels.open_muscle(other)
    click(window, *_point(anatomy, "front.left.upper_front_thigh"))
    qtbot.waitUntil(lambda: not window.panels.is_waiting())  # the guide follows the list
    assert window.panels.current_muscle() == other


def test_second_click_unmarks_the_region(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    where = _point(anatomy, "back.left.outer_hip")
    click(window, *where)
    click(window, *where)
    assert not window.document.drawing.pain.region_marked("back.left.outer_hip")
    assert window.match_list.rows() == []
    assert window.scene.visible_zone_items() == []


def test_brush_stroke_over_upper_front_thigh_ranks_psoas_first(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action_set.tool_actions[Tool.BRUSH].trigger()
    assert window.view.tool is Tool.BRUSH
    assert "Brush" in window.tool_label.text()
    polygon = anatomy.regions["front.left.upper_front_thigh"].polygon
    drag(window, "front", line_inside(polygon))
    strokes = [m for m in window.document.marks if isinstance(m, Stroke)]
    assert len(strokes) == 1 and strokes[0].view == "front"
    assert window.undo_stack.count() == 1  # one drag, one undo step
    assert window.match_list.rows()[0][1:3] == ["Psoas (iliopsoas)", "left"]
    assert ("psoas", "left") in _visible_patterns(window)
    qtbot.waitUntil(lambda: not window.panels.is_waiting())  # the guide follows the list
    assert window.panels.titles()[0] == "1. Psoas (iliopsoas)"
    assert not window.scene.pain_layers["front"].is_empty()
    page = window.panels.currentWidget()
    first = window.result.matches[0]
    assert page.toPlainText().startswith(
        f"Match #1: left side, score {first.score:.2f}, explains {first.pain_explained:.0%}"
    )
    # A second stroke elsewhere changes the figures on the open page, and only them.
    guide = page.text.toPlainText()
    drag(window, "front", line_inside(anatomy.regions["front.left.groin"].polygon))
    qtbot.waitUntil(lambda: not window.panels.is_waiting())  # the guide follows the list
    assert window.panels.currentWidget() is page
    second = window.result.matches[0]
    assert second.pain_explained != first.pain_explained
    assert f"explains {second.pain_explained:.0%}" in page.toPlainText()
    assert page.text.toPlainText() == guide


def test_undo_removes_the_highlight_and_redo_restores_it(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    assert _visible_patterns(window)
    window.action_set.undo.trigger()
    assert window.document.marks == ()
    assert window.scene.visible_zone_items() == []
    assert window.match_list.rows() == []
    assert window.scene.pain_layers["back"].is_empty()
    assert not window.isWindowModified()
    window.action_set.redo.trigger()
    assert ("quadratus_lumborum", "left") in _visible_patterns(window)
    assert window.isWindowModified()


def test_eraser_removes_painted_pain(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    area = window.document.drawing.pain.geometry("back").area
    window.set_tool(Tool.ERASER)
    view, x, y = _point(anatomy, "back.left.outer_hip")
    drag(window, view, [(x - 20, y), (x + 20, y)])
    assert window.document.drawing.pain.geometry("back").area < area
    assert window.undo_stack.count() == 2


def test_selecting_a_match_emphasises_its_zone(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    window.set_tool(Tool.BRUSH)
    drag(window, "front", line_inside(anatomy.regions["front.left.upper_front_thigh"].polygon))
    rows = window.match_list.rows()
    index = next(i for i, r in enumerate(rows) if r[1] == "Quadratus lumborum")
    window.match_list.select_row(index)
    fills = [i for i in window.scene.visible_zone_items() if not i.outline]
    ql = [i for i in fills if i.muscle == "quadratus_lumborum"]
    others = [i for i in fills if i.muscle != "quadratus_lumborum"]
    assert ql and others
    assert min(i.brush().color().alpha() for i in ql) > max(
        i.brush().color().alpha() for i in others
    )
    assert window.panels.current_muscle() == "quadratus_lumborum"


def test_hover_names_the_region_in_the_status_bar(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    hover(window, *_point(anatomy, "back.left.low_back"))
    assert "Left low back" in window.hover_label.text()
    assert window.view.viewport().toolTip() == "Left low back"


def test_live_matching_while_painting(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui_helpers import LEFT, _send, scene_point

    window.set_tool(Tool.BRUSH)
    points = line_inside(anatomy.regions["front.left.upper_front_thigh"].polygon)
    pts = [scene_point(window, "front", x, y) for x, y in points]
    _send(window.view, QtCore.QEvent.Type.MouseButtonPress, pts[0], LEFT, LEFT)
    try:
        for pt in pts[1:]:
            _send(window.view, QtCore.QEvent.Type.MouseMove, pt, LEFT, LEFT)
        assert window.document.marks == ()  # nothing committed yet
        qtbot.waitUntil(lambda: bool(window.match_list.rows()), timeout=2000)
        assert window.match_list.rows()[0][1] == "Psoas (iliopsoas)"
    finally:
        _send(
            window.view,
            QtCore.QEvent.Type.MouseButtonRelease,
            pts[-1],
            LEFT,
            QtCore.Qt.MouseButton.NoButton,
        )


def test_long_stroke_measured_while_drawn_ends_with_the_full_ranking(
    window, anatomy, matcher, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import math

    from tests.ui_helpers import LEFT, _send, scene_point

    click(window, *_point(anatomy, "back.left.outer_hip"))  # some pain drawn already
    window.set_tool(Tool.BRUSH)
    # A long scribble over the low back and hip: many chunks complete while it is drawn.
    points = [(120 + 0.5 * i, 420 + 40 * math.sin(i / 25)) for i in range(320)]
    pts = [scene_point(window, "back", x, y) for x, y in points]
    _send(window.view, QtCore.QEvent.Type.MouseButtonPress, pts[0], LEFT, LEFT)
    try:
        for i, pt in enumerate(pts[1:-10], 1):
            _send(window.view, QtCore.QEvent.Type.MouseMove, pt, LEFT, LEFT)
            if i % 100 == 0:
                qtbot.wait(150)  # a live-matching tick measures the chunks so far
        qtbot.wait(150)  # and one more after the last moves
        # What the list shows while drawing is the ranking with the stroke so far.
        so_far = window.drawing.stroke_so_far()
        assert so_far is not None and len(so_far.points) > 200
        fresh = matcher.match(PainMap(anatomy, [*window.document.marks, so_far]).geometries())
        assert_same_ranking(window.result, fresh)
        for pt in pts[-10:]:
            _send(window.view, QtCore.QEvent.Type.MouseMove, pt, LEFT, LEFT)
    finally:
        _send(window.view, QtCore.QEvent.Type.MouseButtonRelease, pts[-1], LEFT, NONE_BUTTON)
    assert_same_ranking(
        window.result, matcher.match(PainMap(anatomy, window.document.marks).geometries())
    )
    assert window.match_list.rows()[0][1] == window.result.matches[0].name


def test_region_list_toggles_marks_by_keyboard(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action_set.find_region.trigger()
    qtbot.keyClicks(window.region_list.search, "left outer hip")
    assert window.region_list.visible_ids() == ["back.left.outer_hip"]
    qtbot.keyClick(window.region_list.search, QtCore.Qt.Key.Key_Return)
    qtbot.keyClick(window.region_list.list, QtCore.Qt.Key.Key_Space)
    assert window.document.drawing.pain.region_marked("back.left.outer_hip")
    assert window.match_list.rows()[0][1] == "Quadratus lumborum"


def test_mirror_and_clear_all_are_single_undo_steps(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    window.action_set.mirror.trigger()
    assert window.document.drawing.pain.region_marked("back.right.outer_hip")
    # the same muscle painted on both sides is one row naming both sides
    sides = [r[2] for r in window.match_list.rows() if r[1] == "Quadratus lumborum"]
    assert sides in (["left and right"], ["right and left"])
    window.action_set.clear.trigger()
    assert window.document.marks == ()
    window.action_set.undo.trigger()
    assert len(window.document.marks) == 2


def test_muscles_menu_opens_a_panel_without_painting(window) -> None:  # type: ignore[no-untyped-def]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Muscles")
    entry = next(a for a in menu.actions() if a.text().startswith("Psoas"))
    assert not entry.shortcut().isEmpty()
    entry.trigger()
    assert window.panels.titles() == ["Psoas (iliopsoas)"]
    assert "When to see a clinician" in window.panels.currentWidget().toPlainText()
    assert window.document.marks == ()


def test_every_menu_action_has_a_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    missing = []
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if action.shortcut().isEmpty():
                missing.append(action.text())
    assert missing == []


def test_safety_note_on_first_start_only_and_in_help(window, asked) -> None:  # type: ignore[no-untyped-def]
    window.startup(None)
    window.startup(None)
    assert asked["safety"] == ["Before you start"] or len(asked["safety"]) == 1
    window.action_set.safety.trigger()
    assert len(asked["safety"]) == 2


def _refuse(*args: object) -> None:
    raise AssertionError("folded the marks again")


def test_save_then_open_restores_marks_and_matches(
    window, anatomy, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    window.set_tool(Tool.BRUSH)
    window.set_intensity(8)
    drag(window, "front", line_inside(anatomy.regions["front.left.upper_front_thigh"].polygon))
    window.note_edit.setPlainText("worse after sitting")
    marks, rows = window.document.marks, window.match_list.rows()
    path = tmp_path / "diary.bodymap.json"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("diary.bodymap.json")

    window.files.new()
    assert window.document.marks == () and window.match_list.rows() == []
    # The file keeps the computed pain: opening it folds nothing, and shows the same.
    # On this window's drawing only: a window of an earlier test may still merge its bands.
    monkeypatch.setattr(window.drawing.pain, "_fold", _refuse)
    monkeypatch.setattr(window.drawing._bands, "_fold_all", _refuse)
    assert window.files.open_path(path)
    assert window.document.marks == marks
    assert not window.scene.pain_layers["front"].is_empty()
    assert window.match_list.rows() == rows
    assert window.note_edit.toPlainText() == "worse after sitting"
    assert not window.isWindowModified()
    assert str(path.resolve()) in window.files.recent_files()


def test_failed_save_keeps_the_window_modified(window, anatomy, asked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    assert not window.files.save_to(tmp_path / "missing" / "x.bodymap.json")
    assert window.isWindowModified()
    assert len(asked["error"]) == 1 and "\n" not in asked["error"][0]
    assert "folder does not exist" in asked["error"][0]


def test_bad_session_file_gives_a_one_line_message(window, asked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.bodymap.json"
    bad.write_text('{"format": "bodymap-session", "version": 1, "marks": [', encoding="utf-8")
    assert not window.files.open_path(bad)
    assert len(asked["error"]) == 1 and "\n" not in asked["error"][0]
    assert "bad.bodymap.json" in asked["error"][0]


def test_close_with_unsaved_changes_asks_and_can_cancel(window, anatomy, asked) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    asked["answers"]["unsaved"] = "cancel"
    assert not window.close()
    assert asked["unsaved"] == ["Untitled"]
    asked["answers"]["unsaved"] = "discard"
    assert window.close()


def test_geometry_and_docks_are_remembered(qtbot, anatomy, matcher, asked) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    first = MainWindow(anatomy, matcher)
    qtbot.addWidget(first)
    first.show()
    first.note_dock.hide()
    first.close()
    second = MainWindow(anatomy, matcher)
    qtbot.addWidget(second)
    second.show()
    assert not second.note_dock.isVisible()
    assert second.match_dock.isVisible()
    second.close()


def test_zoom_and_fit(window) -> None:  # type: ignore[no-untyped-def]
    before = window.view.transform().m11()
    window.action_set.zoom_in.trigger()
    assert window.view.transform().m11() > before
    assert not window.view.fit_mode
    wheel = QtGui.QWheelEvent(
        QtCore.QPointF(50, 50), QtCore.QPointF(50, 50), QtCore.QPoint(0, 0), QtCore.QPoint(0, -240),
        QtCore.Qt.MouseButton.NoButton, QtCore.Qt.KeyboardModifier.NoModifier,
        QtCore.Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    zoomed = window.view.transform().m11()
    QtWidgets.QApplication.sendEvent(window.view.viewport(), wheel)
    assert window.view.transform().m11() < zoomed
    window.action_set.fit.trigger()
    assert window.view.fit_mode
    assert abs(window.view.transform().m11() - before) < 1e-6


def test_region_marks_use_the_chosen_intensity(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    window.set_intensity(9)
    click(window, *_point(anatomy, "front.left.groin"))
    assert window.document.marks == (RegionMark("front.left.groin", 9),)


def test_new_stroke_looks_the_same_before_and_after_merging_into_the_bands(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    # A strong stroke, then a weak one across it: the weak one is drawn over the layer at
    # once and merged into the bands when the user pauses; the picture must not change.
    view, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    window.set_intensity(9)
    drag(window, view, [(x - 15, y), (x + 15, y)])
    window.set_intensity(2)
    drag(window, view, [(x, y - 20), (x, y + 20)])
    layer = window.scene.pain_layers[view]
    assert layer.recent_count() >= 1
    before = window.view.viewport().grab().toImage()
    window.editor.merge_recent_paint()  # what the idle timer does
    assert layer.recent_count() == 0
    after = window.view.viewport().grab().toImage()
    centre = window.view.mapFromScene(window.scene.to_scene(view, x, y))
    assert before.pixelColor(centre) == after.pixelColor(centre)  # the strong one shows
    differing = sum(
        1
        for px in range(0, before.width(), 3)
        for py in range(0, before.height(), 3)
        if abs(before.pixelColor(px, py).red() - after.pixelColor(px, py).red()) > 24
    )
    assert differing < 0.002 * (before.width() // 3) * (before.height() // 3)


def test_calf_click_shows_the_warning_and_cause_above_the_list(window, anatomy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert window.match_list.cue_text() == ""
    click(window, *_point(anatomy, "back.right.calf"))
    text = window.match_list.cue_text()
    assert "Pain below the knee" in text and "A nerve root in the low back" in text
    # a note, never a ranked row: the list holds muscles only
    assert all(r[1] in {m.name for m in anatomy.muscles.values()} for r in window.match_list.rows())
    window.match_list.grab().save(str(tmp_path / "cues.png"))
    window.action_set.undo.trigger()
    assert window.match_list.cue_text() == ""
