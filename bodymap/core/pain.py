"""The pain a list of marks makes, per view, kept up to date as marks are added.

Qt-free. The pain of a view is the fold, in order, of its marks: paint is unioned, an
erasure subtracts; paint marks between two erasures commute. Pain lies on the body: it is
clipped to the view's silhouette. Geometry is in the SVG user units of each view.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.brush import stroke_geometries
from bodymap.core.geometry import EMPTY, minus, polygonal
from bodymap.core.marks import Mark, RegionMark, Stroke, is_erase

_ON_BODY_KEPT = 16  # marks whose area on the body a PainMap keeps at hand
_PENDING_KEPT = 8  # newly painted areas a view keeps aside before merging them


@dataclass(frozen=True)
class NewPaint:
    """What an area would add to the pain of ``view``: ``area``, on the body and disjoint from
    the pain, measured when the marks were at ``version`` (valid only while they still are);
    ``fresh`` is the part of it measured last (see :meth:`PainMap.new_paint`)."""

    view: str
    area: BaseGeometry
    version: int
    fresh: BaseGeometry


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
        self.version = 0  # counts changes of the marks: what a NewPaint was measured at
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
        areas = stroke_geometries([(m.points, m.width) for m in todo])
        for stroke, geom in zip(todo, areas, strict=True):
            stroke.__dict__["geometry"] = geom  # fills the cached_property

    def append(self, mark: Mark, paint: NewPaint | None = None) -> BaseGeometry | None:
        """Add ``mark`` after the others.

        When the pain of its view was already computed it is updated at once, and the area
        that changed is returned: newly painted area for paint, removed area for an erasure
        (for :meth:`Matcher.update`). Otherwise returns None and the view refolds lazily.
        ``paint``, the mark's new paint measured by :meth:`new_paint`, is used when it was
        measured with the current marks, so a stroke's end need not measure it again.
        """
        view = self.view_of(mark)
        current = paint is not None and (paint.view, paint.version) == (view, self.version)
        self._marks.append(mark)
        self.version += 1
        if view not in self._cache:
            return None
        try:
            if is_erase(mark):
                before, geom = self.geometry(view), self.mark_geometry(mark)
                self._cache[view] = polygonal(before.difference(geom))
                return polygonal(before.intersection(geom))
            if paint is not None and current:
                added = paint.area
            else:
                added = self.new_paint(view, self.mark_on_body(mark)).area
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

    def new_paint(self, view: str, area: BaseGeometry, known: NewPaint | None = None) -> NewPaint:
        """The paint ``area`` (on ``view``) would add to the pain now, changing nothing: the
        part of it on the body and not painted yet. ``known``, when given and measured with
        the same marks, is that paint for the rest of a larger area; the result is then the
        paint of both, and its ``fresh`` part what lies outside ``known`` (what was left to
        measure)."""
        if known is not None and (known.view, known.version) != (view, self.version):
            raise ValueError("known paint was measured on other marks")
        if view not in self._cache:
            self._cache[view] = self._fold(view)
        before = known.area if known is not None else EMPTY
        fresh = self.on_body(view, area)  # the paint set aside is not merged for this
        for piece in [self._cache[view], *self._pending.get(view, ()), before]:
            fresh = minus(fresh, piece)
        return NewPaint(view, polygonal(shapely.union(before, fresh)), self.version, fresh)

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
        ``plus`` (an area of :meth:`new_paint`) as if it were painted too."""
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
