"""The body on the exported pages: both views with the pain by intensity, the pain qualities
as patterns, the highlighted zones of the best patterns with their rank, and the legends.

Shared by the PNG page (``bodymap.io.export``) and the PDF report. Drawn in the views' SVG
units: the caller translates and scales the painter so that the views' block (back then
front, ``palette.view_offsets``, labels above) lands where it wants; :func:`views_size` is
that block's size. Everything reads in black and white too: each quality has its own
hatching (the directions of the window's patterns), each highlighted zone an outline and a
numbered badge matching the ranked list.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import shapely
from PySide6 import QtCore, QtGui, QtSvg
from PySide6.QtCore import QCoreApplication
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy, View
from bodymap.core.drawing import Drawing
from bodymap.core.matching import MatchResult
from bodymap.core.score import QUALITIES, quality_areas
from bodymap.io import palette
from bodymap.io.qt_bridge import geometry_to_path
from bodymap.io.report_hatch import QUALITY_HATCH, hatch, hatch_rect
from bodymap.io.report_text import font
from bodymap.io.resources import svg_path

LABEL_H = 28.0  # SVG units above the views for their labels


def views_size(anatomy: Anatomy) -> tuple[float, float]:
    """Width and height of the views' block with the labels above, SVG units."""
    boxes = {v.id: v.viewbox for v in anatomy.views.values()}
    offsets = palette.view_offsets(boxes)
    width = max(offsets[v] + boxes[v][0] + boxes[v][2] for v in offsets)
    return width, LABEL_H + max(b[3] for b in boxes.values())


def view_origins(anatomy: Anatomy) -> dict[str, tuple[float, float]]:
    """Where each view's SVG point (0, 0) lands in the views' block (labels included)."""
    boxes = {v.id: v.viewbox for v in anatomy.views.values()}
    offsets = palette.view_offsets(boxes)
    top = min(b[1] for b in boxes.values())
    return {v: (offsets[v], LABEL_H - top) for v in offsets}


def draw_view_art(painter: QtGui.QPainter, anatomy: Anatomy, view: View) -> None:
    """A view's label above its box and its body art in it, in the view's SVG units (the
    painter translated to where the view goes)."""
    x0, y0, w, h = view.viewbox
    painter.setFont(font(15, bold=True))
    painter.setPen(QtGui.QColor(palette.VIEW_LABEL))
    painter.drawText(
        QtCore.QRectF(x0, y0 - 26, w, 22), QtCore.Qt.AlignmentFlag.AlignHCenter, view.label
    )
    art_renderer(svg_path(anatomy, view)).render(painter, QtCore.QRectF(x0, y0, w, h))


# The words written in the body art, translated as the window's art is (bodymap.ui.shell, where
# lupdate finds them; a test keeps the two lists equal).
ART_WORDS = ("left", "right", "BACK", "FRONT", "L", "R")


def art_renderer(path: Path) -> QtSvg.QSvgRenderer:
    """The SVG at ``path`` with its words (``ART_WORDS``) in the installed language."""
    swaps = [(w, QCoreApplication.translate("Art", w)) for w in ART_WORDS]
    swaps = [(w, t) for w, t in swaps if t != w]
    if not swaps:
        return QtSvg.QSvgRenderer(str(path))
    text = path.read_text(encoding="utf-8")
    for word, translated in swaps:
        safe = translated.replace("&", "&amp;").replace("<", "&lt;")
        text = text.replace(f">{word}</text>", f">{safe}</text>")
    return QtSvg.QSvgRenderer(QtCore.QByteArray(text.encode("utf-8")))


def _colour(hex_colour: str, alpha: int = 255) -> QtGui.QColor:
    colour = QtGui.QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def _pattern_geometry(anatomy: Anatomy, muscle: str, side: str) -> dict[str, BaseGeometry]:
    return {
        view: shapely.union_all([z.polygon for z in zones])
        for view in anatomy.views
        if (zones := anatomy.muscles[muscle].zones_for(side, view))
    }


