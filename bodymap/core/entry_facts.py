"""What an entry says to another system: one session measured for the CSV and FHIR exports.

Qt-free. Measures one session against an anatomy: its date, pain score and note, pain extent,
the regions touched (with the share of each that is painted and the pain qualities drawn on
it), the CHOIR segments of those regions, and the ranking. Definitions: pain extent and
regions touched as in :mod:`bodymap.core.metrics`; CHOIR codes as in
:mod:`bodymap.core.choir`; a quality belongs to a region when its marks touch the region
by the same threshold as the pain does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.choir import codes_of_regions
from bodymap.core.diary import entry_date
from bodymap.core.geometry import EMPTY
from bodymap.core.layers import seed_pain
from bodymap.core.match_result import Match, MatchResult
from bodymap.core.matching import Matcher
from bodymap.core.metrics import Extent, RegionIndex, pain_extent
from bodymap.core.pain import PainMap
from bodymap.core.score import QUALITIES, PainScore, quality_areas
from bodymap.core.session import Session


@dataclass(frozen=True)
class RegionFact:
    """A region the pain touches: ``share`` of its area painted in [0, 1], and the ids of
    the pain qualities drawn on it (in the order of ``QUALITIES``)."""

    id: str
    share: float
    qualities: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntryFacts:
    """One entry measured: ``date`` aware (the entry's date, else when it was created),
    ``extent`` in percent of the body's area, ``regions`` in the order of ``regions.yaml``,
    ``choir`` the CHOIR segments of those regions (sorted), ``qualities`` every quality
    drawn (in the order of ``QUALITIES``), ``result`` the ranking."""

    date: datetime
    score: PainScore
    note: str
    extent: Extent
    regions: tuple[RegionFact, ...]
    choir: tuple[int, ...]
    qualities: tuple[str, ...]
    result: MatchResult

    def side_matches(self) -> dict[tuple[str, str], tuple[Match, bool]]:
        """Per (muscle id, side) in contact with the pain, its match and whether it is
        listed (True) or only touches (False)."""
        out = {(m.muscle, m.side): (m, False) for m in self.result.also_touches}
        out.update({(m.muscle, m.side): (m, True) for m in self.result.matches})
        return out


class FactFinder:
    """Measures sessions against one anatomy (matcher and region index built once)."""

    def __init__(self, anatomy: Anatomy, matcher: Matcher | None = None) -> None:
        self.anatomy = anatomy
        self.matcher = matcher or Matcher(anatomy)
        self.index = RegionIndex(anatomy)

    def facts(self, session: Session) -> EntryFacts:
        """Measure ``session`` (its marks must be valid against the anatomy)."""
        pain_map = PainMap(self.anatomy, session.marks)
        if session.pain is not None:
            seed_pain(pain_map, session.pain)
        pain = pain_map.geometries()
        touched = self.index.touched(pain)
        by_quality = {
            q: self.index.touched(areas) for q, areas in _per_quality(quality_areas(pain_map))
        }
        regions = tuple(
            RegionFact(
                rid,
                self._share(rid, pain),
                tuple(q for q in QUALITIES if rid in by_quality.get(q, ())),
            )
            for rid in touched
        )
        drawn = {q for r in regions for q in r.qualities}
        return EntryFacts(
            date=entry_date(session),
            score=session.score,
            note=session.note,
            extent=pain_extent(self.anatomy, pain),
            regions=regions,
            choir=codes_of_regions(self.anatomy, touched),
            qualities=tuple(q for q in QUALITIES if q in drawn),
            result=self.matcher.match(pain),
        )

    def _share(self, region_id: str, pain: Mapping[str, BaseGeometry]) -> float:
        region = self.anatomy.regions[region_id]
        covered = float(shapely.intersection(region.polygon, pain.get(region.view, EMPTY)).area)
        return min(1.0, covered / float(region.polygon.area))


def _per_quality(
    areas: Mapping[str, Mapping[str, BaseGeometry]],
) -> list[tuple[str, dict[str, BaseGeometry]]]:
    """``{view: {quality: area}}`` turned into ``[(quality, {view: area})]``."""
    out: dict[str, dict[str, BaseGeometry]] = {}
    for view, by_quality in areas.items():
        for quality, area in by_quality.items():
            out.setdefault(quality, {})[view] = area
    return list(out.items())
