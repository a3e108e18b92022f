"""Research metrics of a pain drawing: pain extent, regions touched, and two drawings compared.

Qt-free. A drawing is its pain per view (``Mapping[str, BaseGeometry]``, SVG user units of
each view, already clipped to the body outline as :class:`bodymap.core.pain.PainMap` keeps
it). The body's area is the area of each view's silhouette from the :class:`Anatomy`, so
percentages are of the body chart's area, as pain extent is defined in research (painted
area / body-chart area; Barbero et al. 2024, PubMed 37898312).

Definitions (areas summed over the views of the anatomy):

- **pain extent** of a view: ``100 · A(pain_v) / A(silhouette_v)``; the total is
  ``100 · Σ A(pain_v) / Σ A(silhouette_v)``, so the pain *areas* add up over views and the
  total percentage is the body-area-weighted mean of the views' percentages.
- **regions touched**: a region of ``regions.yaml`` counts when the pain covers at least
  ``max(REGION_TOUCH_MIN_AREA, REGION_TOUCH_FRACTION · A(region))`` of it: a small share, so
  that the edge of a stroke spilling a few units over a border does not count, while a small
  painful spot inside a large region does. A region mark covers its region whole.
- **Jaccard index** of drawings A and B: ``Σ A(A_v ∩ B_v) / Σ A(A_v ∪ B_v)`` (location
  agreement; pubmed 37898312, PMC7652695). Two drawings without pain agree: 1.
- **new / resolved / unchanged** pain from A (earlier) to B (later): ``B − A``, ``A − B`` and
  ``A ∩ B``, each as a percentage of the body's area. ``unchanged + new`` is B's extent and
  ``unchanged + resolved`` is A's.

Areas under :data:`bodymap.core.matching.NO_PAIN_AREA` (float dust an erasure leaves along
an edge) count as no pain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from bodymap.core.anatomy import Anatomy, Region
from bodymap.core.geometry import EMPTY, polygonal
from bodymap.core.matching import NO_PAIN_AREA
from bodymap.core.pain import PainMap
from bodymap.core.session import Session

REGION_TOUCH_FRACTION = 0.02  # of the region's area
REGION_TOUCH_MIN_AREA = 25.0  # SVG units² (a 5 x 5 square, about 8 x 8 mm on an adult)

Drawing = Mapping[str, BaseGeometry]


def session_pain(anatomy: Anatomy, session: Session) -> dict[str, BaseGeometry]:
    """The pain of every view of ``session`` (SVG units), from the pain its file keeps when
    that is current, else folded from its marks."""
    pain = PainMap(anatomy, session.marks)
    if session.pain is not None:
        from bodymap.core.layers import seed_pain

        seed_pain(pain, session.pain)
    return pain.geometries()


def body_areas(anatomy: Anatomy) -> dict[str, float]:
    """The body's area of each view: its silhouette's area, SVG units²."""
    return {view.id: float(view.silhouette.area) for view in anatomy.views.values()}


def _area(geom: BaseGeometry) -> float:
    area = float(geom.area)
    return area if area >= NO_PAIN_AREA else 0.0


@dataclass(frozen=True)
class Extent:
    """Pain extent: ``per_view`` and ``total`` in percent of the body's area, ``areas`` the
    pain's area of each view in SVG units²."""

    per_view: Mapping[str, float]
    total: float
    areas: Mapping[str, float]


def pain_extent(anatomy: Anatomy, drawing: Drawing) -> Extent:
    """The pain extent of ``drawing`` per view and in all (see the module's definitions).
    Views missing from ``drawing`` have no pain."""
    body = body_areas(anatomy)
    areas = {view: _area(drawing.get(view, EMPTY)) for view in body}
    per_view = {view: 100.0 * areas[view] / body[view] for view in body}
    total = 100.0 * sum(areas.values()) / sum(body.values())
    return Extent(per_view, total, areas)


