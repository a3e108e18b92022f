"""Marks of pain and the pain geometry they make.

A mark is a region mark (a whole anatomical region) or a brush stroke (points in the SVG
units of one view, a width in the same units, an intensity 1-10). An eraser stroke removes
painted area from the marks before it. The pain of a view is the fold, in order, of its marks:
paint is unioned, an erasure subtracts. Paint marks between two erasures commute.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import shapely
import shapely.errors
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy

INTENSITY_MIN = 1
INTENSITY_MAX = 10
WIDTH_MIN = 0.5  # SVG units
WIDTH_MAX = 200.0
MAX_POINTS_PER_STROKE = 50_000
MAX_MARKS = 50_000
MAX_TOTAL_POINTS = 2_000_000
_CHUNK = 48  # points per buffered chunk: long scribbles buffered at once are slow
_QUAD_SEGS = 6
# Bumped whenever the geometry a mark makes changes (buffering, chunking, simplification):
# anything that stores computed pain keys it with this number.
GEOMETRY_VERSION = 2
_ON_BODY_KEPT = 16  # marks whose area on the body a PainMap keeps at hand
_PENDING_KEPT = 8  # newly painted areas a view keeps aside before merging them
_GRID = 1e-9  # SVG units: the grid a suspect difference is taken again on (see _minus)
EMPTY: BaseGeometry = Polygon()


@dataclass(frozen=True)
class RegionMark:
    """A whole anatomical region marked as painful."""

    region: str
    intensity: int = 5
    quality: str | None = None  # a pain quality id (bodymap.core.score.QUALITIES)


@dataclass(frozen=True)
class Stroke:
    """A brush (or eraser) stroke: ``points`` in SVG units of ``view``, ``width`` likewise."""

    view: str
    points: tuple[tuple[float, float], ...]
    width: float
    intensity: int = 5
    erase: bool = False
    quality: str | None = None  # a pain quality id (bodymap.core.score.QUALITIES)

    @cached_property
    def geometry(self) -> BaseGeometry:
        """The area the stroke covers: the points' path buffered by half the width."""
        return stroke_geometry(self.points, self.width)

    def has_geometry(self) -> bool:
        return "geometry" in self.__dict__

    @classmethod
    def from_hundredths(
        cls, view: str, xy: np.ndarray, width: float, intensity: int, erase: bool
    ) -> Stroke:
        """A stroke whose points are ``xy``, x and y alternating in whole hundredths of a
        unit (as session files keep them), made into floats only when first used: opening
        a large session for its kept pain (the window, ``analyze``, ``export``) never needs
        them."""
        stroke = object.__new__(cls)
        for name, value in (("view", view), ("width", width), ("intensity", intensity)):
            object.__setattr__(stroke, name, value)
        object.__setattr__(stroke, "erase", erase)
        stroke.__dict__["_xy"] = xy
        return stroke

    def __getattr__(self, name: str) -> Any:
        # Reached only for an attribute not set: the points of a stroke from from_hundredths.
        if name == "points" and "_xy" in self.__dict__:
            values = (self.__dict__.pop("_xy") / 100).tolist()  # the float nearest n / 100
            points = tuple(zip(values[0::2], values[1::2], strict=True))
            object.__setattr__(self, "points", points)
            return points
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


Mark = RegionMark | Stroke


def is_erase(mark: Mark) -> bool:
    return isinstance(mark, Stroke) and mark.erase


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


def stroke_geometry(points: Sequence[tuple[float, float]], width: float) -> BaseGeometry:
    """The area one stroke covers; see :func:`stroke_geometries`."""
    return stroke_geometries([(points, width)])[0]


