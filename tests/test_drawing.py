"""The drawing model alone (no Qt): drags, previews, edits, undo and redo, compared with a
fresh fold and a fresh match of the same marks."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.core import matching
from bodymap.core.brush import is_rasterised, raster_geometry, stroke_geometry
from bodymap.core.draft import StrokeBuilder
from bodymap.core.drawing import Drawing
from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.pain import PainMap
from tests.ranking import assert_same_ranking

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELD = Path(__file__).parent / "fixtures" / "field-cases"


def fresh(drawing: Drawing, marks=None):  # type: ignore[no-untyped-def]
    """The ranking and pain of ``marks`` (default: the drawing's) computed from scratch."""
    pain = PainMap(drawing.anatomy, drawing.marks if marks is None else marks)
    return drawing.matcher.match(pain.geometries()), pain.geometries()


def same_pain(drawing: Drawing, geometries) -> bool:  # type: ignore[no-untyped-def]
    return all(
        drawing.pain.geometry(v).symmetric_difference(g).area < 1e-6 for v, g in geometries.items()
    )


def wave(x0: float, y0: float, count: int, phase: float = 0.0) -> list[tuple[float, float]]:
    return [(x0 + 0.6 * i, y0 + 40 * math.sin(i / 25 + phase)) for i in range(count)]


def test_a_drag_previews_and_finishes_as_a_fresh_match(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher, [RegionMark("back.left.outer_hip")])
    points = wave(120, 420, 320)
    drawing.begin_stroke("back", points[0], 14, 7, erase=False)
    drawing.extend_stroke(points[1:200])
    preview = drawing.preview()
    so_far = StrokeBuilder("back", 14)
    so_far.extend(points[:200])
    assert preview is not None
    assert_same_ranking(preview, fresh(drawing, [*drawing.marks, so_far.stroke(7)])[0])
    assert len(drawing.marks) == 1  # a preview changes nothing
    drawing.extend_stroke(points[200:])
    change = drawing.finish_stroke()
    assert change is not None and change.stroke_ended and change.views == ("back",)
    assert len(drawing.marks) == 2 and not drawing.drawing_stroke
    stroke = drawing.marks[-1]
    assert isinstance(stroke, Stroke) and (stroke.width, stroke.intensity) == (14, 7)
    assert change.painted[0][0] is stroke and change.added.area > 1000
    result, geometries = fresh(drawing)
    assert_same_ranking(change.result, result)
    assert same_pain(drawing, geometries)


def test_the_end_of_a_previewed_stroke_measures_only_what_the_ticks_did_not(
    anatomy, matcher, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher, [RegionMark("front.left.groin")])
    points = wave(110, 420, 300)  # on the body all along: every chunk paints
    drawing.begin_stroke("back", points[0], 14, 5, erase=False)
    drawing.extend_stroke(points[1:])
    drawing.preview()
    measured: list[float] = []
    real = matching.Matcher.measure

    def spy(self, view, geom):  # type: ignore[no-untyped-def]
        measured.append(geom.area)
        return real(self, view, geom)

    monkeypatch.setattr(matching.Matcher, "measure", spy)
    change = drawing.finish_stroke()
    assert change is not None
    assert 0 < sum(measured) < 0.2 * change.added.area  # the last chunk, not the stroke
    assert_same_ranking(change.result, fresh(drawing)[0])


def test_a_drag_keeps_what_it_began_with(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher)
    drawing.begin_stroke("back", (150, 420), 20, 3, erase=False)
    drawing.extend_stroke([(160, 425), (170, 430)])
    change = drawing.finish_stroke()
    assert change is not None
    stroke = drawing.marks[-1]
    assert isinstance(stroke, Stroke)
    assert (stroke.view, stroke.width, stroke.intensity, stroke.erase) == ("back", 20, 3, False)


def test_undo_during_a_stroke_cancels_that_stroke_only(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher)
    drawing.begin_stroke("back", (150, 420), 20, 3, erase=False)
    drawing.extend_stroke([(160, 425)])
    drawing.finish_stroke()
    first = drawing.marks
    drawing.begin_stroke("back", (120, 300), 20, 3, erase=False)
    drawing.extend_stroke([(130, 310)])
    assert drawing.can_undo() and not drawing.can_redo()
    assert drawing.redo() is None  # would lose the stroke being drawn
    change = drawing.undo()
    assert change is not None and change.stroke_ended and change.views == ()
    assert drawing.marks == first and not drawing.drawing_stroke
    assert drawing.finish_stroke() is None  # nothing left to finish
    assert drawing.undo() is not None and drawing.marks == ()
    assert drawing.redo() is not None and drawing.marks == first


def test_an_edit_during_a_stroke_cancels_it_first(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher)
    drawing.begin_stroke("back", (150, 420), 20, 3, erase=False)
    change = drawing.toggle_region("back.left.outer_hip", 5)
    assert change.stroke_ended and not drawing.drawing_stroke
    assert drawing.marks == (RegionMark("back.left.outer_hip", 5),)
    drawing.begin_stroke("front", (230, 460), 20, 3, erase=False)
    replaced = drawing.replace([])
    assert replaced.stroke_ended and drawing.marks == () and not drawing.can_undo()


def test_cancel_leaves_everything_as_before(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher, [RegionMark("back.left.outer_hip")])
    before, result = drawing.marks, drawing.result
    drawing.begin_stroke("back", (150, 420), 20, 3, erase=False)
    drawing.extend_stroke(wave(150, 420, 120))
    assert drawing.preview() is not None
    change = drawing.cancel_stroke()
    assert change is not None and change.result is result and change.views == ()
    assert drawing.marks == before and drawing.result is result
    assert drawing.cancel_stroke() is None


def test_an_empty_stroke_ends_with_nothing_added(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher)
    drawing.begin_stroke("back", (float("nan"), 0.0), 20, 3, erase=False)
    change = drawing.finish_stroke()
    assert change is not None and change.stroke_ended and change.views == ()
    assert drawing.marks == () and not drawing.can_undo()


def test_mirror_and_clear_are_single_steps(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher)
    assert drawing.mirror() is None and drawing.clear() is None
    drawing.toggle_region("back.left.outer_hip", 5)
    drawing.mirror()
    assert drawing.region_marked("back.right.outer_hip")
    drawing.clear()
    assert drawing.marks == ()
    drawing.undo()
    assert drawing.region_marked("back.right.outer_hip")
    with pytest.raises(ValueError):
        drawing.add(RegionMark("back.nowhere"))


ACTIONS = st.lists(
    st.one_of(
        st.tuples(
            st.just("stroke"),
            st.sampled_from(["back", "front"]),
            st.floats(60, 340),
            st.floats(80, 640),
            st.integers(10, 200),
            st.booleans(),
            st.booleans(),  # preview first
        ),
        st.tuples(st.just("region"), st.sampled_from(["back.left.outer_hip", "front.left.groin"])),
        st.just(("undo",)),
        st.just(("redo",)),
        st.just(("cancel",)),
    ),
    min_size=1,
    max_size=8,
)


@SETTINGS
@given(actions=ACTIONS)
def test_any_sequence_of_verbs_equals_a_fresh_fold_and_match(anatomy, matcher, actions) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher)
    for action in actions:
        if action[0] == "stroke":
            _, view, x, y, count, erase, preview = action
            points = wave(x, y, count)
            drawing.begin_stroke(view, points[0], 12, 5, erase)
            drawing.extend_stroke(points[1:])
            if preview:
                drawing.preview()
            drawing.finish_stroke()
        elif action[0] == "region":
            drawing.toggle_region(action[1], 6)
        elif action[0] == "undo":
            drawing.undo()
        elif action[0] == "redo":
            drawing.redo()
        else:
            drawing.begin_stroke("back", (200, 400), 12, 5, False)
            drawing.extend_stroke(wave(200, 400, 60))
            drawing.cancel_stroke()
        result, geometries = fresh(drawing)
        assert_same_ranking(drawing.result, result)
        assert same_pain(drawing, geometries)


