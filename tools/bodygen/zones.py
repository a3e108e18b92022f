"""Referral zones of QL and psoas, drawn from the landmark descriptions (half-space units).

Each zone is built for the patient's side in half-space (d = distance from the midline),
kept at least ``MIDLINE_GAP`` from the midline and clipped to the silhouette, then mapped to
either side; left and right are therefore exact mirror images. Nothing is traced.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from . import body as b
from .shapes import (
    BIG,
    above,
    band,
    ellipse,
    filled,
    half_trunk,
    largest,
    poly,
    rounded,
    rows,
    tapering_tail,
    union,
)

MIDLINE_GAP = 1.0
SIMPLIFY = 0.15

QL_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., "
    "quadratus lumborum chapter; Davies & Davies 2013, Trigger Point Therapy Workbook"
)
PSOAS_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., "
    "iliopsoas chapter; Davies & Davies 2013, Trigger Point Therapy Workbook"
)


@dataclass(frozen=True)
class Zone:
    muscle: str  # muscle id
    prefix: str  # zone id prefix (ql, psoas)
    name: str  # zone id = f"{prefix}.{side}.{name}"
    view: str
    group: str
    weight: str  # essential | spillover
    source: str
    shape: BaseGeometry
    crosses_midline: bool = False  # a one-sided pattern reaching across the midline


def _finish_across(shape: BaseGeometry) -> Polygon:
    """Clip to the whole trunk (both halves), simplify, keep one polygon."""
    half = half_trunk()
    body = half.union(affinity.scale(half, -1.0, 1.0, origin=(0, 0)))
    main = largest(shape.intersection(body))
    return Polygon(main.exterior).simplify(SIMPLIFY, preserve_topology=True)


def _finish(shape: BaseGeometry) -> Polygon:
    """Clip to the half body and away from the midline, simplify, keep one polygon."""
    clipped = shape.intersection(half_trunk()).intersection(rows(-BIG, BIG * 3, MIDLINE_GAP, BIG))
    main = largest(clipped)
    if main.area < 0.995 * clipped.area:
        raise ValueError("a zone fell apart into pieces; adjust its shape")
    return Polygon(main.exterior).simplify(SIMPLIFY, preserve_topology=True)


def _inguinal_patch() -> BaseGeometry:
    """Lower lateral abdomen between the ASIS and the lateral half of the inguinal
    ligament, reaching down to the groin crease."""
    ligament_mid = ((b.ASIS_D + 14) / 2, (b.ASIS + b.CROTCH - 17) / 2)
    cx, cy = (b.ASIS_D + ligament_mid[0]) / 2 - 3, (b.ASIS + ligament_mid[1]) / 2 + 9
    return ellipse(cx, cy, 30.0, 15.0, angle=-48.0)


def _inguinal_groin() -> BaseGeometry:
    """The inguinal patch carried along the lateral half of the groin crease into the groin
    (differential facts D4: "lower quadrant of the abdomen and the groin")."""
    crease = band([*b.GROIN_CREASE[:3], (28.0, 434.0)], 9.0)
    return filled(union([_inguinal_patch(), crease]), 6.0)


def ql_zones() -> list[Zone]:
    def z(name: str, view: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("quadratus_lumborum", "ql", name, view, group, weight, QL_SRC, shape)

    trochanter = ellipse(b.TROCHANTER_D - 3, b.TROCHANTER, 20.0, 26.0)
    tail = tapering_tail(b.TRUNK_LEG, b.TROCHANTER + 14, 560.0, 9.0, 3.0)
    fold = [(-BIG, b.CROTCH), *b.GLUTEAL_FOLD_LINE, (BIG, 440.0)]
    return [
        z(
            "crest_back",
            "back",
            "superficial upper",
            "essential",
            band(b.CREST_BACK, 10.0, extend_to=(BIG, b.CREST + 10)),
        ),
        z(
            "crest_front",
            "front",
            "superficial upper",
            "essential",
            band([(BIG, b.CREST), *b.CREST_FRONT], 10.0),
        ),
        z("lower_abdomen", "front", "superficial upper", "spillover", _inguinal_groin()),
        z("outer_hip_back", "back", "superficial lower", "essential", trochanter),
        z("outer_hip_front", "front", "superficial lower", "essential", trochanter),
        z("outer_thigh_back", "back", "superficial lower", "spillover", tail),
        z("outer_thigh_front", "front", "superficial lower", "spillover", tail),
        z(
            "sacroiliac",
            "back",
            "deep upper",
            "essential",
            ellipse(b.PSIS_D - 6, b.PSIS + 12, 9.0, 22.0, angle=25.0),
        ),
        z(
            "lower_buttock",
            "back",
            "deep lower",
            "essential",
            ellipse(38.0, b.GLUTEAL_FOLD - 18, 25.0, 11.0, angle=4.0).intersection(
                above(fold).buffer(-3)
            ),
        ),
    ]


def psoas_zones() -> list[Zone]:
    def z(name: str, view: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("psoas", "psoas", name, view, "iliopsoas", weight, PSOAS_SRC, shape)

    lumbar = poly(
        [
            (5, b.T12 + 2),
            (34, b.T12 + 2),
            (35, 300),
            (36, 355),
            (44, 388),
            (43, 412),
            (28, 421),
            (14, 414),
            (7, 392),
            (5, 340),
        ]
    )
    # on the groin crease, then down the front (anteromedial) upper thigh to about 0.42 H;
    # the thigh part's axis sits 0.01 H lateral of the first drawing, out of the inner thigh
    # (adductor territory; differential facts D6)
    groin = ellipse(38.0, 434.0, 27.0, 13.0, angle=-40.0)
    thigh = union([groin, ellipse(39.0, 474.0, 21.0, 38.0, angle=-10.0)])
    return [
        z("low_back", "back", "essential", rounded(lumbar, 6.0)),
        z("groin_thigh", "front", "essential", filled(thigh, 20.0)),
        z("lower_abdomen", "front", "spillover", ellipse(30.0, 376.0, 18.0, 23.0)),
    ]


def all_zones() -> list[tuple[Zone, Polygon]]:
    from . import zones_back as zb
    from . import zones_hip as zh
    from . import zones_thigh as zt

    zones = [
        *ql_zones(),
        *psoas_zones(),
        *zh.gluteus_medius_zones(),
        *zh.gluteus_minimus_zones(),
        *zh.piriformis_zones(),
        *zb.iliocostalis_zones(),
        *zb.multifidus_zones(),
        *zb.gluteus_maximus_zones(),
        *zb.longissimus_zones(),
        *zh.tfl_zones(),
    ]
    zones += zb.rectus_abdominis_zones()
    zones += [
        *zt.hamstrings_zones(),
        *zt.adductor_zones(),
        *zt.external_oblique_zones(),
        *zt.vastus_lateralis_zones(),
    ]
    return [
        (zone, _finish_across(zone.shape) if zone.crosses_midline else _finish(zone.shape))
        for zone in zones
    ]
