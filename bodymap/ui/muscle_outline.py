"""Where a muscle lies, drawn beside where it refers pain: its outline (dashed, in the muscle's
colour, no fill) and its usual trigger points (a ringed dot), over the zones and the pain.

Shown for the muscle selected in the list or opened from the Muscles menu; the legend under
the list explains the three marks (``legend_icon``). The shapes are the anatomy's
(``Muscle.outline``, ``Muscle.trigger_points``), converted by ``bodymap.io.qt_bridge``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from bodymap.core.anatomy import Anatomy

Z_OUTLINE = 3.5  # over the zones' outlines (3) and the pain (2), under the stroke being drawn
OUTLINE_WIDTH = 2.2  # SVG units
DASH = [3.0, 2.0]  # in pen widths
TRIGGER_RADIUS = 4.5  # SVG units
INK = "#2B2B2B"
ZONE_SAMPLE = "#0072B2"  # the legend's sample colour (the first muscle's)


def _outline_pen(hex_colour: str, width: float) -> QtGui.QPen:
    pen = QtGui.QPen(QtGui.QColor(hex_colour).darker(135), width)
    pen.setDashPattern(DASH)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    return pen


def _trigger_point(painter: QtGui.QPainter, centre: QtCore.QPointF, r: float, hex_colour: str):  # type: ignore[no-untyped-def]
    painter.setPen(QtGui.QPen(QtGui.QColor(INK), r * 0.35))
    painter.setBrush(QtGui.QColor("#FFFFFF"))
    painter.drawEllipse(centre, r, r)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(hex_colour).darker(135))
    painter.drawEllipse(centre, r * 0.5, r * 0.5)


class TriggerPointItem(QtWidgets.QGraphicsItem):
    """A usual trigger point: a white ring with a dot of the muscle's colour."""

    def __init__(self, parent: QtWidgets.QGraphicsItem, x: float, y: float, hex_colour: str):
        super().__init__(parent)
        self.setPos(x, y)
        self.setZValue(Z_OUTLINE + 0.1)
        self._hex = hex_colour

    def boundingRect(self) -> QtCore.QRectF:
        r = TRIGGER_RADIUS * 1.3
        return QtCore.QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QtGui.QPainter, option: object, widget: object = None) -> None:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        _trigger_point(painter, QtCore.QPointF(0, 0), TRIGGER_RADIUS, self._hex)


class MuscleOutlines:
    """The outline and trigger points of one muscle at a time on the views' ``roots``
    (view id -> the item whose coordinates are that view's SVG units)."""

    def __init__(self, anatomy: Anatomy, roots: dict[str, QtWidgets.QGraphicsItem]) -> None:
        self._anatomy = anatomy
        self._roots = roots
        self._items: list[QtWidgets.QGraphicsItem] = []
        self.shown: tuple[str, tuple[str, ...]] | None = None  # (muscle id, sides)

    def show(self, muscle_id: str | None, sides: Iterable[str] = ("left", "right")) -> None:
        """Draw ``muscle_id``'s outline and trigger points on ``sides`` (None: none)."""
        from bodymap.io.qt_bridge import geometry_to_path

        wanted = None if muscle_id is None else (muscle_id, tuple(sorted(sides)))
        if wanted == self.shown:
            return
        for item in self._items:
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)
        self._items = []
        self.shown = wanted
        if wanted is None:
            return
        muscle = self._anatomy.muscles[wanted[0]]
        for outline in muscle.outline:
            if outline.side in wanted[1] and outline.view in self._roots:
                item = QtWidgets.QGraphicsPathItem(
                    geometry_to_path(outline.polygon), self._roots[outline.view]
                )
                item.setPen(_outline_pen(muscle.colour, OUTLINE_WIDTH))
                item.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                item.setZValue(Z_OUTLINE)
                item.setData(0, "muscle_outline")
                self._items.append(item)
        for point in muscle.trigger_points:
            if point.side in wanted[1] and point.view in self._roots:
                dot = TriggerPointItem(self._roots[point.view], *point.at, muscle.colour)
                dot.setData(0, "trigger_point")
                dot.setToolTip(point.group)
                self._items.append(dot)

    def items(self) -> list[QtWidgets.QGraphicsItem]:
        return list(self._items)


@functools.cache
def legend_icon(kind: str) -> QtGui.QPixmap:
    """A 22 x 14 sample of a map mark: "zone" (a shaded referral zone), "outline" (where a
    muscle lies) or "trigger_point"."""
    pixmap = QtGui.QPixmap(22, 14)
    pixmap.fill(QtCore.Qt.GlobalColor.transparent)
    with QtGui.QPainter(pixmap) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        rect = QtCore.QRectF(2, 2, 18, 10)
        if kind == "zone":
            fill = QtGui.QColor(ZONE_SAMPLE)
            painter.setPen(QtGui.QPen(fill, 1.2))
            fill.setAlpha(90)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 3, 3)
        elif kind == "outline":
            painter.setPen(_outline_pen(ZONE_SAMPLE, 1.6))
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3, 3)
        else:
            _trigger_point(painter, QtCore.QPointF(11, 7), 5.0, ZONE_SAMPLE)
    return pixmap
