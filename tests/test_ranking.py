"""Per-group scoring, the listing floor, strength words and one row per muscle (issue 15).

Through the real matcher and regions.yaml; the figures are those of docs/matching.md.
"""

from __future__ import annotations

import math

import pytest
import shapely
from shapely.geometry import box

from bodymap.core.marks import RegionMark
from bodymap.core.match_result import MODERATE, STRONG, strength_of
from bodymap.core.matching import GROUP_FLOOR, LIST_FRACTION
from bodymap.core.pain import PainMap

QL = "quadratus_lumborum"


def _rank(anatomy, matcher, *region_ids: str):  # type: ignore[no-untyped-def]
    return matcher.match(PainMap(anatomy, [RegionMark(r) for r in region_ids]).geometries())


def _zones(anatomy, muscle: str, side: str, group: str | None = None, spill: bool = False):  # type: ignore[no-untyped-def]
    """The muscle side's zones (of one group) as a drawing: view -> geometry."""
    weights = ("essential", "spillover") if spill else ("essential",)
    pain = {}
    for view in anatomy.views:
        polys = [
            z.polygon
            for z in anatomy.muscles[muscle].zones_for(side, view)
            if (group is None or z.group == group) and z.weight in weights
        ]
        if polys:
            pain[view] = shapely.union_all(polys)
    return pain


def test_strength_words_follow_the_documented_thresholds() -> None:
    assert strength_of(1.0) == strength_of(STRONG) == "strong"
    assert strength_of(STRONG - 1e-9) == strength_of(MODERATE) == "moderate"
    assert strength_of(MODERATE - 1e-9) == strength_of(0.0) == "weak"


@pytest.mark.parametrize("side", ["left", "right"])
def test_each_textbook_group_drawn_exactly_is_a_strong_match_of_that_group(
    anatomy, matcher, side: str
) -> None:  # type: ignore[no-untyped-def]
    for muscle in anatomy.muscles.values():
        for group in sorted({z.group for z in muscle.zones}):
            pain = _zones(anatomy, muscle.id, side, group) or _zones(
                anatomy, muscle.id, side, group, spill=True
            )  # a group of spillover only (the rectus abdominis lateral border)
            first = matcher.match(pain).matches[0]
            assert (first.muscle, first.side, first.group) == (muscle.id, side, group)
            assert first.strength == "strong"


def test_half_of_a_group_is_still_strong_and_a_sloppy_outline_is_not(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    pain = _zones(anatomy, QL, "left", "superficial upper")
    half = {}
    for view, geom in pain.items():
        x0, y0, x1, y1 = geom.bounds
        half[view] = geom.intersection(box(x0, y0, x1, (y0 + y1) / 2))
    assert matcher.match(half).matches[0].strength == "strong"
    sloppy = matcher.match({v: g.buffer(15) for v, g in pain.items()}).matches[0]
    assert sloppy.muscle == QL and sloppy.strength == "moderate"


def test_a_small_group_inside_a_large_drawing_is_held_down_by_the_floor(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    # D9: the QL SI group inside a drawing three times its size
    pain = {v: g.buffer(15) for v, g in _zones(anatomy, QL, "left", "deep upper").items()}
    result = matcher.match(pain)
    ql = next(m for m in result.matches if (m.muscle, m.side) == (QL, "left"))
    state = matcher.start(pain)[1]
    overlap, weighted = state.totals[(QL, "left", "deep upper")]
    covered = min(1.0, weighted / matcher.pattern_area(QL, "left", "deep upper"))
    group = math.sqrt(weighted / result.pain_area * covered)
    share = overlap / result.pain_area
    assert share < GROUP_FLOOR
    assert ql.score == pytest.approx(max(group * share / GROUP_FLOOR, ql.score), abs=1e-6)
    assert ql.score < group


@pytest.mark.parametrize("side", ["left", "right"])
def test_sacroiliac_pain_leads_to_ql_deep_upper_not_psoas(anatomy, matcher, side: str) -> None:  # type: ignore[no-untyped-def]
    # D1: the QL SI zone lies inside the psoas band; scored per group, QL leads on it
    first = _rank(anatomy, matcher, f"back.{side}.sacroiliac").matches[0]
    assert (first.muscle, first.side, first.group) == (QL, side, "deep upper")


def test_small_contacts_are_also_touches_not_matches(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    # D8: the pubic region touches both psoas zones a little
    result = _rank(anatomy, matcher, "front.pubic")
    assert result.matches == ()
    assert {(m.muscle, m.side) for m in result.also_touches} >= {
        ("psoas", "left"),
        ("psoas", "right"),
    }
    assert all(m.pain_explained < LIST_FRACTION for m in result.also_touches)
    assert result.unexplained == 1.0


def test_a_stroke_crossing_the_midline_a_little_lists_only_the_drawn_side(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    # a wide patch over the left low back (above the rectus abdominis band) reaching 4 units
    # past the midline
    back = anatomy.views["back"]
    mid = back.midline_x
    pain = {"back": box(mid - 45, 280, mid + 4, 340).intersection(back.silhouette)}
    result = matcher.match(pain)
    assert result.matches
    assert {m.side for m in result.matches} == {"left"}


def test_both_sides_painted_make_one_row_with_both_sides(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, "back.left.outer_hip", "back.right.outer_hip")
    rows = result.rows()
    assert [(m.muscle, m.side) for m in rows[0]] in (
        [(QL, "left"), (QL, "right")],
        [(QL, "right"), (QL, "left")],
    )
    assert sum(len(r) for r in rows) == len(result.matches)


def test_the_json_form_keeps_the_old_fields_and_adds_the_new(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    doc = _rank(anatomy, matcher, "back.left.outer_hip").as_dict()
    assert set(doc) == {"matches", "unexplained", "also_touches", "other_causes", "warnings"}
    assert doc["matches"][0]["group"] == "superficial lower"  # type: ignore[index]


def test_the_ranking_does_not_depend_on_the_order_of_the_marks(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    regions = ["back.left.sacroiliac", "back.left.low_back", "front.left.groin"]
    one = _rank(anatomy, matcher, *regions)
    other = _rank(anatomy, matcher, *reversed(regions))
    assert one.as_dict() == other.as_dict()
