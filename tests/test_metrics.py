"""Pain extent, regions touched and two drawings compared: examples and properties."""

from __future__ import annotations

import subprocess
import sys

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.metrics import (
    REGION_TOUCH_FRACTION,
    body_areas,
    compare,
    jaccard,
    pain_extent,
    regions_touched,
    session_pain,
)
from bodymap.core.session import Session

VIEWS = ("back", "front")


def _on_body(anatomy, view: str, geom: BaseGeometry) -> BaseGeometry:  # type: ignore[no-untyped-def]
    return shapely.intersection(geom, anatomy.views[view].silhouette)


# A blob: a few discs over the lower back and hips, x limited to one half of the body
# (left = x < 200) so that two drawings on opposite halves are disjoint.
_disc = st.tuples(
    st.floats(0, 1), st.floats(200, 560), st.floats(4, 40)
)  # (x share of the half, y, radius)


def _blobs(half: str) -> st.SearchStrategy[dict[str, list[tuple[float, float, float]]]]:
    return st.fixed_dictionaries({v: st.lists(_disc, max_size=4) for v in VIEWS})


def _drawing(anatomy, discs, half: str) -> dict[str, BaseGeometry]:  # type: ignore[no-untyped-def]
    clip = box(0, 0, 199, 720) if half == "left" else box(201, 0, 400, 720)
    out = {}
    for view, items in discs.items():
        geoms = [Point(60 + 139 * s if half == "left" else 201 + 139 * s, y).buffer(r)
                 for s, y, r in items]  # fmt: skip
        out[view] = _on_body(anatomy, view, shapely.union_all(geoms).intersection(clip))
    return out


_fast = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_fast
@given(a=_blobs("left"), b=_blobs("left"))
def test_jaccard_is_symmetric_and_bounded(anatomy, a, b) -> None:  # type: ignore[no-untyped-def]
    da, db = _drawing(anatomy, a, "left"), _drawing(anatomy, b, "left")
    j = jaccard(da, db)
    assert 0.0 <= j <= 1.0
    assert j == pytest.approx(jaccard(db, da), abs=1e-9)


@_fast
@given(a=_blobs("left"))
def test_jaccard_of_a_drawing_with_itself_is_1(anatomy, a) -> None:  # type: ignore[no-untyped-def]
    da = _drawing(anatomy, a, "left")
    assert jaccard(da, da) == pytest.approx(1.0, abs=1e-9)
    change = compare(anatomy, da, da)
    assert change.new == pytest.approx(0.0, abs=1e-9)
    assert change.resolved == pytest.approx(0.0, abs=1e-9)
    assert change.unchanged == pytest.approx(change.extent_a, abs=1e-9)


@_fast
@given(a=_blobs("left"), b=_blobs("right"))
def test_disjoint_drawings_have_jaccard_0(anatomy, a, b) -> None:  # type: ignore[no-untyped-def]
    da, db = _drawing(anatomy, a, "left"), _drawing(anatomy, b, "right")
    if pain_extent(anatomy, da).total == 0 and pain_extent(anatomy, db).total == 0:
        assert jaccard(da, db) == 1.0  # two drawings without pain agree
        return
    assert jaccard(da, db) == 0.0
    change = compare(anatomy, da, db)
    assert change.unchanged == 0.0
    assert change.new == pytest.approx(change.extent_b, abs=1e-9)
    assert change.resolved == pytest.approx(change.extent_a, abs=1e-9)


@_fast
@given(a=_blobs("left"))
def test_extent_adds_up_over_views(anatomy, a) -> None:  # type: ignore[no-untyped-def]
    drawing = _drawing(anatomy, a, "left")
    extent = pain_extent(anatomy, drawing)
    body = body_areas(anatomy)
    alone = {v: pain_extent(anatomy, {v: drawing[v]}) for v in VIEWS}
    assert sum(e.areas[v] for v, e in alone.items()) == pytest.approx(sum(extent.areas.values()))
    assert extent.total == pytest.approx(sum(e.total for e in alone.values()))
    weighted = sum(extent.per_view[v] * body[v] for v in VIEWS) / sum(body.values())
    assert extent.total == pytest.approx(weighted)
    for v in VIEWS:
        assert extent.per_view[v] == pytest.approx(100 * drawing[v].area / body[v])


