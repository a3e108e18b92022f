"""A cohort map: how often each spot, region and muscle pattern is painful across many
sessions (``bodymap cohort``).

Qt-free, so that it runs in worker processes (and would run on a cluster's workers).
The work is split the map-reduce way:

- :func:`count_session` is a pure function of one session file (and a :class:`Context`
  built once per process): it returns a small :class:`SessionCounts`, the painful cells of
  each view (a cell is painful when its centre is inside the pain, on the grid of
  ``bodymap.io.heatmap``: ``1 / scale`` SVG units over the view's viewBox, clipped to the
  pain's bounding box), the regions touched and the muscle sides listed by the ranking; or
  the file's one-line error;
- :class:`Tally` adds those up one at a time (``add``) and merges with another tally
  (``merge``, for a tree reduction), so memory stays flat in the number of sessions: one
  count grid per view, one counter per region and per muscle side.

:func:`run` maps :func:`count_session` over the files with a process pool (all cores by
default) and reduces the results as they arrive.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.matching import Matcher
from bodymap.core.metrics import RegionIndex, session_pain
from bodymap.io.errors import BodyMapError
from bodymap.io.session_file import SUFFIX, load_session

CELLS_PER_UNIT = 0.5  # as bodymap.io.heatmap: a cell is 2 x 2 SVG units
CHUNK = 32  # sessions per task sent to a worker


@dataclass(frozen=True)
class Cells:
    """The painful cells of one view: a boolean block whose top-left cell is (row, col)."""

    row: int
    col: int
    mask: np.ndarray


@dataclass(frozen=True)
class SessionCounts:
    """What one session adds to a cohort: its painful ``cells`` per view, the ``regions``
    it touches, the ``patterns`` ((muscle id, side)) its ranking lists; or ``error``."""

    path: str
    cells: dict[str, Cells] = field(default_factory=dict)
    regions: tuple[str, ...] = ()
    patterns: tuple[tuple[str, str], ...] = ()
    error: str | None = None


class Context:
    """What every call of :func:`count_session` in one process shares: the anatomy, its
    matcher and region index, and the grid (``scale`` cells per SVG unit)."""

    def __init__(self, anatomy: Anatomy, scale: float = CELLS_PER_UNIT) -> None:
        self.anatomy = anatomy
        self.matcher = Matcher(anatomy)
        self.index = RegionIndex(anatomy)
        self.scale = scale

    def shape(self, view: str) -> tuple[int, int]:
        """(rows, columns) of the grid of ``view``."""
        _, _, w, h = self.anatomy.views[view].viewbox
        return max(1, round(h * self.scale)), max(1, round(w * self.scale))


def painful_cells(ctx: Context, view: str, pain: BaseGeometry) -> Cells | None:
    """The cells of ``view`` whose centre lies inside ``pain`` (SVG units); None if none.

    A scanline fill (even-odd over every ring, each edge counted on the rows whose centre
    line it crosses, half-open at its upper end so that a vertex is counted once): the
    same cells as testing every centre with ``shapely.contains_xy``, up to centres lying
    exactly on the outline, in a fraction of the time."""
    rings = shapely.get_rings(shapely.get_parts(pain)) if not pain.is_empty else []
    if len(rings) == 0:
        return None
    x0, y0 = ctx.anatomy.views[view].viewbox[:2]
    rows, cols = ctx.shape(view)
    s = ctx.scale
    us, vs, starts = [], [], []
    for ring in rings:
        xy = shapely.get_coordinates(ring)
        us.append((xy[:, 0] - x0) * s - 0.5)  # cell i's centre is at u = i
        vs.append((xy[:, 1] - y0) * s - 0.5)  # row r's centre line is at v = r
        starts.append(len(xy))
    u, v = np.concatenate(us), np.concatenate(vs)
    last = np.cumsum(starts) - 1  # an edge joins point k and k + 1 within one ring
    keep = np.ones(len(u) - 1, dtype=bool)
    keep[last[:-1]] = False
    u1, v1, u2, v2 = u[:-1][keep], v[:-1][keep], u[1:][keep], v[1:][keep]
    lo = np.clip(np.ceil(np.minimum(v1, v2)), 0, rows).astype(np.int64)
    hi = np.clip(np.ceil(np.maximum(v1, v2)), 0, rows).astype(np.int64)
    count = hi - lo  # rows crossed by each edge (horizontal edges cross none)
    if count.sum() == 0:
        return None
    edge = np.repeat(np.arange(len(lo)), count)
    row = lo[edge] + (np.arange(len(edge)) - np.repeat(np.cumsum(count) - count, count))
    t = (row - v1[edge]) / (v2[edge] - v1[edge])
    cross = u1[edge] + t * (u2[edge] - u1[edge])
    order = np.lexsort((cross, row))
    row, cross = row[order], cross[order]
    first = np.clip(np.ceil(cross[0::2]), 0, cols).astype(np.int64)
    end = np.clip(np.ceil(cross[1::2]), 0, cols).astype(np.int64)
    span_row = row[0::2]
    filled = end > first
    if not filled.any():
        return None
    span_row, first, end = span_row[filled], first[filled], end[filled]
    r0, r1 = int(span_row.min()), int(span_row.max()) + 1
    c0, c1 = int(first.min()), int(end.max())
    marks = np.zeros((r1 - r0, c1 - c0 + 1), dtype=np.int32)
    np.add.at(marks, (span_row - r0, first - c0), 1)
    np.add.at(marks, (span_row - r0, end - c0), -1)
    mask = np.cumsum(marks, axis=1)[:, :-1] > 0
    return Cells(r0, c0, mask)


def count_session(ctx: Context, path: str) -> SessionCounts:
    """The counts one session file adds to a cohort (see the module doc). Never raises for
    a bad file: a session that cannot be read gives its one-line error instead."""
    try:
        session = load_session(path, ctx.anatomy)
    except BodyMapError as exc:
        return SessionCounts(path, error=str(exc))
    pain = session_pain(ctx.anatomy, session)
    cells = {}
    for view, geom in pain.items():
        found = painful_cells(ctx, view, geom)
        if found is not None:
            cells[view] = found
    return SessionCounts(path, cells, ctx.index.touched(pain), ctx.matcher.listed(pain))


class Tally:
    """Running totals of a cohort: ``sessions`` counted, per view the number of sessions
    painful at each cell (``counts``, rows are y), per region and per (muscle, side) the
    number of sessions, and the ``failed`` files with their errors."""

    def __init__(self, ctx: Context) -> None:
        self.sessions = 0
        self.counts = {v: np.zeros(ctx.shape(v), dtype=np.uint32) for v in ctx.anatomy.views}
        self.regions: Counter[str] = Counter()
        self.patterns: Counter[tuple[str, str]] = Counter()
        self.failed: list[tuple[str, str]] = []

    def add(self, item: SessionCounts) -> Tally:
        """Count one session's results (returns this tally, as a fold wants)."""
        if item.error is not None:
            self.failed.append((item.path, item.error))
            return self
        self.sessions += 1
        for view, cells in item.cells.items():
            h, w = cells.mask.shape
            self.counts[view][cells.row : cells.row + h, cells.col : cells.col + w] += cells.mask
        self.regions.update(item.regions)
        self.patterns.update(item.patterns)
        return self

    def merge(self, other: Tally) -> Tally:
        """Add ``other``'s totals to this tally's (returns this tally)."""
        self.sessions += other.sessions
        for view, counts in other.counts.items():
            self.counts[view] += counts
        self.regions.update(other.regions)
        self.patterns.update(other.patterns)
        self.failed.extend(other.failed)
        return self


