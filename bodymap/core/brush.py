"""The area a brush stroke covers: its centre line buffered by half its width.

Qt-free. Points and widths are in the SVG user units of one view. Two ways, chosen by the
stroke alone so that the same points always give the same area:

- **Traced** (every stroke a pointer draws): the path is cut into chunks of ``_CHUNK``
  points, each simplified well under a pixel and buffered, and the chunks are unioned in
  order; :class:`bodymap.core.draft.StrokeBuilder` builds exactly that area while the stroke
  is drawn.
- **Rasterised** (a path more than ``TRACED_MAX_WIDTHS`` widths long: a scribble that crosses
  itself thousands of times, which GEOS takes minutes to trace): the path is drawn on a grid
  of cells no smaller than half the width, at most ``RASTER_MAX_CELLS`` cells and
  ``RASTER_MAX_SAMPLES`` samples, and the painted cells make the area. The cost is bounded by
  the area the stroke covers, not by how often it crosses itself; the area is at most one
  cell wider on each side than the traced one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from bodymap.core.geometry import EMPTY, polygonal

# Bumped whenever the geometry a mark makes changes (buffering, chunking, simplification):
# anything that stores computed pain keys it with this number.
GEOMETRY_VERSION = 4  # 4: a rasterised stroke always paints the cells its path is in
_CHUNK = 48  # points per buffered chunk: long scribbles buffered at once are slow
_QUAD_SEGS = 6
TRACED_MAX_WIDTHS = 4000.0  # path length / width beyond which a stroke is rasterised
RASTER_MAX_CELLS = 250_000
RASTER_MAX_SAMPLES = 2_000_000


def stroke_geometry(
    points: Sequence[tuple[float, float]], width: float, traced: bool = False
) -> BaseGeometry:
    """The area one stroke covers; see :func:`stroke_geometries`."""
    return stroke_geometries([(points, width)], traced)[0]


def unique_points(points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """``points`` without repeats of the point before."""
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or p != out[-1]:
            out.append(p)
    return out


def chunk_starts(count: int) -> range:
    """Where the chunks of ``count`` unique points start: ``_CHUNK`` points each, overlapping
    by one, every chunk with at least two points."""
    return range(0, count - 1, _CHUNK - 1)


def chunk_areas(lines: list[BaseGeometry], width: float | list[float]) -> Any:
    """Each chunk's centre line simplified by ``min(0.25, width / 20)`` SVG units (well under
    a pixel at any zoom the app offers), then buffered by half the width."""
    widths = np.asarray(width, dtype=float)
    simple = shapely.simplify(lines, np.minimum(0.25, widths / 20), preserve_topology=False)
    return shapely.buffer(simple, widths / 2, quad_segs=_QUAD_SEGS)


def path_length(points: Sequence[tuple[float, float]]) -> float:
    """The length of the polyline through ``points`` (SVG units)."""
    if len(points) < 2:
        return 0.0
    steps = np.diff(np.asarray(points, dtype=float), axis=0)
    return float(np.hypot(steps[:, 0], steps[:, 1]).sum())


def is_rasterised(points: Sequence[tuple[float, float]], width: float) -> bool:
    """Whether the stroke's area is rasterised rather than traced (see the module)."""
    return path_length(points) > TRACED_MAX_WIDTHS * width


