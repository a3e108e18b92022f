"""What the map draws: the pain split into intensity bands, and pain with one more mark.

Qt-free. Geometry is in the SVG user units of each view. The canvas and the PNG export both
draw the bands; the live preview feeds matching while a stroke is still being drawn.
"""

from __future__ import annotations

from collections.abc import Mapping

import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry

from bodymap.core import brush as _brush
from bodymap.core.geometry import EMPTY, polygonal
from bodymap.core.marks import Mark, is_erase
from bodymap.core.pain import PainMap

Band = tuple[int, BaseGeometry]


class PainLayers:
    """The computed pain of every view, for one list of marks, and what it was computed with.

    ``levels[view][k]`` is the area of ``view`` whose strongest paint is at least ``k``, for
    every intensity ``k`` the view's paint marks use (an area may be empty once erased); a view
    without paint has no levels. The weakest level of a view is its pain. ``regions_sha256`` is
    the regions file the pain was clipped with, ``geometry_version`` the
    :data:`bodymap.core.brush.GEOMETRY_VERSION` the marks' areas were built with. A session file
    keeps these so a saved session needs no refolding (``docs/session-format.md``).
    """

    # A plain class: a dataclass costs a millisecond at import, which a command pays.
    __slots__ = ("geometry_version", "levels", "regions_sha256")

    def __init__(
        self,
        regions_sha256: str,
        geometry_version: int,
        levels: Mapping[str, Mapping[int, BaseGeometry]],
    ) -> None:
        self.regions_sha256 = regions_sha256
        self.geometry_version = geometry_version
        self.levels = levels

    def pain(self, view: str) -> BaseGeometry:
        levels = self.levels.get(view, {})
        return levels[min(levels)] if levels else EMPTY

    def current_for(self, pain: PainMap) -> bool:
        """Computed with ``pain``'s regions file and today's stroke geometry, for all its
        views, with the levels its marks use (it cannot tell whether the marks are the same:
        the caller knows that)."""
        if (
            self.regions_sha256 != pain.anatomy.sha256
            or self.geometry_version != _brush.GEOMETRY_VERSION
            or set(self.levels) != set(pain.anatomy.views)
        ):
            return False
        used = paint_levels(pain)
        return all(set(self.levels[view]) == used[view] for view in self.levels)


def seed_pain(pain: PainMap, layers: PainLayers) -> bool:
    """Give ``pain`` the pain of every view from ``layers`` computed elsewhere from exactly its
    current marks (a saved session's), instead of folding; False (nothing changed) when they
    are not current for it."""
    if not layers.current_for(pain):
        return False
    for view in layers.levels:
        pain.seed(view, layers.pain(view))
    return True


def paint_levels(pain: PainMap) -> dict[str, set[int]]:
    """For each view, the intensities of its paint marks: the levels its bands keep."""
    used: dict[str, set[int]] = {view: set() for view in pain.anatomy.views}
    for mark in pain.marks:
        if not is_erase(mark):
            used[pain.view_of(mark)].add(mark.intensity)
    return used


