"""Referral zones of the erector spinae (iliocostalis), multifidus and gluteus maximus
(half-space units, right half).

Landmark words of the sources turned into this body's coordinates as in the shared
differential facts, sections 0 and 3 (x = d / 1000, y = (930 - SVG y) / 1000); widths marked
"suggested" there are design choices. Midline patterns (multifidus, the coccyx) keep the
1-unit gap of ``zones._finish`` on each side, so left and right meet at the midline.
"""

from __future__ import annotations

from shapely.geometry.base import BaseGeometry

from . import body as b
from .shapes import band, ellipse, poly, rounded, union
from .zones import Zone

ICL_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., thoracolumbar "
    "paraspinal muscles chapter, as summarised by the NAMTPT paraspinals page and "
    "morningsideacupuncturenyc.com (iliocostalis lumborum trigger points)"
)
MULTI_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., thoracolumbar "
    "paraspinal muscles chapter, as summarised by Niel-Asher (nielasher.com) and painwiki "
    "(Muscle:Multifidus: the sacral points refer to the coccyx)"
)
LONG_SRC = (
    "Donnelly (ed.) 2019, Travell, Simons & Simons' Trigger Point Manual, 3rd ed., thoracolumbar "
    "paraspinal muscles chapter, as summarised by the NAMTPT paraspinals page and "
    "thewellnessdigest.com (longissimus thoracis)"
)
GMAX_SRC = (
    "Simons, Travell & Simons 1999, Myofascial Pain and Dysfunction vol. 2, ch. 7 (gluteus "
    "maximus), as summarised by Massage Today and aberdeenchiropracticblog.com"
)


def _y(h: float) -> float:
    return b.Y(h)


def iliocostalis_zones() -> list[Zone]:
    def z(name: str, view: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("iliocostalis_lumborum", "icl", name, view, group, weight, ICL_SRC, shape)

    return [
        # lumborum: downward, gathering in the mid-buttock
        z("mid_buttock", "back", "lumborum", "essential", ellipse(55.0, _y(0.53), 21.0, 16.0)),
        z(
            "paraspinal_low",
            "back",
            "lumborum",
            "spillover",
            rounded(band([(50.0, _y(0.63)), (52.0, _y(0.55))], 10.0), 3.0),
        ),
        # thoracis (about T11): beside the spine over the lower ribs; spilling up toward the
        # shoulder blade and round to the same-side abdomen
        z(
            "paraspinal_thoracic",
            "back",
            "thoracis",
            "essential",
            rounded(band([(40.0, _y(0.70)), (40.0, _y(0.62))], 19.0), 5.0),
        ),
        z(
            "toward_scapula",
            "back",
            "thoracis",
            "spillover",
            rounded(band([(44.0, _y(0.74)), (42.0, _y(0.70))], 13.0), 4.0),
        ),
        z("abdomen", "front", "thoracis", "spillover", ellipse(55.0, _y(0.64), 28.0, 17.0)),
    ]


def multifidus_zones() -> list[Zone]:
    def z(name: str, view: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("multifidus", "multi", name, view, group, weight, MULTI_SRC, shape)

    return [
        # lumbar (L2-L5): right beside the spinous processes, at and below the trigger point
        z(
            "lumbar_midline",
            "back",
            "lumbar",
            "essential",
            rounded(poly([(0, _y(0.63)), (20, _y(0.63)), (20, _y(0.54)), (0, _y(0.54))]), 4.0),
        ),
        z("lower_abdomen", "front", "lumbar", "spillover", ellipse(12.0, _y(0.57), 13.0, 20.0)),
        # sacral: the sacrum down to the coccyx
        z(
            "sacrum_coccyx",
            "back",
            "sacral",
            "essential",
            rounded(poly([(0, _y(0.56)), (15, _y(0.56)), (11, _y(0.50)), (0, _y(0.50))]), 3.0),
        ),
    ]


def gluteus_maximus_zones() -> list[Zone]:
    def z(name: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("gluteus_maximus", "gmax", name, "back", group, weight, GMAX_SRC, shape)

    # TrP1: a crescent beside the cleft from the SI joint to the gluteal fold, curving out
    crescent = band(
        [(20.0, _y(0.555)), (14.0, _y(0.53)), (10.0, _y(0.50)), (14.0, _y(0.475)), (30.0, 461.0)],
        7.5,
    )
    # TrP2: the lower and middle buttock, its upper edge raised laterally to about 0.575
    # (section 0), with the lower sacrum
    buttock = poly(
        [
            (10.0, _y(0.535)),
            (45.0, _y(0.538)),
            (75.0, _y(0.556)),
            (95.0, _y(0.575)),
            (101.0, _y(0.55)),
            (99.0, _y(0.49)),
            (88.0, 452.0),
            (72.0, 460.0),
            (48.0, 464.0),
            (24.0, 460.0),
            (10.0, 456.0),
        ]
    )
    sacrum = ellipse(8.0, _y(0.5225), 8.0, 14.0)
    return [
        z("crescent", "TrP1", "essential", crescent),
        z("buttock", "TrP2", "essential", rounded(union([buttock, sacrum]), 5.0)),
        z("coccyx", "TrP3", "essential", ellipse(5.0, _y(0.505), 6.0, 16.0)),
    ]


def longissimus_zones() -> list[Zone]:
    def z(name: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone("longissimus_thoracis", "long", name, "back", group, weight, LONG_SRC, shape)

    return [
        # lower fibres (T10-L1): far below, to the buttock just lateral to and below the SI joint
        z("buttock", "lower", "essential", ellipse(35.0, _y(0.515), 15.0, 25.0)),
        z(
            "paraspinal",
            "lower",
            "spillover",
            rounded(band([(30.0, _y(0.64)), (30.0, _y(0.542))], 10.0), 3.0),
        ),
    ]


RA_SRC = (
    "Simons, Travell & Simons 1999, Trigger Point Manual vol. 1, rectus abdominis, as quoted by "
    "Massage Today and summarised by Niel-Asher (nielasher.com); the lateral-border point after "
    "webmanmed"
)


def rectus_abdominis_zones() -> list[Zone]:
    """Lower rectus abdominis: a band across the low back at sacroiliac level on both sides
    even from one side's trigger point (so the zone crosses the midline), and the lower
    abdomen near the midline; the lateral border point, the same-side lower quadrant."""

    def z(name: str, view: str, group: str, weight: str, shape: BaseGeometry) -> Zone:
        return Zone(
            "rectus_abdominis", "ra", name, view, group, weight, RA_SRC, shape,
            crosses_midline=name == "low_back_band",
        )  # fmt: skip

    across = rounded(
        poly([(-90, _y(0.585)), (90, _y(0.585)), (90, _y(0.545)), (-90, _y(0.545))]), 6.0
    )
    return [
        z("low_back_band", "back", "lower fibres", "essential", across),
        z(
            "lower_abdomen",
            "front",
            "lower fibres",
            "essential",
            ellipse(20.0, _y(0.56), 19.0, 40.0),
        ),
        z(
            "lateral_border",
            "front",
            "lateral border",
            "spillover",
            ellipse(55.0, _y(0.58), 15.0, 14.0),
        ),
    ]


__all__ = [
    "gluteus_maximus_zones",
    "iliocostalis_zones",
    "longissimus_zones",
    "multifidus_zones",
    "rectus_abdominis_zones",
]
