"""Clinical sanity through the real matcher and the real regions.yaml.

Each case comes from shared/clinical-facts.md: where a pattern refers, on which side.
"""

from __future__ import annotations

import pytest

from bodymap.core.marks import RegionMark
from bodymap.core.pain import PainMap

QL, PSOAS = "quadratus_lumborum", "psoas"


def _across(anatomy) -> set[str]:  # type: ignore[no-untyped-def]
    """Muscles with a pattern that crosses the midline (rectus abdominis: one side's trigger
    point refers across the low back, so either side explains a one-sided band there)."""
    return {m.id for m in anatomy.muscles.values() if any(z.crosses_midline for z in m.zones)}


def _rank(anatomy, matcher, *region_ids: str):  # type: ignore[no-untyped-def]
    pain = PainMap(anatomy, [RegionMark(r) for r in region_ids])
    return matcher.match(pain.geometries())


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(
    ("regions", "expected_first"),
    [
        (["back.{s}.outer_hip"], QL),  # superficial lower TrPs: greater trochanter
        (["back.{s}.iliac_crest"], QL),  # superficial upper TrPs: along the crest
        (["front.{s}.front_of_hip"], QL),  # crest band continues round to the ASIS
        (["front.{s}.upper_front_thigh"], PSOAS),  # upper anterior thigh
        (["front.{s}.groin", "front.{s}.upper_front_thigh"], PSOAS),
    ],
)
def test_expected_muscle_ranks_first_on_the_same_side(
    anatomy, matcher, side: str, regions: list[str], expected_first: str
) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, *(r.format(s=side) for r in regions))
    assert result.matches, f"nothing matched {regions}"
    first = result.matches[0]
    assert (first.muscle, first.side) == (expected_first, side)


@pytest.mark.parametrize("side", ["left", "right"])
def test_sacroiliac_pain_points_to_both_on_that_side(anatomy, matcher, side: str) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, f"back.{side}.sacroiliac")
    found = {(m.muscle, m.side) for m in result.matches}
    assert (QL, side) in found and (PSOAS, side) in found


@pytest.mark.parametrize(
    "region",
    [
        "back.left.upper_back",
        "back.right.upper_back",
        "front.left.chest",
        "back.left.upper_arm",
    ],
)
def test_regions_no_pattern_reaches_yield_nothing(anatomy, matcher, region: str) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, region)
    assert result.matches == ()
    assert result.unexplained == pytest.approx(1.0)


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(
    ("region", "expected"),
    [
        # shared: QL deep lower, gluteus maximus TrP2 (the whole buttock) and others
        ("back.{s}.lower_buttock", {QL, "gluteus_maximus"}),
        # the outer thigh from the front: vastus lateralis (the whole outer thigh), gluteus
        # minimus anterior (TFL leads; QL's outer-thigh tail, spillover only, comes fourth)
        ("front.{s}.outer_thigh", {"vastus_lateralis", "gluteus_minimus"}),
        # the back of the thigh: hamstrings (inner), gluteus minimus posterior
        ("back.{s}.back_of_thigh", {"hamstrings", "gluteus_minimus"}),
        # the lower belly: external oblique (lower), rectus abdominis (lower fibres)
        ("front.{s}.lower_abdomen", {"external_oblique", "rectus_abdominis"}),
        # the groin: external oblique, pectineus and the psoas tendon share it
        ("front.{s}.groin", {"external_oblique", "adductor_longus", PSOAS}),
        # the low back: psoas's band beside the lumbar spine, the erector (iliocostalis)
        ("back.{s}.low_back", {PSOAS, "iliocostalis_lumborum"}),
        ("back.{s}.mid_back", {"iliocostalis_lumborum"}),  # its thoracis part, about T11
        # the back of the knee: gluteus minimus posterior spillover
        ("back.{s}.back_of_knee", {"gluteus_minimus"}),
        # the outer lower leg: gluteus minimus anterior, "pseudo-sciatica"
        ("front.{s}.outer_lower_leg", {"gluteus_minimus"}),
    ],
)
def test_shared_patterns_list_each_source_in_the_top_three(
    anatomy, matcher, side: str, region: str, expected: set[str]
) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, region.format(s=side))
    top = {(m.muscle, m.side) for m in result.matches[:3]}
    assert {(m, side) for m in expected} <= top


