"""Small, checked overlay helpers shared by the pain, the bands and the matcher.

Qt-free. Geometry is shapely, in the SVG user units of one view. Pain and referral zones are
areas: these helpers keep them so when GEOS returns stray lines or points.
"""

from __future__ import annotations

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

EMPTY: BaseGeometry = Polygon()
_GRID = 1e-9  # SVG units: the grid a suspect difference is taken again on (see minus)


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the areas of ``geom``.

    An overlay of two areas that touch along an edge or at a point can return a collection
    with stray lines or points; GEOS refuses to overlay such a collection again. Pain and
    zones are areas, so those parts are dropped.
    """
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else EMPTY


def minus(area: BaseGeometry, piece: BaseGeometry) -> BaseGeometry:
    """``area`` less ``piece``, checked. What a difference removes lies in ``piece``, so at
    least ``area - piece`` must be left; GEOS (3.14) now and then drops a whole part of
    ``area`` beside slivers of ``piece`` (a stroke drawn again along another), and then the
    difference is taken again on a grid of ``_GRID`` units, which snaps the slivers away."""
    if piece.is_empty:
        return area
    left = polygonal(area.difference(piece))
    if left.area < area.area - piece.area - 1e-9 * (area.area + 1.0):
        left = polygonal(shapely.difference(area, piece, grid_size=_GRID))
    return left
