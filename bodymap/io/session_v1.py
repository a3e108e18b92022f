"""Marks of session format version 1: stroke points as ``[x, y]`` pairs of numbers (SVG user
units); no pain kept. Read only: files are written in the current version."""

from __future__ import annotations

import itertools
import math
from typing import Any

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import PainLayers
from bodymap.core.marks import MAX_TOTAL_POINTS, Mark, Stroke, validate_mark
from bodymap.io.session_marks import MAX_COORDINATE, Fail, region_mark

VERSION = 1


def read(doc: dict[str, Any], anatomy: Anatomy, fail: Fail) -> tuple[list[Mark], PainLayers | None]:
    """The marks of a version 1 document (``doc["marks"]`` already checked to be a list of at
    most ``MAX_MARKS`` items), and no kept pain. Raises what ``fail`` makes."""
    marks: list[Mark] = []
    total_points = 0
    for i, item in enumerate(doc["marks"]):
        where = f"marks[{i}]"
        mark = _mark(item, where, fail)
        if isinstance(mark, Stroke):
            total_points += len(mark.points)
            if total_points > MAX_TOTAL_POINTS:
                raise fail(where, f"more than {MAX_TOTAL_POINTS} points in all")
        problem = validate_mark(mark, anatomy)
        if problem:
            raise fail(where, problem)
        marks.append(mark)
    return marks, None


def _mark(item: Any, where: str, fail: Fail) -> Mark:
    if not isinstance(item, dict):
        raise fail(where, "must be an object")
    kind = item.get("type")
    intensity = item.get("intensity", 5)
    if kind == "region":
        return region_mark(item, where, fail)
    if kind not in ("stroke", "erase"):
        raise fail(f"{where}.type", "must be region, stroke or erase")
    view, width, points = item.get("view"), item.get("width"), item.get("points")
    if not isinstance(view, str):
        raise fail(f"{where}.view", "must be a view id")
    if isinstance(width, bool) or not isinstance(width, int | float):
        raise fail(f"{where}.width", "must be a number")
    if not isinstance(points, list):
        raise fail(f"{where}.points", "must be a list of [x, y] pairs")
    # Checked in bulk: a session may hold millions of numbers.
    if not (
        {type(p) for p in points} <= {list}
        and {len(p) for p in points} <= {2}
        and {type(c) for p in points for c in p} <= {int, float}
        and all(map(math.isfinite, itertools.chain.from_iterable(points)))
    ):
        raise fail(f"{where}.points", "must be a list of [x, y] pairs of finite numbers")
    if points and max(map(abs, itertools.chain.from_iterable(points))) > MAX_COORDINATE:
        raise fail(f"{where}.points", f"a point lies beyond {MAX_COORDINATE:,} SVG units")
    coords = [(float(x), float(y)) for x, y in points]
    return Stroke(view, tuple(coords), float(width), intensity, kind == "erase")
