"""Clinical sanity through the real matcher and the real regions.yaml.

Each case comes from shared/clinical-facts.md: where a pattern refers, on which side.
"""

from __future__ import annotations

import pytest

from bodymap.core.marks import RegionMark
from bodymap.core.pain import PainMap

QL, PSOAS = "quadratus_lumborum", "psoas"


def _rank(anatomy, matcher, *region_ids: str):  # type: ignore[no-untyped-def]
    pain = PainMap(anatomy, [RegionMark(r) for r in region_ids])
    return matcher.match(pain.geometries())


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(
    ("regions", "expected_first"),
    [
        (["back.{s}.outer_hip"], QL),  # superficial lower TrPs: greater trochanter
        (["front.{s}.outer_thigh"], QL),  # trochanter seen from the front, the outer-thigh tail
        (["back.{s}.iliac_crest"], QL),  # superficial upper TrPs: along the crest
        (["back.{s}.lower_buttock"], QL),  # deep lower TrPs: lower buttock
        (["front.{s}.front_of_hip"], QL),  # crest band continues round to the ASIS
        (["front.{s}.upper_front_thigh"], PSOAS),  # front-inner upper thigh
        (["front.{s}.groin", "front.{s}.upper_front_thigh"], PSOAS),
        (["back.{s}.low_back"], PSOAS),  # vertical band beside the lumbar spine
        (["back.{s}.mid_back", "back.{s}.low_back"], PSOAS),  # from T12 down
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
        "back.left.back_of_knee",
        "back.right.back_of_knee",
        "front.left.knee",
        "front.right.knee",
        "back.left.upper_back",
        "back.right.upper_back",
        "front.left.upper_abdomen",
    ],
)
def test_regions_no_pattern_reaches_yield_nothing(anatomy, matcher, region: str) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, region)
    assert result.matches == ()
    assert result.unexplained == pytest.approx(1.0)


def test_one_sided_pain_never_yields_the_other_side(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    for region in anatomy.regions.values():
        if region.side == "midline":
            continue
        result = _rank(anatomy, matcher, region.id)
        assert all(m.side == region.side for m in result.matches), region.id


def test_both_sides_of_the_low_back_give_both_sides(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, "back.left.low_back", "back.right.low_back")
    assert {(m.muscle, m.side) for m in result.matches} >= {(PSOAS, "left"), (PSOAS, "right")}


def test_outer_hip_is_fully_explained_by_ql(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, "back.left.outer_hip")
    ql = result.matches[0]
    assert ql.pain_explained > 0.6
    assert result.unexplained < 0.4
