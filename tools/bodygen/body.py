"""The parametric body: landmark table, outline and landmark curves, in half-space units.

Heights come from the landmark table of the shared clinical facts (ANSUR II ratios of stature,
average of men and women); ``Y(h)`` turns a height ratio into an SVG row and ``D(w)`` a
distance from the midline (ratio of stature) into units. Everything else in the package
derives from this module, so the art, the regions and the zones cannot drift apart.
"""

from __future__ import annotations

from .spline import Point, Segment, mirror, sample, smooth_run

TOP_RATIO = 0.93  # stature ratio at y = 0 (the contract: y = 930 - 1000 h)
UNITS = 1000.0  # SVG units per stature


def Y(h: float) -> float:
    return round((TOP_RATIO - h) * UNITS, 2)


def D(w: float) -> float:
    return round(w * UNITS, 2)


def avg(men: float, women: float) -> float:
    return (men + women) / 2


# Heights (SVG rows) -------------------------------------------------------------------
C7 = Y(avg(0.864, 0.857))
ACROMION = Y(0.820)
AXILLA = Y(avg(0.757, 0.761))
RIB10 = Y(avg(0.638, 0.648))
NAVEL = Y(avg(0.601, 0.602))
CREST = Y(avg(0.604, 0.611))
TROCHANTER_TOP = Y(avg(0.513, 0.519))
BUTTOCK = Y(avg(0.505, 0.512))
CROTCH = Y(avg(0.482, 0.480))
PATELLA = Y(avg(0.278, 0.276))
KNEE_JOINT = Y(avg(0.266, 0.269))
# Estimates given in the facts
PSIS = Y(0.555)
T12 = Y(0.68)
RIB12_TIP = Y(0.625)
ASIS = Y(0.56)
GLUTEAL_FOLD = Y(0.47)
COCCYX_TIP = Y(0.50)
TROCHANTER = Y(0.51)  # centre of the trochanter oval
LEG_CUT = 700.0  # where the first body's legs were cut, a little below the knees
# Whole-body landmarks: Drillis & Contini (1966) segment ratios as tabulated by Winter (2009),
# knee from ANSUR II above (see docs/anatomy-landmarks.md)
HEAD_TOP = Y(1.0)
CHIN = Y(0.870)
ELBOW = Y(0.630)
WRIST = Y(0.485)
FINGERTIP = Y(0.377)
MALLEOLUS = Y(0.039)  # lateral malleolus; the medial one sits a little higher
SOLE = Y(0.0)

# Half widths (units from the midline) --------------------------------------------------
SHOULDER = D(avg(0.237, 0.224) / 2)
CHEST = D(0.165 / 2)
WAIST = D(avg(0.186, 0.184) / 2)
CRESTS = D(avg(0.157, 0.168) / 2)
HIPS = D(avg(0.197, 0.217) / 2)
ASIS_D = D(0.07)
TROCHANTER_D = D(0.105)
PSIS_D = 27.0  # the dimples lie about 4-5 cm from the midline
NECK = 30.0

# The outline ---------------------------------------------------------------------------
# Right half only, from the top of the head to the crotch; the left half is its mirror.
# The knots of the first body (neck to knees) are kept, so its points keep their coordinates.
ARMPIT: Point = (93.0, AXILLA + 2)
HEAD: list[Point] = [  # skull from the crown round to the jaw angle (widest ~0.09 H)
    (0.0, HEAD_TOP),
    (27.0, HEAD_TOP + 7),
    (41.0, -35.0),
    (45.0, -8.0),
    (43.5, 14.0),
    (39.0, 29.0),
    (32.0, 39.5),
]
NECK_SHOULDER: list[Point] = [
    (29.5, 46.0),
    (33.5, C7 - 8),
    (44.0, C7 + 6),
    (72.0, 88.0),
    (98.0, 100.0),
    (SHOULDER - 2, ACROMION - 1),
    (SHOULDER + 3, ACROMION + 10),
]
ARM_OUTER: list[Point] = [  # deltoid, upper arm, elbow (lateral epicondyle), forearm
    (126.0, 139.0),
    (134.0, 168.0),
    (139.0, 210.0),
    (142.5, 255.0),
    (146.0, ELBOW),
    (152.5, 345.0),
    (159.0, 400.0),
    (162.5, WRIST),
]
HAND: list[Point] = [  # a relaxed hand, palm forward, fingers together
    (168.0, 466.0),
    (171.5, 492.0),
    (170.5, 517.0),
    (165.5, 539.0),
    (157.0, FINGERTIP - 1),
    (147.0, FINGERTIP),
    (139.5, 542.0),
    (133.0, 519.0),
    (128.5, 492.0),
    (128.5, 465.0),
]
ARM_INNER: list[Point] = [  # from the wrist up the inner forearm and arm to the armpit
    (130.0, WRIST),
    (122.5, 400.0),
    (112.0, 345.0),
    (106.0, ELBOW),
    (102.0, 255.0),
    (98.0, 210.0),
    ARMPIT,
]
TRUNK_LEG: list[Point] = [
    ARMPIT,
    (88.0, 210.0),
    (CHEST + 2, 245.0),
    (86.5, RIB10 - 5),
    (WAIST - 1, 318.0),
    (98.0, 362.0),
    (102.5, 398.0),
    (HIPS, BUTTOCK),
    (102.0, 452.0),
    (97.5, 500.0),
    (90.0, 560.0),
    (80.5, 615.0),
    (77.0, 640.0),
    (75.2, KNEE_JOINT),
    (73.8, 684.0),
    (74.0, LEG_CUT),
]
LOWER_LEG_OUTER: list[Point] = [  # calf (widest ~0.065 H), ankle, lateral malleolus
    (75.5, 735.0),
    (73.0, 785.0),
    (66.0, 835.0),
    (59.5, 868.0),
    (60.5, MALLEOLUS - 2),
]
FOOT: list[Point] = [  # the foot from the ankle to the toes (sole on y = 930)
    (65.0, 906.0),
    (70.0, 919.0),
    (66.0, SOLE - 0.5),
    (56.0, SOLE),
    (28.0, SOLE),
    (17.5, SOLE - 1.5),
    (14.5, 917.0),
    (16.5, 900.0),
]
LOWER_LEG_INNER: list[Point] = [  # medial malleolus, the inner calf up to below the knee
    (19.5, MALLEOLUS - 8),
    (19.0, 860.0),
    (15.5, 810.0),
    (11.5, 760.0),
    (11.5, 725.0),
]
INNER_LEG: list[Point] = [
    (15.5, LEG_CUT),
    (14.0, 682.0),
    (13.2, KNEE_JOINT),
    (13.8, 640.0),
    (12.0, 600.0),
    (10.0, 560.0),
    (7.5, 510.0),
    (3.8, 468.0),
    (1.5, 454.0),
    (0.0, CROTCH),
]


