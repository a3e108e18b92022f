"""Render docs/body-preview.png: one small map (both views) per muscle with its referral zones.

The SVG art is drawn with QtSvg (it carries the faint region borders itself) and every
referral zone of the map's muscle as a translucent shape in its colour (essential solid,
spillover hatched), with the muscle's name above and a legend below. Runs offscreen.
Usage: ``python tools/render_preview.py [--out PNG] [--scale S]``
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import yaml
from PySide6 import QtCore, QtGui, QtSvg

ROOT = Path(__file__).resolve().parents[1]
MARGIN = 24
LEGEND_H = 56
TITLE_H = 50
COLUMNS = 3
REGION_PEN = QtGui.QColor(70, 90, 110, 120)
REGION_ART = QtGui.QColor("#c9bdb5")  # the legend's sample of the art's faint region borders


def polygon_path(points: list[list[float]]) -> QtGui.QPainterPath:
    path = QtGui.QPainterPath()
    path.addPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def zone_brushes(colour: str) -> tuple[QtGui.QBrush, QtGui.QBrush]:
    solid = QtGui.QColor(colour)
    solid.setAlpha(105)
    hatch = QtGui.QColor(colour)
    hatch.setAlpha(170)
    hatched = QtGui.QBrush(hatch, QtCore.Qt.BrushStyle.BDiagPattern)
    return QtGui.QBrush(solid), hatched


def draw_zone(p: QtGui.QPainter, zone: dict[str, Any], colour: str) -> None:
    solid, hatched = zone_brushes(colour)
    path = polygon_path(zone["polygon"])
    edge = QtGui.QColor(colour)
    if zone["weight"] == "essential":
        p.fillPath(path, solid)
        edge.setAlpha(200)
        p.setPen(QtGui.QPen(edge, 0.8))
    else:
        faint = QtGui.QColor(colour)
        faint.setAlpha(35)
        p.fillPath(path, faint)
        p.fillPath(path, hatched)
        edge.setAlpha(160)
        pen = QtGui.QPen(edge, 0.8)
        pen.setStyle(QtCore.Qt.PenStyle.DashLine)
        p.setPen(pen)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def draw_view(
    p: QtGui.QPainter,
    doc: dict[str, Any],
    view: dict[str, Any],
    base: Path,
    show_regions: bool,
    muscles: list[dict[str, Any]],
) -> None:
    renderer = QtSvg.QSvgRenderer(str(base / view["svg"]))
    if not renderer.isValid():
        raise SystemExit(f"{view['svg']}: not a valid SVG")
    x0, y0, w, h = view["viewbox"]
    renderer.render(p, QtCore.QRectF(x0, y0, w, h))
    if show_regions:
        p.setPen(QtGui.QPen(REGION_PEN, 0.6))
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for region in doc["regions"]:
            if region["view"] == view["id"]:
                p.drawPath(polygon_path(region["polygon"]))
    for muscle in muscles:
        for zone in muscle["zones"]:
            if zone["view"] == view["id"]:
                draw_zone(p, zone, muscle["colour"])
        for outline in muscle.get("outline", []):
            if outline["view"] == view["id"]:
                draw_outline(p, outline["polygon"], muscle["colour"])
        for point in muscle.get("trigger_points", []):
            if point["view"] == view["id"]:
                draw_trigger_point(p, point["at"], muscle["colour"])


def draw_outline(p: QtGui.QPainter, polygon: list[list[float]], colour: str) -> None:
    """Where the muscle lies: a dotted line of its colour, darker, no fill."""
    pen = QtGui.QPen(QtGui.QColor(colour).darker(150), 1.6)
    pen.setStyle(QtCore.Qt.PenStyle.DotLine)
    p.setPen(pen)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    p.drawPath(polygon_path(polygon))


def draw_trigger_point(p: QtGui.QPainter, at: list[float], colour: str) -> None:
    """A usual trigger point: a white ring with a dot of the muscle's colour."""
    centre = QtCore.QPointF(at[0], at[1])
    p.setPen(QtGui.QPen(QtGui.QColor("#2B2B2B"), 1.2))
    p.setBrush(QtGui.QColor("white"))
    p.drawEllipse(centre, 4.0, 4.0)
    p.setPen(QtCore.Qt.PenStyle.NoPen)
    p.setBrush(QtGui.QColor(colour).darker(135))
    p.drawEllipse(centre, 2.0, 2.0)


