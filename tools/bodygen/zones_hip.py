"""Referral zones of the gluteal muscles and piriformis (half-space units, right half).

Landmark words of the sources turned into this body's coordinates as in the shared
differential facts, section 3 (x = d / 1000, y = (930 - SVG y) / 1000). Widths the facts mark
"suggested" are design choices. Built like zones.py: clipped to the half body and away from
the midline by ``zones._finish``, then mirrored.
"""

from __future__ import annotations

from shapely.geometry.base import BaseGeometry

from . import body as b
from .shapes import band, ellipse, rounded, tapering_tail, union
from .zones import Zone

GMED_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., gluteus "
    "medius chapter, as summarised by the NAMTPT symptom checker, Niel-Asher "
    "(triggerpoints3d.com), aberdeenchiropracticblog.com and stuarthindsacademy.com"
)
GMIN_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., gluteus "
    "minimus chapter, as summarised by painfreehealth.ca and Niel-Asher (triggerpoints3d.com)"
)
PIRI_SRC = (
    "Travell & Simons, Postgrad Med 1983 and Trigger Point Manual vol. 2 (1992), piriformis "
    "chapter, as summarised by MedLink (essential and spillover areas)"
)
TFL_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., tensor "
    "fasciae latae chapter, as summarised by Massage Today, rpm-therapy.com and Niel-Asher"
)


def _y(h: float) -> float:
    return b.Y(h)


def gluteus_medius_zones() -> list[Zone]:
    def z(name: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("gluteus_medius", "gmed", name, "back", group, weight, GMED_SRC, shape)

    # TrP1: a band just below the crest from the PSIS up and out to the crest's midpoint,
    # with the SI joint and that half of the sacrum
    crest_band = band([(30.0, _y(0.555)), (48.0, _y(0.578)), (70.0, _y(0.595))], 10.0)
    sacral = ellipse(18.0, _y(0.5425), 13.0, 23.0)
    return [
        z("crest_sacrum", "posterior", "essential", union([crest_band, sacral])),
        z("buttock_upper", "posterior", "spillover", ellipse(50.0, _y(0.5375), 35.0, 28.0)),
        # TrP2: the mid-to-outer buttock, spilling down the back-outer thigh to about 0.43
        z("buttock_outer", "middle", "essential", ellipse(73.0, _y(0.5325), 23.0, 28.0)),
        z(
            "thigh_back_outer",
            "middle",
            "spillover",
            rounded(band([(84.0, _y(0.50)), (82.0, _y(0.43))], 12.0), 4.0),
        ),
    ]


def gluteus_minimus_zones() -> list[Zone]:
    def z(name: str, view: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("gluteus_minimus", "gmin", name, view, group, weight, GMIN_SRC, shape)

    # anterior: lower outer buttock, then a strip hugging the outer edge of the leg from the
    # hip past the knee down the outer lower leg towards the ankle, on both views (a lateral
    # landmark: counted once, see docs/lateral-landmarks.md)
    outer_leg = b.TRUNK_LEG + b.LOWER_LEG_OUTER
    strip = union(
        [
            tapering_tail(outer_leg, _y(0.52), b.KNEE_JOINT, 14.0, 8.0),
            tapering_tail(outer_leg, b.KNEE_JOINT - 4, _y(0.06), 8.0, 6.0),
        ]
    )
    # posterior: lower inner buttock and the middle of the back of the thigh to the knee
    # crease; spillover the back of the knee and the calf
    fold = ellipse(34.0, _y(0.4875), 26.0, 13.0)
    thigh = band([(42.0, _y(0.48)), (44.0, _y(0.28))], 14.0)
    return [
        z(
            "buttock_lower_outer",
            "back",
            "anterior",
            "essential",
            ellipse(84.0, _y(0.50), 19.0, 21.0),
        ),
        z("outer_leg_back", "back", "anterior", "essential", strip),
        z("outer_leg_front", "front", "anterior", "essential", strip),
        z("buttock_thigh", "back", "posterior", "essential", rounded(union([fold, thigh]), 4.0)),
        z(
            "knee_calf",
            "back",
            "posterior",
            "spillover",
            band([(44.0, _y(0.285)), (44.0, _y(0.14))], 14.0),
        ),
    ]


def piriformis_zones() -> list[Zone]:
    def z(name: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("piriformis", "piri", name, "back", group, weight, PIRI_SRC, shape)

    si = ellipse(20.0, _y(0.54), 15.0, 20.0)
    across = band([(22.0, _y(0.54)), (60.0, _y(0.525)), (92.0, _y(0.51))], 15.0)
    return [
        z("sacroiliac_buttock_hip", "lateral and medial", "essential", union([si, across])),
        z(
            "thigh_back",
            "lateral and medial",
            "spillover",
            band([(47.0, _y(0.47)), (47.0, _y(0.34))], 16.0),
        ),
    ]


def tfl_zones() -> list[Zone]:
    def z(name: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("tensor_fasciae_latae", "tfl", name, "front", "TFL", weight, TFL_SRC, shape)

    # the front and outer hip over the trochanter and down the front-outer thigh to about
    # 0.38, on the front view only (not split across two views; differential facts, section 0)
    hip = ellipse(94.0, _y(0.515), 13.0, 17.0)
    thigh = band([(88.0, _y(0.50)), (80.0, _y(0.38))], 14.0)
    return [
        z("hip_thigh", "essential", rounded(union([hip, thigh]), 4.0)),
        z("knee", "spillover", band([(79.0, _y(0.385)), (72.0, _y(0.28))], 10.0)),
    ]


__all__ = ["gluteus_medius_zones", "gluteus_minimus_zones", "piriformis_zones", "tfl_zones"]
