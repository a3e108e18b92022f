"""Small shapely helpers shared by the regions and the zones (half-space units)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from . import body as b
from .spline import Point as Pt
from .spline import sample, smooth_run

BIG = 400.0  # further than any body part from the midline


def half_body() -> Polygon:
    """The right half of the silhouette, closed along the midline d = 0."""
    return Polygon(b.half_silhouette_points())


def arm_side() -> Polygon:
    """Everything lateral of a line just inside the arm's inner edge, below the armpit.

    Below the armpit the arm hangs clear of the trunk, so this takes the whole arm and
    nothing of the trunk (the line runs in the gap between them)."""
    inner = [
        b.ARMPIT,
        (93.5, 210.0),
        (97.0, 255.0),
        (101.0, b.ELBOW),
        (107.0, 345.0),
        (116.0, 400.0),
        (121.5, b.WRIST),
        (120.0, 470.0),
        (120.0, b.FINGERTIP + 10),
    ]
    return poly([(b.ARMPIT[0], 0.0), *inner, (BIG, b.FINGERTIP + 10), (BIG, 0.0)])


def half_trunk() -> BaseGeometry:
    """The right half without the arm: what referral zones of the trunk are clipped to."""
    return half_body().difference(arm_side())


def poly(points: Sequence[Pt]) -> Polygon:
    return Polygon(points)


def rows(y0: float, y1: float, d0: float = 0.0, d1: float = BIG) -> Polygon:
    """Everything between two SVG rows (and optionally two distances from the midline)."""
    return box(d0, y0, d1, y1)


def band(knots: Sequence[Pt], half_width: float, extend_to: Pt | None = None) -> Polygon:
    """A smooth band of ``half_width`` either side of the run through ``knots``."""
    pts = sample(smooth_run(list(knots)), 1.0)
    if extend_to is not None:
        pts.append(extend_to)
    return LineString(pts).buffer(half_width, quad_segs=16)


def edge_points(knots: Sequence[Pt], y0: float, y1: float) -> list[Pt]:
    """Points of an outline run between two rows."""
    return [p for p in sample(smooth_run(list(knots)), 1.0) if y0 <= p[1] <= y1]


def strip(knots: Sequence[Pt], width: float, y0: float, y1: float) -> BaseGeometry:
    """The part of the body within ``width`` of an outline run, between two rows."""
    line = LineString(edge_points(knots, y0 - width, y1 + width))
    return line.buffer(width, quad_segs=16).intersection(rows(y0, y1))


def below(knots: Sequence[Pt], pad: float = BIG) -> Polygon:
    """The area under a run (higher y), closed far below; the run must go left to right."""
    pts = sample(smooth_run(list(knots)), 1.0)
    (_d0, y0), (d1, y1) = pts[0], pts[-1]
    return Polygon([(-pad, y0), *pts, (d1 + pad, y1), (d1 + pad, 2000), (-pad, 2000)])


def above(knots: Sequence[Pt], pad: float = BIG) -> Polygon:
    pts = sample(smooth_run(list(knots)), 1.0)
    (_d0, y0), (d1, y1) = pts[0], pts[-1]
    return Polygon([(-pad, y0), *pts, (d1 + pad, y1), (d1 + pad, -2000), (-pad, -2000)])


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Polygon:
    """An ellipse, ``angle`` in degrees (clockwise on screen, since y points down)."""
    circle = Point(0, 0).buffer(1.0, quad_segs=32)
    shape = affinity.scale(circle, rx, ry, origin=(0, 0))
    shape = affinity.rotate(shape, angle, origin=(0, 0))
    return affinity.translate(shape, cx, cy)


def rounded(shape: BaseGeometry, radius: float) -> BaseGeometry:
    """Round the convex corners of a shape without changing its size much."""
    return shape.buffer(-radius, quad_segs=16).buffer(radius, quad_segs=16)


def filled(shape: BaseGeometry, radius: float) -> BaseGeometry:
    """Fill the concave corners where smooth shapes meet (a morphological closing)."""
    return shape.buffer(radius, quad_segs=16).buffer(-radius, quad_segs=16)


def tapering_tail(knots: Sequence[Pt], y0: float, y1: float, r0: float, r1: float) -> Polygon:
    """A tail hugging an outer outline run, ``r0`` thick at row y0 narrowing to ``r1``."""
    discs = []
    for d, y in edge_points(knots, y0, y1)[::3]:
        t = (y - y0) / (y1 - y0)
        r = r0 + (r1 - r0) * t
        discs.append(Point(d - r * 0.8, y).buffer(r, quad_segs=12))
    out = unary_union(discs)
    assert isinstance(out, Polygon)
    return out


def largest(geom: BaseGeometry) -> Polygon:
    """The largest polygon of a geometry (used only after a check that the rest is tiny)."""
    polys = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    polys = [p for p in polys if isinstance(p, Polygon)]
    return max(polys, key=lambda p: p.area)


def parts(geom: BaseGeometry) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon) and g.area > 0]


def union(geoms: Iterable[BaseGeometry]) -> BaseGeometry:
    return unary_union(list(geoms))
