"""Other causes to consider and drawing-triggered warnings (issue 15), through the real
matcher and regions.yaml: which painted regions bring which note up, never ranked."""

from __future__ import annotations

import pytest
from shapely.geometry import box

from bodymap.core.drawing import Drawing
from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.pain import PainMap


def _cues(anatomy, matcher, *region_ids: str) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    result = matcher.match(PainMap(anatomy, [RegionMark(r) for r in region_ids]).geometries())
    return {c.id for c in result.other_causes}, {c.id for c in result.warnings}


def test_the_shipped_cues_cover_the_issue_list(anatomy) -> None:  # type: ignore[no-untyped-def]
    causes = {c.id for c in anatomy.cues if c.kind == "cause"}
    warnings = {c.id for c in anatomy.cues if c.kind == "warning"}
    assert causes == {
        "sacroiliac_joint",
        "nerve_root",
        "hip_joint",
        "gluteal_tendinopathy",
        "organs",
    }
    assert warnings == {"below_the_knee", "both_legs", "organ_caution"}
    assert all(c.source and c.text for c in anatomy.cues)


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(
    ("regions", "causes", "warnings"),
    [
        (["back.{s}.sacroiliac"], {"sacroiliac_joint"}, set()),
        (["back.{s}.outer_hip"], {"gluteal_tendinopathy"}, set()),
        (["front.{s}.groin"], {"hip_joint", "organs"}, {"organ_caution"}),
        (["front.{s}.lower_abdomen"], {"organs"}, {"organ_caution"}),
        (["back.{s}.flank"], {"organs"}, set()),
        (["back.{s}.calf"], {"nerve_root"}, {"below_the_knee"}),
        (["front.{s}.foot"], {"nerve_root"}, {"below_the_knee"}),
        (["back.{s}.back_of_thigh"], set(), set()),
        (["back.{s}.upper_back"], set(), set()),
    ],
)
def test_painted_regions_bring_up_their_notes(
    anatomy, matcher, side: str, regions: list[str], causes: set[str], warnings: set[str]
) -> None:  # type: ignore[no-untyped-def]
    got = _cues(anatomy, matcher, *(r.format(s=side) for r in regions))
    assert got == (causes, warnings)


def test_both_legs_warns_only_when_both_sides_are_painted(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    assert "both_legs" not in _cues(anatomy, matcher, "back.left.back_of_thigh")[1]
    both = _cues(anatomy, matcher, "back.left.back_of_thigh", "front.right.upper_front_thigh")
    assert "both_legs" in both[1]


def test_a_small_groin_patch_beside_a_large_drawing_still_brings_up_the_hip(
    anatomy, matcher
) -> None:  # type: ignore[no-untyped-def]
    causes, _ = _cues(
        anatomy, matcher, "front.left.groin", "back.left.back_of_thigh", "back.left.calf",
        "front.left.shin", "back.left.low_back",
    )  # fmt: skip
    assert {"hip_joint", "nerve_root"} <= causes


def test_a_graze_of_a_region_brings_up_nothing(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    region = anatomy.regions["back.left.calf"]
    x0, y0, _, _ = region.polygon.bounds
    spot = region.polygon.intersection(box(x0, y0, x0 + 4, y0 + 4))  # under 25 units²
    result = matcher.match({"back": spot})
    assert result.other_causes == () and result.warnings == ()


def test_strokes_bring_up_the_same_notes_while_drawing_and_from_scratch(anatomy) -> None:  # type: ignore[no-untyped-def]
    region = anatomy.regions["back.left.calf"]
    c = region.polygon.representative_point()
    drawing = Drawing(anatomy)
    drawing.add(Stroke("back", ((c.x, c.y - 20), (c.x, c.y + 20)), 14, 6))
    fresh = drawing.matcher.match(drawing.pain.views())
    assert {w.id for w in drawing.result.warnings} == {w.id for w in fresh.warnings}
    assert "below_the_knee" in {w.id for w in drawing.result.warnings}
    drawing.undo()
    assert drawing.result.warnings == ()