def test_one_sided_pain_never_yields_the_other_side(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    for region in anatomy.regions.values():
        if region.side == "midline":
            continue
        result = _rank(anatomy, matcher, region.id)
        sided = [m for m in result.matches if m.muscle not in _across(anatomy)]
        assert all(m.side == region.side for m in sided), region.id


def test_both_sides_of_the_low_back_give_both_sides(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, "back.left.low_back", "back.right.low_back")
    assert {(m.muscle, m.side) for m in result.matches} >= {(PSOAS, "left"), (PSOAS, "right")}


def test_outer_hip_is_fully_explained_by_ql(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, "back.left.outer_hip")
    ql = result.matches[0]
    assert ql.pain_explained > 0.6
    assert result.unexplained < 0.4


# Strokes drawn where the sources put each trigger-point group's pattern (shared
# differential-facts.md, section 3), in half-space units (d from the midline, SVG y), 14 wide.
GMED, GMIN, PIRI = "gluteus_medius", "gluteus_minimus", "piriformis"
ICL, MULTI, GMAX = "iliocostalis_lumborum", "multifidus", "gluteus_maximus"
GROUP_STROKES = [
    # gluteus medius TrP1: below the back of the crest from the PSIS out, and over the SI joint
    (GMED, "posterior", "back", [[(30, 375), (48, 352), (68, 337)], [(18, 372), (18, 402)]], 3),
    # gluteus medius TrP2: the middle and outer buttock
    (GMED, "middle", "back", [[(58, 385), (86, 388), (62, 402), (86, 408), (64, 415)]], 3),
    # gluteus minimus anterior: lower outer buttock and down the outer thigh past the knee
    (GMIN, "anterior", "back", [[(86, 425), (94, 470), (86, 560), (76, 650), (72, 720)]], 1),
    # gluteus minimus posterior: lower inner buttock, down the middle of the back of the thigh
    (GMIN, "posterior", "back", [[(20, 445), (40, 450), (43, 520), (44, 600), (44, 650)]], 1),
    # piriformis: from the SI region across the buttock to the back of the trochanter
    (PIRI, "lateral and medial", "back", [[(18, 380), (22, 400), (55, 405), (92, 420)]], 3),
    # iliocostalis lumborum: the middle of the buttock
    (ICL, "lumborum", "back", [[(38, 395), (70, 398), (40, 408), (70, 410)]], 3),
    # iliocostalis thoracis: beside the spine over the lowest ribs
    (ICL, "thoracis", "back", [[(32, 232), (32, 308)], [(48, 232), (48, 308)]], 1),
    # multifidus lumbar: right beside the lumbar spinous processes
    (MULTI, "lumbar", "back", [[(9, 302), (9, 388)]], 1),
    # multifidus sacral: the sacrum down to the coccyx
    (MULTI, "sacral", "back", [[(8, 372), (7, 428)]], 3),
    # gluteus maximus TrP1: beside the cleft from the SI joint to the fold
    (GMAX, "TrP1", "back", [[(20, 376), (13, 405), (10, 435), (16, 455), (30, 461)]], 3),
    # gluteus maximus TrP2: the whole buttock
    (GMAX, "TrP2", "back", [[(20, 400), (90, 385), (90, 420), (20, 430), (80, 450)]], 3),
    # longissimus thoracis lower fibres: low in the buttock beside and below the SI joint
    ("longissimus_thoracis", "lower", "back", [[(30, 395), (38, 412), (30, 430)]], 3),
    # tensor fasciae latae: front-outer hip, down the front-outer thigh (front view)
    ("tensor_fasciae_latae", "TFL", "front", [[(95, 405), (90, 440), (84, 500), (80, 545)]], 1),
    # rectus abdominis lower fibres, from the front: the lower belly beside the midline
    ("rectus_abdominis", "lower fibres", "front", [[(12, 335), (22, 370), (14, 405)]], 3),
    # gluteus maximus TrP3: the tailbone
    (GMAX, "TrP3", "back", [[(5, 414), (5, 436)]], 3),
    # second tier. Hamstrings, inner: across the lower gluteal fold (Niel-Asher)
    ("hamstrings", "medial", "back", [[(18, 468), (54, 470)], [(22, 480), (50, 482)]], 1),
    # hamstrings, outer (biceps femoris): a cross over the back of the knee
    ("hamstrings", "lateral", "back", [[(44, 628), (44, 675)], [(32, 650), (58, 650)]], 1),
    # pectineus: deep in the groin just below the crease
    ("adductor_longus", "pectineus", "front", [[(14, 448), (36, 442)]], 1),
    # adductor longus, upper points: down the front-inner thigh
    ("adductor_longus", "upper", "front", [[(24, 455), (20, 510), (18, 560)]], 1),
    # adductor longus, lower points: the upper inner knee
    ("adductor_longus", "lower", "front", [[(22, 612), (22, 648)]], 1),
    # external oblique, lower: along the groin crease and the lower outer belly
    (
        "external_oblique",
        "lower",
        "front",
        [[(66, 392), (46, 416), (28, 434)], [(58, 378), (62, 392)]],
        1,
    ),
    # vastus lateralis: the whole outer thigh to the knee, on either view
    (
        "vastus_lateralis",
        "along the thigh",
        "front",
        [[(92, 450), (88, 520), (80, 600), (72, 640)]],
        1,
    ),
    (
        "vastus_lateralis",
        "along the thigh",
        "back",
        [[(92, 450), (88, 520), (80, 600), (72, 640)]],
        1,
    ),
    # vastus lateralis, lowest points: round the outer edge of the kneecap
    ("vastus_lateralis", "above the knee", "front", [[(57, 632), (57, 664)]], 1),
]


def _stroke_x(anatomy, view: str, side: str, d: float) -> float:  # type: ignore[no-untyped-def]
    left_sign = -1.0 if view == "back" else 1.0
    sign = left_sign if side == "left" else -left_sign
    return anatomy.views[view].midline_x + sign * d


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(("muscle", "group", "view", "paths", "within"), GROUP_STROKES)
def test_a_stroke_over_each_group_ranks_its_muscle_on_the_drawn_side(
    anatomy, side: str, muscle: str, group: str, view: str, paths, within: int
) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.drawing import Drawing
    from bodymap.core.marks import Stroke

    drawing = Drawing(anatomy)
    for path in paths:
        points = tuple((_stroke_x(anatomy, view, side, d), y) for d, y in path)
        drawing.add(Stroke(view, points, 14, 6))
    result = drawing.result
    top = [(m.muscle, m.side) for m in result.matches[:within]]
    assert (muscle, side) in top, [(m.muscle, m.side, round(m.score, 2)) for m in result.matches]
    sided = [m for m in result.matches if m.muscle not in _across(anatomy)]
    assert {m.side for m in sided} == {side}, "only the drawn side is listed"
    found = next(m for m in result.matches if m.muscle == muscle)
    assert found.group == group


def test_a_stroke_down_the_middle_of_the_low_back_points_to_multifidus(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.drawing import Drawing
    from bodymap.core.marks import Stroke

    drawing = Drawing(anatomy)
    mid = anatomy.views["back"].midline_x
    drawing.add(Stroke("back", ((mid, 302.0), (mid, 388.0)), 14, 6))
    top = {(m.muscle, m.side) for m in drawing.result.matches[:2]}
    assert top == {(MULTI, "left"), (MULTI, "right")}
    assert [m.side for m in drawing.result.rows()[0]] in (["left", "right"], ["right", "left"])


def _share_in(anatomy, zone_id: str, region_id: str) -> float:  # type: ignore[no-untyped-def]
    zone = next(z for m in anatomy.muscles.values() for z in m.zones if z.id == zone_id)
    inside = zone.polygon.intersection(anatomy.regions[region_id].polygon).area
    return float(inside / zone.polygon.area)


@pytest.mark.parametrize("side", ["left", "right"])
def test_ql_groin_spillover_reaches_the_groin_and_psoas_stays_off_the_inner_thigh(
    anatomy, side: str
) -> None:  # type: ignore[no-untyped-def]
    # D4: "lower quadrant of the abdomen and the groin" (was 3% in the groin)
    assert _share_in(anatomy, f"ql.{side}.lower_abdomen", f"front.{side}.groin") > 0.2
    # D6: the psoas front zone is the upper anterior thigh, not adductor territory (was 22%)
    assert _share_in(anatomy, f"psoas.{side}.groin_thigh", f"front.{side}.inner_thigh") < 0.12


def test_a_horizontal_band_across_the_low_back_points_to_rectus_abdominis(anatomy) -> None:  # type: ignore[no-untyped-def]
    # one stroke across both sides at sacroiliac level (rectus abdominis refers there on both
    # sides, even from one side's trigger point)
    from bodymap.core.drawing import Drawing
    from bodymap.core.marks import Stroke

    drawing = Drawing(anatomy)
    mid = anatomy.views["back"].midline_x
    drawing.add(Stroke("back", ((mid - 80, 365.0), (mid + 80, 365.0)), 14, 6))
    first_row = drawing.result.rows()[0]
    assert {(m.muscle, m.side) for m in first_row} == {
        ("rectus_abdominis", "left"),
        ("rectus_abdominis", "right"),
    }
