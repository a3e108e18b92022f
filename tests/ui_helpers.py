"""Helpers for the window tests: real mouse events sent to the view's viewport."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtCore, QtGui, QtWidgets

LEFT = QtCore.Qt.MouseButton.LeftButton
NONE = QtCore.Qt.MouseButton.NoButton


def _send(view, kind, scene_pt, button, buttons):  # type: ignore[no-untyped-def]
    pos = QtCore.QPointF(view.mapFromScene(scene_pt))
    event = QtGui.QMouseEvent(
        kind, pos, QtCore.QPointF(view.viewport().mapToGlobal(pos)), button, buttons,
        QtCore.Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QtWidgets.QApplication.sendEvent(view.viewport(), event)


def scene_point(window, view_id: str, x: float, y: float) -> QtCore.QPointF:  # type: ignore[no-untyped-def]
    return window.scene.to_scene(view_id, x, y)


def click(window, view_id: str, x: float, y: float) -> None:  # type: ignore[no-untyped-def]
    """Press and release the left button at the SVG point (x, y) of a view."""
    pt = scene_point(window, view_id, x, y)
    _send(window.view, QtCore.QEvent.Type.MouseButtonPress, pt, LEFT, LEFT)
    _send(window.view, QtCore.QEvent.Type.MouseButtonRelease, pt, LEFT, NONE)


def hover(window, view_id: str, x: float, y: float) -> None:  # type: ignore[no-untyped-def]
    _send(window.view, QtCore.QEvent.Type.MouseMove, scene_point(window, view_id, x, y), NONE, NONE)


def drag(window, view_id: str, points: Iterable[tuple[float, float]]) -> None:  # type: ignore[no-untyped-def]
    """A left-button drag through SVG points of a view; the button is always released."""
    pts = [scene_point(window, view_id, x, y) for x, y in points]
    _send(window.view, QtCore.QEvent.Type.MouseButtonPress, pts[0], LEFT, LEFT)
    try:
        for pt in pts[1:]:
            _send(window.view, QtCore.QEvent.Type.MouseMove, pt, NONE, LEFT)
    finally:
        _send(window.view, QtCore.QEvent.Type.MouseButtonRelease, pts[-1], LEFT, NONE)


def line_inside(polygon, step: float = 2.0) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """Points of the horizontal line through the polygon's representative point that lie
    inside it (a stroke that stays within one region)."""
    from shapely.geometry import Point

    p = polygon.representative_point()
    x0, _, x1, _ = polygon.bounds
    pts = []
    x = x0
    while x <= x1:
        if polygon.buffer(-8).contains(Point(x, p.y)):
            pts.append((x, p.y))
        x += step
    return pts or [(p.x, p.y)]


def new_window(qtbot, anatomy, matcher):  # type: ignore[no-untyped-def]
    """A loaded main window, shown, closed with the test (no dialogs replaced)."""
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    win = MainWindow(anatomy, matcher)
    qtbot.addWidget(win)
    win.show()
    return win
