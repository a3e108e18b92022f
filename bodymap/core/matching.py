"""Rank muscle referral patterns by how well they explain the marked pain.

For one muscle side, let P be the pain (all views), E the union of its essential zones and S
its spillover zones outside E (per view; areas add up over views, all in SVG units squared):

    pain_explained = A(P ∩ (E ∪ S)) / A(P)
    weighted       = A(P ∩ E) + ½·A(P ∩ S)
    zone_covered   = weighted / (A(E) + ½·A(S) - T)
    score          = sqrt(weighted / A(P) · zone_covered)

T is the weighted area of the lateral landmarks drawn on both views (the outer hip) counted a
second time: such a landmark joins the pattern once, so covering it on either view covers it
(see docs/lateral-landmarks.md).

``score`` is the geometric mean of "how much of the pain this pattern accounts for" and "how
much of the pattern is painful", with spillover area counting half (an Ochiai coefficient with
weights). It lies in [0, 1] and is 1 only when the pain fills the essential zones exactly.
A contact counts only when ``A(P ∩ (E ∪ S)) >= MIN_CONTACT_AREA`` and at least
``MIN_CONTACT_FRACTION`` of the pain. ``unexplained`` is the fraction of the pain outside
every counted pattern. Scores are rounded to 1e-9 so that float noise from the order of
unions cannot reorder ties; results are sorted by score, then muscle id, then side, so the
same pain always gives the same ranking.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from bodymap.core.anatomy import ZONE_WEIGHTS, Anatomy, Muscle, Zone
from bodymap.core.geometry import polygonal

MIN_CONTACT_AREA = 25.0  # SVG units² (a 5 x 5 square, about 8 x 8 mm on an adult)
MIN_CONTACT_FRACTION = 0.01  # of the pain area
# SVG units²: less is the float dust an erasure can leave along the edge it cut, not pain
NO_PAIN_AREA = 1e-6
SPILLOVER_WEIGHT = ZONE_WEIGHTS["spillover"]
# (muscle id, side) -> (overlap, weighted overlap) of one area, SVG units²
Overlaps = dict[tuple[str, str], tuple[float, float]]


@dataclass(frozen=True)
class Match:
    """One muscle side whose referral pattern overlaps the pain."""

    muscle: str
    name: str
    short_name: str
    colour: str
    side: str
    score: float
    pain_explained: float
    zone_covered: float
    overlap_area: float  # SVG units²

    def as_dict(self) -> dict[str, object]:
        return {
            "muscle": self.muscle,
            "name": self.name,
            "side": self.side,
            "score": round(self.score, 4),
            "pain_explained": round(self.pain_explained, 4),
            "zone_covered": round(self.zone_covered, 4),
        }


@dataclass(frozen=True)
class MatchResult:
    matches: tuple[Match, ...]
    pain_area: float  # SVG units², all views
    unexplained: float  # fraction of the pain no counted pattern reaches, in [0, 1]


def _share(zone: Zone, same_view: list[Zone]) -> float:
    """How much ``zone`` adds to A(E) + ½·A(S outside E) of its view's zones, SVG units²:
    the weighted area the pattern loses without it. Only the zones it touches are unioned."""
    near = [z for z in same_view if z is not zone and z.polygon.intersects(zone.polygon)]
    ess = shapely.union_all([z.polygon for z in near if z.weight == "essential"])
    spill = shapely.union_all([z.polygon for z in near if z.weight == "spillover"])
    own = zone.polygon.difference(ess)
    if zone.weight == "essential":  # its own area leaves E; spillover under it counts again
        return float(own.area - SPILLOVER_WEIGHT * own.intersection(spill).area)
    return float(SPILLOVER_WEIGHT * own.difference(spill).area)


def _twice_drawn(muscle: Muscle, side: str) -> float:
    """The weighted area of lateral landmarks drawn on both views, counted a second time.

    A zone whose id ends in ``_back`` with a twin ending in ``_front`` (same muscle side and
    group) is one landmark at the edge of the body, drawn on each view (the outer hip; see
    docs/lateral-landmarks.md). Its area joins the pattern once: the smaller drawing's share
    is returned, to be taken off the total, so painting it fully on either view covers it."""
    twice = 0.0
    zones = muscle.zones_for(side)
    by_id = {z.id: z for z in zones}
    for back in (z for z in zones if z.id.endswith("_back")):
        front = by_id.get(back.id.removesuffix("_back") + "_front")
        if front is None or front.group != back.group:
            continue
        twice += min(_share(z, [o for o in zones if o.view == z.view]) for z in (back, front))
    return twice


@dataclass(frozen=True)
class _Pattern:
    """One muscle side on one view: its essential union, the spillover outside it, and both."""

    muscle: Muscle
    side: str
    essential: BaseGeometry
    spillover: BaseGeometry
    footprint: BaseGeometry


class Matcher:
    """Prepared zones of an anatomy; ``match`` ranks them against pain per view."""

    def __init__(self, anatomy: Anatomy) -> None:
        self.anatomy = anatomy
        self._patterns: dict[str, list[_Pattern]] = {v: [] for v in anatomy.views}
        # A(E) + ½·A(S) summed over the views; lateral landmarks (T) are taken off on first use
        self._weighted_area: dict[tuple[str, str], float] = {}
        self._pattern_area: dict[tuple[str, str], float] = {}
        for muscle in anatomy.muscles.values():
            for side in ("left", "right"):
                for view in anatomy.views:
                    zones = muscle.zones_for(side, view)
                    if not zones:
                        continue
                    ess = shapely.union_all([z.polygon for z in zones if z.weight == "essential"])
                    spill = polygonal(
                        shapely.union_all(
                            [z.polygon for z in zones if z.weight == "spillover"]
                        ).difference(ess)
                    )
                    footprint = shapely.union(ess, spill)
                    for geom in (ess, footprint):
                        shapely.prepare(geom)
                    self._patterns[view].append(_Pattern(muscle, side, ess, spill, footprint))
                    key = (muscle.id, side)
                    area = ess.area + SPILLOVER_WEIGHT * spill.area
                    self._weighted_area[key] = self._weighted_area.get(key, 0.0) + area
        self._trees = {
            view: STRtree([p.footprint for p in patterns])
            for view, patterns in self._patterns.items()
        }

    def pattern_area(self, muscle_id: str, side: str) -> float:
        """A(E) + ½·A(S) - T of a muscle side over all views (SVG units²), the denominator of
        ``zone_covered``; T, the lateral landmarks drawn twice, is measured on first use so
        that building a matcher stays cheap."""
        key = (muscle_id, side)
        if key not in self._pattern_area:
            twice = _twice_drawn(self.anatomy.muscles[muscle_id], side)
            self._pattern_area[key] = self._weighted_area[key] - twice
        return self._pattern_area[key]

    def match(self, pain: Mapping[str, BaseGeometry]) -> MatchResult:
        """Rank every muscle side against ``pain`` (view id -> geometry in SVG units)."""
        return self.start(pain)[0]

    def start(self, pain: Mapping[str, BaseGeometry]) -> tuple[MatchResult, MatchState]:
        """Match ``pain`` from scratch; the state lets :meth:`update` follow later changes."""
        state = MatchState()
        for view, geom in pain.items():
            self._accumulate(state, view, geom, 1.0)
        return self._finish(state, pain, None), state

    def update(
        self,
        state: MatchState,
        pain: Mapping[str, BaseGeometry],
        view: str,
        change: BaseGeometry,
        sign: float,
        pain_area: float | None = None,
        measured: tuple[Overlaps, BaseGeometry] | None = None,
    ) -> MatchResult:
        """Follow one change of the pain: ``change`` is the area just painted (``sign`` +1)
        or just erased (``sign`` -1) on ``view``; ``pain`` is the pain after it, and
        ``pain_area`` its area when the caller knows it (``pain`` is then looked up only if
        the set of listed muscle sides changes: it may be a lazy mapping).

        Only the patterns the change touches are measured again, so the cost follows the
        size of the change, not of the whole drawing; with ``measured`` (the overlaps of part
        of ``change``, from :meth:`measure`, and the rest of ``change``, disjoint from that
        part) only the rest is. The result equals ``match(pain)`` up to float rounding.
        """
        try:
            if measured is None:
                self._accumulate(state, view, change, sign)
            else:
                self._add(state, measured[0], sign)
                self._accumulate(state, view, measured[1], sign)
            return self._finish(state, pain, (view, change, sign), pain_area)
        except shapely.errors.GEOSException:
            # A degenerate overlay of the change (GEOS gives up on some slivers): the
            # totals may be half updated, so measure everything anew.
            result, fresh = self.start(pain)
            state.__dict__.update(fresh.__dict__)
            return result

    def measure(self, view: str, geom: BaseGeometry) -> Overlaps:
        """The overlap and weighted overlap of ``geom`` (on ``view``) with each muscle side
        whose zones it touches: the costly part of matching, a function of ``geom`` alone."""
        overlaps: Overlaps = {}
        if geom.is_empty or view not in self._trees:
            return overlaps
        patterns = self._patterns[view]
        for index in self._trees[view].query(geom, predicate="intersects"):
            p = patterns[int(index)]
            inside = polygonal(geom.intersection(p.footprint))
            overlap = inside.area
            if overlap <= 0:
                continue
            on_ess = inside.intersection(p.essential).area if not p.spillover.is_empty else overlap
            weighted = on_ess + SPILLOVER_WEIGHT * (overlap - on_ess)
            a, w = overlaps.get((p.muscle.id, p.side), (0.0, 0.0))
            overlaps[(p.muscle.id, p.side)] = (a + overlap, w + weighted)
        return overlaps

    def _accumulate(self, state: MatchState, view: str, geom: BaseGeometry, sign: float) -> None:
        self._add(state, self.measure(view, geom), sign)

    @staticmethod
    def _add(state: MatchState, overlaps: Overlaps, sign: float) -> None:
        for key, (overlap, weighted) in overlaps.items():
            sums = state.totals.setdefault(key, [0.0, 0.0])
            sums[0] = max(0.0, sums[0] + sign * overlap)
            sums[1] = max(0.0, sums[1] + sign * weighted)

    def _finish(
        self,
        state: MatchState,
        pain: Mapping[str, BaseGeometry],
        change: tuple[str, BaseGeometry, float] | None,
        pain_area: float | None = None,
    ) -> MatchResult:
        if pain_area is None:
            pain_area = sum(g.area for g in pain.values())
        if pain_area < NO_PAIN_AREA:
            state.counted, state.explained = frozenset(), 0.0
            return MatchResult((), 0.0, 0.0)
        matches: list[Match] = []
        for (muscle_id, side), (overlap, weighted) in state.totals.items():
            if overlap < MIN_CONTACT_AREA or overlap < MIN_CONTACT_FRACTION * pain_area:
                continue
            muscle = self.anatomy.muscles[muscle_id]
            zone_covered = min(1.0, weighted / self.pattern_area(muscle_id, side))
            score = round(math.sqrt(min(1.0, weighted / pain_area) * zone_covered), 9)
            matches.append(
                Match(
                    muscle_id, muscle.name, muscle.short_name, muscle.colour, side,
                    score, min(1.0, overlap / pain_area), zone_covered, overlap,
                )
            )  # fmt: skip
        counted = frozenset((m.muscle, m.side) for m in matches)
        if change is not None and counted == state.counted:
            view, geom, sign = change
            inside = geom.intersection(self._coverage(state, view)).area
            state.explained = max(0.0, state.explained + sign * inside)
        else:
            if state.counted <= counted:  # more muscle sides count: grow the zones' union
                new = counted - state.counted
                for view, covered in state.coverage.items():
                    more = [
                        p.footprint for p in self._patterns[view] if (p.muscle.id, p.side) in new
                    ]
                    if more:
                        state.coverage[view] = shapely.union_all([covered, *more])
            else:
                state.coverage = {}
            state.counted = counted
            state.explained = sum(
                geom.intersection(self._coverage(state, view)).area
                for view, geom in pain.items()
                if not geom.is_empty
            )
        matches.sort(key=lambda m: (-m.score, m.muscle, m.side))
        unexplained = min(1.0, max(0.0, 1.0 - state.explained / pain_area))
        return MatchResult(tuple(matches), pain_area, round(unexplained, 9))

    def _coverage(self, state: MatchState, view: str) -> BaseGeometry:
        """The union of the counted patterns' zones on ``view``, built when first needed."""
        if view not in state.coverage:
            state.coverage[view] = shapely.union_all(
                [
                    p.footprint
                    for p in self._patterns.get(view, ())
                    if (p.muscle.id, p.side) in state.counted
                ]
            )
        return state.coverage[view]


@dataclass
class MatchState:
    """What :meth:`Matcher.update` needs to follow changes: per muscle side the overlap and
    weighted overlap (SVG units², all views), the counted muscle sides, their zones' union per
    view, and the pain area inside it."""

    totals: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    counted: frozenset[tuple[str, str]] = frozenset()
    coverage: dict[str, BaseGeometry] = field(default_factory=dict)
    explained: float = 0.0

    def copy(self) -> MatchState:
        """An independent copy (to try a change without keeping it)."""
        return MatchState(
            {k: list(v) for k, v in self.totals.items()},
            self.counted,
            dict(self.coverage),
            self.explained,
        )