def draw_legend(p: QtGui.QPainter, top: float) -> None:
    p.setFont(QtGui.QFont("sans-serif", 18))
    x = MARGIN
    for weight in ("essential", "spillover"):
        box = QtCore.QRectF(x, top + 14, 44, 28)
        corners = [[box.left(), box.top()], [box.right(), box.top()]]
        corners += [[box.right(), box.bottom()], [box.left(), box.bottom()]]
        draw_zone(p, {"polygon": corners, "weight": weight}, "#555555")
        p.setPen(QtGui.QColor("#333333"))
        p.drawText(QtCore.QPointF(x + 56, top + 36), weight)
        x += 80 + p.fontMetrics().horizontalAdvance(weight) + 36
    draw_outline(
        p, [[x, top + 16], [x + 44, top + 16], [x + 44, top + 40], [x, top + 40]], "#555555"
    )
    p.setPen(QtGui.QColor("#333333"))
    p.drawText(QtCore.QPointF(x + 56, top + 36), "where the muscle lies")
    x += 80 + p.fontMetrics().horizontalAdvance("where the muscle lies") + 36
    p.save()
    p.translate(x + 22, top + 28)
    p.scale(2.5, 2.5)
    draw_trigger_point(p, [0.0, 0.0], "#555555")
    p.restore()
    p.setPen(QtGui.QColor("#333333"))
    p.drawText(QtCore.QPointF(x + 56, top + 36), "trigger point")
    x += 80 + p.fontMetrics().horizontalAdvance("trigger point") + 36
    p.setPen(QtGui.QPen(REGION_ART, 2.4))
    p.drawLine(QtCore.QPointF(x, top + 28), QtCore.QPointF(x + 44, top + 28))
    p.setPen(QtGui.QColor("#333333"))
    p.drawText(
        QtCore.QPointF(x + 56, top + 36),
        "faint lines: clickable regions.",
    )
    p.drawText(
        QtCore.QPointF(MARGIN, top + 116),
        "Back view: patient's left on the left; front view: patient's left on the right.",
    )
    p.drawText(
        QtCore.QPointF(MARGIN, top + 76),
        "Each map shows the zones of one muscle (left and right), drawn from landmark "
        "descriptions of the cited sources. Educational, not a diagnosis.",
    )


def render(regions_file: Path, out: Path, scale: float, show_regions: bool = True) -> None:
    doc = yaml.safe_load(regions_file.read_text(encoding="utf-8"))
    base = regions_file.parent
    views = doc["views"]
    view_w = max(v["viewbox"][2] for v in views)
    view_h = max(v["viewbox"][3] for v in views)
    cell_w = len(views) * (view_w + MARGIN)
    cell_h = TITLE_H + view_h + MARGIN
    muscles = doc["muscles"]
    rows = -(-len(muscles) // COLUMNS)
    width = MARGIN + COLUMNS * cell_w
    height = MARGIN + rows * cell_h + LEGEND_H * 3
    image = QtGui.QImage(int(width * scale), int(height * scale), QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtGui.QColor("white"))
    with QtGui.QPainter(image) as p:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.scale(scale, scale)
        for k, muscle in enumerate(muscles):
            left = MARGIN + (k % COLUMNS) * cell_w
            top = MARGIN + (k // COLUMNS) * cell_h
            p.setFont(QtGui.QFont("sans-serif", 26, QtGui.QFont.Weight.Bold))
            p.setPen(QtGui.QColor(muscle["colour"]).darker(130))
            p.drawText(QtCore.QPointF(left, top + TITLE_H - 16), muscle["name"])
            for i, view in enumerate(views):
                p.save()
                x0, y0 = view["viewbox"][:2]
                p.translate(left + i * (view_w + MARGIN) - x0, top + TITLE_H - y0)
                draw_view(p, doc, view, base, show_regions, [muscle])
                p.restore()
        draw_legend(p, MARGIN + rows * cell_h)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=Path, default=ROOT / "regions.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "body-preview.png")
    parser.add_argument("--scale", type=float, default=0.6)
    parser.add_argument(
        "--regions-over",
        action="store_true",
        help="draw the region outlines again over the zones (the art already shows them faintly)",
    )
    args = parser.parse_args(argv)
    _app = QtGui.QGuiApplication(sys.argv[:1])
    render(args.regions, args.out, args.scale, show_regions=args.regions_over)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
