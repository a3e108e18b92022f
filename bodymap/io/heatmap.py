"""A pain frequency map ("heat map") of many diary entries: how often each spot was painful.

Each entry's pain is rasterised per view on a grid of ``1 / scale`` SVG units (no
antialiasing: a cell is painful when its centre is inside the pain) and the grids are added
up; a cell's share is its count over the number of entries. Shares are drawn over the body art
with a colour-blind-safe sequential scale (viridis, reversed so that frequent pain is darkest
on the light page), with a legend. Rendered headless with QPainter on a QImage, like
``bodymap.io.export``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import shapely
from PySide6 import QtCore, QtGui
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.diary import EntrySummary
from bodymap.io import palette
from bodymap.io.export import _ensure_gui, _font, draw_view_art, write_png
from bodymap.io.qt_bridge import geometries_to_paths

# viridis (matplotlib; designed to be perceptually uniform and colour-blind safe), 9 stops
VIRIDIS = (
    "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c",
    "#28ae80", "#5ec962", "#addc30", "#fde725",
)  # fmt: skip
MARGIN = 28.0
TOP = 124.0  # logical y of the top of the views
LEGEND_HEIGHT = 86.0
FILL_ALPHA = 215
CELLS_PER_UNIT = 0.5  # a cell is 2 x 2 SVG units (about 3.4 mm on an adult)


def scale_colours(steps: int = 256) -> np.ndarray:
    """``steps`` RGB colours from rare (light yellow) to frequent (dark purple), uint8."""
    rgb = [[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in reversed(VIRIDIS)]
    stops = np.asarray(rgb, dtype=np.float64)
    at = np.linspace(0, len(stops) - 1, steps)
    low = np.floor(at).astype(int).clip(0, len(stops) - 2)
    t = (at - low)[:, None]
    colours: np.ndarray = np.rint(stops[low] * (1 - t) + stops[low + 1] * t).astype(np.uint8)
    return colours


class FrequencyGrid:
    """Counts, per view, of the entries painful at each cell; cells of ``1 / scale`` SVG
    units over the view's viewBox. Each view is a 16-bit grey image that every entry's pain
    is added to (QPainter's "plus" composition, no antialiasing): up to 65,535 entries."""

    MAX_ENTRIES = 65_535

    def __init__(self, anatomy: Anatomy, scale: float = CELLS_PER_UNIT) -> None:
        _ensure_gui()
        self.anatomy = anatomy
        self.scale = scale
        self.entries = 0
        self._images: dict[str, QtGui.QImage] = {}
        for view in anatomy.views.values():
            w, h = (max(1, round(d * scale)) for d in view.viewbox[2:])
            image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_Grayscale16)
            image.fill(0)
            self._images[view.id] = image

    def add(self, drawing: Mapping[str, BaseGeometry]) -> None:
        """Count one entry's pain (per view, SVG units)."""
        self.add_all([drawing])

    def add_all(self, drawings: Iterable[Mapping[str, BaseGeometry]]) -> None:
        """Count every drawing of ``drawings`` (each an entry's pain per view)."""
        one = QtGui.QColor.fromRgba64(1, 1, 1, 65535)  # adds 1 to a cell's count
        painters: dict[str, QtGui.QPainter] = {}
        try:
            for view_id, image in self._images.items():
                painter = QtGui.QPainter(image)
                painter.setCompositionMode(QtGui.QPainter.CompositionMode.CompositionMode_Plus)
                x0, y0 = self.anatomy.views[view_id].viewbox[:2]
                painter.scale(self.scale, self.scale)
                painter.translate(-x0, -y0)
                painters[view_id] = painter
            batch = list(itertools.islice(drawings, self.MAX_ENTRIES - self.entries))
            self.entries += len(batch)
            for view_id, painter in painters.items():
                geoms = [d[view_id] for d in batch if view_id in d and not d[view_id].is_empty]
                # A quarter of a cell of detail is all a cell can show.
                simple = shapely.simplify(geoms, 0.25 / self.scale, preserve_topology=False)
                for path in geometries_to_paths(list(simple)):
                    painter.fillPath(path, one)
        finally:
            for painter in painters.values():
                painter.end()

    @property
    def counts(self) -> dict[str, np.ndarray]:
        """Per view, how many entries were painful at each cell (rows are y)."""
        out = {}
        for view_id, image in self._images.items():
            bits = np.frombuffer(image.constBits(), dtype=np.uint16)
            rows = bits.reshape(image.height(), image.bytesPerLine() // 2)
            out[view_id] = rows[:, : image.width()].copy()
        return out

    def share(self, view: str) -> np.ndarray:
        """The share of entries painful at each cell of ``view``, in [0, 1]."""
        share: np.ndarray = self.counts[view] / max(1, self.entries)
        return share


def _overlay(share: np.ndarray) -> QtGui.QImage:
    colours = scale_colours()
    h, w = share.shape
    rgba = np.zeros((h, w, 4), dtype=np.uint8)
    painted = share > 0
    index = np.rint(share[painted] * 255).astype(int)
    # Format_ARGB32 is 0xAARRGGBB in native (little-endian) order: bytes B, G, R, A.
    rgba[painted, 0] = colours[index, 2]
    rgba[painted, 1] = colours[index, 1]
    rgba[painted, 2] = colours[index, 0]
    rgba[painted, 3] = FILL_ALPHA
    image = QtGui.QImage(rgba.tobytes(), w, h, 4 * w, QtGui.QImage.Format.Format_ARGB32)
    return image.copy()  # own the pixels: the bytes above are temporary


def render_heatmap(grid: FrequencyGrid, title: str, page_scale: float = 1.0) -> QtGui.QImage:
    """The heat map page: both views with each cell's share of painful entries, a title and a
    legend. Logical units are SVG units, multiplied by ``page_scale`` in the image."""
    anatomy = grid.anatomy
    boxes = {v.id: v.viewbox for v in anatomy.views.values()}
    offsets = palette.view_offsets(boxes)
    views_w = max(offsets[v] + boxes[v][0] + boxes[v][2] for v in offsets)
    views_h = max(b[3] for b in boxes.values())
    top_y = min(b[1] for b in boxes.values())  # the views' top edge goes at TOP
    width, height = MARGIN * 2 + views_w, TOP + views_h + LEGEND_HEIGHT + MARGIN
    image = QtGui.QImage(
        round(width * page_scale), round(height * page_scale), QtGui.QImage.Format.Format_RGB32
    )
    image.fill(QtGui.QColor(palette.PAPER))
    ink, muted = QtGui.QColor(palette.INK), QtGui.QColor(palette.MUTED)
    with QtGui.QPainter(image) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(page_scale, page_scale)
        painter.setPen(ink)
        painter.setFont(_font(24, bold=True))
        painter.drawText(
            QtCore.QPointF(MARGIN, MARGIN + 22),
            QtCore.QCoreApplication.translate("Export", "How often it hurt where"),
        )
        painter.setFont(_font(14))
        painter.setPen(muted)
        painter.drawText(QtCore.QPointF(MARGIN, MARGIN + 48), title)
        for view in anatomy.views.values():
            x0, y0, w, h = view.viewbox
            painter.save()
            painter.translate(MARGIN + offsets[view.id], TOP - top_y)
            draw_view_art(painter, anatomy, view)
            painter.drawImage(QtCore.QRectF(x0, y0, w, h), _overlay(grid.share(view.id)))
            painter.restore()
        _draw_legend(painter, MARGIN, TOP + views_h + 24, views_w)
    return image


def _draw_legend(painter: QtGui.QPainter, x: float, y: float, width: float) -> None:
    colours = scale_colours()
    bar_w, bar_h = min(360.0, width - 120), 16.0
    painter.setPen(QtGui.QColor(palette.INK))
    painter.setFont(_font(13))
    painter.drawText(
        QtCore.QPointF(x, y),
        QtCore.QCoreApplication.translate("Export", "Share of the entries with pain at that spot"),
    )
    top = y + 10
    steps = len(colours)
    for i, (r, g, b) in enumerate(colours.tolist()):
        colour = QtGui.QColor(r, g, b, FILL_ALPHA)
        painter.fillRect(
            QtCore.QRectF(x + bar_w * i / steps, top, bar_w / steps + 0.5, bar_h), colour
        )
    painter.setPen(QtGui.QPen(QtGui.QColor(palette.RULE), 1))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.drawRect(QtCore.QRectF(x, top, bar_w, bar_h))
    painter.setPen(QtGui.QColor(palette.MUTED))
    painter.setFont(_font(12))
    for share in (0.0, 0.25, 0.5, 0.75, 1.0):
        tx = x + bar_w * share
        painter.drawLine(QtCore.QPointF(tx, top + bar_h), QtCore.QPointF(tx, top + bar_h + 4))
        painter.drawText(QtCore.QPointF(tx - 10, top + bar_h + 18), f"{share:.0%}")
    painter.drawText(
        QtCore.QPointF(x + bar_w + 16, top + 13),
        QtCore.QCoreApplication.translate("Export", "No colour: never painful in these entries."),
    )


def export_heatmap(grid: FrequencyGrid, title: str, out: Path, page_scale: float = 1.0) -> None:
    """Write the heat map page to ``out`` as a PNG, atomically; ExportError (one line, the
    previous file untouched) when it cannot be written."""
    write_png(render_heatmap(grid, title, page_scale), out)


def grid_of_entries(
    anatomy: Anatomy, folder: Path, entries: Sequence[EntrySummary]
) -> tuple[FrequencyGrid, str]:
    """The frequency grid of the diary ``entries`` (readable ones, from ``folder``) and a
    title naming how many and their dates (days in this computer's time zone, as the
    window shows them); the pain comes from the diary's index
    (``read_pains``). An entry that can no longer be read since it was listed is left out."""
    from bodymap.io.diary_files import read_pains

    grid = FrequencyGrid(anatomy)
    grid.add_all(read_pains(folder, anatomy, entries))
    dates = [e.date.astimezone() for e in entries if e.date is not None]
    translate = QtCore.QCoreApplication.translate
    day = translate("Export", "%d %B %Y")  # a strftime pattern: the language's date order
    first, last = (dates[0].strftime(day), dates[-1].strftime(day)) if dates else ("", "")
    span = first if first == last else translate("Export", "{first} to {last}")
    span = span.format(first=first, last=last)
    count = count_of_entries(grid.entries)
    title = translate("Export", "{count}, {span}").format(count=count, span=span)
    return grid, title if span else count


def count_of_entries(count: int) -> str:
    """'1 entry', '2 entries' (in the interface's language when it has one)."""
    translate = QtCore.QCoreApplication.translate
    if count == 1:
        return translate("Export", "1 entry")
    return translate("Export", "{count} entries").format(count=count)


def heatmap_of_entries(
    anatomy: Anatomy, folder: Path, entries: Sequence[EntrySummary], out: Path
) -> int:
    """Write the heat map of the diary ``entries`` to ``out``; returns how many it counts."""
    grid, title = grid_of_entries(anatomy, folder, entries)
    export_heatmap(grid, title, out, page_scale=1.5)
    return grid.entries
