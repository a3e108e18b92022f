"""Pictures of two entries compared: each entry's pain, and the difference map.

The difference map draws new, resolved and unchanged pain each with its own colour AND its
own pattern (Okabe-Ito colours; lines, dots and a solid fill, drawn as vectors by
``bodymap.io.report_hatch``), with a legend, so that it reads in grey or with any colour
vision, on screen, in a PDF and on paper. Images are QImages drawn with QPainter (headless),
both views side by side, 1 logical unit = 1 SVG unit times ``scale``.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6 import QtCore, QtGui
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.metrics import PainChange
from bodymap.io import palette
from bodymap.io.export import _ensure_gui, draw_view_art
from bodymap.io.qt_bridge import geometry_to_path
from bodymap.io.report_hatch import Hatch, hatch

LABEL_H = 28.0  # logical space above the views for their labels
# (label, colour, fill pattern, outline style) of the difference map's three kinds of pain
NEW_HATCH: Hatch = ((45.0,), False)  # rising lines
RESOLVED_HATCH: Hatch = ((), True)  # dots
# (label, colour, hatching or None for a solid fill, outline style) of the difference map's
# three kinds of pain
KINDS: dict[str, tuple[str, str, Hatch | None, QtCore.Qt.PenStyle]] = {
    "new": ("New pain", "#0072B2", NEW_HATCH, QtCore.Qt.PenStyle.SolidLine),
    "resolved": ("Resolved (gone)", "#E69F00", RESOLVED_HATCH, QtCore.Qt.PenStyle.DashLine),
    "unchanged": ("Unchanged", "#CC79A7", None, QtCore.Qt.PenStyle.SolidLine),
}
UNCHANGED_ALPHA = 150


def page_size(anatomy: Anatomy) -> tuple[float, float]:
    boxes = {v.id: v.viewbox for v in anatomy.views.values()}
    offsets = palette.view_offsets(boxes)
    width = max(offsets[v] + boxes[v][0] + boxes[v][2] for v in offsets)
    return width, LABEL_H + max(b[3] for b in boxes.values())


def _top(anatomy: Anatomy) -> float:
    """The views' top edge (SVG units): it goes just under the labels."""
    return min(v.viewbox[1] for v in anatomy.views.values())


def draw_views(
    painter: QtGui.QPainter, anatomy: Anatomy, draw: dict[str, list[tuple[BaseGeometry, str]]]
) -> None:
    """Both views (labels above, ``page_size`` in SVG units) with, per view, geometries to
    draw as ``"pain"`` or as one of ``KINDS`` (new, resolved, unchanged pain)."""
    boxes = {v.id: v.viewbox for v in anatomy.views.values()}
    offsets = palette.view_offsets(boxes)
    for view in anatomy.views.values():
        painter.save()
        painter.translate(offsets[view.id], LABEL_H - _top(anatomy))
        draw_view_art(painter, anatomy, view)
        for geom, kind in draw.get(view.id, []):
            if geom.is_empty:
                continue
            path = geometry_to_path(geom)
            if kind == "pain":
                painter.setPen(QtCore.Qt.PenStyle.NoPen)
                painter.setBrush(QtGui.QColor(palette.PAIN))
                painter.drawPath(path)
            else:
                _draw_kind(painter, path, kind)
        painter.restore()


def _draw_kind(painter: QtGui.QPainter, path: QtGui.QPainterPath, kind: str) -> None:
    """``path`` filled or hatched, and outlined, as ``kind`` of pain."""
    _, colour, spec, outline = KINDS[kind]
    if spec is None:
        fill = QtGui.QColor(colour)
        fill.setAlpha(UNCHANGED_ALPHA)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPath(path)
    else:
        hatch(painter, path, spec, colour, alpha=255)
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.setPen(QtGui.QPen(QtGui.QColor(colour), 1.4, outline))
    painter.drawPath(path)


def draw_kind_swatch(painter: QtGui.QPainter, kind: str, rect: QtCore.QRectF) -> None:
    """A legend's square of ``kind`` (new, resolved, unchanged) in ``rect``."""
    path = QtGui.QPainterPath()
    path.addRect(rect)
    _draw_kind(painter, path, kind)


def _image(anatomy: Anatomy, scale: float) -> QtGui.QImage:
    _ensure_gui()
    width, height = page_size(anatomy)
    image = QtGui.QImage(round(width * scale), round(height * scale),
                         QtGui.QImage.Format.Format_RGB32)  # fmt: skip
    image.fill(QtGui.QColor(palette.PAPER))
    return image


def render_pain(
    anatomy: Anatomy, drawing: Mapping[str, BaseGeometry], scale: float
) -> QtGui.QImage:
    """One entry's pain on both views."""
    image = _image(anatomy, scale)
    with QtGui.QPainter(image) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        draw_views(painter, anatomy, {v: [(g, "pain")] for v, g in drawing.items()})
    return image


def render_difference(anatomy: Anatomy, change: PainChange, scale: float) -> QtGui.QImage:
    """The difference map of ``change``: new, resolved and unchanged pain on both views."""
    image = _image(anatomy, scale)
    draw = {
        view: [(change.unchanged_areas[view], "unchanged"), (change.resolved_areas[view],
               "resolved"), (change.new_areas[view], "new")]
        for view in anatomy.views
    }  # fmt: skip
    with QtGui.QPainter(image) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        draw_views(painter, anatomy, draw)
    return image


def legend_swatch(kind: str, size: int = 18) -> QtGui.QPixmap:
    """A square of the colour and pattern of ``kind`` (new, resolved, unchanged)."""
    _ensure_gui()
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(QtGui.QColor(palette.PAPER))
    with QtGui.QPainter(pixmap) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        draw_kind_swatch(painter, kind, QtCore.QRectF(1, 1, size - 2, size - 2))
    return pixmap
