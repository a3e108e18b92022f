"""Read and write session files (``*.bodymap.json``).

Format ``bodymap-session`` (``docs/session-format.md``), written in version 2: stroke points
as whole hundredths of an SVG unit, and the computed pain of each view kept beside the marks
(keyed by the marks, the regions file and the stroke geometry) so that opening a saved session
needs no refolding. Version 1 files still load. Loading validates everything, never modifies
the file, refuses newer versions and anything over the documented limits; a stale or damaged
pain cache is ignored (the pain is then computed from the marks). Saving is atomic.
"""

from __future__ import annotations

import base64
import binascii
import gc
import hashlib
import itertools
import json
import math
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import numpy as np
import shapely
import shapely.errors

from bodymap import __version__
from bodymap.core import brush as _brush
from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import PainLayers
from bodymap.core.marks import (
    MAX_MARKS,
    MAX_POINTS_PER_STROKE,
    MAX_TOTAL_POINTS,
    Mark,
    RegionMark,
    Stroke,
    validate_mark,
)
from bodymap.core.session import Session
from bodymap.io.errors import SessionError

FORMAT = "bodymap-session"
VERSION = 2
SUFFIX = ".bodymap.json"
MAX_BYTES = 64 * 1024 * 1024  # refused before parsing: about 3 million points
PER_UNIT = 100  # version 2 stores coordinates as whole hundredths of an SVG unit
MAX_COORDINATE = 10_000_000  # SVG units either side of 0: far beyond any view, within int32
_XY = np.dtype("<i4")  # one stored coordinate: little-endian 32-bit hundredths
_POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon

Fail = Callable[[str, str], SessionError]


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
    return whole.astype(_XY).tobytes(), exact


def _header(kind: str, what: str, width: float, intensity: int, count: int) -> str:
    """One mark's line of the marks digest."""
    return f"{kind}|{what}|{width!r}|{intensity}|{count}\n"


def _digest(headers: list[str], coords: bytes) -> str:
    """SHA-256 of the marks: one line per mark, then every stroke's ``xy`` bytes in order
    (see ``docs/session-format.md``)."""
    digest = hashlib.sha256("".join(headers).encode("utf-8"))
    digest.update(coords)
    return digest.hexdigest()


def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON document of ``session`` (current format version)."""
    marks: list[dict[str, Any]] = []
    headers: list[str] = []
    coords: list[bytes] = []
    exact = True
    for mark in session.marks:
        if isinstance(mark, RegionMark):
            marks.append({"type": "region", "region": mark.region, "intensity": mark.intensity})
            headers.append(_header("region", mark.region, 0.0, mark.intensity, 0))
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
        headers.append(_header(kind, mark.view, width, mark.intensity, len(xy) // 8))
        coords.append(xy)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": session.app_version,
        "regions": {"version": session.regions_version, "sha256": session.regions_sha256},
        "created": session.created.isoformat(),
        "modified": session.modified.isoformat(),
        "note": session.note,
        "marks": marks,
    }
    layers = session.pain
    # Kept only when loading will give back exactly the marks the pain was computed from.
    if layers is not None and exact and layers.geometry_version == _brush.GEOMETRY_VERSION:
        doc["pain"] = {
            "marks_sha256": _digest(headers, b"".join(coords)),
            "regions_sha256": layers.regions_sha256,
            "geometry_version": layers.geometry_version,
            "views": {
                view: {
                    str(level): base64.b64encode(
                        shapely.to_wkb(geom, byte_order=1, output_dimension=2)
                    ).decode("ascii")
                    for level, geom in sorted(levels.items())
                }
                for view, levels in layers.levels.items()
            },
        }
    return doc


def dumps(session: Session) -> bytes:
    """The file's bytes: one mark per line, the pain cache last, one level per line."""
    doc = session_to_dict(session)
    marks, cache = doc.pop("marks"), doc.pop("pain", None)
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in doc.items()]
    body = ",\n".join(f"  {json.dumps(m, ensure_ascii=False)}" for m in marks)
    lines.append(f' "marks": [\n{body}\n ]' if marks else ' "marks": []')
    if cache is not None:
        lines[-1] += ","
        lines.append(' "pain": ' + json.dumps(cache, indent=1).replace("\n", "\n "))
    return ("{\n" + "\n".join(lines) + "\n}").encode("utf-8")


def save_session(session: Session, path: str | Path) -> None:
    """Write ``session`` to ``path`` atomically; raise SessionError (file untouched) on failure.

    ``session.pain``, when given, is kept in the file (see :class:`Session`)."""
    from bodymap.io.atomic import describe_os_error, write_atomic  # not needed to read

    try:
        data = dumps(session)
    except ValueError as exc:
        raise SessionError(str(path), f"could not save: {exc}") from None
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise SessionError(str(path), f"could not save: {describe_os_error(exc)}") from None


# --- reading ------------------------------------------------------------------------------


