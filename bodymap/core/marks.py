"""Marks of pain: a whole region, or a brush or eraser stroke, and their limits.

Qt-free plain data. Stroke points and widths are in the SVG user units of one view; an
intensity is a whole number on the 0-10 pain scale's painful part, 1-10. The pain a list of
marks makes is :class:`bodymap.core.pain.PainMap`'s business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.brush import TRACED_MAX_WIDTHS, is_rasterised, stroke_geometry

INTENSITY_MIN = 1
INTENSITY_MAX = 10
WIDTH_MIN = 0.5  # SVG units
WIDTH_MAX = 200.0
# What one session may hold: every command (open, paint on it, analyze, export) stays within
# 3 s and 500 MB on the reference machine at these limits, even with no kept pain to reuse
# (benchmarks/run.py, section "limits"). A file beyond them is refused with one line, and the
# window stops adding marks at them.
MAX_POINTS_PER_STROKE = 20_000
MAX_MARKS = 4_000
MAX_TOTAL_POINTS = 160_000


@dataclass(frozen=True)
class RegionMark:
    """A whole anatomical region marked as painful."""

    region: str
    intensity: int = 5
    quality: str | None = None  # a pain quality id (bodymap.core.score.QUALITIES)


@dataclass(frozen=True)
class Stroke:
    """A brush (or eraser) stroke: ``points`` in SVG units of ``view``, ``width`` likewise."""

    view: str
    points: tuple[tuple[float, float], ...]
    width: float
    intensity: int = 5
    erase: bool = False
    quality: str | None = None  # a pain quality id (bodymap.core.score.QUALITIES)

    @cached_property
    def geometry(self) -> BaseGeometry:
        """The area the stroke covers: the points' path buffered by half the width."""
        return stroke_geometry(self.points, self.width)

    @property
    def point_count(self) -> int:
        """How many points the stroke has (without making them, for a lazy stroke)."""
        if "_xy" in self.__dict__:
            return len(self.__dict__["_xy"]) // 2
        return len(self.points)

    def is_rasterised(self) -> bool:
        """Whether its area is rasterised (see :mod:`bodymap.core.brush`), found without
        making a lazy stroke's points."""
        if "_xy" in self.__dict__:
            xy = self.__dict__["_xy"].reshape(-1, 2) / 100
            if len(xy) < 2:
                return False
            steps = np.diff(xy, axis=0)
            length = float(np.hypot(steps[:, 0], steps[:, 1]).sum())
            return length > TRACED_MAX_WIDTHS * self.width
        return is_rasterised(self.points, self.width)

    def has_geometry(self) -> bool:
        return "geometry" in self.__dict__

    @classmethod
    def from_hundredths(
        cls, view: str, xy: np.ndarray, width: float, intensity: int, erase: bool
    ) -> Stroke:
        """A stroke whose points are ``xy``, x and y alternating in whole hundredths of a
        unit (as session files keep them), made into floats only when first used: opening
        a large session for its kept pain (the window, ``analyze``, ``export``) never needs
        them."""
        stroke = object.__new__(cls)
        for name, value in (("view", view), ("width", width), ("intensity", intensity)):
            object.__setattr__(stroke, name, value)
        object.__setattr__(stroke, "erase", erase)
        stroke.__dict__["_xy"] = xy
        return stroke

    def __getattr__(self, name: str) -> Any:
        # Reached only for an attribute not set: the points of a stroke from from_hundredths.
        if name == "points" and "_xy" in self.__dict__:
            values = (self.__dict__.pop("_xy") / 100).tolist()  # the float nearest n / 100
            points = tuple(zip(values[0::2], values[1::2], strict=True))
            object.__setattr__(self, "points", points)
            return points
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


Mark = RegionMark | Stroke


