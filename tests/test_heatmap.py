"""The heat map counts each spot once per entry that was painful there."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from bodymap.io.heatmap import FrequencyGrid, render_heatmap, scale_colours


@pytest.fixture(autouse=True)
def _widgets_app(qapp):  # type: ignore[no-untyped-def]
    """Create the QApplication first: a bare QGuiApplication would block the window tests."""
    return qapp


def test_counts_and_shares(anatomy) -> None:  # type: ignore[no-untyped-def]
    grid = FrequencyGrid(anatomy, scale=1.0)
    grid.add({"back": box(100, 300, 200, 400)})
    grid.add({"back": box(150, 300, 250, 400), "front": box(100, 100, 110, 110)})
    grid.add({})
    assert grid.entries == 3
    back = grid.share("back")
    x0, y0, w, h = anatomy.views["back"].viewbox
    assert back.shape == (round(h), round(w))

    def at(x: float, y: float) -> float:  # the cell of the SVG point (x, y)
        return float(back[int(y - y0), int(x - x0)])

    assert at(175, 350) == 2 / 3  # both boxes cover it
    assert at(120, 350) == 1 / 3 and at(230, 350) == 1 / 3
    assert at(300, 350) == 0 and at(175, 250) == 0
    assert int(grid.counts["back"].sum()) == 2 * 100 * 100
    assert int(grid.counts["front"].sum()) == 100


def test_the_scale_runs_from_light_to_dark() -> None:
    colours = scale_colours()
    luminance = colours @ np.array([0.2126, 0.7152, 0.0722])
    assert luminance[0] > luminance[-1]
    assert np.all(np.diff(luminance) < 1.0)  # monotonic within rounding


def test_render_has_the_body_the_pain_and_a_legend(anatomy) -> None:  # type: ignore[no-untyped-def]
    grid = FrequencyGrid(anatomy)
    for _ in range(4):
        grid.add({"back": box(150, 300, 250, 400)})
    image = render_heatmap(grid, "4 entries")
    assert image.width() > 800 and image.height() > 900
    # The middle of the painful box is drawn in the scale's darkest colour (every entry).
    y0 = anatomy.views["back"].viewbox[1]
    colour = image.pixelColor(28 + 200, round(124 + 350 - y0))  # margin + x, top + y - top
    dark = scale_colours()[-1]
    assert abs(colour.red() - dark[0]) < 40 and abs(colour.blue() - dark[2]) < 40


def test_the_default_grid_has_cells_of_two_units(anatomy) -> None:  # type: ignore[no-untyped-def]
    grid = FrequencyGrid(anatomy)
    grid.add_all([{"back": box(100, 300, 200, 400)}] * 3)
    counts = grid.counts["back"]
    x0, y0, w, h = anatomy.views["back"].viewbox
    assert counts.shape == (round(h / 2), round(w / 2))
    assert counts[int((350 - y0) / 2), int((150 - x0) / 2)] == 3
    assert int(counts.sum()) == 3 * 50 * 50


def test_many_geometries_make_the_same_paths_as_one_by_one() -> None:
    from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Polygon

    from bodymap.io.qt_bridge import geometries_to_paths, geometry_to_path

    ring = box(0, 0, 10, 10).difference(box(2, 2, 4, 4))  # a hole
    geoms = [
        ring,
        Polygon(),
        MultiPolygon([box(20, 20, 30, 30), box(40, 40, 41, 45)]),
        GeometryCollection([box(5, 5, 6, 6), LineString([(0, 0), (1, 1)])]),
        Polygon(),
        box(1, 2, 3, 4),
    ]
    for one, many in zip(
        [geometry_to_path(g) for g in geoms], geometries_to_paths(geoms), strict=True
    ):
        assert many.elementCount() == one.elementCount()
        assert many.boundingRect() == one.boundingRect()
        assert many.fillRule() == one.fillRule()
        assert all(
            many.elementAt(i).x == one.elementAt(i).x and many.elementAt(i).y == one.elementAt(i).y
            for i in range(one.elementCount())
        )
