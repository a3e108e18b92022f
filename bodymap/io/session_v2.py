"""Marks of session format version 2 (the version written): stroke points as base64 ``xy``
bytes of whole hundredths of an SVG unit, and the pain computed from them kept beside the
marks (``bodymap.io.session_cache``), keyed by the marks digest."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import Any, cast

import numpy as np

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import PainLayers
from bodymap.core.marks import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    MAX_POINTS_PER_STROKE,
    MAX_TOTAL_POINTS,
    Mark,
    RegionMark,
    Stroke,
    validate_mark,
)
from bodymap.core.session import Session
from bodymap.io import session_cache
from bodymap.io.session_marks import (
    MAX_COORDINATE,
    PER_UNIT,
    XY,
    Fail,
    digest,
    header,
    region_mark,
)

VERSION = 2


# --- writing ------------------------------------------------------------------------------


def _hundredths(points: Sequence[tuple[float, float]]) -> tuple[bytes, bool]:
    """The points as ``xy`` bytes of whole hundredths (each coordinate rounded to 2 decimals
    first, as every version has stored them), and whether that was exact (the points were
    already rounded, so loading gives back exactly these points)."""
    flat = np.asarray([c for point in points for c in point], dtype=np.float64)
    whole = np.rint(flat * PER_UNIT)
    exact = bool(np.array_equal(whole / PER_UNIT, flat))
    if not exact:  # Python's round(x, 2): exact decimal rounding, as version 1 wrote them
        whole = np.array([round(round(float(c), 2) * PER_UNIT) for c in flat], dtype=np.float64)
    if not np.all(np.abs(whole) <= MAX_COORDINATE * PER_UNIT):
        raise ValueError(f"a stroke point lies beyond {MAX_COORDINATE:,} SVG units")
    return whole.astype(XY).tobytes(), exact


def write(session: Session) -> dict[str, Any]:
    """The version's part of the document: ``{"marks": [...]}`` plus ``"pain"`` when the
    session's pain can be kept. Raises ValueError for a point beyond ``MAX_COORDINATE``."""
    marks: list[dict[str, Any]] = []
    headers: list[str] = []
    coords: list[bytes] = []
    exact = True
    for mark in session.marks:
        if isinstance(mark, RegionMark):
            marks.append({"type": "region", "region": mark.region, "intensity": mark.intensity})
            headers.append(header("region", mark.region, 0.0, mark.intensity, 0))
            continue
        kind = "erase" if mark.erase else "stroke"
        xy, same = _hundredths(mark.points)
        exact = exact and same
        width = float(mark.width)
        marks.append(
            {
                "type": kind,
                "view": mark.view,
                "width": width,
                "intensity": mark.intensity,
                "xy": base64.b64encode(xy).decode("ascii"),
            }
        )
        headers.append(header(kind, mark.view, width, mark.intensity, len(xy) // 8))
        coords.append(xy)
    part: dict[str, Any] = {"marks": marks}
    # Kept only when loading will give back exactly the marks the pain was computed from.
    if session.pain is not None and exact:
        cache = session_cache.encode(session.pain, digest(headers, b"".join(coords)))
        if cache is not None:
            part["pain"] = cache
    return part


# --- reading ------------------------------------------------------------------------------


def read(doc: dict[str, Any], anatomy: Anatomy, fail: Fail) -> tuple[list[Mark], PainLayers | None]:
    """The marks of a version 2 document (``doc["marks"]`` already checked to be a list of at
    most ``MAX_MARKS`` items) and its kept pain when it is sound and for exactly these marks
    (else None). Raises what ``fail`` makes."""
    marks, marks_digest = _marks(doc["marks"], anatomy, fail)
    return marks, session_cache.decode(doc.get("pain"), marks_digest, marks, anatomy)


def _marks(raw_marks: list[Any], anatomy: Anatomy, fail: Fail) -> tuple[list[Mark], str]:
    """The marks and their digest. Strokes are checked field by field, their coordinates all
    at once (a session may hold millions of numbers)."""
    marks: list[Mark | None] = []  # None: a stroke, made once all coordinates are checked
    headers: list[str] = []
    blocks: list[bytes] = []
    strokes: list[tuple[int, int, int, str, float, int, bool]] = []
    checked: dict[tuple[Any, ...], str | None] = {}  # stroke fields -> validate_mark's verdict
    total = 0
    unit = 2 * XY.itemsize  # bytes per point
    for i, item in enumerate(raw_marks):
        if type(item) is not dict:
            raise fail(f"marks[{i}]", "must be an object")
        kind = item.get("type")
        intensity = item.get("intensity", 5)
        if kind == "region":
            mark = region_mark(item, f"marks[{i}]", fail)
            problem = validate_mark(mark, anatomy)
            if problem:
                raise fail(f"marks[{i}]", problem)
            marks.append(mark)
            headers.append(header("region", mark.region, 0.0, intensity, 0))
            continue
        if kind != "stroke" and kind != "erase":
            raise fail(f"marks[{i}].type", "must be region, stroke or erase")
        view, width, xy = item.get("view"), item.get("width"), item.get("xy")
        if type(view) is not str:
            raise fail(f"marks[{i}].view", "must be a view id")
        if type(width) is not float and type(width) is not int:  # bool is neither
            raise fail(f"marks[{i}].width", "must be a number")
        try:
            block = binascii.a2b_base64(xy, strict_mode=True) if type(xy) is str else None
        except ValueError:  # not base64
            block = None
        if block is None or len(block) % unit:
            raise fail(f"marks[{i}].xy", "must be base64 of x, y pairs of 32-bit hundredths")
        if type(intensity) is not int:  # also keeps the key below hashable (a list, a dict)
            raise fail(
                f"marks[{i}].intensity",
                f"must be a whole number from {INTENSITY_MIN} to {INTENSITY_MAX}",
            )
        erase = kind == "erase"
        key = (view, width, type(width), intensity, type(intensity), erase)
        problem = checked.get(key, "")
        if problem == "":
            # Every rule but the points' (counted below, finite and bounded by construction).
            problem = validate_mark(Stroke(view, ((0.0, 0.0),), width, intensity), anatomy)
            checked[key] = problem
        if problem:
            raise fail(f"marks[{i}]", problem)
        count = len(block) // unit
        if not count:
            raise fail(f"marks[{i}]", "a stroke needs at least one point")
        if count > MAX_POINTS_PER_STROKE:
            raise fail(f"marks[{i}]", f"a stroke may have at most {MAX_POINTS_PER_STROKE} points")
        if total + count > MAX_TOTAL_POINTS:
            raise fail(f"marks[{i}]", f"more than {MAX_TOTAL_POINTS} points in all")
        width = float(width)
        strokes.append((len(marks), total, count, view, width, intensity, erase))
        total += count
        blocks.append(block)
        marks.append(None)
        headers.append(header(kind, view, width, intensity, count))
    coords = b"".join(blocks)
    whole = np.frombuffer(coords, dtype=XY)
    if whole.size and not (np.abs(whole.astype(np.int64)) <= MAX_COORDINATE * PER_UNIT).all():
        raise fail("marks", f"a stroke point lies beyond {MAX_COORDINATE:,} SVG units")
    for index, first, count, view, width, intensity, erase in strokes:  # points made on use
        xy = whole[2 * first : 2 * (first + count)]
        marks[index] = Stroke.from_hundredths(view, xy, width, intensity, erase)
    return cast(list[Mark], marks), digest(headers, coords)
