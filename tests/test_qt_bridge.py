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


def _reference_path(geom):  # type: ignore[no-untyped-def]
    """The same path built the plain way, a QPointF per vertex."""
    from PySide6 import QtCore, QtGui

    path = QtGui.QPainterPath()
    path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    polygons = [geom] if geom.geom_type == "Polygon" else []
    for part in getattr(geom, "geoms", ()):
        polygons += [part] if part.geom_type == "Polygon" else list(getattr(part, "geoms", ()))
    for poly in polygons:
        for ring in (poly.exterior, *poly.interiors):
            path.addPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in ring.coords]))
            path.closeSubpath()
    return path


def test_path_is_element_for_element_the_plain_one(qapp) -> None:  # type: ignore[no-untyped-def]
    from shapely.geometry import GeometryCollection, LineString, Point

    from bodymap.core.brush import stroke_geometry

    scribble = stroke_geometry([(100 + i * 1.21, 200 + (i % 7) * 1.21) for i in range(300)], 9)
    holed = Polygon(
        [(0, 0), (100, 0), (100, 100), (0, 100)], [[(40, 40), (60, 40), (60, 60), (40, 60)]]
    )
    nested = GeometryCollection(
        [
            MultiPolygon([holed, Polygon([(200, 0), (220, 0), (210, 30)])]),
            LineString([(0, 0), (5, 5)]),
            Point(3, 3),
        ]
    )
    for geom in (scribble, holed, nested):
        path, reference = geometry_to_path(geom), _reference_path(geom)
        assert path.elementCount() == reference.elementCount() > 0
        assert path == reference
        assert path.fillRule() == reference.fillRule()
    assert geometry_to_path(nested).contains(_point(10, 10))
    assert not geometry_to_path(nested).contains(_point(50, 50))
