"""The stroke being drawn: its points, and its area built up chunk by chunk.

Qt-free. Points are in the SVG user units of the stroke's view, rounded to 0.01 units as a
session file stores them, so a saved stroke reloads identical.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.core.brush import (
    _CHUNK,
    TRACED_MAX_WIDTHS,
    chunk_areas,
    chunk_starts,
    is_rasterised,
    raster_geometry,
    stroke_geometry,
)
from bodymap.core.geometry import EMPTY
from bodymap.core.marks import Stroke


class StrokeBuilder:
    """The area of a stroke built up while it is drawn.

    Points arrive in batches (:meth:`extend`); each chunk is buffered and merged as soon as it
    is complete, so :meth:`geometry` and :meth:`stroke` cost about one chunk however long the
    stroke is. The area is exactly the one :func:`bodymap.core.brush.stroke_geometry` computes
    from the rounded points, also once the path is long enough to be rasterised
    (:attr:`rasterised`; the area is then drawn whole, at a bounded cost).
    """

    def __init__(self, view: str, width: float) -> None:
        self.view = view
        self.width = width
        self.points: list[tuple[float, float]] = []
        self._unique: list[tuple[float, float]] = []
        self._length = 0.0  # of the path so far, SVG units
        self._merged = 0  # complete chunks folded into _acc
        self._acc: BaseGeometry = EMPTY

    @property
    def rasterised(self) -> bool:
        """Whether the path is now long enough for its area to be rasterised."""
        limit = TRACED_MAX_WIDTHS * self.width
        if abs(self._length - limit) > 1e-6 * limit:
            return self._length > limit
        return is_rasterised(self._unique, self.width)  # as stroke_geometry sums it

    def extend(self, points: Iterable[tuple[float, float]]) -> None:
        new = [(round(x, 2), round(y, 2)) for x, y in points]
        self.points += new
        for p in new:
            if self._unique:
                last = self._unique[-1]
                if p == last:
                    continue
                self._length += math.hypot(p[0] - last[0], p[1] - last[1])
            self._unique.append(p)
        if self.rasterised:
            return  # the chunks are not used any more
        starts = chunk_starts(len(self._unique))[self._merged :]
        complete = [s for s in starts if s + _CHUNK <= len(self._unique)]
        if not complete:
            return
        lines = [shapely.linestrings(self._unique[s : s + _CHUNK]) for s in complete]
        for area in chunk_areas(lines, self.width):
            self._acc = area if self._merged == 0 else shapely.union(self._acc, area)
            self._merged += 1

    def geometry(self) -> BaseGeometry:
        """The area of the points so far."""
        if self.rasterised:
            return raster_geometry(self._unique, self.width)
        rest = self.area_since(self._merged)
        if not self._merged:
            return rest
        return self._acc if rest.is_empty else shapely.union(self._acc, rest)

    @property
    def merged(self) -> int:
        """How many complete chunks :meth:`merged_area` holds (0 once rasterised)."""
        return 0 if self.rasterised else self._merged

    def merged_area(self) -> BaseGeometry:
        """The area of the complete chunks so far (it only grows)."""
        return EMPTY if self.rasterised else self._acc

    def area_since(self, merged: int) -> BaseGeometry:
        """The area of the chunks from the ``merged``-th on, the unfinished one included:
        with the area of the first ``merged`` chunks it makes the whole stroke's."""
        if self.rasterised:
            return self.geometry() if not merged else EMPTY
        if not merged:  # the whole stroke (a dot for a single point)
            return stroke_geometry(self._unique, self.width, traced=True)
        starts = chunk_starts(len(self._unique))
        if merged >= len(starts):
            return EMPTY
        return stroke_geometry(self._unique[starts[merged] :], self.width, traced=True)

    def stroke(self, intensity: int, erase: bool = False) -> Stroke:
        """The finished stroke, its geometry already known."""
        stroke = Stroke(self.view, tuple(self.points), self.width, intensity, erase)
        stroke.__dict__["geometry"] = self.geometry()  # fills the cached_property
        return stroke
