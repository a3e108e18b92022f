"""The pain a session file keeps beside its marks, so that opening it needs no refolding.

Kept per view and intensity level as base64 WKB polygons in SVG user units, keyed by the
marks digest, the regions file's SHA-256 and the stroke geometry version
(``docs/session-format.md``). The levels carry the SHA-256 of their own text
(``views_sha256``), and what they hold is clipped to the body outline again on reading.
Derived data: anything stale, damaged or unsound is ignored and the pain is computed from
the marks instead.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import numpy as np
import shapely
import shapely.errors

from bodymap.core import brush as _brush
from bodymap.core.anatomy import Anatomy
from bodymap.core.geometry import polygonal
from bodymap.core.layers import PainLayers
from bodymap.core.marks import Mark, RegionMark, rasterised

_POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon


def encode(layers: PainLayers, marks_digest: str) -> dict[str, Any] | None:
    """The ``"pain"`` object for ``layers`` computed from the marks of ``marks_digest``, or
    None when they were computed by another stroke geometry version."""
    if layers.geometry_version != _brush.GEOMETRY_VERSION:
        return None
    views = {
        view: {
            str(level): base64.b64encode(
                shapely.to_wkb(geom, byte_order=1, output_dimension=2)
            ).decode("ascii")
            for level, geom in sorted(levels.items())
        }
        for view, levels in layers.levels.items()
    }
    return {
        "marks_sha256": marks_digest,
        "regions_sha256": layers.regions_sha256,
        "geometry_version": layers.geometry_version,
        "views_sha256": views_digest(views),
        "views": views,
    }


def views_digest(views: dict[str, Any]) -> str | None:
    """SHA-256 of the kept levels' text: a line ``view|level|base64`` per level, views and
    levels in sorted order; None when ``views`` is not a mapping of mappings of text."""
    sha = hashlib.sha256()
    try:
        for view in sorted(views):
            levels = views[view]
            for level in sorted(levels):
                sha.update(f"{view}|{level}|{levels[level]}\n".encode("utf-8", "surrogatepass"))
    except (TypeError, AttributeError):
        return None
    return sha.hexdigest()


def decode(cache: Any, marks_digest: str, marks: list[Mark], anatomy: Anatomy) -> PainLayers | None:
    """The pain kept in the file when it is for exactly these marks, this regions file and
    this stroke geometry, holds the bytes its checksum names, and is sound (polygonal, valid,
    finite, inside its view's viewBox), clipped to the body outline; otherwise None, and the
    pain is computed from the marks. Never raises."""
    if not (
        type(cache) is dict
        and cache.get("marks_sha256") == marks_digest
        and cache.get("regions_sha256") == anatomy.sha256
        and type(cache.get("geometry_version")) is int
        and cache["geometry_version"] == _brush.GEOMETRY_VERSION
        and type(cache.get("views")) is dict
        and set(cache["views"]) == set(anatomy.views)
        and type(cache.get("views_sha256")) is str
        and cache["views_sha256"] == views_digest(cache["views"])
    ):
        return None
    if _coordinates(cache["views"]) > _coordinate_budget(marks, anatomy):
        return None  # more outline than these marks can make: refolding them costs less
    expected: dict[str, set[int]] = {view: set() for view in anatomy.views}
    for mark in marks:
        if isinstance(mark, RegionMark):
            expected[anatomy.regions[mark.region].view].add(mark.intensity)
        elif not mark.erase:
            expected[mark.view].add(mark.intensity)
    with np.errstate(all="ignore"):  # damaged numbers make the cache unusable, not noise
        return _decoded(cache["views"], expected, anatomy)


def _coordinate_budget(marks: list[Mark], anatomy: Anatomy) -> int:
    """The most coordinates the kept pain of ``marks`` can hold, generously: per intensity
    level, 8 per stroke point and 64 per stroke (its ends and joins), each region's outline
    twice, a rasterised stroke's cells (4 corners each). A damaged or forged cache past it is
    never decoded: checking it would cost more than folding the marks."""
    per_level = 10_000
    levels = {mark.intensity for mark in marks}
    strokes = [mark for mark in marks if not isinstance(mark, RegionMark)]
    for mark in marks:
        if isinstance(mark, RegionMark):
            per_level += 2 * len(anatomy.regions[mark.region].polygon.exterior.coords)
    for stroke, raster in zip(strokes, rasterised(strokes), strict=True):
        per_level += 4 * _brush.RASTER_MAX_CELLS if raster else 8 * stroke.point_count + 64
    return per_level * max(1, len(levels))


def _coordinates(views: dict[str, Any]) -> int:
    """About how many coordinates the kept pain's WKB holds (16 bytes each), from the length
    of its base64 text, without decoding it."""
    total = 0
    for levels in views.values():
        if type(levels) is dict:
            total += sum(len(t) * 3 // 4 // 16 for t in levels.values() if type(t) is str)
    return total


def _decoded(
    views: dict[str, Any], expected: dict[str, set[int]], anatomy: Anatomy
) -> PainLayers | None:
    """The levels of each view decoded and checked, or None."""
    keys: list[tuple[str, int]] = []
    blobs: list[bytes] = []
    try:
        for view, levels in views.items():
            if type(levels) is not dict or set(levels) != {str(k) for k in expected[view]}:
                return None
            for level, text in levels.items():
                if type(text) is not str:
                    return None
                keys.append((view, int(level)))
                blobs.append(base64.b64decode(text, validate=True))
        geoms = shapely.from_wkb(blobs)
    except (ValueError, TypeError, shapely.errors.GEOSException):
        return None
    if len(blobs) and not (
        np.isin(shapely.get_type_id(geoms), _POLYGONAL).all()
        and not shapely.has_z(geoms).any()
        and shapely.is_valid(geoms).all()
        and np.isfinite(shapely.get_coordinates(geoms)).all()
    ):
        return None
    result: dict[str, dict[int, Any]] = {view: {} for view in anatomy.views}
    bounds = shapely.bounds(geoms) if len(blobs) else np.empty((0, 4))
    for (view, level), geom, (x0, y0, x1, y1) in zip(keys, geoms, bounds, strict=True):
        bx, by, bw, bh = anatomy.views[view].viewbox
        if not geom.is_empty and not (bx <= x0 and by <= y0 and x1 <= bx + bw and y1 <= by + bh):
            return None
        outline = anatomy.views[view]
        try:  # kept as is when only float dust (within OUTLINE_MARGIN) lies outside
            if not outline.silhouette_margin.covers(geom):
                geom = polygonal(geom.intersection(outline.silhouette))
        except shapely.errors.GEOSException:
            return None
        result[view][level] = geom
    return PainLayers(anatomy.sha256, _brush.GEOMETRY_VERSION, result)