def over_limits(marks: Sequence[Mark]) -> str | None:
    """Why ``marks`` are more than a session may hold (``MAX_MARKS``, ``MAX_TOTAL_POINTS``),
    or None."""
    if len(marks) > MAX_MARKS:
        return f"a map may hold at most {MAX_MARKS} marks"
    if sum(m.point_count for m in marks if isinstance(m, Stroke)) > MAX_TOTAL_POINTS:
        return f"a map may hold at most {MAX_TOTAL_POINTS} stroke points in all"
    return None


def rasterised(strokes: Sequence[Stroke]) -> list[bool]:
    """For each stroke, whether its area is rasterised (``Stroke.is_rasterised``), found in
    one pass over all their points: a session's thousands of strokes cost one array sum."""
    flats = [
        stroke.__dict__["_xy"] if "_xy" in stroke.__dict__
        else np.asarray(stroke.points, float).ravel() * 100
        for stroke in strokes
    ]  # fmt: skip
    counts = np.array([len(f) // 2 for f in flats], dtype=np.int64)
    if not len(flats) or counts.sum() == 0:
        return [False] * len(flats)
    points = np.concatenate(flats).reshape(-1, 2) / 100  # x, y in hundredths of a unit
    steps = np.hypot(*np.diff(points, axis=0).T)
    starts = np.cumsum(counts) - counts  # each stroke's first point in ``points``
    inside = np.ones(len(steps), dtype=bool)  # steps within a stroke, not between two
    inside[(starts[1:] - 1)[counts[1:] > 0]] = False
    within = np.where(inside, steps, 0.0)
    total = np.concatenate(([0.0], np.cumsum(within)))
    ends = starts + np.maximum(counts, 1) - 1
    lengths = total[ends] - total[starts]
    widths = np.array([stroke.width for stroke in strokes], dtype=float)
    return [bool(x) for x in (counts >= 2) & (lengths > TRACED_MAX_WIDTHS * widths)]


def is_erase(mark: Mark) -> bool:
    return isinstance(mark, Stroke) and mark.erase


def validate_mark(mark: Mark, anatomy: Anatomy) -> str | None:
    """Why ``mark`` is unusable with ``anatomy``, or None when it is fine."""
    if not (
        isinstance(mark.intensity, int)
        and not isinstance(mark.intensity, bool)
        and INTENSITY_MIN <= mark.intensity <= INTENSITY_MAX
    ):
        return f"intensity must be a whole number from {INTENSITY_MIN} to {INTENSITY_MAX}"
    if isinstance(mark, RegionMark):
        if mark.region not in anatomy.regions:
            return f"unknown region id {mark.region!r} (see `bodymap regions`)"
        return None
    if mark.view not in anatomy.views:
        return f"unknown view {mark.view!r} (expected one of {', '.join(anatomy.views)})"
    if not (WIDTH_MIN <= mark.width <= WIDTH_MAX):
        return f"stroke width must be from {WIDTH_MIN} to {WIDTH_MAX} SVG units"
    if not mark.points:
        return "a stroke needs at least one point"
    if len(mark.points) > MAX_POINTS_PER_STROKE:
        return f"a stroke may have at most {MAX_POINTS_PER_STROKE} points"
    if not np.isfinite(np.asarray(mark.points, dtype=float)).all():
        return "stroke points must be finite numbers"
    return None


def mirrored(mark: Mark, anatomy: Anatomy) -> Mark | None:
    """The same mark on the patient's other side, or None when it has no mirror image.

    Strokes are reflected about their view's midline; region marks map to the region of the
    same name on the other side (midline regions have none).
    """
    if isinstance(mark, RegionMark):
        other = anatomy.mirror_region_id(mark.region)
        return RegionMark(other, mark.intensity, mark.quality) if other else None
    mid2 = 2 * anatomy.views[mark.view].midline_x
    points = tuple((round(mid2 - x, 2), y) for x, y in mark.points)  # as a session stores them
    return Stroke(mark.view, points, mark.width, mark.intensity, mark.erase, mark.quality)