def test_a_scribble_that_crosses_itself_thousands_of_times_is_rasterised() -> None:
    import json

    doc = json.loads((FIELD / "scribble-1000pts-w0.5.bodymap.json").read_text())
    from bodymap.io.regions_file import load_regions
    from bodymap.io.session_file import parse_session

    assert doc["marks"]  # the F05 field case: one stroke of 1,000 random points
    anatomy = load_regions(Path(__file__).parents[1] / "regions.yaml")
    session = parse_session(
        (FIELD / "scribble-1000pts-w0.5.bodymap.json").read_bytes(), "f05", anatomy
    )
    stroke = session.marks[-1]
    assert isinstance(stroke, Stroke) and is_rasterised(stroke.points, stroke.width)
    area = stroke.geometry
    assert area.is_valid and not area.is_empty
    # every point of the path lies in the area it paints
    assert shapely.contains_xy(area.buffer(1e-6), *zip(*stroke.points, strict=True)).all()


def test_a_rasterised_area_covers_the_traced_one_and_not_much_more() -> None:
    import random

    rng = random.Random(5)
    points = [(rng.uniform(100, 300), rng.uniform(100, 500)) for _ in range(40)]
    assert is_rasterised(points, 0.5)
    traced = stroke_geometry(points, 0.5, traced=True)
    raster = raster_geometry(points, 0.5)
    assert traced.difference(raster).area < 0.02 * traced.area
    assert raster.area < 4 * traced.area  # cells of at least half the width: a bounded margin


