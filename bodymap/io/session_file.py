"""Read and write session files (``*.bodymap.json``).

Format ``bodymap-session``, version 1 (``docs/session-format.md``). Coordinates are SVG user
units of each mark's view. Loading validates everything, never modifies the file, refuses
newer versions and anything over the documented limits; saving is atomic.
"""

from __future__ import annotations

import itertools
import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

from bodymap import __version__
from bodymap.core.anatomy import Anatomy
from bodymap.core.pain import MAX_MARKS, MAX_TOTAL_POINTS, Mark, RegionMark, Stroke, validate_mark
from bodymap.core.session import Session
from bodymap.io.atomic import describe_os_error, write_atomic
from bodymap.io.errors import SessionError

FORMAT = "bodymap-session"
VERSION = 1
SUFFIX = ".bodymap.json"
MAX_BYTES = 64 * 1024 * 1024  # refused before parsing: about 3 million points


def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON document of ``session`` (current format version)."""
    marks: list[dict[str, Any]] = []
    for mark in session.marks:
        if isinstance(mark, RegionMark):
            marks.append({"type": "region", "region": mark.region, "intensity": mark.intensity})
        else:
            marks.append(
                {
                    "type": "erase" if mark.erase else "stroke",
                    "view": mark.view,
                    "width": mark.width,
                    "intensity": mark.intensity,
                    "points": [[round(x, 2), round(y, 2)] for x, y in mark.points],
                }
            )
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": session.app_version,
        "regions": {"version": session.regions_version, "sha256": session.regions_sha256},
        "created": session.created.isoformat(),
        "modified": session.modified.isoformat(),
        "note": session.note,
        "marks": marks,
    }


def dumps(session: Session) -> bytes:
    return json.dumps(session_to_dict(session), ensure_ascii=False, indent=1).encode("utf-8")


def save_session(session: Session, path: str | Path) -> None:
    """Write ``session`` to ``path`` atomically; raise SessionError (file untouched) on failure."""
    try:
        write_atomic(path, dumps(session))
    except OSError as exc:
        raise SessionError(str(path), f"could not save: {describe_os_error(exc)}") from None


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
    # Only version 1 exists; older versions would be migrated here, in memory.
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
    marks: list[Mark] = []
    total_points = 0
    for i, item in enumerate(raw_marks):
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
    return Session(marks, note, times[0], times[1], regions_version, regions_sha, app_version)


def _mark(item: Any, where: str, fail: Any) -> Mark:
    if not isinstance(item, dict):
        raise fail(where, "must be an object")
    kind = item.get("type")
    intensity = item.get("intensity", 5)
    if kind == "region":
        region = item.get("region")
        if not isinstance(region, str):
            raise fail(f"{where}.region", "must be a region id")
        return RegionMark(region, intensity)
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
    coords = [(float(x), float(y)) for x, y in points]
    return Stroke(view, tuple(coords), float(width), intensity, kind == "erase")


def regions_warning(session: Session, anatomy: Anatomy, name: str) -> str | None:
    """A one-line warning when ``session`` was drawn against another regions file."""
    if session.regions_sha256 in (None, anatomy.sha256):
        return None
    return (
        f"{name}: drawn against another version of regions.yaml; marks load as drawn, "
        "but the matches may differ from when it was saved"
    )