class IntensityBands:
    """The pain of each view split by the strongest intensity painted at each spot.

    Where marks of different intensity overlap the stronger one shows; an erasure removes
    paint of every intensity. ``bands(view)`` returns ``(intensity, area)`` pairs, ascending,
    the areas disjoint and their union equal to ``pain.geometry(view)``.

    It follows a :class:`PainMap`: marks appended since the last call are folded in
    incrementally (a few shapely operations); any other change refolds that view.
    """

    def __init__(self, pain: PainMap) -> None:
        self._pain = pain
        self._seen: dict[str, list[Mark]] = {}
        # level -> area whose strongest paint is >= level (only levels that occur)
        self._cumulative: dict[str, dict[int, BaseGeometry]] = {}
        self._bands: dict[str, tuple[Band, ...]] = {}

    def bands(self, view: str) -> tuple[Band, ...]:
        marks = [m for m in self._pain.marks if self._pain.view_of(m) == view]
        seen = self._seen.get(view)
        cumulative: dict[int, BaseGeometry] | None = None
        if (
            seen is not None
            and len(seen) <= len(marks)
            and all(a is b for a, b in zip(seen, marks, strict=False))
        ):
            new = marks[len(seen) :]
            if not new and view in self._bands:
                return self._bands[view]
            cumulative = dict(self._cumulative[view])
            try:
                for mark in new:
                    self._fold_one(cumulative, mark)
            except shapely.errors.GEOSException:
                cumulative = None  # a degenerate overlay: fold everything anew
        if cumulative is None:
            cumulative = {k: self._pain.on_body(view, g) for k, g in self._fold_all(marks).items()}
            # The weakest level holds every painted spot: it is the pain of the view.
            self._pain.seed(view, cumulative[min(cumulative)] if cumulative else EMPTY)
        self._seen[view] = marks
        self._cumulative[view] = cumulative
        self._bands[view] = _bands_of(cumulative)
        return self._bands[view]

    def layers(self) -> PainLayers:
        """The levels of every view, brought up to date with the pain map's marks."""
        for view in self._pain.anatomy.views:
            self.bands(view)
        return PainLayers(
            self._pain.anatomy.sha256,
            _brush.GEOMETRY_VERSION,
            {view: dict(self._cumulative[view]) for view in self._pain.anatomy.views},
        )

    def seed(self, layers: PainLayers) -> bool:
        """Take ``layers`` computed elsewhere from exactly the pain map's current marks (a
        saved session's), for every view and for the pain map too, instead of folding. Refused
        (False, nothing changed) when they are not current for this pain map."""
        if not layers.current_for(self._pain):
            return False
        for view, levels in layers.levels.items():
            self._seen[view] = [m for m in self._pain.marks if self._pain.view_of(m) == view]
            self._cumulative[view] = dict(levels)
            self._bands.pop(view, None)
            self._pain.seed(view, layers.pain(view))
        return True

    def _fold_one(self, cumulative: dict[int, BaseGeometry], mark: Mark) -> None:
        geom = self._pain.mark_on_body(mark)
        if is_erase(mark):
            for level, area in cumulative.items():
                cumulative[level] = polygonal(area.difference(geom))
            return
        k = mark.intensity
        if k not in cumulative:
            above = [level for level in cumulative if level > k]
            cumulative[k] = cumulative[min(above)] if above else EMPTY
        for level, area in cumulative.items():
            if level <= k:
                cumulative[level] = polygonal(area.union(geom))

    def _fold_all(self, marks: list[Mark]) -> dict[int, BaseGeometry]:
        """Fold every mark; between two erasures, levels are built from the strongest down,
        so each mark is unioned once and each level adds only its own marks."""
        levels = sorted({m.intensity for m in marks if not is_erase(m)}, reverse=True)
        cumulative: dict[int, BaseGeometry] = {k: EMPTY for k in levels}
        self._pain.prepare(marks)
        pending: list[Mark] = []

        def flush() -> None:
            running: BaseGeometry = EMPTY
            for k in levels:
                own = [self._pain.mark_geometry(m) for m in pending if m.intensity == k]
                if own:
                    running = shapely.union_all([running, *own])
                if not running.is_empty:
                    acc = cumulative[k]
                    cumulative[k] = running if acc.is_empty else acc.union(running)
            pending.clear()

        for mark in marks:
            if is_erase(mark):
                flush()
                geom = self._pain.mark_geometry(mark)
                for k, area in cumulative.items():
                    cumulative[k] = polygonal(area.difference(geom))
            else:
                pending.append(mark)
        flush()
        return cumulative


def _bands_of(cumulative: dict[int, BaseGeometry]) -> tuple[Band, ...]:
    levels = sorted(cumulative)
    bands: list[Band] = []
    for i, level in enumerate(levels):
        area = cumulative[level]
        if i + 1 < len(levels):
            area = polygonal(area.difference(cumulative[levels[i + 1]]))
        if not area.is_empty:
            bands.append((level, area))
    return tuple(bands)
