"""The one place where shapely geometry and Qt painter paths meet.

Both sides use the SVG user units of one view; nothing here translates or scales. The canvas
places each view with an item offset, the export with a painter translation.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from PySide6 import QtCore, QtGui
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy

_POLYGON = shapely.GeometryType.POLYGON.value
_COLLECTIONS = [
    t.value
    for t in (
        shapely.GeometryType.MULTIPOLYGON,
        shapely.GeometryType.MULTILINESTRING,
        shapely.GeometryType.MULTIPOINT,
        shapely.GeometryType.GEOMETRYCOLLECTION,
    )
]
_MOVE_TO = QtGui.QPainterPath.ElementType.MoveToElement.value
_LINE_TO = QtGui.QPainterPath.ElementType.LineToElement.value
_ODD_EVEN = QtCore.Qt.FillRule.OddEvenFill.value


def _polygons(geom: BaseGeometry) -> np.ndarray:
    """The non-empty polygons in ``geom``, however deeply collections nest them."""
    parts = shapely.get_parts(geom)
    while np.isin(shapely.get_type_id(parts), _COLLECTIONS).any():
        parts = shapely.get_parts(parts)
    polygons: np.ndarray = parts[
        (shapely.get_type_id(parts) == _POLYGON) & ~shapely.is_empty(parts)
    ]
    return polygons


def geometry_to_path(geom: BaseGeometry) -> QtGui.QPainterPath:
    """A filled path of the polygons in ``geom`` (lines and points are ignored).

    Holes are separate subpaths; the odd-even fill rule leaves them empty. The path is read
    from the bytes ``QDataStream`` uses for a painter path, built with numpy: creating a Python
    QPointF per vertex would cost ten times more for the pain of a long stroke.
    """
    rings = shapely.get_rings(_polygons(geom))
    xy = shapely.get_coordinates(rings)
    path = QtGui.QPainterPath()
    if not len(xy):
        path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
        return path
    starts = np.cumsum(shapely.get_num_coordinates(rings)) - shapely.get_num_coordinates(rings)
    elements = np.empty(len(xy), dtype=[("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
    elements["type"] = _LINE_TO
    elements["type"][starts] = _MOVE_TO  # each ring (closed by its repeated first point)
    elements["x"], elements["y"] = xy[:, 0], xy[:, 1]
    # The stream: element count, (type, x, y) per element, start of the last subpath, fill rule.
    data = b"".join(
        (
            np.array([len(xy)], ">i4").tobytes(),
            elements.tobytes(),
            np.array([starts[-1], _ODD_EVEN], ">i4").tobytes(),
        )
    )
    QtCore.QDataStream(QtCore.QByteArray(data)) >> path
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
    return shapely.union_all(_polygons(result))


def pattern_paths(anatomy: Anatomy, muscle_id: str, side: str) -> dict[str, QtGui.QPainterPath]:
    """Per view, the outline of every referral zone of one muscle side, merged."""
    muscle = anatomy.muscles[muscle_id]
    paths: dict[str, QtGui.QPainterPath] = {}
    for view in anatomy.views:
        zones = muscle.zones_for(side, view)
        if zones:
            paths[view] = geometry_to_path(shapely.union_all([z.polygon for z in zones]))
    return paths


def geometries_to_paths(geoms: Sequence[BaseGeometry]) -> list[QtGui.QPainterPath]:
    """:func:`geometry_to_path` of each of many geometries, the shapely work done once for
    all of them (a heat map converts thousands)."""
    parts, owner = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    while np.isin(shapely.get_type_id(parts), _COLLECTIONS).any():
        parts, index = shapely.get_parts(parts, return_index=True)
        owner = owner[index]
    keep = (shapely.get_type_id(parts) == _POLYGON) & ~shapely.is_empty(parts)
    rings, index = shapely.get_rings(parts[keep], return_index=True)
    ring_owner = owner[keep][index]
    counts = shapely.get_num_coordinates(rings)
    xy = shapely.get_coordinates(rings)
    starts = np.cumsum(counts) - counts
    elements = np.empty(len(xy), dtype=[("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
    elements["type"] = _LINE_TO
    elements["type"][starts] = _MOVE_TO
    elements["x"], elements["y"] = xy[:, 0], xy[:, 1]
    # rings of geometry i: ring_owner == i, contiguous (parts and rings keep their order)
    first_ring = np.searchsorted(ring_owner, np.arange(len(geoms)), side="left")
    end_ring = np.searchsorted(ring_owner, np.arange(len(geoms)), side="right")
    paths = []
    for r0, r1 in zip(first_ring.tolist(), end_ring.tolist(), strict=True):
        path = QtGui.QPainterPath()
        if r0 == r1:
            path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
            paths.append(path)
            continue
        c0 = int(starts[r0])
        c1 = int(starts[r1 - 1] + counts[r1 - 1])
        data = b"".join(
            (
                np.array([c1 - c0], ">i4").tobytes(),
                elements[c0:c1].tobytes(),
                np.array([int(starts[r1 - 1]) - c0, _ODD_EVEN], ">i4").tobytes(),
            )
        )
        QtCore.QDataStream(QtCore.QByteArray(data)) >> path
        paths.append(path)
    return paths
