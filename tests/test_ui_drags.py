"""A drag is one thing from press to release, whatever interrupts it: real events on the
viewport, keys and actions as a person would use them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.marks import RegionMark, Stroke
from bodymap.ui.body_view import Tool
from tests.test_ui_window import _point
from tests.ui_helpers import LEFT, NONE, _send, click, hover, scene_point

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
MOVE, PRESS, RELEASE = (
    QtCore.QEvent.Type.MouseMove,
    QtCore.QEvent.Type.MouseButtonPress,
    QtCore.QEvent.Type.MouseButtonRelease,
)


def _press_and_move(window, view_id: str, x: float, y: float, steps: int = 12):  # type: ignore[no-untyped-def]
    """Press at (x, y) of a view and drag right; returns the last scene point."""
    pts = [scene_point(window, view_id, x + 3 * i, y) for i in range(steps)]
    _send(window.view, PRESS, pts[0], LEFT, LEFT)
    for pt in pts[1:]:
        _send(window.view, MOVE, pt, NONE, LEFT)
    return pts[-1]


def _key(window, key: str) -> None:  # type: ignore[no-untyped-def]
    sequence = QtGui.QKeySequence(key)
    combo = sequence[0]
    for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
        event = QtGui.QKeyEvent(kind, combo.key(), combo.keyboardModifiers())
        QtWidgets.QApplication.sendEvent(window.view, event)


def test_changing_tool_mid_drag_keeps_the_brush_stroke(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    last = _press_and_move(window, view_id, x - 15, y)
    window.action_set.tool_actions[Tool.ERASER].trigger()  # E pressed mid-drag
    _send(window.view, RELEASE, last, LEFT, NONE)
    (stroke,) = window.document.marks
    assert isinstance(stroke, Stroke) and not stroke.erase
    assert stroke.width == window.view.brush_width
    window.set_tool(Tool.BRUSH)
    last = _press_and_move(window, view_id, x - 15, y + 20)
    window.set_tool(Tool.REGION)  # R pressed mid-drag: no region click at the release
    _send(window.view, RELEASE, last, LEFT, NONE)
    assert len(window.document.marks) == 2
    assert all(isinstance(m, Stroke) for m in window.document.marks)
    assert not window.view.is_drawing()


def test_undo_mid_drag_cancels_that_stroke_and_keeps_the_one_before(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    last = _press_and_move(window, view_id, x - 15, y)
    _send(window.view, RELEASE, last, LEFT, NONE)
    first = window.document.marks
    assert len(first) == 1
    last = _press_and_move(window, view_id, x - 15, y + 25)
    assert window.action_set.undo.isEnabled()
    window.action_set.undo.trigger()  # Ctrl+Z mid-drag
    assert not window.view.is_drawing()
    _send(window.view, MOVE, last, NONE, LEFT)  # the pointer goes on: no ink, no stroke
    _send(window.view, RELEASE, last, LEFT, NONE)
    assert window.document.marks == first
    assert window.action_set.undo.isEnabled() and not window.action_set.redo.isEnabled()
    window.action_set.undo.trigger()
    assert window.document.marks == ()
    window.action_set.redo.trigger()
    assert window.document.marks == first  # the earlier stroke was never lost


def test_escape_cancels_the_stroke_being_drawn(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    last = _press_and_move(window, view_id, x - 15, y)
    _key(window, "Escape")
    _send(window.view, RELEASE, last, LEFT, NONE)
    assert window.document.marks == () and window.undo_stack.count() == 0


def test_losing_the_focus_mid_drag_keeps_the_stroke_as_drawn(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    last = _press_and_move(window, view_id, x - 15, y)
    QtWidgets.QApplication.sendEvent(window, QtCore.QEvent(QtCore.QEvent.Type.ActivationChange))
    if window.isActiveWindow():  # offscreen: the window may still count as active
        window.editor.finish_stroke()
    assert len(window.document.marks) == 1 and not window.view.is_drawing()
    _send(window.view, RELEASE, last, LEFT, NONE)  # the late release adds nothing
    assert len(window.document.marks) == 1 and window.undo_stack.count() == 1


def test_closing_mid_drag_keeps_the_stroke_and_asks(window, anatomy, asked) -> None:  # type: ignore[no-untyped-def]
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    _press_and_move(window, view_id, x - 15, y)
    asked["answers"]["unsaved"] = "cancel"
    assert not window.close()
    assert asked["unsaved"] and len(window.document.marks) == 1


def test_opening_a_file_mid_drag_drops_the_stroke(window, anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.session import Session
    from bodymap.io.session_file import save_session

    path = tmp_path / "other.bodymap.json"
    save_session(Session(marks=[RegionMark("front.left.groin")]), path)
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    last = _press_and_move(window, view_id, x - 15, y)
    assert window.files.open_path(path)
    assert not window.view.is_drawing()
    _send(window.view, RELEASE, last, LEFT, NONE)
    assert window.document.marks == (RegionMark("front.left.groin"),)
    assert not window.isWindowModified()


def test_a_region_drag_marks_nothing_and_a_click_updates_the_status_bar(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    hip = _point(anatomy, "back.left.outer_hip")
    low = _point(anatomy, "back.left.low_back")
    _send(window.view, PRESS, scene_point(window, *hip), LEFT, LEFT)
    _send(window.view, MOVE, scene_point(window, *low), NONE, LEFT)
    _send(window.view, RELEASE, scene_point(window, *low), LEFT, NONE)
    assert window.document.marks == ()
    hover(window, *hip)
    assert "click to mark" in window.hover_label.text()
    click(window, *hip)
    assert "(marked)" in window.hover_label.text()


def test_an_eraser_click_on_empty_canvas_adds_no_undo_step(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    window.set_tool(Tool.ERASER)
    click(window, *_point(anatomy, "back.left.low_back"))
    assert window.undo_stack.count() == 0 and not window.action_set.undo.isEnabled()
    assert not window.isWindowModified()