def _unique(points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """``points`` without repeats of the point before."""
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or p != out[-1]:
            out.append(p)
    return out


def _chunk_starts(count: int) -> range:
    """Where the chunks of ``count`` unique points start: ``_CHUNK`` points each, overlapping
    by one, every chunk with at least two points."""
    return range(0, count - 1, _CHUNK - 1)


def _chunk_areas(lines: list[BaseGeometry], width: float | list[float]) -> Any:
    """Each chunk's centre line simplified by ``min(0.25, width / 20)`` SVG units (well under
    a pixel at any zoom the app offers), then buffered by half the width."""
    widths = np.asarray(width, dtype=float)
    simple = shapely.simplify(lines, np.minimum(0.25, widths / 20), preserve_topology=False)
    return shapely.buffer(simple, widths / 2, quad_segs=_QUAD_SEGS)


def stroke_geometries(
    strokes: Sequence[tuple[Sequence[tuple[float, float]], float]],
) -> list[BaseGeometry]:
    """Buffer many polylines ``(points, width)`` by half their width, vectorised across strokes.

    Repeated points are dropped and each path is cut into chunks of ``_CHUNK`` points
    overlapping by one, so long scribbles stay fast and continuous; each chunk is simplified
    and buffered (:func:`_chunk_areas`), and a stroke is the union of its chunks taken in
    order, one at a time. That order is what lets :class:`StrokeBuilder` build exactly the same
    area while the stroke is being drawn. No points give an empty polygon; one point (or
    repeated points) gives a disc.
    """
    results: list[BaseGeometry] = [EMPTY] * len(strokes)
    dots: list[int] = []
    lines: list[BaseGeometry] = []
    widths: list[float] = []
    owners: list[int] = []
    ranks: list[int] = []  # position of each chunk within its stroke
    for index, (points, width) in enumerate(strokes):
        unique = _unique(points)
        if len(unique) == 1:
            dots.append(index)
        for rank, start in enumerate(_chunk_starts(len(unique))):
            lines.append(shapely.linestrings(unique[start : start + _CHUNK]))
            widths.append(width)
            owners.append(index)
            ranks.append(rank)
    if dots:
        discs = shapely.buffer(
            [Point(_unique(strokes[i][0])[0]) for i in dots],
            [strokes[i][1] / 2 for i in dots],
            quad_segs=_QUAD_SEGS,
        )  # fmt: skip
        for index, disc in zip(dots, discs, strict=True):
            results[index] = disc
    if not lines:
        return results
    areas = _chunk_areas(lines, widths)
    owner_of, rank_of = np.asarray(owners), np.asarray(ranks)
    first = rank_of == 0
    acc = dict(zip(owner_of[first].tolist(), areas[first], strict=True))
    for rank in range(1, int(rank_of.max()) + 1):  # one vectorised union per chunk rank
        at = np.flatnonzero(rank_of == rank)
        merged = shapely.union([acc[o] for o in owner_of[at].tolist()], areas[at])
        acc.update(zip(owner_of[at].tolist(), merged, strict=True))
    for index, geom in acc.items():
        results[index] = geom
    return results


class StrokeBuilder:
    """The area of a stroke built up while it is drawn.

    Points arrive in batches (:meth:`extend`); each chunk is buffered and merged as soon as it
    is complete, so :meth:`geometry` and :meth:`stroke` cost about one chunk however long the
    stroke is. Points are rounded to 0.01 SVG units as the session file stores them, and the
    area is exactly the one :func:`stroke_geometry` computes from those points.
    """

    def __init__(self, view: str, width: float) -> None:
        self.view = view
        self.width = width
        self.points: list[tuple[float, float]] = []
        self._unique: list[tuple[float, float]] = []
        self._merged = 0  # complete chunks folded into _acc
        self._acc: BaseGeometry = EMPTY

    def extend(self, points: Iterable[tuple[float, float]]) -> None:
        new = [(round(x, 2), round(y, 2)) for x, y in points]
        self.points += new
        for p in new:
            if not self._unique or p != self._unique[-1]:
                self._unique.append(p)
        starts = _chunk_starts(len(self._unique))[self._merged :]
        complete = [s for s in starts if s + _CHUNK <= len(self._unique)]
        if not complete:
            return
        lines = [shapely.linestrings(self._unique[s : s + _CHUNK]) for s in complete]
        for area in _chunk_areas(lines, self.width):
            self._acc = area if self._merged == 0 else shapely.union(self._acc, area)
            self._merged += 1

    def geometry(self) -> BaseGeometry:
        """The area of the points so far."""
        rest = self.area_since(self._merged)
        if not self._merged:
            return rest
        return self._acc if rest.is_empty else shapely.union(self._acc, rest)

    @property
    def merged(self) -> int:
        """How many complete chunks :meth:`merged_area` holds."""
        return self._merged

    def merged_area(self) -> BaseGeometry:
        """The area of the complete chunks so far (it only grows)."""
        return self._acc

    def area_since(self, merged: int) -> BaseGeometry:
        """The area of the chunks from the ``merged``-th on, the unfinished one included:
        with the area of the first ``merged`` chunks it makes the whole stroke's."""
        if not merged:  # the whole stroke (a dot for a single point)
            return stroke_geometry(self._unique, self.width)
        starts = _chunk_starts(len(self._unique))
        if merged >= len(starts):
            return EMPTY
        return stroke_geometry(self._unique[starts[merged] :], self.width)

    def stroke(self, intensity: int, erase: bool = False) -> Stroke:
        """The finished stroke, its geometry already known."""
        stroke = Stroke(self.view, tuple(self.points), self.width, intensity, erase)
        stroke.__dict__["geometry"] = self.geometry()  # fills the cached_property
        return stroke


def _minus(area: BaseGeometry, piece: BaseGeometry) -> BaseGeometry:
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


def validate_mark(mark: Mark, anatomy: Anatomy) -> str | None:
    """Why ``mark`` is unusable with ``anatomy``, or None when it is fine."""
    if not (
        isinstance(mark.intensity, int)
        and not isinstance(mark.intensity, bool)
        and INTENSITY_MIN <= mark.intensity <= INTENSITY_MAX
    ):
        return f"intensity must be a whole number from {INTENSITY_MIN} to {INTENSITY_MAX}"
    if isinstance(mark, RegionMark):
        if mark.region not in anatomy.regions:
            return f"unknown region id {mark.region!r} (see `bodymap regions`)"
        return None
    if mark.view not in anatomy.views:
        return f"unknown view {mark.view!r} (expected one of {', '.join(anatomy.views)})"
    if not (WIDTH_MIN <= mark.width <= WIDTH_MAX):
        return f"stroke width must be from {WIDTH_MIN} to {WIDTH_MAX} SVG units"
    if not mark.points:
        return "a stroke needs at least one point"
    if len(mark.points) > MAX_POINTS_PER_STROKE:
        return f"a stroke may have at most {MAX_POINTS_PER_STROKE} points"
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in mark.points):
        return "stroke points must be finite numbers"
    return None


