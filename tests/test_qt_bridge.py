"""shapely <-> QPainterPath: areas survive the round trip, holes stay holes."""

from __future__ import annotations

from shapely.geometry import MultiPolygon, Polygon

from bodymap.io.qt_bridge import geometry_to_path, path_to_geometry


def test_polygon_with_a_hole_round_trips(qapp) -> None:  # type: ignore[no-untyped-def]
    ring = Polygon(
        [(0, 0), (100, 0), (100, 100), (0, 100)], [[(40, 40), (60, 40), (60, 60), (40, 60)]]
    )
    shape = MultiPolygon([ring, Polygon([(200, 0), (220, 0), (210, 30)])])
    path = geometry_to_path(shape)
    assert not path.contains(_point(50, 50))  # the hole is empty
    assert path.contains(_point(10, 10))
    back = path_to_geometry(path)
    assert abs(back.area - shape.area) < 1e-6
    assert back.symmetric_difference(shape).area < 1e-6


def test_empty_geometry_gives_an_empty_path(qapp) -> None:  # type: ignore[no-untyped-def]
    assert geometry_to_path(Polygon()).isEmpty()


def _point(x: float, y: float):  # type: ignore[no-untyped-def]
    from PySide6 import QtCore

    return QtCore.QPointF(x, y)