@_fast
@given(a=_blobs("left"), b=_blobs("left"))
def test_new_resolved_and_unchanged_make_up_both_extents(anatomy, a, b) -> None:  # type: ignore[no-untyped-def]
    da, db = _drawing(anatomy, a, "left"), _drawing(anatomy, b, "left")
    change = compare(anatomy, da, db)
    assert change.unchanged + change.new == pytest.approx(change.extent_b, abs=1e-6)
    assert change.unchanged + change.resolved == pytest.approx(change.extent_a, abs=1e-6)


def test_two_empty_drawings_agree_fully(anatomy) -> None:  # type: ignore[no-untyped-def]
    assert jaccard({}, {}) == 1.0
    change = compare(anatomy, {}, {})
    assert (change.jaccard, change.extent_a, change.new, change.unchanged) == (1.0, 0, 0, 0)


def test_whole_body_is_100_percent(anatomy) -> None:  # type: ignore[no-untyped-def]
    whole = {v.id: v.silhouette for v in anatomy.views.values()}
    extent = pain_extent(anatomy, whole)
    assert extent.total == pytest.approx(100.0)
    assert extent.per_view == pytest.approx({"back": 100.0, "front": 100.0})
    assert pain_extent(anatomy, {"back": whole["back"]}).total == pytest.approx(50.0)


def test_region_marks_touch_their_regions(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = Session([RegionMark("back.left.outer_hip"), RegionMark("back.tailbone")])
    touched = regions_touched(anatomy, session_pain(anatomy, session))
    assert set(touched) == {"back.left.outer_hip", "back.tailbone"}


def test_a_stroke_edge_over_a_border_does_not_touch_the_next_region(anatomy) -> None:  # type: ignore[no-untyped-def]
    region = anatomy.regions["back.left.outer_hip"].polygon
    inside = region.buffer(-2)  # the region itself, shy of its border
    assert regions_touched(anatomy, {"back": inside}) == ("back.left.outer_hip",)
    # A sliver of another region under the share: not touched.
    other = next(
        r for r in anatomy.regions.values() if r.view == "back" and r.polygon.touches(region)
    )
    sliver = other.polygon.intersection(region.buffer(1.0)).difference(region)
    assert 0 < sliver.area < REGION_TOUCH_FRACTION * other.polygon.area
    assert other.id not in regions_touched(anatomy, {"back": shapely.union(inside, sliver)})


def test_session_pain_of_strokes_and_erasure(anatomy) -> None:  # type: ignore[no-untyped-def]
    stroke = Stroke("front", ((200.0, 400.0), (220.0, 400.0)), 10.0, 6)
    erase = Stroke("front", ((200.0, 400.0), (220.0, 400.0)), 30.0, 5, erase=True)
    assert pain_extent(anatomy, session_pain(anatomy, Session([stroke]))).total > 0
    assert pain_extent(anatomy, session_pain(anatomy, Session([stroke, erase]))).total == 0


def test_metrics_never_import_qt() -> None:
    code = (
        "import sys, bodymap.core.metrics, bodymap.core.diary, bodymap.core.score\n"
        "print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_quality_areas_follow_paint_and_erasure(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.pain import PainMap
    from bodymap.core.score import quality_areas

    burn = Stroke("back", ((150.0, 400.0), (170.0, 400.0)), 10.0, 6, quality="burning")
    plain = Stroke("back", ((150.0, 450.0), (170.0, 450.0)), 10.0, 6)
    tingle = RegionMark("back.left.outer_hip", 5, quality="tingling")
    cut = Stroke("back", ((160.0, 400.0),), 30.0, 5, erase=True)
    assert quality_areas(PainMap(anatomy, [plain])) == {}
    areas = quality_areas(PainMap(anatomy, [burn, plain, tingle]))
    assert set(areas) == {"back"} and set(areas["back"]) == {"burning", "tingling"}
    assert areas["back"]["burning"].area == pytest.approx(
        PainMap(anatomy, [burn]).geometry("back").area
    )
    after = quality_areas(PainMap(anatomy, [burn, cut, tingle]))["back"]
    assert "burning" not in after or after["burning"].area < areas["back"]["burning"].area
