"""Rank muscle referral patterns by how well they explain the marked pain.

For one muscle side, or one trigger-point group of it, let P be the pain (all views), E the
union of its essential zones and S its spillover zones outside E (per view; areas add up over
views, all in SVG units squared):

    pain_explained = A(P ∩ (E ∪ S)) / A(P)
    weighted       = A(P ∩ E) + ½·A(P ∩ S)
    zone_covered   = weighted / (A(E) + ½·A(S) - T)
    ochiai         = sqrt(weighted / A(P) · zone_covered)
    score          = max(ochiai(whole), max_g ochiai(g) · min(1, pain_explained(g) / GROUP_FLOOR))

T is the weighted area of the lateral landmarks drawn on both views (the outer hip) counted a
second time (see docs/lateral-landmarks.md). The group floor keeps a small group inside a
large drawing from ranking high on the little it covers (differential-facts D9).

A muscle side is listed when its whole pattern explains at least ``LIST_FRACTION`` of the
pain (and ``MIN_CONTACT_AREA``); smaller contacts from ``MIN_CONTACT_AREA`` and
``MIN_CONTACT_FRACTION`` are "also touches". ``unexplained`` is the fraction of the pain
outside every listed pattern. The anatomy's cues (other causes, warnings) follow the pain
painted in their regions. Scores are rounded to 1e-9 so that float noise from the order of
unions cannot reorder ties; results are sorted by score, then muscle id, then side, so the
same pain always gives the same ranking. See docs/matching.md for the thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from bodymap.core.anatomy import ZONE_WEIGHTS, Anatomy, Cue, Muscle, Zone
from bodymap.core.geometry import polygonal
from bodymap.core.lateral import twice_drawn
from bodymap.core.match_result import Match, MatchResult

MIN_CONTACT_AREA = 25.0  # SVG units² (a 5 x 5 square, about 8 x 8 mm on an adult)
MIN_CONTACT_FRACTION = 0.01  # of the pain area
LIST_FRACTION = 0.10  # a muscle side is listed from this share of the pain; less "also touches"
GROUP_FLOOR = 0.5  # a group's score is scaled by min(1, its share of the pain / GROUP_FLOOR)
CAUSE_FRACTION = 0.10  # another cause shows from this share of the pain in its regions,
CAUSE_REGION_SHARE = 0.25  # or when this share of one of its regions is painted
WHOLE = ""  # the group name of a muscle side's whole pattern
REGION = "@region"  # the muscle id of a cue region's key in the overlaps
# SVG units²: less is the float dust an erasure can leave along the edge it cut, not pain
NO_PAIN_AREA = 1e-6
SPILLOVER_WEIGHT = ZONE_WEIGHTS["spillover"]
# (muscle id, side, group) -> (overlap, weighted overlap) of one area, SVG units²; group
# WHOLE is the whole pattern, and (REGION, region id, WHOLE) the area painted in a cue region
Overlaps = dict[tuple[str, str, str], tuple[float, float]]

__all__ = ["Match", "MatchResult", "MatchState", "Matcher", "Overlaps"]


@dataclass(frozen=True)
class _Pattern:
    """One muscle side (whole, or one trigger-point group of it) on one view: its essential
    union, the spillover outside it, and both."""

    key: tuple[str, str, str]  # muscle id, side, group (WHOLE for the whole pattern)
    essential: BaseGeometry
    spillover: BaseGeometry
    footprint: BaseGeometry


def _groups(muscle: Muscle) -> tuple[str, ...]:
    """The trigger-point groups of a muscle, sorted (one group: scored as the whole)."""
    return tuple(sorted({z.group for z in muscle.zones}))


class Matcher:
    """Prepared zones of an anatomy; ``match`` ranks them against pain per view."""

    def __init__(self, anatomy: Anatomy) -> None:
        self.anatomy = anatomy
        self._patterns: dict[str, list[_Pattern]] = {v: [] for v in anatomy.views}
        # A(E) + ½·A(S) summed over the views; lateral landmarks (T) are taken off on first use
        self._weighted_area: dict[tuple[str, str, str], float] = {}
        self._pattern_area: dict[tuple[str, str, str], float] = {}
        for muscle in anatomy.muscles.values():
            groups = _groups(muscle)
            for side in ("left", "right"):
                for view in anatomy.views:
                    zones = muscle.zones_for(side, view)
                    self._add_pattern(view, (muscle.id, side, WHOLE), zones)
                    for group in groups if len(groups) > 1 else ():
                        mine = tuple(z for z in zones if z.group == group)
                        self._add_pattern(view, (muscle.id, side, group), mine)
        cue_regions = sorted({r for cue in anatomy.cues for r in cue.regions})
        for region_id in cue_regions:
            region = anatomy.regions[region_id]
            poly = region.polygon
            self._patterns[region.view].append(
                _Pattern((REGION, region_id, WHOLE), poly, shapely.Polygon(), poly)
            )
        self._trees = {
            view: STRtree([p.footprint for p in patterns])
            for view, patterns in self._patterns.items()
        }

    def _add_pattern(self, view: str, key: tuple[str, str, str], zones: tuple[Zone, ...]) -> None:
        if not zones:
            return
        ess = shapely.union_all([z.polygon for z in zones if z.weight == "essential"])
        spill = polygonal(
            shapely.union_all([z.polygon for z in zones if z.weight == "spillover"]).difference(ess)
        )
        footprint = shapely.union(ess, spill)
        for geom in (ess, footprint):
            shapely.prepare(geom)
        self._patterns[view].append(_Pattern(key, ess, spill, footprint))
        area = ess.area + SPILLOVER_WEIGHT * spill.area
        self._weighted_area[key] = self._weighted_area.get(key, 0.0) + area

    def pattern_area(self, muscle_id: str, side: str, group: str = WHOLE) -> float:
        """A(E) + ½·A(S) - T of a muscle side (or one group of it) over all views (SVG
        units²), the denominator of ``zone_covered``; T, the lateral landmarks drawn twice, is
        measured on first use so that building a matcher stays cheap."""
        key = (muscle_id, side, group)
        if key not in self._pattern_area:
            zones = self.anatomy.muscles[muscle_id].zones_for(side)
            if group != WHOLE:
                zones = tuple(z for z in zones if z.group == group)
            self._pattern_area[key] = self._weighted_area[key] - twice_drawn(zones)
        return self._pattern_area[key]

    def listed(self, pain: Mapping[str, BaseGeometry]) -> tuple[tuple[str, str], ...]:
        """The (muscle id, side) pairs ``match(pain)`` lists, sorted: the same rule on the
        same overlaps, measuring only the whole patterns (for counting many drawings)."""
        pain_area = sum(g.area for g in pain.values())
        totals: dict[tuple[str, str], float] = {}
        for view, geom in pain.items():
            if pain_area < NO_PAIN_AREA or geom.is_empty or view not in self._trees:
                continue
            found = [self._patterns[view][i] for i in self._trees[view].query(geom, "intersects")]
            hits = [(pair, p.footprint) for p in found if (pair := _whole(p.key)) is not None]
            overlaps = shapely.area(shapely.intersection(geom, [f for _, f in hits])).tolist()
            for (pair, footprint), overlap in zip(hits, overlaps, strict=True):
                if overlap > min(geom.area, footprint.area) * (1 + 1e-9) + 1e-9:  # see measure
                    overlap = shapely.intersection(footprint, geom, grid_size=1e-9).area
                totals[pair] = totals.get(pair, 0.0) + overlap
        floor = max(MIN_CONTACT_AREA, LIST_FRACTION * pain_area)  # _finish's listing rule
        return tuple(sorted(k for k, overlap in totals.items() if overlap >= floor))

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
        """The overlap and weighted overlap of ``geom`` (on ``view``) with each muscle side,
        each of its groups and each cue region it touches: the costly part of matching, a
        function of ``geom`` alone."""
        overlaps: Overlaps = {}
        if geom.is_empty or view not in self._trees:
            return overlaps
        patterns = self._patterns[view]
        for index in self._trees[view].query(geom, predicate="intersects"):
            p = patterns[int(index)]
            inside = polygonal(geom.intersection(p.footprint))
            overlap = inside.area
            if overlap > min(geom.area, p.footprint.area) * (1 + 1e-9) + 1e-9:
                # GEOS (3.14) now and then overcounts the overlap of a multi-part erased area
                # with a prepared zone: an overlap cannot exceed either area, so take it again
                # the other way round, on a fine grid.
                inside = polygonal(shapely.intersection(p.footprint, geom, grid_size=1e-9))
                overlap = inside.area
            if overlap <= 0:
                continue
            on_ess = inside.intersection(p.essential).area if not p.spillover.is_empty else overlap
            weighted = on_ess + SPILLOVER_WEIGHT * (overlap - on_ess)
            a, w = overlaps.get(p.key, (0.0, 0.0))
            overlaps[p.key] = (a + overlap, w + weighted)
        return overlaps

    def _accumulate(self, state: MatchState, view: str, geom: BaseGeometry, sign: float) -> None:
        self._add(state, self.measure(view, geom), sign)

    @staticmethod
    def _add(state: MatchState, overlaps: Overlaps, sign: float) -> None:
        for key, (overlap, weighted) in overlaps.items():
            sums = state.totals.setdefault(key, [0.0, 0.0])
            sums[0] = max(0.0, sums[0] + sign * overlap)
            sums[1] = max(0.0, sums[1] + sign * weighted)

    def _score(self, key: tuple[str, str, str], weighted: float, pain_area: float) -> float:
        covered = min(1.0, weighted / self.pattern_area(*key))
        return math.sqrt(min(1.0, weighted / pain_area) * covered)

    def _match(self, muscle_id: str, side: str, state: MatchState, pain_area: float) -> Match:
        """Score one muscle side: the better of its whole pattern and its best group, a
        group's score scaled down when it explains less than GROUP_FLOOR of the pain."""
        muscle = self.anatomy.muscles[muscle_id]
        overlap, weighted = state.totals[(muscle_id, side, WHOLE)]
        score = self._score((muscle_id, side, WHOLE), weighted, pain_area)
        groups = _groups(muscle)
        best_group, best = groups[0], -1.0
        for group in groups if len(groups) > 1 else ():
            g_overlap, g_weighted = state.totals.get((muscle_id, side, group), (0.0, 0.0))
            if g_overlap <= 0:
                continue
            floor = min(1.0, g_overlap / pain_area / GROUP_FLOOR)
            g_score = round(self._score((muscle_id, side, group), g_weighted, pain_area), 9)
            if g_score * floor > best:
                best_group, best = group, g_score * floor
        zone_covered = min(1.0, weighted / self.pattern_area(muscle_id, side))
        return Match(
            muscle_id, muscle.name, muscle.short_name, muscle.colour, side,
            round(max(score, best), 9), min(1.0, overlap / pain_area), zone_covered, overlap,
            best_group,
        )  # fmt: skip

    def _cues(self, state: MatchState, pain_area: float) -> tuple[list[Cue], list[Cue]]:
        """The anatomy's cues the painted regions bring up: (other causes, warnings)."""
        causes: list[Cue] = []
        warnings: list[Cue] = []
        for cue in self.anatomy.cues:
            by_side = {"left": 0.0, "right": 0.0, "midline": 0.0}
            most = 0.0  # the largest painted share of one of its regions
            for region_id in cue.regions:
                area = state.totals.get((REGION, region_id, WHOLE), (0.0, 0.0))[0]
                region = self.anatomy.regions[region_id]
                by_side[region.side] += area
                most = max(most, area / region.polygon.area)
            total = sum(by_side.values())
            if cue.when == "both_sides":
                shown = min(by_side["left"], by_side["right"]) >= MIN_CONTACT_AREA
            elif cue.kind == "cause":
                shown = total >= MIN_CONTACT_AREA and (
                    total >= CAUSE_FRACTION * pain_area or most >= CAUSE_REGION_SHARE
                )
            else:
                shown = total >= MIN_CONTACT_AREA
            if shown:
                (causes if cue.kind == "cause" else warnings).append(cue)
        return causes, warnings

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
        touches: list[Match] = []
        for (muscle_id, side, group), (overlap, _) in state.totals.items():
            if group != WHOLE or muscle_id == REGION:
                continue
            if overlap < MIN_CONTACT_AREA or overlap < MIN_CONTACT_FRACTION * pain_area:
                continue
            listed = overlap >= LIST_FRACTION * pain_area
            (matches if listed else touches).append(self._match(muscle_id, side, state, pain_area))
        counted = frozenset((m.muscle, m.side) for m in matches)
        if change is not None and counted == state.counted:
            view, geom, sign = change
            inside = geom.intersection(self._coverage(state, view)).area
            state.explained = max(0.0, state.explained + sign * inside)
        else:
            if state.counted <= counted:  # more muscle sides count: grow the zones' union
                new = counted - state.counted
                for view, covered in state.coverage.items():
                    more = [p.footprint for p in self._patterns[view] if _whole(p.key) in new]
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
        order = lambda m: (-m.score, m.muscle, m.side)  # noqa: E731
        matches.sort(key=order)
        touches.sort(key=order)
        unexplained = min(1.0, max(0.0, 1.0 - state.explained / pain_area))
        causes, warnings = self._cues(state, pain_area)
        return MatchResult(
            tuple(matches), pain_area, round(unexplained, 9), tuple(touches),
            tuple(causes), tuple(warnings),
        )  # fmt: skip

    def _coverage(self, state: MatchState, view: str) -> BaseGeometry:
        """The union of the counted patterns' zones on ``view``, built when first needed."""
        if view not in state.coverage:
            state.coverage[view] = shapely.union_all(
                [
                    p.footprint
                    for p in self._patterns.get(view, ())
                    if _whole(p.key) in state.counted
                ]
            )
        return state.coverage[view]


def _whole(key: tuple[str, str, str]) -> tuple[str, str] | None:
    """(muscle id, side) of a whole pattern's key; None for a group or a cue region."""
    return (key[0], key[1]) if key[2] == WHOLE and key[0] != REGION else None


@dataclass
class MatchState:
    """What :meth:`Matcher.update` needs to follow changes: per muscle side, group and cue
    region the overlap and weighted overlap (SVG units², all views), the listed muscle
    sides, their zones' union per view, and the pain area inside it."""

    totals: dict[tuple[str, str, str], list[float]] = field(default_factory=dict)
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
