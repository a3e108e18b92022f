"""Smooth cubic Bezier runs through knots, their sampling and their SVG path text."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
Segment = tuple[Point, Point, Point, Point]  # p0, c1, c2, p3


def _unit(dx: float, dy: float) -> Point:
    n = math.hypot(dx, dy)
    return (dx / n, dy / n) if n else (0.0, 0.0)


def smooth_run(
    knots: Sequence[Point],
    start: Point | None = None,
    end: Point | None = None,
    tension: float = 1 / 3,
) -> list[Segment]:
    """Cubic Bezier segments through ``knots`` with a continuous tangent at every inner knot.

    The tangent at an inner knot bisects the two unit chords; handle lengths are ``tension``
    times the neighbouring chord, which keeps unevenly spaced knots free of loops. ``start``
    and ``end`` optionally fix the direction at the two ends (default: along the end chord).
    """
    pts = [(float(x), float(y)) for x, y in knots]
    if len(pts) < 2:
        raise ValueError("a run needs at least two knots")
    tangents: list[Point] = []
    for i, p in enumerate(pts):
        if i == 0:
            t = start or (pts[1][0] - p[0], pts[1][1] - p[1])
        elif i == len(pts) - 1:
            t = end or (p[0] - pts[i - 1][0], p[1] - pts[i - 1][1])
        else:
            a = _unit(p[0] - pts[i - 1][0], p[1] - pts[i - 1][1])
            b = _unit(pts[i + 1][0] - p[0], pts[i + 1][1] - p[1])
            t = (a[0] + b[0], a[1] + b[1])
        tangents.append(_unit(*t))
    segments: list[Segment] = []
    for i in range(len(pts) - 1):
        p0, p3 = pts[i], pts[i + 1]
        h = math.dist(p0, p3) * tension
        t0, t3 = tangents[i], tangents[i + 1]
        c1 = (p0[0] + t0[0] * h, p0[1] + t0[1] * h)
        c2 = (p3[0] - t3[0] * h, p3[1] - t3[1] * h)
        segments.append((p0, c1, c2, p3))
    return segments


def line(p0: Point, p3: Point) -> Segment:
    """A straight segment written as a cubic (handles on the chord)."""
    c1 = (p0[0] + (p3[0] - p0[0]) / 3, p0[1] + (p3[1] - p0[1]) / 3)
    c2 = (p0[0] + 2 * (p3[0] - p0[0]) / 3, p0[1] + 2 * (p3[1] - p0[1]) / 3)
    return (p0, c1, c2, p3)


def point_at(seg: Segment, t: float) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = seg
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)


def _approx_length(seg: Segment) -> float:
    pts = [point_at(seg, i / 16) for i in range(17)]
    return sum(math.dist(pts[i], pts[i + 1]) for i in range(16))


def sample(segments: Sequence[Segment], spacing: float = 1.0) -> list[Point]:
    """Points along consecutive segments, about ``spacing`` apart, first knot included,
    last knot included, no duplicates where segments join."""
    out: list[Point] = []
    for seg in segments:
        n = max(1, math.ceil(_approx_length(seg) / spacing))
        start = 0 if not out else 1
        out.extend(point_at(seg, i / n) for i in range(start, n + 1))
    return out


def mirror(segments: Sequence[Segment]) -> list[Segment]:
    """The run reflected about d = 0 and reversed (so a right half continues into a left one)."""
    out: list[Segment] = []
    for p0, c1, c2, p3 in reversed(segments):
        out.append(((-p3[0], p3[1]), (-c2[0], c2[1]), (-c1[0], c1[1]), (-p0[0], p0[1])))
    return out


def path_d(
    segments: Sequence[Segment], to_x: float = 200.0, side: float = 1.0, closed: bool = False
) -> str:
    """SVG path data for half-space segments, mapped to x = to_x + side * d."""

    def fmt(p: Point) -> str:
        return f"{to_x + side * p[0]:.2f},{p[1]:.2f}"

    if not segments:
        return ""
    parts = [f"M{fmt(segments[0][0])}"]
    for _, c1, c2, p3 in segments:
        parts.append(f"C{fmt(c1)} {fmt(c2)} {fmt(p3)}")
    if closed:
        parts.append("Z")
    return " ".join(parts)
