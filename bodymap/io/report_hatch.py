"""Hatching drawn as vector lines and dots, for the exported pages.

Qt's pattern brushes are tiles of device pixels: on a 1,200 dpi printer they shrink to
specks, and the PDF engine does not scale them. The exports therefore hatch an area with
real lines (or a grid of dots) clipped to it, spaced in points of the page (the PNG page
marks its images' resolution so that one logical unit is one point), so a pattern looks the
same on screen, in the PDF and on paper, and reads in black and white. The qualities' line
directions are those of the window's pattern brushes (``bodymap.ui.quality.PATTERNS``).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui

from bodymap.io import palette

# (angles of its line sets in degrees, 0 horizontal and 45 rising "/", or dots)
Hatch = tuple[tuple[float, ...], bool]
QUALITY_HATCH: dict[str, Hatch] = {
    "aching": ((), True),
    "burning": ((45.0, -45.0), False),
    "stabbing": ((45.0,), False),
    "throbbing": ((0.0,), False),
    "cramping": ((0.0, 90.0), False),
    "tingling": ((-45.0,), False),
    "numbness": ((90.0,), False),
}
SPACING_PT = 4.5  # between lines, points of the page
INK_ALPHA = 190


def points_to_units(painter: QtGui.QPainter) -> float:
    """How many of the painter's current units make one point of the page (its device's
    dots per inch / 72 device pixels, undone by the world transform's scale)."""
    per_point = max(1.0, painter.device().logicalDpiX() / 72.0)
    scale = math.hypot(painter.worldTransform().m11(), painter.worldTransform().m12())
    return per_point / scale if scale > 0 else 1.0


def hatch(
    painter: QtGui.QPainter,
    path: QtGui.QPainterPath,
    spec: Hatch,
    colour: str = palette.INK,
    alpha: int = INK_ALPHA,
    spacing_pt: float = SPACING_PT,
) -> None:
    """Hatch the inside of ``path`` (painter units) with ``spec``'s lines or dots."""
    if path.isEmpty():
        return
    unit = points_to_units(painter)
    step = spacing_pt * unit
    box = path.boundingRect().adjusted(-step, -step, step, step)
    ink = QtGui.QColor(colour)
    ink.setAlpha(alpha)
    painter.save()
    painter.setClipPath(path, QtCore.Qt.ClipOperation.IntersectClip)
    angles, dots = spec
    if dots:
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        radius = 0.85 * unit
        y, row = box.top(), 0
        while y <= box.bottom():
            x = box.left() + (step / 2 if row % 2 else 0.0)
            while x <= box.right():
                painter.drawEllipse(QtCore.QPointF(x, y), radius, radius)
                x += step
            y += step * 0.87
            row += 1
    else:
        painter.setPen(QtGui.QPen(ink, 0.6 * unit))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        centre = box.center()
        half = math.hypot(box.width(), box.height()) / 2
        for angle in angles:
            a = math.radians(angle)
            d = QtCore.QPointF(math.cos(a), -math.sin(a))  # along the line (y points down)
            n = QtCore.QPointF(-d.y(), d.x())
            lines = []
            offset = -half
            while offset <= half:
                mid = centre + n * offset
                lines.append(QtCore.QLineF(mid - d * half, mid + d * half))
                offset += step
            painter.drawLines(lines)
    painter.restore()


def hatch_rect(painter: QtGui.QPainter, rect: QtCore.QRectF, spec: Hatch, colour: str) -> None:
    """:func:`hatch` of a rectangle (a legend's swatch)."""
    path = QtGui.QPainterPath()
    path.addRect(rect)
    hatch(painter, path, spec, colour)