def stroke_geometries(
    strokes: Sequence[tuple[Sequence[tuple[float, float]], float]], traced: bool = False
) -> list[BaseGeometry]:
    """Buffer many polylines ``(points, width)`` by half their width, vectorised across strokes.

    A path more than ``TRACED_MAX_WIDTHS`` widths long is rasterised (:func:`raster_geometry`)
    unless ``traced`` asks for the traced area whatever the length. Otherwise repeated points
    are dropped and each path is cut into chunks of ``_CHUNK`` points overlapping by one, so
    long scribbles stay fast and continuous; each chunk is simplified and buffered
    (:func:`chunk_areas`), and a stroke is the union of its chunks taken in order, one at a
    time. That order is what lets ``StrokeBuilder`` build exactly the
    same area while the stroke is being drawn. No points give an empty polygon; one point (or
    repeated points) gives a disc.
    """
    results: list[BaseGeometry] = [EMPTY] * len(strokes)
    dots: list[int] = []
    lines: list[BaseGeometry] = []
    widths: list[float] = []
    owners: list[int] = []
    ranks: list[int] = []  # position of each chunk within its stroke
    for index, (points, width) in enumerate(strokes):
        if not traced and is_rasterised(points, width):
            results[index] = raster_geometry(points, width)
            continue
        unique = unique_points(points)
        if len(unique) == 1:
            dots.append(index)
        for rank, start in enumerate(chunk_starts(len(unique))):
            lines.append(shapely.linestrings(unique[start : start + _CHUNK]))
            widths.append(width)
            owners.append(index)
            ranks.append(rank)
    if dots:
        discs = shapely.buffer(
            [Point(unique_points(strokes[i][0])[0]) for i in dots],
            [strokes[i][1] / 2 for i in dots],
            quad_segs=_QUAD_SEGS,
        )  # fmt: skip
        for index, disc in zip(dots, discs, strict=True):
            results[index] = disc
    if not lines:
        return results
    areas = chunk_areas(lines, widths)
    owner_of, rank_of = np.asarray(owners), np.asarray(ranks)
    first = rank_of == 0
    acc = dict(zip(owner_of[first].tolist(), areas[first], strict=True))
    for rank in range(1, int(rank_of.max()) + 1):  # one vectorised union per chunk rank
        at = np.flatnonzero(rank_of == rank)
        merged = shapely.union([acc[o] for o in owner_of[at].tolist()], areas[at])
        acc.update(zip(owner_of[at].tolist(), merged, strict=True))
    for index, geom in acc.items():
        results[index] = geom
    return results


def raster_geometry(points: Sequence[tuple[float, float]], width: float) -> BaseGeometry:
    """The cells a stroke's path paints, as an area (SVG units).

    The grid covers the path's bounding box grown by the width; a cell is at least half the
    width, and larger when the box would need more than ``RASTER_MAX_CELLS`` cells or the
    path more than ``RASTER_MAX_SAMPLES`` samples at half a cell apart. A cell is painted when
    a sample of the path lies within half the width (and half a cell) of it.
    """
    xy = np.asarray(unique_points(points), dtype=float)
    if len(xy) < 2:
        return stroke_geometry(points, width, traced=True)
    half = width / 2
    x0, y0 = xy.min(axis=0) - half
    x1, y1 = xy.max(axis=0) + half
    steps = np.diff(xy, axis=0)
    lengths = np.hypot(steps[:, 0], steps[:, 1])
    cell = max(
        half,
        math.sqrt((x1 - x0) * (y1 - y0) / RASTER_MAX_CELLS),
        2 * float(lengths.sum()) / RASTER_MAX_SAMPLES,
    )
    nx, ny = math.ceil((x1 - x0) / cell) + 1, math.ceil((y1 - y0) / cell) + 1
    counts = np.maximum(1, np.ceil(lengths / (cell / 2)).astype(np.int64))
    owner = np.repeat(np.arange(len(steps)), counts)
    starts = np.cumsum(counts) - counts
    frac = (np.arange(int(counts.sum())) - np.repeat(starts, counts)) / np.repeat(counts, counts)
    sx = np.append(xy[owner, 0] + steps[owner, 0] * frac, xy[-1, 0])
    sy = np.append(xy[owner, 1] + steps[owner, 1] * frac, xy[-1, 1])
    gx, gy = ((sx - x0) / cell).astype(np.int64), ((sy - y0) / cell).astype(np.int64)
    grid = np.zeros((ny, nx), dtype=bool)
    reach = math.ceil(half / cell)
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            near_x, near_y = max(0.0, abs(dx) - 0.5), max(0.0, abs(dy) - 0.5)
            if near_x**2 + near_y**2 > (half / cell + 0.5) ** 2 + 1e-9:
                continue  # a corner cell the brush's disc cannot reach
            cx, cy = np.clip(gx + dx, 0, nx - 1), np.clip(gy + dy, 0, ny - 1)
            grid[cy, cx] = True
    # Runs of painted cells along each row become boxes; their union is the area.
    padded = np.zeros((ny, nx + 2), dtype=np.int8)
    padded[:, 1:-1] = grid
    edges = np.diff(padded, axis=1)
    rows, first = np.nonzero(edges == 1)
    _, after = np.nonzero(edges == -1)
    left, right = x0 + first * cell, x0 + after * cell
    boxes = shapely.box(left, y0 + rows * cell, right, y0 + (rows + 1) * cell)
    return polygonal(shapely.union_all(boxes))
