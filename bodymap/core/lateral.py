"""Lateral landmarks drawn on both views (the outer hip and thigh), counted once in a
pattern's area (docs/lateral-landmarks.md). Areas in SVG units²."""

from __future__ import annotations

import shapely

from bodymap.core.anatomy import ZONE_WEIGHTS, Zone

SPILLOVER_WEIGHT = ZONE_WEIGHTS["spillover"]


def share(zone: Zone, same_view: list[Zone]) -> float:
    """How much ``zone`` adds to A(E) + ½·A(S outside E) of its view's zones, SVG units²:
    the weighted area the pattern loses without it. Only the zones it touches are unioned."""
    near = [z for z in same_view if z is not zone and z.polygon.intersects(zone.polygon)]
    ess = shapely.union_all([z.polygon for z in near if z.weight == "essential"])
    spill = shapely.union_all([z.polygon for z in near if z.weight == "spillover"])
    own = zone.polygon.difference(ess)
    if zone.weight == "essential":  # its own area leaves E; spillover under it counts again
        return float(own.area - SPILLOVER_WEIGHT * own.intersection(spill).area)
    return float(SPILLOVER_WEIGHT * own.difference(spill).area)


def twice_drawn(zones: tuple[Zone, ...]) -> float:
    """The weighted area of lateral landmarks drawn on both views, counted a second time.

    A zone whose id ends in ``_back`` with a twin ending in ``_front`` (same muscle side and
    group) is one landmark at the edge of the body, drawn on each view (the outer hip; see
    docs/lateral-landmarks.md). Its area joins the pattern once: the smaller drawing's share
    is returned, to be taken off the total, so painting it fully on either view covers it."""
    twice = 0.0
    by_id = {z.id: z for z in zones}
    for back in (z for z in zones if z.id.endswith("_back")):
        front = by_id.get(back.id.removesuffix("_back") + "_front")
        if front is None or front.group != back.group:
            continue
        twice += min(share(z, [o for o in zones if o.view == z.view]) for z in (back, front))
    return twice
