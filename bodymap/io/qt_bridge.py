"""The one place where shapely geometry and Qt painter paths meet.

Both sides use the SVG user units of one view; nothing here translates or scales. The canvas
places each view with an item offset, the export with a painter translation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import shapely
from PySide6 import QtCore, QtGui
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy


def _polygons(geom: BaseGeometry) -> Iterable[Polygon]:
    if geom.is_empty:
        return
    if isinstance(geom, Polygon):
        yield geom
    elif hasattr(geom, "geoms"):
        for part in geom.geoms:
            yield from _polygons(part)


def _ring(coords: Iterable[Sequence[float]]) -> QtGui.QPolygonF:
    return QtGui.QPolygonF([QtCore.QPointF(c[0], c[1]) for c in coords])


def geometry_to_path(geom: BaseGeometry) -> QtGui.QPainterPath:
    """A filled path of the polygons in ``geom`` (lines and points are ignored).

    Holes are separate subpaths; the odd-even fill rule leaves them empty.
    """
    path = QtGui.QPainterPath()
    path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    for poly in _polygons(geom):
        for ring in (poly.exterior, *poly.interiors):
            path.addPolygon(_ring(shapely.get_coordinates(ring).tolist()))
            path.closeSubpath()
    return path


def path_to_geometry(path: QtGui.QPainterPath) -> BaseGeometry:
    """The area a closed painter path encloses, as shapely polygons (curves flattened).

    Subpaths inside another subpath become holes, as the odd-even rule draws them.
    """
    rings = [
        [(poly.at(i).x(), poly.at(i).y()) for i in range(poly.size())]
        for poly in path.toSubpathPolygons()
        if poly.size() >= 3
    ]
    result: BaseGeometry = Polygon()
    for ring in rings:
        result = shapely.symmetric_difference(result, Polygon(ring).buffer(0))
    if isinstance(result, Polygon | MultiPolygon):
        return result
    return shapely.union_all([p for p in _polygons(result)])


def pattern_paths(anatomy: Anatomy, muscle_id: str, side: str) -> dict[str, QtGui.QPainterPath]:
    """Per view, the outline of every referral zone of one muscle side, merged."""
    muscle = anatomy.muscles[muscle_id]
    paths: dict[str, QtGui.QPainterPath] = {}
    for view in anatomy.views:
        zones = muscle.zones_for(side, view)
        if zones:
            paths[view] = geometry_to_path(shapely.union_all([z.polygon for z in zones]))
    return paths
