"""Referral zones of the second tier: hamstrings, adductor longus with pectineus, external
oblique and vastus lateralis (half-space units, right half).

Landmark words of the sources turned into this body's coordinates as in the shared
differential facts (x = d / 1000, y = (930 - SVG y) / 1000); the sources are named in each
muscle's ``*_SRC``. Widths are design choices. Built like zones.py: clipped to the half body
and away from the midline by ``zones._finish``, then mirrored.
"""

from __future__ import annotations

from shapely.geometry.base import BaseGeometry

from . import body as b
from .shapes import band, ellipse, rounded, tapering_tail, union
from .zones import Zone

HAM_SRC = (
    "Simons, Travell & Simons 1999, Trigger Point Manual vol. 2, hamstring muscles chapter, as "
    "summarised by Niel-Asher (nielasher.com: a strong zone at the lower gluteal fold from "
    "semitendinosus and semimembranosus, behind the knee from biceps femoris) and Mally "
    "(massagelibrary.com)"
)
ADD_SRC = (
    "Simons, Travell & Simons 1999, Trigger Point Manual vol. 2, adductor longus and brevis and "
    "pectineus chapters, as summarised by aberdeenchiropracticblog.com (proximal points to the "
    "groin and front of the hip, distal points to the upper inner knee and down the shin) and "
    "morningsideacupuncturenyc.com (pectineus: groin and upper inner thigh)"
)
EO_SRC = (
    "Simons, Travell & Simons 1999, Trigger Point Manual vol. 1, abdominal muscles chapter, as "
    "summarised by Niel-Asher (nielasher.com: lower lateral and pubic-rim points to the groin "
    "and lower belly) and morningsideacupuncturenyc.com (lower external oblique: lower abdomen "
    "and groin)"
)
VL_SRC = (
    "Simons, Travell & Simons 1999, Trigger Point Manual vol. 2, quadriceps chapter, as "
    "summarised by the NAMTPT symptom checker, vastus lateralis (the full length of the outer "
    "front thigh, behind the knee) and morningsideacupuncturenyc.com (outer thigh and knee)"
)


def _y(h: float) -> float:
    return b.Y(h)


def hamstrings_zones() -> list[Zone]:
    def z(name: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("hamstrings", "ham", name, "back", group, weight, HAM_SRC, shape)

    # medial (semitendinosus, semimembranosus): a strong zone about 10 cm across at the lower
    # gluteal fold and the top of the back of the thigh; diffuse down the back-inner thigh
    # and the inner calf
    fold = ellipse(36.0, 472.0, 29.0, 15.0)
    medial_thigh = band([(30.0, 488.0), (25.0, 600.0), (22.0, 660.0), (24.0, 740.0)], 9.0)
    # lateral (biceps femoris): a strong zone behind the knee; diffuse up the back of the thigh
    knee = ellipse(44.0, 650.0, 22.0, 28.0)
    thigh = band([(52.0, 620.0), (54.0, 520.0)], 11.0)
    return [
        z("gluteal_fold", "medial", "essential", fold),
        z("thigh_calf_inner", "medial", "spillover", rounded(medial_thigh, 3.0)),
        z("back_of_knee", "lateral", "essential", knee),
        z("thigh_back", "lateral", "spillover", rounded(thigh, 3.0)),
    ]


def adductor_zones() -> list[Zone]:
    def z(name: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("adductor_longus", "add", name, "front", group, weight, ADD_SRC, shape)

    # pectineus: deep in the groin just below the inguinal ligament, into the upper inner thigh
    pectineus = ellipse(25.0, 446.0, 16.0, 10.0, angle=-30.0)
    # adductor longus and brevis, upper points: the groin and down the front-inner thigh
    upper = band([(24.0, 452.0), (20.0, 510.0), (18.0, 565.0)], 11.0)
    # lower points: the upper inner knee, spilling down the inner shin
    knee = ellipse(22.0, 630.0, 13.0, 22.0)
    shin = band([(20.0, 668.0), (20.0, 780.0)], 8.0)
    return [
        z("groin", "pectineus", "essential", pectineus),
        z("upper_inner_thigh", "pectineus", "spillover", band([(20.0, 456.0), (17.0, 500.0)], 8.0)),
        z("groin_inner_thigh", "upper", "essential", rounded(upper, 3.0)),
        z("inner_knee", "lower", "essential", knee),
        z("inner_shin", "lower", "spillover", rounded(shin, 3.0)),
    ]


def external_oblique_zones() -> list[Zone]:
    def z(name: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone(
            "external_oblique", "eo", name, "front", "lower", weight, EO_SRC, shape
        )  # fmt: skip

    # lower lateral and pubic-rim points: along the inguinal ligament into the groin, with
    # the lower outer belly where they sit; spilling over the rest of the lower quadrant
    ligament = band([(70.0, 392.0), (48.0, 415.0), (30.0, 432.0), (16.0, 444.0)], 9.0)
    patch = ellipse(58.0, 384.0, 17.0, 13.0, angle=-35.0)
    return [
        z("groin_lower_belly", "essential", rounded(union([ligament, patch]), 3.0)),
        z("lower_quadrant", "spillover", ellipse(42.0, 372.0, 26.0, 22.0)),
    ]


def vastus_lateralis_zones() -> list[Zone]:
    def z(name: str, view: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("vastus_lateralis", "vl", name, view, group, weight, VL_SRC, shape)

    # points along the muscle: the whole outer thigh from below the hip to the knee, a lateral
    # landmark drawn on both views and counted once (docs/lateral-landmarks.md)
    strip = tapering_tail(b.TRUNK_LEG, 430.0, b.KNEE_JOINT - 8, 19.0, 13.0)
    # the lowest points, just above the knee: round the outer edge of the kneecap, spilling up
    # the lower outer thigh and behind the knee
    kneecap = ellipse(57.0, 648.0, 12.0, 20.0)
    lower_thigh = band([(68.0, 630.0), (76.0, 575.0)], 9.0)
    return [
        z("outer_thigh_back", "back", "along the thigh", "essential", strip),
        z("outer_thigh_front", "front", "along the thigh", "essential", strip),
        z("outer_kneecap", "front", "above the knee", "essential", kneecap),
        z("lower_outer_thigh", "front", "above the knee", "spillover", rounded(lower_thigh, 3.0)),
        z("behind_knee", "back", "above the knee", "spillover", ellipse(56.0, 655.0, 14.0, 18.0)),
    ]


__all__ = [
    "adductor_zones",
    "external_oblique_zones",
    "hamstrings_zones",
    "vastus_lateralis_zones",
]