def test_a_long_stroke_built_while_drawn_is_rasterised_the_same() -> None:
    import random

    rng = random.Random(7)
    points = [(rng.uniform(100, 300), rng.uniform(100, 500)) for _ in range(60)]
    builder = StrokeBuilder("back", 0.5)
    for i in range(0, 60, 7):
        builder.extend(points[i : i + 7])
    assert builder.rasterised
    stroke = builder.stroke(5)
    assert shapely.to_wkb(stroke.geometry) == shapely.to_wkb(
        stroke_geometry(stroke.points, stroke.width)
    )


def test_the_drawing_stops_adding_marks_at_the_session_limits(
    anatomy, matcher, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core import marks as marks_module

    monkeypatch.setattr(marks_module, "MAX_MARKS", 2)
    drawing = Drawing(anatomy, matcher)
    drawing.toggle_region("back.left.outer_hip", 5)
    drawing.toggle_region("back.right.outer_hip", 5)
    refused = drawing.toggle_region("front.left.groin", 5)
    assert refused.refused and "2 marks" in refused.refused and refused.views == ()
    assert len(drawing.marks) == 2
    drawing.begin_stroke("back", (150, 420), 20, 3, erase=False)
    drawing.extend_stroke([(160, 425)])
    change = drawing.finish_stroke()
    assert change is not None and change.refused and change.stroke_ended
    assert len(drawing.marks) == 2 and drawing.mirror() is None  # both sides marked already
    monkeypatch.setattr(marks_module, "MAX_TOTAL_POINTS", 3)
    monkeypatch.setattr(marks_module, "MAX_MARKS", 10)
    drawing.begin_stroke("back", (150, 420), 20, 3, erase=False)
    drawing.extend_stroke([(160, 425), (170, 430), (180, 435)])
    change = drawing.finish_stroke()
    assert change is not None and "stroke points" in change.refused
    with pytest.raises(ValueError):
        drawing.add(Stroke("back", ((1.0, 2.0),) * 4, 10))


def test_an_erasure_that_touches_no_pain_adds_no_step(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    drawing = Drawing(anatomy, matcher, [RegionMark("back.left.outer_hip")])
    drawing.begin_stroke("front", (230, 460), 20, 3, erase=True)  # nothing painted there
    change = drawing.finish_stroke()
    assert change is not None and change.views == () and not drawing.can_undo()
    x, y = anatomy.regions["back.left.outer_hip"].polygon.representative_point().coords[0]
    drawing.begin_stroke("back", (x, y), 20, 3, erase=True)
    change = drawing.finish_stroke()
    assert change is not None and change.views == ("back",) and drawing.can_undo()


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.lists(
                st.tuples(st.floats(0, 400, width=32), st.floats(-90, 970, width=32)),
                min_size=1, max_size=300,
            ),
            st.sampled_from([0.5, 2.0, 12.0]),
            st.booleans(),
        ),
        max_size=6,
    )
)  # fmt: skip
def test_rasterised_in_one_pass_agrees_with_each_stroke(strokes) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.marks import rasterised

    made = []
    for points, width, lazy in strokes:
        pts = tuple((round(x, 2), round(y, 2)) for x, y in points)
        if lazy:  # as a session file keeps them: hundredths, points made on first use
            xy = np.rint(np.asarray(pts).ravel() * 100).astype(np.int64)
            made.append(Stroke.from_hundredths("back", xy, width, 5, False))
        else:
            made.append(Stroke("back", pts, width, 5, False))
    assert rasterised(made) == [stroke.is_rasterised() for stroke in made]
