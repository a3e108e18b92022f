"""Pain geometry and the overlap ranking, on the shipped anatomy."""

from __future__ import annotations

import math
import random

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.core.brush import stroke_geometries, stroke_geometry
from bodymap.core.draft import StrokeBuilder
from bodymap.core.geometry import EMPTY
from bodymap.core.marks import RegionMark, Stroke, mirrored
from bodymap.core.matching import MIN_CONTACT_AREA
from bodymap.core.pain import PainMap
from tests.ranking import assert_same_ranking

# derandomize: CI gives one answer per commit (a random run on 2026-11-30 found incremental
# float drift of 3e-6 in `unexplained` with nothing listed; recorded as an open issue)
SETTINGS = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def test_stroke_geometry_is_a_buffered_path() -> None:
    geom = stroke_geometry([(100, 100), (200, 100)], 10)
    # A 100 x 10 rectangle plus two half-discs of radius 5.
    assert geom.area == pytest.approx(100 * 10 + math.pi * 25, rel=0.02)
    dot = stroke_geometry([(50, 50)], 8)
    assert dot.area == pytest.approx(math.pi * 16, rel=0.03)
    assert stroke_geometry([], 8).is_empty


def test_long_stroke_in_chunks_stays_continuous() -> None:
    points = [(100 + i * 0.5, 200 + 20 * math.sin(i / 10)) for i in range(1000)]
    geom = stroke_geometry(points, 6)
    assert geom.geom_type == "Polygon"  # one piece, no gaps between chunks


@SETTINGS
@given(
    walk=st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=0, max_size=160),
    batches=st.lists(st.integers(1, 40), min_size=1, max_size=20),
    width=st.floats(0.5, 40),
)
def test_stroke_built_while_drawn_is_exactly_the_stroke_from_its_points(
    walk: list[tuple[int, int]], batches: list[int], width: float
) -> None:
    # A pointer path on a pixel grid (repeats and staircases included), fed in uneven batches
    # as mouse moves arrive between two live-matching ticks.
    x, y, points = 200.0, 400.0, []
    for dx, dy in walk:
        x, y = x + dx * 1.21, y + dy * 1.21
        points.append((x, y))
    builder, i, k = StrokeBuilder("back", width), 0, 0
    while i < len(points):
        step = batches[k % len(batches)]
        builder.extend(points[i : i + step])
        i, k = i + step, k + 1
        shapely.to_wkb(builder.geometry())  # asking for the area mid-way changes nothing
    stroke = builder.stroke(7)
    assert stroke.points == tuple((round(px, 2), round(py, 2)) for px, py in points)
    fresh = stroke_geometry(stroke.points, width)
    assert shapely.to_wkb(stroke.geometry) == shapely.to_wkb(fresh)
    # and the batch of many strokes gives each the same area as one by one
    assert shapely.to_wkb(stroke_geometries([((), 3), (stroke.points, width)])[1]) == (
        shapely.to_wkb(fresh)
    )


