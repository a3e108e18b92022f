"""What every session format version shares: stored coordinates, the marks digest, region marks.

Coordinates are SVG user units; from version 2 on they are stored as whole hundredths in
little-endian 32-bit integers (``XY``). The marks digest keys the kept pain to its marks
(``docs/session-format.md``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np

from bodymap.core.marks import RegionMark
from bodymap.io.errors import SessionError

PER_UNIT = 100  # version 2 stores coordinates as whole hundredths of an SVG unit
MAX_COORDINATE = 10_000_000  # SVG units either side of 0: far beyond any view, within int32
XY = np.dtype("<i4")  # one stored coordinate: little-endian 32-bit hundredths

Fail = Callable[[str, str], SessionError]
"""Makes the error for a bad field: ``fail(where, reason)``, e.g. ``fail("marks[3]", "...")``."""


def header(kind: str, what: str, width: float, intensity: int, count: int) -> str:
    """One mark's line of the marks digest."""
    return f"{kind}|{what}|{width!r}|{intensity}|{count}\n"


def digest(headers: list[str], coords: bytes) -> str:
    """SHA-256 of the marks: one line per mark, then every stroke's ``xy`` bytes in order
    (see ``docs/session-format.md``)."""
    sha = hashlib.sha256("".join(headers).encode("utf-8"))
    sha.update(coords)
    return sha.hexdigest()


def region_mark(item: dict[str, Any], where: str, fail: Fail) -> RegionMark:
    """The region mark stored as ``item`` (its intensity checked later by ``validate_mark``)."""
    region = item.get("region")
    if not isinstance(region, str):
        raise fail(f"{where}.region", "must be a region id")
    return RegionMark(region, item.get("intensity", 5))


def aware_time(value: object) -> datetime | None:
    """``value`` read as an ISO 8601 date and time with a time zone that has a UTC time, or
    None (not text, not such a time, no zone, or out of range: year 1 at +01:00)."""
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
        if stamp is not None and stamp.tzinfo is not None:
            stamp.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return stamp if stamp is not None and stamp.tzinfo is not None else None