def half_outline() -> list[Segment]:
    """The right half of the closed outline, from the crown (0, HEAD_TOP) round the arm to
    the armpit (a corner), then down the trunk and leg to the sole and up to the crotch."""
    segs = smooth_run(
        [*HEAD, *NECK_SHOULDER, *ARM_OUTER, *HAND, *ARM_INNER],
        start=(1.0, 0.0),
        end=(-0.2, -1.0),
    )
    segs += smooth_run(
        [*TRUNK_LEG, *LOWER_LEG_OUTER, *FOOT, *LOWER_LEG_INNER, *INNER_LEG],
        start=(-0.12, 1.0),
        end=(-1.0, 0.0),
    )
    return segs


def full_outline() -> list[Segment]:
    """The whole closed outline in half-space units (d may be negative on the mirror side)."""
    right = half_outline()
    return right + mirror(right)


def half_silhouette_points(spacing: float = 1.0) -> list[Point]:
    """Dense polygon of the right half (closing edge along d = 0)."""
    return [(round(x, 2), round(y, 2)) for x, y in sample(half_outline(), spacing)]


def silhouette_points(spacing: float = 1.0, tolerance: float = 0.0) -> list[Point]:
    """Polygon of the whole body, exactly symmetric about d = 0, not closed.

    With ``tolerance`` the half outline is simplified first (Douglas-Peucker, in SVG units),
    which keeps the data light without moving the outline visibly.
    """
    half = half_silhouette_points(spacing)
    if tolerance > 0:
        from shapely.geometry import LineString

        simple = LineString(half).simplify(tolerance, preserve_topology=False)
        half = [(round(x, 2), round(y, 2)) for x, y in simple.coords]
    left = [(-x, y) for x, y in reversed(half[1:-1])]
    return half + left


# Landmark curves (knots of smooth runs, right half) ------------------------------------
CREST_BACK: list[Point] = [  # iliac crest from the PSIS up and round the flank
    (PSIS_D + 5, PSIS - 8),
    (44.0, 344.0),
    (62.0, 330.0),
    (CRESTS, CREST + 1),
    (WAIST + 3, CREST + 4),
]
CREST_FRONT: list[Point] = [  # iliac crest from the side round to the ASIS
    (WAIST + 3, CREST + 4),
    (86.0, 338.0),
    (ASIS_D + 4, ASIS - 8),
    (ASIS_D, ASIS),
]
RIB_LINE_BACK: list[Point] = [(42.0, T12 + 8), (64.0, 270.0), (88.0, RIB10 - 2)]
RIB_MARGIN_FRONT: list[Point] = [  # costal margin, from the xiphoid down and out
    (0.0, 214.0),
    (22.0, 228.0),
    (48.0, 250.0),
    (72.0, 272.0),
    (88.0, RIB10 - 2),
]
GROIN_CREASE: list[Point] = [  # from below the ASIS down and in to the crotch
    (ASIS_D + 4, 392.0),
    (55.0, 411.0),
    (36.0, 428.0),
    (20.0, 440.0),
    (6.0, CROTCH + 1),
]
GLUTEAL_FOLD_LINE: list[Point] = [
    (3.0, CROTCH + 2),
    (24.0, 459.0),
    (48.0, 463.0),
    (72.0, 460.0),
    (88.0, 450.0),
]
CLAVICLE: list[Point] = [(10.0, 107.0), (40.0, 110.0), (75.0, 104.0), (SHOULDER - 8, 104.0)]
SCAPULA: list[Point] = [  # medial border, inferior angle, lateral border
    (42.0, 100.0),
    (43.0, 140.0),
    (49.0, 170.0),
    (55.0, 176.0),
    (67.0, 164.0),
    (84.0, 146.0),
    (SHOULDER - 16, 130.0),
]
SCAPULA_SPINE: list[Point] = [(42.0, 117.0), (74.0, 109.0), (SHOULDER - 6, 104.0)]
KNEE_CENTRE: Point = (44.5, PATELLA)
