"""Where the main window goes on the screen it opens on, and how its docks share the width.

The decisions are pure functions of rectangles in device-independent pixels (Qt's logical
pixels: a 2560 x 1440 screen at scale 2 is 1280 x 720 of them), tested without a screen:

- ``window_rect``: on a first start the preferred size, shrunk to the screen's available area
  (the desktop less panels and docks of the system) and centred on it; a saved geometry is kept
  when it fits, else shrunk to fit and moved back onto the screen.
- ``dock_plan``: on a narrow or low screen the body map keeps its room: the docks get narrower
  and, below ``WIDE`` pixels, share one column as tabs (the matches stay visible above them).

``restore_layout`` applies both to a ``QMainWindow`` before its first show.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import NamedTuple

from PySide6 import QtCore, QtGui, QtWidgets

PREFERRED = (1400, 900)  # the window on a large screen (logical pixels, frame excluded)
# Room left for the window frame a window manager adds (title bar above, borders): the
# window's frame is unknown before it is first shown.
FRAME = (4, 34, 4, 4)  # left, top, right, bottom
WIDE = 1280  # below this available width the docks share one column
ROOMY = 1600  # from this width on, the docks get their full width


class Rect(NamedTuple):
    """A rectangle in logical pixels; ``x``, ``y`` its top-left corner."""

    x: int
    y: int
    w: int
    h: int


class DockPlan(NamedTuple):
    """How the docks are laid out: ``one_column`` puts every dock in the right column (the
    matches over tabs of the guide, the regions and the note); widths in logical pixels."""

    one_column: bool
    left_width: int
    right_width: int
    matches_height: int


def window_rect(
    available: Rect,
    saved: Rect | None,
    preferred: tuple[int, int] = PREFERRED,
    frame: tuple[int, int, int, int] = FRAME,
) -> Rect:
    """The window's geometry (frame excluded) on a screen whose available area is
    ``available``; ``saved`` is the geometry the window had last time (None on a first start).
    The result, with ``frame`` around it, lies inside ``available``."""
    left, top, right, bottom = frame
    room_w = max(1, available.w - left - right)
    room_h = max(1, available.h - top - bottom)
    if saved is None:
        w, h = min(preferred[0], room_w), min(preferred[1], room_h)
        x = available.x + left + (room_w - w) // 2
        y = available.y + top + (room_h - h) // 2
        return Rect(x, y, w, h)
    w, h = min(saved.w, room_w), min(saved.h, room_h)
    x = min(max(saved.x, available.x + left), available.x + left + room_w - w)
    y = min(max(saved.y, available.y + top), available.y + top + room_h - h)
    return Rect(x, y, w, h)


def dock_plan(window_w: int, window_h: int) -> DockPlan:
    """The dock layout for a window of ``window_w`` x ``window_h`` logical pixels: the body map
    keeps at least about half the width."""
    if window_w < WIDE:
        right = max(240, min(320, window_w * 3 // 10))
        return DockPlan(True, 0, right, max(120, min(200, window_h // 4)))
    if window_w < ROOMY:
        return DockPlan(False, 210, 320, 170)
    return DockPlan(False, 250, 400, 170)


def saved_normal_geometry(data: bytes) -> tuple[Rect, bool] | None:
    """The normal (not maximised) geometry and the maximised flag kept in the bytes of
    ``QWidget.saveGeometry()`` (Qt's format, versions 1 to 3: a magic number, two version
    numbers, the frame rectangle, the normal rectangle as left, top, right, bottom, the screen
    number, then the flags; big-endian), None when the bytes are not in that format."""
    if len(data) < 46 or struct.unpack_from(">I", data)[0] != 0x1D9D0CB:
        return None
    left, top, right, bottom = struct.unpack_from(">iiii", data, 24)
    maximised = data[44] != 0
    return Rect(left, top, right - left + 1, bottom - top + 1), maximised


def _rect(r: QtCore.QRect) -> Rect:
    return Rect(r.x(), r.y(), r.width(), r.height())


def restore_layout(
    window: QtWidgets.QMainWindow,
    geometry: object,
    state: object,
    left: Sequence[QtWidgets.QDockWidget],
    right: Sequence[QtWidgets.QDockWidget],
) -> DockPlan:
    """Restore ``window`` (not shown yet) from the saved ``geometry`` and dock ``state``
    (``saveGeometry()``/``saveState()`` bytes, or anything else when there are none), then
    place it on its screen with ``window_rect``. The docks ``left`` (regions, note) and
    ``right`` (matches, guide) are laid out by ``dock_plan`` when no state was restored or
    the saved window does not fit this screen (its dock widths were made for a larger one).
    Uses no ``QtCore.Qt`` enum when a saved layout fits (see ``bodymap.ui.app``). Returns the
    plan for the window's size."""
    saved: tuple[Rect, bool] | None = None
    placed = False
    if isinstance(geometry, QtCore.QByteArray):
        # Qt refuses a geometry saved on a screen it cannot place it on: the saved size still
        # says the docks were laid out for a larger window.
        placed = window.restoreGeometry(geometry)
        saved = saved_normal_geometry(bytes(geometry.data()))
    restored = isinstance(state, QtCore.QByteArray) and window.restoreState(state)
    screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
    available = _rect(screen.availableGeometry())
    arrange = not restored
    target = window_rect(available, saved[0] if saved else None)
    if saved is None or target != saved[0]:
        if saved is not None:
            arrange = True
        if saved is None or not (saved[1] and placed):  # maximised: fills the screen itself
            window.setGeometry(target.x, target.y, target.w, target.h)
    plan = dock_plan(target.w, target.h)
    if arrange and left and right:
        _arrange(window, plan, left, right)
    return plan


def _arrange(
    window: QtWidgets.QMainWindow,
    plan: DockPlan,
    left: Sequence[QtWidgets.QDockWidget],
    right: Sequence[QtWidgets.QDockWidget],
) -> None:
    area = QtCore.Qt.DockWidgetArea
    horizontal, vertical = QtCore.Qt.Orientation.Horizontal, QtCore.Qt.Orientation.Vertical
    for dock in (*left, *right):
        dock.setFloating(False)
    if not plan.one_column:
        for dock in left:
            window.addDockWidget(area.LeftDockWidgetArea, dock)
        for dock in right:
            window.addDockWidget(area.RightDockWidgetArea, dock)
        window.resizeDocks(list(right), [plan.matches_height, 560], vertical)
        window.resizeDocks(list(left), [520, 160], vertical)
        window.resizeDocks([left[0], right[0]], [plan.left_width, plan.right_width], horizontal)
        return
    matches, *others = right
    window.addDockWidget(area.RightDockWidgetArea, matches)
    window.addDockWidget(area.RightDockWidgetArea, others[0], vertical)
    tabs = [others[0], *others[1:], *left]
    for dock in tabs[1:]:
        window.addDockWidget(area.RightDockWidgetArea, dock)
        window.tabifyDockWidget(tabs[0], dock)
    tabs[0].raise_()
    window.resizeDocks([matches, tabs[0]], [plan.matches_height, 1000], vertical)
    window.resizeDocks([matches], [plan.right_width], horizontal)