class RegionIndex:
    """The regions of an anatomy in a spatial index per view, for :meth:`touched`."""

    def __init__(self, anatomy: Anatomy) -> None:
        self._trees: dict[str, tuple[STRtree, tuple[Region, ...]]] = {}
        for view in anatomy.views:
            regions = tuple(r for r in anatomy.regions.values() if r.view == view)
            self._trees[view] = (STRtree([r.polygon for r in regions]), regions)

    def touched(self, drawing: Drawing) -> tuple[str, ...]:
        """The ids of the regions ``drawing`` touches (see the module's threshold), in the
        order of ``regions.yaml`` within each view."""
        found: list[str] = []
        for view, (tree, regions) in self._trees.items():
            pain = drawing.get(view, EMPTY)
            if _area(pain) == 0.0:
                continue
            hits = [regions[i] for i in sorted(tree.query(pain, predicate="intersects").tolist())]
            areas = shapely.area(shapely.intersection([r.polygon for r in hits], pain)).tolist()
            for region, covered in zip(hits, areas, strict=True):
                if covered >= max(
                    REGION_TOUCH_MIN_AREA, REGION_TOUCH_FRACTION * region.polygon.area
                ):
                    found.append(region.id)
        return tuple(found)


def regions_touched(anatomy: Anatomy, drawing: Drawing) -> tuple[str, ...]:
    """The ids of the regions ``drawing`` touches; see :class:`RegionIndex`."""
    return RegionIndex(anatomy).touched(drawing)


def jaccard(a: Drawing, b: Drawing) -> float:
    """The Jaccard index of two drawings over all their views, in [0, 1]; 1 when neither has
    pain (see the module's definitions). ``A(A ∪ B)`` is taken as ``A(A) + A(B) − A(A ∩ B)``:
    one overlay per view, and symmetric."""
    inter = total = 0.0
    for view in set(a) | set(b):
        ga, gb = a.get(view, EMPTY), b.get(view, EMPTY)
        total += _area(ga) + _area(gb)
        if not (ga.is_empty or gb.is_empty):
            inter += _area(polygonal(shapely.intersection(ga, gb)))
    return _ratio(inter, total - inter)


def _ratio(inter: float, union: float) -> float:
    if union < NO_PAIN_AREA:
        return 1.0
    return max(0.0, min(1.0, inter / union))


@dataclass(frozen=True)
class PainChange:
    """Drawing A (earlier) against B (later): ``jaccard`` in [0, 1]; the rest in percent of
    the body's area (both views)."""

    jaccard: float
    extent_a: float
    extent_b: float
    new: float
    resolved: float
    unchanged: float
    # per view, SVG units: the areas themselves, for drawing a difference map
    new_areas: Mapping[str, BaseGeometry]
    resolved_areas: Mapping[str, BaseGeometry]
    unchanged_areas: Mapping[str, BaseGeometry]


def compare(anatomy: Anatomy, a: Drawing, b: Drawing) -> PainChange:
    """How the pain changed from ``a`` to ``b`` (see the module's definitions)."""
    total_body = sum(body_areas(anatomy).values())
    new: dict[str, BaseGeometry] = {}
    resolved: dict[str, BaseGeometry] = {}
    unchanged: dict[str, BaseGeometry] = {}
    for view in anatomy.views:
        ga, gb = a.get(view, EMPTY), b.get(view, EMPTY)
        new[view] = polygonal(shapely.difference(gb, ga))
        resolved[view] = polygonal(shapely.difference(ga, gb))
        unchanged[view] = polygonal(shapely.intersection(ga, gb))

    def pct(areas: Mapping[str, BaseGeometry]) -> float:
        return 100.0 * sum(_area(g) for g in areas.values()) / total_body

    return PainChange(
        jaccard=jaccard(a, b),
        extent_a=pain_extent(anatomy, a).total,
        extent_b=pain_extent(anatomy, b).total,
        new=pct(new),
        resolved=pct(resolved),
        unchanged=pct(unchanged),
        new_areas=new,
        resolved_areas=resolved,
        unchanged_areas=unchanged,
    )