def mirrored(mark: Mark, anatomy: Anatomy) -> Mark | None:
    """The same mark on the patient's other side, or None when it has no mirror image.

    Strokes are reflected about their view's midline; region marks map to the region of the
    same name on the other side (midline regions have none).
    """
    if isinstance(mark, RegionMark):
        other = anatomy.mirror_region_id(mark.region)
        return RegionMark(other, mark.intensity, mark.quality) if other else None
    mid2 = 2 * anatomy.views[mark.view].midline_x
    points = tuple((round(mid2 - x, 2), y) for x, y in mark.points)  # as a session stores them
    return Stroke(mark.view, points, mark.width, mark.intensity, mark.erase, mark.quality)


class PainMap:
    """An ordered list of marks and the pain geometry per view, kept up to date.

    The pain of a view lies on the body: it is clipped to the view's silhouette. Appending a
    mark measures only the paint it adds, which is kept aside and merged into the view's
    pain when that is next asked for whole (an erasure updates it at once); any other change
    recomputes lazily. Geometry is in SVG units.
    """

    def __init__(self, anatomy: Anatomy, marks: Iterable[Mark] = ()) -> None:
        self.anatomy = anatomy
        self._marks: list[Mark] = list(marks)
        self._cache: dict[str, BaseGeometry] = {}
        # per view, areas painted since _cache[view] was merged: disjoint from it and each other
        self._pending: dict[str, list[BaseGeometry]] = {}
        self.version = 0  # counts changes of the marks
        # When the last append used a hint: the area it adds as (the hinted new paint, the
        # rest), disjoint, so matching can reuse what it measured of the first.
        self.last_parts: tuple[BaseGeometry, BaseGeometry] | None = None
        # (mark, version, new paint of part of its area, the rest of its area): see hint()
        self._hint: tuple[Mark, int, BaseGeometry, BaseGeometry] | None = None
        # id(mark) -> (mark, its area on the body), for the last few marks appended or drawn
        self._on_body: dict[int, tuple[Mark, BaseGeometry]] = {}

    @property
    def marks(self) -> tuple[Mark, ...]:
        return tuple(self._marks)

    def view_of(self, mark: Mark) -> str:
        if isinstance(mark, RegionMark):
            return self.anatomy.regions[mark.region].view
        return mark.view

    def mark_geometry(self, mark: Mark) -> BaseGeometry:
        if isinstance(mark, RegionMark):
            return self.anatomy.regions[mark.region].polygon
        return mark.geometry

    @staticmethod
    def prepare(marks: Iterable[Mark]) -> None:
        """Compute the geometry of every stroke in ``marks`` that has none yet, in one batch."""
        todo = [m for m in marks if isinstance(m, Stroke) and not m.has_geometry()]
        for stroke, geom in zip(
            todo, stroke_geometries([(m.points, m.width) for m in todo]), strict=True
        ):
            stroke.__dict__["geometry"] = geom  # fills the cached_property

    def append(self, mark: Mark) -> BaseGeometry | None:
        """Add ``mark`` after the others.

        When the pain of its view was already computed it is updated at once, and the area
        that changed is returned: newly painted area for paint, removed area for an erasure
        (for :meth:`Matcher.update`). Otherwise returns None and the view refolds lazily.
        """
        self._marks.append(mark)
        self.version += 1
        hint, self._hint, self.last_parts = self._hint, None, None
        view = self.view_of(mark)
        if view not in self._cache:
            return None
        try:
            if is_erase(mark):
                current, geom = self.geometry(view), self.mark_geometry(mark)
                self._cache[view] = polygonal(current.difference(geom))
                return polygonal(current.intersection(geom))
            if hint and hint[0] is mark and hint[1] == self.version - 1:
                # Most of the stroke was measured while it was drawn: only the rest is new.
                added, rest = self.new_paint(view, hint[3], hint[2])
                self.last_parts = (hint[2], rest)
            else:
                added, _ = self.new_paint(view, self.mark_on_body(mark))
        except shapely.errors.GEOSException:
            self._drop(view)
            return None  # GEOS gave up on a degenerate overlay: the view refolds lazily
        # New paint is kept aside, disjoint from the rest, and merged when the pain is next
        # asked for as a whole: a stroke's end needs only the area it adds.
        if not added.is_empty:
            self._pending.setdefault(view, []).append(added)
            if len(self._pending[view]) >= _PENDING_KEPT:
                self.geometry(view)
        return added

    def new_paint(
        self, view: str, area: BaseGeometry, known: BaseGeometry = EMPTY
    ) -> tuple[BaseGeometry, BaseGeometry]:
        """The paint ``area`` (on ``view``) would add to the pain now, changing nothing: the
        part of it on the body and not painted yet. ``known``, when given, is that paint for
        the rest of a larger area, measured earlier with the same marks; the result is then
        the paint of both, and the part of it outside ``known`` (what is left to measure)."""
        if view not in self._cache:
            self._cache[view] = self._fold(view)
        fresh = self.on_body(view, area)  # the paint set aside is not merged for this
        for piece in [self._cache[view], *self._pending.get(view, ()), known]:
            fresh = _minus(fresh, piece)
        return polygonal(shapely.union(known, fresh)), fresh

    def hint(self, mark: Mark, version: int, known: BaseGeometry, rest: BaseGeometry) -> None:
        """Tell the next :meth:`append` of ``mark`` (a paint stroke) what was measured of it
        while it was drawn: part of its area, at marks ``version``, adds ``known`` (see
        :meth:`new_paint`), and ``rest`` is the remainder of its area. If the marks have not
        changed since, the append measures only ``rest``: a long stroke ends at the cost of
        its last chunks."""
        self._hint = (mark, version, known, rest)

    def mark_on_body(self, mark: Mark) -> BaseGeometry:
        """The area ``mark`` covers on the body (clipped to the silhouette). Kept for the last
        marks asked about: ending a stroke needs it for the pain, the bands and the drawing."""
        key = id(mark)
        if key in self._on_body and self._on_body[key][0] is mark:
            return self._on_body[key][1]
        area = self.on_body(self.view_of(mark), self.mark_geometry(mark))
        if len(self._on_body) >= _ON_BODY_KEPT:
            del self._on_body[next(iter(self._on_body))]  # the oldest
        self._on_body[key] = (mark, area)
        return area

    def set_marks(self, marks: Iterable[Mark]) -> None:
        self._marks = list(marks)
        self.version += 1
        self.last_parts = None
        self._cache.clear()
        self._pending.clear()

    def _drop(self, view: str) -> None:
        self._cache.pop(view, None)
        self._pending.pop(view, None)

    def region_marked(self, region_id: str) -> bool:
        return any(isinstance(m, RegionMark) and m.region == region_id for m in self._marks)

    def marked_regions(self) -> tuple[str, ...]:
        return tuple(m.region for m in self._marks if isinstance(m, RegionMark))

    def geometry(self, view: str) -> BaseGeometry:
        """The pain of ``view``: marks folded in order (paint unioned, erasures subtracted)."""
        if view not in self._cache:
            self._cache[view] = self._fold(view)
        elif self._pending.get(view):
            try:
                merged = shapely.union_all([self._cache[view], *self._pending.pop(view)])
                self._cache[view] = polygonal(merged)
            except shapely.errors.GEOSException:
                self._cache[view] = self._fold(view)  # a degenerate overlay: fold anew
        return self._cache[view]

    def area(self, plus: BaseGeometry = EMPTY) -> float:
        """The area of the pain of every view (SVG units²), without merging new paint; with
        ``plus`` (new paint from :meth:`new_paint`) as if it were painted too."""
        return float(plus.area) + sum(
            float(self.geometry(view).area)
            if view not in self._cache
            else float(self._cache[view].area) + sum(g.area for g in self._pending.get(view, ()))
            for view in self.anatomy.views
        )

    def views(self, view: str = "", plus: BaseGeometry = EMPTY) -> Mapping[str, BaseGeometry]:
        """The pain per view, each computed (or merged) only when it is looked up; with
        ``plus`` (new paint on ``view``) as if it were painted too."""
        return _PainViews(self, view, plus)

    def seed(self, view: str, geom: BaseGeometry) -> None:
        """Take the pain of ``view`` computed elsewhere from the same marks (the intensity
        bands' weakest level is exactly it), unless it is already known."""
        self._cache.setdefault(view, geom)

    def geometries(self) -> dict[str, BaseGeometry]:
        return {view: self.geometry(view) for view in self.anatomy.views}

    def _fold(self, view: str) -> BaseGeometry:
        self.prepare(self._marks)
        acc: BaseGeometry = EMPTY
        pending: list[BaseGeometry] = []
        for mark in self._marks:
            if self.view_of(mark) != view:
                continue
            geom = self.mark_geometry(mark)
            if is_erase(mark):
                acc = polygonal(shapely.union_all([acc, *pending]).difference(geom))
                pending = []
            else:
                pending.append(geom)
        if pending:
            acc = shapely.union_all([acc, *pending])
        return self.on_body(view, acc)

    def on_body(self, view: str, geom: BaseGeometry) -> BaseGeometry:
        """``geom`` clipped to the body outline of ``view``: paint that spills past the
        silhouette is not pain, and would only count as unexplained."""
        silhouette = self.anatomy.views[view].silhouette
        return polygonal(geom if silhouette.contains(geom) else geom.intersection(silhouette))


class _PainViews(Mapping[str, BaseGeometry]):
    """:meth:`PainMap.views`: a mapping of view id to pain, looked up lazily."""

    def __init__(self, pain: PainMap, view: str, plus: BaseGeometry) -> None:
        self._pain, self._view, self._plus = pain, view, plus

    def __getitem__(self, view: str) -> BaseGeometry:
        if view not in self._pain.anatomy.views:
            raise KeyError(view)
        if view == self._view and not self._plus.is_empty:
            return polygonal(shapely.union(self._pain.geometry(view), self._plus))
        return self._pain.geometry(view)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pain.anatomy.views)

    def __len__(self) -> int:
        return len(self._pain.anatomy.views)