def session_files(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Every session of ``paths``: a file as itself, a folder as every ``*.bodymap.json``
    under it (subfolders too; hidden names skipped), sorted. Yields ``(path, None)``, or
    ``(path, reason)`` for a path that is neither."""
    for text in paths:
        path = Path(text)
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.endswith(SUFFIX) and not name.startswith("."):
                        yield os.path.join(folder, name), None
        elif path.is_file():
            yield text, None
        else:
            yield text, "no such file or folder; check the path"


_CONTEXT: Context | None = None


def _start_worker(anatomy: Anatomy) -> None:
    global _CONTEXT
    _CONTEXT = Context(anatomy)


def _count_one(ctx: Context, path: str) -> SessionCounts:
    """:func:`count_session`, with an unexpected failure on one file (a geometry GEOS cannot
    overlay) reported as that file's error: one file never stops a cohort of thousands."""
    try:
        return count_session(ctx, path)
    except Exception as exc:  # named with its file; the others go on
        return SessionCounts(path, error=f"{path}: could not be counted ({exc!r})")


def _count_chunk(paths: list[str]) -> list[SessionCounts]:
    assert _CONTEXT is not None, "the worker was not started"
    return [_count_one(_CONTEXT, p) for p in paths]


def _chunks(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    anatomy: Anatomy,
    paths: Iterable[str],
    jobs: int | None = None,
    progress: Callable[[SessionCounts], None] | None = None,
) -> Tally:
    """Count every session of ``paths`` (files or folders, see :func:`session_files`) with
    ``jobs`` worker processes (default: every core; 1 counts in this process). Results are
    added to the tally as they arrive, in any order; ``progress`` sees each one."""
    ctx = Context(anatomy)
    tally = Tally(ctx)

    def files() -> Iterator[str]:
        for path, reason in session_files(paths):
            if reason is None:
                yield path
            else:
                tally.failed.append((path, reason))

    def take(item: SessionCounts) -> None:
        tally.add(item)
        if progress is not None:
            progress(item)

    jobs = jobs or default_jobs()
    if jobs <= 1:
        for path in files():
            take(_count_one(ctx, path))
        return tally
    import multiprocessing

    with multiprocessing.Pool(jobs, initializer=_start_worker, initargs=(anatomy,)) as pool:
        for results in pool.imap_unordered(_count_chunk, _chunks(files(), CHUNK)):
            for item in results:
                take(item)
    return tally