def load_session(path: str | Path, anatomy: Anatomy) -> Session:
    """Read and validate a session file against ``anatomy``; raise SessionError if unusable."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise SessionError(
                name, f"too large ({size // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB); "
                "is it a session file?",
            )  # fmt: skip
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SessionError(name, "no such file; check the path") from None
    except IsADirectoryError:
        raise SessionError(name, "is a folder, not a session file") from None
    except OSError as exc:
        raise SessionError(name, f"cannot read it ({exc.strerror}); check permissions") from None
    return parse_session(raw, name, anatomy)


def parse_session(raw: bytes, name: str, anatomy: Anatomy) -> Session:
    """Validate the bytes of a session file called ``name``."""
    # Reading makes hundreds of thousands of small objects that all live on: the cyclic
    # garbage collector, triggered over and over by them, would find nothing to free and
    # take half the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(raw, name, anatomy)
    finally:
        if collecting:
            gc.enable()


def _parse(raw: bytes, name: str, anatomy: Anatomy) -> Session:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError(
            name, f"not a text file (bad byte at offset {exc.start}); the file is damaged"
        ) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise SessionError(
            name, f"damaged or incomplete ({exc.msg}); restore a backup or the autosave",
            exc.lineno, exc.colno,
        ) from None  # fmt: skip
    except (ValueError, RecursionError) as exc:
        raise SessionError(name, f"damaged ({exc}); restore a backup") from None
    return _from_dict(doc, name, anatomy)


def _reject_constant(token: str) -> float:
    raise ValueError(f"{token} is not a number a session may hold")


def _from_dict(doc: Any, name: str, anatomy: Anatomy) -> Session:
    def fail(where: str, reason: str) -> SessionError:
        return SessionError(name, f"{where}: {reason}; the file is damaged or not a session")

    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError(name, f'not a session file (no "format": "{FORMAT}")')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail("version", "must be a whole number from 1")
    if version > VERSION:
        raise SessionError(
            name, f"written in session format version {version}, newer than this app reads "
            f"(version {VERSION}); update the app to open it",
        )  # fmt: skip
    note = doc.get("note", "")
    if not isinstance(note, str):
        raise fail("note", "must be text")
    app_version = doc.get("app_version", __version__)
    if not isinstance(app_version, str):
        raise fail("app_version", "must be text")
    regions = doc.get("regions", {})
    if not isinstance(regions, dict):
        raise fail("regions", "must be an object")
    regions_version = regions.get("version")
    regions_sha = regions.get("sha256")
    if regions_version is not None and (
        isinstance(regions_version, bool) or not isinstance(regions_version, int)
    ):
        raise fail("regions.version", "must be a whole number")
    if regions_sha is not None and not isinstance(regions_sha, str):
        raise fail("regions.sha256", "must be text")
    times = []
    for key in ("created", "modified"):
        value = doc.get(key)
        try:
            stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            stamp = None
        if stamp is None or stamp.tzinfo is None:
            raise fail(key, "must be an ISO 8601 time with a time zone")
        times.append(stamp)
    raw_marks = doc.get("marks")
    if not isinstance(raw_marks, list):
        raise fail("marks", "must be a list")
    if len(raw_marks) > MAX_MARKS:
        raise fail("marks", f"more than {MAX_MARKS} marks")
    layers = None
    if version == 1:  # points as [x, y] pairs of numbers; no pain kept
        marks = _marks_v1(raw_marks, anatomy, fail)
    else:
        marks, digest = _marks_v2(raw_marks, anatomy, fail)
        layers = _cached_pain(doc.get("pain"), digest, marks, anatomy)
    session = Session(marks, note, times[0], times[1], regions_version, regions_sha, app_version)
    session.pain = layers
    return session


def _marks_v1(raw_marks: list[Any], anatomy: Anatomy, fail: Fail) -> list[Mark]:
    marks: list[Mark] = []
    total_points = 0
    for i, item in enumerate(raw_marks):
        where = f"marks[{i}]"
        mark = _mark_v1(item, where, fail)
        if isinstance(mark, Stroke):
            total_points += len(mark.points)
            if total_points > MAX_TOTAL_POINTS:
                raise fail(where, f"more than {MAX_TOTAL_POINTS} points in all")
        problem = validate_mark(mark, anatomy)
        if problem:
            raise fail(where, problem)
        marks.append(mark)
    return marks


def _region_mark(item: dict[str, Any], where: str, fail: Fail) -> RegionMark:
    region = item.get("region")
    if not isinstance(region, str):
        raise fail(f"{where}.region", "must be a region id")
    return RegionMark(region, item.get("intensity", 5))


def _mark_v1(item: Any, where: str, fail: Fail) -> Mark:
    if not isinstance(item, dict):
        raise fail(where, "must be an object")
    kind = item.get("type")
    intensity = item.get("intensity", 5)
    if kind == "region":
        return _region_mark(item, where, fail)
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


def _marks_v2(raw_marks: list[Any], anatomy: Anatomy, fail: Fail) -> tuple[list[Mark], str]:
    """The marks of a version 2 file and their digest. Strokes are checked field by field,
    their coordinates all at once (a session may hold millions of numbers)."""
    marks: list[Mark | None] = []  # None: a stroke, made once all coordinates are checked
    headers: list[str] = []
    blocks: list[bytes] = []
    strokes: list[tuple[int, int, int, str, float, int, bool]] = []
    checked: dict[tuple[Any, ...], str | None] = {}  # stroke fields -> validate_mark's verdict
    total = 0
    unit = 2 * _XY.itemsize  # bytes per point
    for i, item in enumerate(raw_marks):
        if type(item) is not dict:
            raise fail(f"marks[{i}]", "must be an object")
        kind = item.get("type")
        intensity = item.get("intensity", 5)
        if kind == "region":
            mark = _region_mark(item, f"marks[{i}]", fail)
            problem = validate_mark(mark, anatomy)
            if problem:
                raise fail(f"marks[{i}]", problem)
            marks.append(mark)
            headers.append(_header("region", mark.region, 0.0, intensity, 0))
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
        headers.append(_header(kind, view, width, intensity, count))
    coords = b"".join(blocks)
    whole = np.frombuffer(coords, dtype=_XY)
    if whole.size and not (np.abs(whole.astype(np.int64)) <= MAX_COORDINATE * PER_UNIT).all():
        raise fail("marks", f"a stroke point lies beyond {MAX_COORDINATE:,} SVG units")
    for index, first, count, view, width, intensity, erase in strokes:  # points made on use
        xy = whole[2 * first : 2 * (first + count)]
        marks[index] = Stroke.from_hundredths(view, xy, width, intensity, erase)
    return cast(list[Mark], marks), _digest(headers, coords)


def _cached_pain(cache: Any, digest: str, marks: list[Mark], anatomy: Anatomy) -> PainLayers | None:
    """The pain kept in the file when it is for exactly these marks, this regions file and
    this stroke geometry, and sound (polygonal, valid, finite, inside its view's viewBox);
    otherwise None, and the pain is computed from the marks. Never raises."""
    if not (
        type(cache) is dict
        and cache.get("marks_sha256") == digest
        and cache.get("regions_sha256") == anatomy.sha256
        and type(cache.get("geometry_version")) is int
        and cache["geometry_version"] == _brush.GEOMETRY_VERSION
        and type(cache.get("views")) is dict
        and set(cache["views"]) == set(anatomy.views)
    ):
        return None
    expected: dict[str, set[int]] = {view: set() for view in anatomy.views}
    for mark in marks:
        if isinstance(mark, RegionMark):
            expected[anatomy.regions[mark.region].view].add(mark.intensity)
        elif not mark.erase:
            expected[mark.view].add(mark.intensity)
    with np.errstate(all="ignore"):  # damaged numbers make the cache unusable, not noise
        return _decoded(cache["views"], expected, anatomy)


def _decoded(
    views: dict[str, Any], expected: dict[str, set[int]], anatomy: Anatomy
) -> PainLayers | None:
    """The levels of each view decoded and checked, or None."""
    keys: list[tuple[str, int]] = []
    blobs: list[bytes] = []
    try:
        for view, levels in views.items():
            if type(levels) is not dict or set(levels) != {str(k) for k in expected[view]}:
                return None
            for level, text in levels.items():
                if type(text) is not str:
                    return None
                keys.append((view, int(level)))
                blobs.append(base64.b64decode(text, validate=True))
        geoms = shapely.from_wkb(blobs)
    except (ValueError, TypeError, shapely.errors.GEOSException):
        return None
    if len(blobs) and not (
        np.isin(shapely.get_type_id(geoms), _POLYGONAL).all()
        and not shapely.has_z(geoms).any()
        and shapely.is_valid(geoms).all()
        and np.isfinite(shapely.get_coordinates(geoms)).all()
    ):
        return None
    result: dict[str, dict[int, Any]] = {view: {} for view in anatomy.views}
    bounds = shapely.bounds(geoms) if len(blobs) else np.empty((0, 4))
    for (view, level), geom, (x0, y0, x1, y1) in zip(keys, geoms, bounds, strict=True):
        bx, by, bw, bh = anatomy.views[view].viewbox
        if not geom.is_empty and not (bx <= x0 and by <= y0 and x1 <= bx + bw and y1 <= by + bh):
            return None
        result[view][level] = geom
    return PainLayers(anatomy.sha256, _brush.GEOMETRY_VERSION, result)


def regions_warning(session: Session, anatomy: Anatomy, name: str) -> str | None:
    """A one-line warning when ``session`` was drawn against another regions file."""
    if session.regions_sha256 in (None, anatomy.sha256):
        return None
    return (
        f"{name}: drawn against another version of regions.yaml; marks load as drawn, "
        "but the matches may differ from when it was saved"
    )