def draw_views(
    painter: QtGui.QPainter,
    drawing: Drawing,
    result: MatchResult,
    badge_radius: float = 9.0,
) -> None:
    """Both views in the views' block (see the module): art, highlighted zones of the first
    ``palette.MAX_HIGHLIGHTS`` matches of ``result``, the pain by intensity, its qualities,
    the zones' outlines and each zone's rank in the list in a circle of ``badge_radius`` SVG
    units (none when 0). Qualities are hatched (``bodymap.io.report_hatch``)."""
    anatomy = drawing.anatomy
    shown = result.matches[: palette.MAX_HIGHLIGHTS]
    zones = [(m, _pattern_geometry(anatomy, m.muscle, m.side)) for m in shown]
    qualities = quality_areas(drawing.pain)
    # the rank of each muscle's row in the list (a muscle on both sides is one row)
    ranks = {sides[0].muscle: rank for rank, sides in enumerate(result.rows(), 1)}
    for view in anatomy.views.values():
        painter.save()
        painter.translate(*view_origins(anatomy)[view.id])
        draw_view_art(painter, anatomy, view)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        paths = {id(m): geometry_to_path(g[view.id]) for m, g in zones if view.id in g}
        for m, _ in zones:
            if id(m) in paths:
                painter.setBrush(_colour(m.colour, palette.ZONE_FILL_ALPHA))
                painter.drawPath(paths[id(m)])
        for intensity, geom in drawing.bands(view.id):
            painter.setBrush(_colour(palette.pain_colour(intensity), palette.PAIN_ALPHA))
            painter.drawPath(geometry_to_path(geom))
        _draw_qualities(painter, qualities.get(view.id, {}))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for m, _ in zones:
            if id(m) in paths:
                painter.setPen(QtGui.QPen(_colour(m.colour), palette.ZONE_OUTLINE_WIDTH))
                painter.drawPath(paths[id(m)])
        placed: list[tuple[float, float]] = []
        for m, geoms in zones if badge_radius > 0 else ():
            if view.id in geoms:
                point = geoms[view.id].representative_point()
                x, y = point.x, point.y
                while any(math.hypot(x - px, y - py) < 2.1 * badge_radius for px, py in placed):
                    y += 2.2 * badge_radius  # below a badge already there, not over it
                placed.append((x, y))
                draw_badge(painter, x, y, ranks[m.muscle], m.colour, badge_radius)
        painter.restore()


def _draw_qualities(painter: QtGui.QPainter, areas: Mapping[str, BaseGeometry]) -> None:
    for quality, geom in areas.items():
        hatch(painter, geometry_to_path(geom), QUALITY_HATCH[quality])


def draw_badge(
    painter: QtGui.QPainter, x: float, y: float, rank: int, colour: str, radius: float
) -> None:
    """A numbered circle (white, outlined in ``colour`` and ink) centred on ``(x, y)``."""
    painter.setPen(QtGui.QPen(_colour(palette.INK), radius * 0.16))
    painter.setBrush(_colour("#FFFFFF"))
    centre = QtCore.QPointF(x, y)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QtGui.QPen(_colour(colour), radius * 0.22))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius * 0.78, radius * 0.78)
    painter.setPen(_colour(palette.INK))
    painter.setFont(font(radius * 1.15, bold=True))
    box = QtCore.QRectF(x - radius, y - radius, 2 * radius, 2 * radius)
    painter.drawText(box, QtCore.Qt.AlignmentFlag.AlignCenter, str(rank))


def qualities_on_map(drawing: Drawing) -> list[str]:
    """The quality ids the drawing's marks carry on the body, in the order of ``QUALITIES``."""
    found = {q for areas in quality_areas(drawing.pain).values() for q in areas}
    return [q for q in QUALITIES if q in found]


def draw_intensity_scale(painter: QtGui.QPainter, width: float, size: float) -> float:
    """The ten pain colours, 1 (mildest) to 10 (worst), each with its number under it, from
    the painter's origin across ``width``; returns the height used."""
    gap = width * 0.012
    swatch = (width - 9 * gap) / 10
    painter.setFont(font(size))
    painter.setPen(_colour(palette.MUTED))
    for i, colour in enumerate(palette.PAIN_SCALE):
        rect = QtCore.QRectF(i * (swatch + gap), 0, swatch, size * 1.2)
        painter.fillRect(rect, _colour(colour, palette.PAIN_ALPHA))
        below = QtCore.QRectF(rect.x(), rect.bottom() + 1, swatch, size * 1.3)
        painter.drawText(below, QtCore.Qt.AlignmentFlag.AlignHCenter, str(i + 1))
    return size * 2.6 + 1


def draw_quality_swatch(painter: QtGui.QPainter, quality: str, side: float) -> None:
    """A square of pain colour with ``quality``'s hatching at the painter's origin."""
    rect = QtCore.QRectF(0, 0, side, side)
    painter.fillRect(rect, _colour(palette.PAIN))
    hatch_rect(painter, rect, QUALITY_HATCH[quality], palette.INK)
    painter.setPen(QtGui.QPen(_colour(palette.INK), 0.6))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