def test_a_stroke_measured_while_drawn_adds_the_same_paint(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    before = [Stroke("back", ((120, 380), (260, 380)), 30), RegionMark("back.left.outer_hip")]
    points = [(110 + 0.6 * i, 300 + 60 * math.sin(i / 40)) for i in range(400)]
    builder = StrokeBuilder("back", 14)
    builder.extend(points[:300])
    pain = PainMap(anatomy, before)
    known, merged = pain.new_paint("back", builder.merged_area()), builder.merged
    builder.extend(points[300:])  # more chunks complete after the last measurement
    stroke = builder.stroke(6)
    plain = PainMap(anatomy, before)
    plain.geometries()
    expected = plain.append(stroke)
    assert expected is not None and expected.area > 1000

    overlaps = matcher.measure("back", known.area)  # measured while drawing
    _, state = matcher.start(pain.geometries())
    paint = pain.new_paint("back", builder.area_since(merged), known)
    assert paint.area.intersection(known.area).area == pytest.approx(known.area.area)
    assert known.area.intersection(paint.fresh).area < 1e-6  # disjoint parts
    added = pain.append(stroke, paint)
    assert added is paint.area
    assert added.symmetric_difference(expected).area < 1e-6
    assert pain.geometry("back").symmetric_difference(plain.geometry("back")).area < 1e-6
    result = matcher.update(
        state, pain.views(), "back", added, 1.0, pain_area=pain.area(),
        measured=(overlaps, paint.fresh),
    )  # fmt: skip
    assert_same_ranking(result, matcher.match(PainMap(anatomy, [*before, stroke]).geometries()))

    # New paint is valid only for the marks it was measured with.
    late = PainMap(anatomy, before)
    late.geometries()
    claimed = late.new_paint("back", EMPTY)  # claims the stroke adds nothing
    late.append(RegionMark("front.left.groin"))  # the marks change first (another view)
    added = late.append(stroke, claimed)
    assert added is not None and added.area == pytest.approx(expected.area)
    with pytest.raises(ValueError):
        late.new_paint("back", stroke.geometry, claimed)


def test_a_stroke_drawn_again_along_another_adds_what_a_fresh_fold_adds(anatomy) -> None:  # type: ignore[no-untyped-def]
    # Found by hypothesis: the second stroke retraces the first and goes on, so its new paint
    # is slivers along the first; GEOS 3.14 then dropped a whole part of the third stroke's
    # area when those slivers were taken out of it.
    marks = [
        Stroke("back", ((61.0, 184.125), (124.0, 94.0)), 3.0, 1),
        Stroke("back", ((61.0, 184.125), (124.0, 94.0), (60.0, 40.0)), 3.0, 1),
        Stroke("back", ((60.0, 82.0), (139.0, 264.0)), 2.0, 1),
    ]
    pain = PainMap(anatomy)
    pain.geometries()
    for i, mark in enumerate(marks, 1):
        pain.append(mark)
        fresh = PainMap(anatomy, marks[:i]).geometries()
        assert pain.area() == pytest.approx(sum(g.area for g in fresh.values()), rel=1e-6)


def test_erasing_a_stroke_with_itself_leaves_no_pain_to_explain(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    # Found by hypothesis: the erasure leaves float dust (~1e-14 units²) along the cut edge.
    paint = Stroke("back", ((60.0, 40.0), (86.0, 128.0)), 2.0, 1)
    erase = Stroke("back", paint.points, 2.0, 1, erase=True)
    pain = PainMap(anatomy)
    _, state = matcher.start(pain.geometries())
    for mark, sign in ((paint, 1.0), (erase, -1.0)):
        change = pain.append(mark)
        assert change is not None
        result = matcher.update(state, pain.views(), "back", change, sign, pain_area=pain.area())
    assert result.pain_area == 0 and result.unexplained == 0 and result.matches == ()


def test_erasing_removes_paint_before_it_only(anatomy) -> None:  # type: ignore[no-untyped-def]
    paint = Stroke("back", ((150, 400), (250, 400)), 20)
    erase = Stroke("back", ((150, 400), (250, 400)), 30, erase=True)
    pain = PainMap(anatomy, [paint, erase])
    assert pain.geometry("back").area == pytest.approx(0, abs=1e-6)
    pain.append(paint)  # painting again after the erasure shows again
    assert pain.geometry("back").area == pytest.approx(paint.geometry.area)


def test_incremental_append_equals_full_recompute(anatomy) -> None:  # type: ignore[no-untyped-def]
    marks = [
        Stroke("back", ((120, 300), (180, 380)), 14),
        RegionMark("back.left.outer_hip"),
        Stroke("back", ((130, 330), (170, 330)), 10, erase=True),
        Stroke("front", ((220, 450), (240, 500)), 12),
        # more paint than a view keeps aside before merging it, some of it overlapping
        *[Stroke("back", ((110 + 9 * i, 420), (150 + 9 * i, 470)), 16) for i in range(12)],
    ]
    incremental = PainMap(anatomy)
    incremental.geometries()  # warm the cache so append() updates incrementally
    for i, mark in enumerate(marks, 1):
        incremental.append(mark)
        so_far = PainMap(anatomy, marks[:i]).geometries()
        assert incremental.area() == pytest.approx(sum(g.area for g in so_far.values()))
    full = PainMap(anatomy, marks)
    for view in anatomy.views:
        assert incremental.geometry(view).symmetric_difference(full.geometry(view)).area < 1e-6
        assert dict(incremental.views())[view].equals(incremental.geometry(view))


def test_mirrored_marks_land_on_the_other_side(anatomy) -> None:  # type: ignore[no-untyped-def]
    assert mirrored(RegionMark("back.left.outer_hip", 7), anatomy) == RegionMark(
        "back.right.outer_hip", 7
    )
    assert mirrored(RegionMark("back.tailbone"), anatomy) is None
    stroke = Stroke("front", ((150, 400), (160, 420)), 10, 3)
    assert mirrored(stroke, anatomy) == Stroke("front", ((250, 400), (240, 420)), 10, 3)
    # Mirrored points are rounded as a session file stores them (x + mirror is not exact).
    odd = Stroke("front", ((32.09, 400.01),), 10, 3)  # 400 - 32.09 == 367.90999999999997
    assert mirrored(odd, anatomy).points == ((367.91, 400.01),)  # type: ignore[union-attr]


def test_no_pain_no_matches(matcher) -> None:  # type: ignore[no-untyped-def]
    result = matcher.match({"back": stroke_geometry([], 1), "front": stroke_geometry([], 1)})
    assert result.matches == () and result.pain_area == 0 and result.unexplained == 0


def test_tiny_contact_does_not_count(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    zone = anatomy.muscles["quadratus_lumborum"].zones_for("left", "back")[0].polygon
    point = zone.representative_point()
    dot = stroke_geometry([(point.x, point.y)], 4)  # area ~12.6 < MIN_CONTACT_AREA
    assert dot.area < MIN_CONTACT_AREA
    assert matcher.match({"back": dot}).matches == ()
    assert matcher.match({"back": dot}).unexplained == 1.0


# --- properties ------------------------------------------------------------------------------

coords = st.tuples(st.floats(60, 340), st.floats(40, 700))
strokes = st.builds(
    lambda view, pts, width, intensity: Stroke(view, tuple(pts), width, intensity),
    st.sampled_from(["back", "front"]),
    st.lists(coords, min_size=1, max_size=12),
    st.floats(2, 60),
    st.integers(1, 10),
)


def _region_marks(anatomy):  # type: ignore[no-untyped-def]
    return st.sampled_from(sorted(anatomy.regions)).map(RegionMark)


@SETTINGS
@given(data=st.data())
def test_scores_and_fractions_stay_in_range(anatomy, matcher, data) -> None:  # type: ignore[no-untyped-def]
    marks = data.draw(st.lists(st.one_of(strokes, _region_marks(anatomy)), min_size=1, max_size=8))
    pain = PainMap(anatomy, marks)
    geoms = pain.geometries()
    result = matcher.match(geoms)
    assert 0 <= result.unexplained <= 1
    for m in result.matches:
        assert 0 <= m.score <= 1
        assert 0 <= m.pain_explained <= 1
        assert 0 <= m.zone_covered <= 1
        zones = anatomy.muscles[m.muscle].zones_for(m.side)
        zone_area = sum(z.polygon.area for z in zones)
        # The overlap never exceeds the pain area nor the zones' area.
        assert m.overlap_area <= result.pain_area * (1 + 1e-9)
        assert m.overlap_area <= zone_area * (1 + 1e-9)
    assert [m.score for m in result.matches] == sorted(
        (m.score for m in result.matches), reverse=True
    )


@SETTINGS
@given(data=st.data())
def test_ranking_does_not_depend_on_mark_order(anatomy, matcher, data) -> None:  # type: ignore[no-untyped-def]
    marks = data.draw(st.lists(st.one_of(strokes, _region_marks(anatomy)), min_size=1, max_size=8))
    shuffled = list(marks)
    random.Random(data.draw(st.integers(0, 1000))).shuffle(shuffled)
    a = matcher.match(PainMap(anatomy, marks).geometries())
    b = matcher.match(PainMap(anatomy, shuffled).geometries())
    assert [(m.muscle, m.side) for m in a.matches] == [(m.muscle, m.side) for m in b.matches]
    for x, y in zip(a.matches, b.matches, strict=True):
        assert x.score == pytest.approx(y.score, abs=1e-7)
    assert a.unexplained == pytest.approx(b.unexplained, abs=1e-7)


@SETTINGS
@given(marks=st.lists(strokes, min_size=1, max_size=8))
def test_erasing_everything_painted_leaves_no_pain(anatomy, matcher, marks) -> None:  # type: ignore[no-untyped-def]
    erasers = [Stroke(m.view, m.points, m.width + 1, erase=True) for m in marks]
    pain = PainMap(anatomy, [*marks, *erasers])
    assert all(g.area < 1e-6 for g in pain.geometries().values())
    assert matcher.match(pain.geometries()).matches == ()


@SETTINGS
@given(data=st.data())
def test_incremental_matching_equals_matching_from_scratch(anatomy, matcher, data) -> None:  # type: ignore[no-untyped-def]
    erasers = st.builds(
        lambda s: Stroke(s.view, s.points, s.width, s.intensity, erase=True), strokes
    )
    first = data.draw(st.lists(st.one_of(strokes, _region_marks(anatomy)), max_size=4))
    later = data.draw(
        st.lists(st.one_of(strokes, erasers, _region_marks(anatomy)), min_size=1, max_size=12)
    )
    pain = PainMap(anatomy, first)
    _, state = matcher.start(pain.geometries())
    for mark in later:
        change = pain.append(mark)
        assert change is not None
        sign = -1.0 if isinstance(mark, Stroke) and mark.erase else 1.0
        # As the window does: new paint is merged only if the listed muscles change.
        area = pain.area()
        view = pain.view_of(mark)
        result = matcher.update(state, pain.views(), view, change, sign, pain_area=area)
        scratch = PainMap(anatomy, pain.marks).geometries()
        assert area == pytest.approx(sum(g.area for g in scratch.values()), rel=1e-9, abs=1e-6)
        assert_same_ranking(result, matcher.match(scratch))


def test_paint_past_the_body_outline_is_not_pain(anatomy) -> None:  # type: ignore[no-untyped-def]
    outside = Stroke("back", ((5, 300), (5, 400)), 8)  # in the margin beside the body
    pain = PainMap(anatomy, [outside])
    assert pain.geometry("back").is_empty
    silhouette = anatomy.views["back"].silhouette
    across = Stroke("back", ((5, 400), (200, 400)), 10)  # from the margin into the body
    pain = PainMap(anatomy, [across])
    geom = pain.geometry("back")
    assert geom.area == pytest.approx(across.geometry.intersection(silhouette).area)
    assert geom.area < across.geometry.area * 0.8
    incremental = PainMap(anatomy)
    incremental.geometries()
    added = incremental.append(across)
    assert added is not None and added.area == pytest.approx(geom.area)


def test_polygonal_drops_stray_lines_and_points() -> None:
    from shapely.geometry import GeometryCollection, LineString, Point, box

    from bodymap.core.geometry import polygonal

    mixed = GeometryCollection([box(0, 0, 1, 1), LineString([(1, 0), (2, 0)]), Point(5, 5)])
    assert polygonal(mixed).equals(box(0, 0, 1, 1))
    assert polygonal(GeometryCollection([LineString([(0, 0), (1, 1)])])).is_empty
    # Two squares touching along an edge intersect in a line: no area.
    assert polygonal(box(0, 0, 1, 1).intersection(box(1, 0, 2, 1))).is_empty


def test_a_failed_overlay_falls_back_to_refolding(anatomy, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shapely.errors

    from bodymap.core import pain as pain_module

    marks = [Stroke("back", ((150, 400), (180, 420)), 12)]
    pain = PainMap(anatomy, marks)
    pain.geometries()
    real = pain_module.PainMap.on_body

    def refuse(self, view, geom):  # type: ignore[no-untyped-def]
        raise shapely.errors.GEOSException("TopologyException: simulated")

    monkeypatch.setattr(pain_module.PainMap, "on_body", refuse)
    second = Stroke("back", ((160, 380), (190, 380)), 12)
    assert pain.append(second) is None  # no partial update: the view will refold
    monkeypatch.setattr(pain_module.PainMap, "on_body", real)
    expected = PainMap(anatomy, [*marks, second]).geometry("back")
    assert pain.geometry("back").symmetric_difference(expected).area < 1e-6


def test_trying_a_stroke_leaves_the_state_untouched(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    pain = PainMap(anatomy, [RegionMark("back.left.outer_hip")])
    before, state = matcher.start(pain.geometries())
    kept, geometries, version = state.copy(), pain.geometries(), pain.version
    draft = Stroke("front", ((236, 470), (238, 500)), 14)
    paint = pain.new_paint("front", draft.geometry)  # nothing measured before
    added = paint.area
    assert added.equals(paint.fresh)
    tried = pain.views("front", added)
    preview = matcher.update(
        state.copy(), tried, "front", added, 1.0, pain_area=pain.area(added),
        measured=({}, paint.fresh),
    )  # fmt: skip
    with_draft = PainMap(anatomy, [RegionMark("back.left.outer_hip"), draft]).geometries()
    assert tried["front"].symmetric_difference(with_draft["front"]).area < 1e-6
    assert_same_ranking(preview, matcher.match(with_draft))
    assert preview.matches != before.matches
    assert state == kept  # the window's state is untouched by the preview
    assert pain.marks == (RegionMark("back.left.outer_hip"),) and pain.version == version
    assert all(pain.geometry(v).equals(g) for v, g in geometries.items())


def test_stroke_from_hundredths_makes_its_points_when_first_used() -> None:
    import numpy as np

    xy = np.array([12345, 67890, -5, 100001], dtype="<i4")
    lazy = Stroke.from_hundredths("back", xy, 12.0, 4, False)
    assert "points" not in lazy.__dict__  # nothing made yet
    plain = Stroke("back", ((123.45, 678.9), (-0.05, 1000.01)), 12.0, 4, False)
    assert lazy == plain and hash(lazy) == hash(plain)
    assert lazy.points == plain.points and "points" in lazy.__dict__
    assert shapely.to_wkb(lazy.geometry) == shapely.to_wkb(plain.geometry)
    with pytest.raises(AttributeError):
        lazy.colour  # type: ignore[attr-defined]  # noqa: B018
