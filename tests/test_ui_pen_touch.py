"""Pen and touch on the body map: synthetic tablet and touch events on the viewport."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui, QtTest

from bodymap.core.marks import Stroke
from bodymap.ui.body_view import Tool
from tests.test_ui_window import _point
from tests.ui_helpers import scene_point

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
T = QtCore.QEvent.Type


def _pen() -> QtGui.QPointingDevice:
    caps = QtGui.QInputDevice.Capability
    return QtGui.QPointingDevice(
        "test pen", 4711, QtGui.QInputDevice.DeviceType.Stylus,
        QtGui.QPointingDevice.PointerType.Pen,
        caps.Position | caps.Pressure, 1, 2,
    )  # fmt: skip


def _tablet(window, device, kind, scene_pt, pressure: float) -> None:  # type: ignore[no-untyped-def]
    pos = QtCore.QPointF(window.view.mapFromScene(scene_pt))
    left = QtCore.Qt.MouseButton.LeftButton
    buttons = QtCore.Qt.MouseButton.NoButton if kind == T.TabletRelease else left
    event = QtGui.QTabletEvent(
        kind, device, pos, QtCore.QPointF(window.view.viewport().mapToGlobal(pos)),
        pressure, 0.0, 0.0, 0.0, 0.0, 0.0, QtCore.Qt.KeyboardModifier.NoModifier, left, buttons,
    )  # fmt: skip
    QtGui.QGuiApplication.sendEvent(window.view.viewport(), event)


@pytest.mark.parametrize(("pressure", "intensity"), [(0.05, 1), (0.55, 6), (1.0, 10)])
def test_pen_pressure_sets_the_stroke_intensity(window, anatomy, pressure, intensity) -> None:  # type: ignore[no-untyped-def]
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    window.set_intensity(3)
    pen = _pen()
    pts = [scene_point(window, view_id, x - 12 + 3 * i, y) for i in range(9)]
    _tablet(window, pen, T.TabletPress, pts[0], pressure)
    for pt in pts[1:]:
        _tablet(window, pen, T.TabletMove, pt, pressure)
    _tablet(window, pen, T.TabletRelease, pts[-1], 0.0)
    (stroke,) = window.document.marks
    assert isinstance(stroke, Stroke) and stroke.intensity == intensity
    assert len(stroke.points) >= 5
    assert window.view.intensity == 3  # the toolbar's intensity is the mouse's, unchanged


def _touch(window, device, kind, *positions: QtCore.QPoint) -> None:  # type: ignore[no-untyped-def]
    """One touch event on the viewport with a finger at each of ``positions``."""
    state = {
        T.TouchBegin: QtGui.QEventPoint.State.Pressed,
        T.TouchUpdate: QtGui.QEventPoint.State.Updated,
        T.TouchEnd: QtGui.QEventPoint.State.Released,
    }[kind]
    viewport = window.view.viewport()
    points = [
        QtGui.QEventPoint(i, state, QtCore.QPointF(p), QtCore.QPointF(viewport.mapToGlobal(p)))
        for i, p in enumerate(positions)
    ]
    event = QtGui.QTouchEvent(kind, device, QtCore.Qt.KeyboardModifier.NoModifier, points)
    QtGui.QGuiApplication.sendEvent(viewport, event)


def test_one_finger_paints_and_two_fingers_pinch_and_pan(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    device = QtTest.QTest.createTouchDevice()
    viewport = window.view.viewport()
    view_id, x, y = _point(anatomy, "back.left.low_back")
    window.set_tool(Tool.BRUSH)
    one = [
        window.view.mapFromScene(scene_point(window, view_id, x - 12 + 3 * i, y)) for i in range(9)
    ]
    _touch(window, device, T.TouchBegin, one[0])
    for p in one[1:]:
        _touch(window, device, T.TouchUpdate, p)
    _touch(window, device, T.TouchEnd, one[-1])
    assert len(window.document.marks) == 1 and isinstance(window.document.marks[0], Stroke)

    scale = window.view.transform().m11()
    centre = viewport.rect().center()
    a, b = centre - QtCore.QPoint(40, 0), centre + QtCore.QPoint(40, 0)
    _touch(window, device, T.TouchBegin, a, b)
    _touch(window, device, T.TouchUpdate, a, b)
    # the fingers spread to twice the span: zoom in twice
    _touch(window, device, T.TouchUpdate, a - QtCore.QPoint(40, 0), b + QtCore.QPoint(40, 0))
    assert window.view.transform().m11() == pytest.approx(2 * scale, rel=0.02)
    bar = window.view.verticalScrollBar()
    before = bar.value()
    # both fingers move up 60 pixels: the map follows them
    _touch(window, device, T.TouchUpdate, a - QtCore.QPoint(40, 60), b + QtCore.QPoint(40, -60))
    assert bar.value() - before == pytest.approx(60, abs=2)
    _touch(window, device, T.TouchEnd, a, b)
    assert len(window.document.marks) == 1  # the gesture painted nothing
