"""The positioned reader of ``regions.yaml``'s values: typed checks whose errors name the
file, line and column of the value (``RegionsError``), shared by the regions modules."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
from shapely.geometry import Polygon
from shapely.validation import explain_validity

from bodymap.io import yaml_strict
from bodymap.io.errors import RegionsError

# A number of an outline written as text (format version 3): plain decimal, optional exponent,
# at most 24 digits before the point (longer cannot be a coordinate).
_NUMBER = r"-?[0-9]{1,24}(?:\.[0-9]{1,24})?(?:[eE][-+]?[0-9]{1,3})?"
_PAIR = re.compile(f"({_NUMBER}),({_NUMBER})")
_POINTS = re.compile(f"\\s*{_NUMBER},{_NUMBER}(?:\\s+{_NUMBER},{_NUMBER})*\\s*")


class Reader:
    """Typed access to the parsed document with errors that point at the source."""

    def __init__(self, path: str, marks: yaml_strict.Marks) -> None:
        self.path = path
        self.marks = marks

    def fail(self, where: yaml_strict.Path, reason: str) -> RegionsError:
        while where not in self.marks and where:
            where = where[:-1]
        line, col = self.marks.get(where, (1, 1))
        return RegionsError(self.path, reason, line, col)

    def mapping(
        self,
        value: Any,
        where: yaml_strict.Path,
        required: set[str],
        optional: frozenset[str] = frozenset(),
    ) -> dict[str, Any]:
        name = ".".join(map(str, where)) or "the document"
        if not isinstance(value, dict):
            raise self.fail(where, f"{name} must be a mapping of keys to values")
        for key in value:
            if key not in required | optional:
                raise self.fail(
                    (*where, key), f"unknown key {key!r} in {name}; remove it or fix its spelling"
                )
        for key in sorted(required):
            if key not in value:
                raise self.fail(where, f"{name} is missing the key {key!r}; add it")
        return value

    def text(self, value: Any, where: yaml_strict.Path) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                where, f"{'.'.join(map(str, where))} must be non-empty text (quote it if needed)"
            )
        return value.strip()

    def texts(self, value: Any, where: yaml_strict.Path) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(where, f"{'.'.join(map(str, where))} must be a non-empty list")
        return tuple(self.text(item, (*where, i)) for i, item in enumerate(value))

    def items(self, value: Any, where: yaml_strict.Path) -> list[Any]:
        if not isinstance(value, list) or not value:
            raise self.fail(where, f"{'.'.join(map(str, where))} must be a non-empty list")
        return value

    def choice(self, value: Any, where: yaml_strict.Path, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            raise self.fail(
                where,
                f"{'.'.join(map(str, where))} is {value!r}; expected one of {', '.join(allowed)}",
            )
        return str(value)

    def number(self, value: Any, where: yaml_strict.Path) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"expected a number, got {value!r}")
        if not math.isfinite(value):
            raise self.fail(where, f"{value!r} is not a finite number; use a real coordinate")
        return float(value)

    def polygon(
        self, value: Any, where: yaml_strict.Path, viewbox: tuple[float, float, float, float]
    ) -> Polygon:
        """The polygon of an outline written as a list of ``[x, y]`` pairs or (format version
        3) as text of ``x,y`` pairs separated by spaces, in SVG user units of the view; it
        must be valid (not crossing itself) and inside ``viewbox`` (x, y, width, height)."""
        if isinstance(value, str):
            return self._checked(self._points_text(value, where), where, viewbox)
        points = self.items(value, where)
        if len(points) < 3:
            raise self.fail(where, "a polygon needs at least 3 points")
        flat = [c for p in points if type(p) is list and len(p) == 2 for c in p]
        if (
            len(flat) == 2 * len(points)
            and {type(c) for c in flat} <= {int, float}
            and all(map(math.isfinite, flat))
        ):  # checked in bulk; the loop below finds the first bad point
            poly = Polygon(np.asarray(flat, dtype=np.float64).reshape(-1, 2))
        else:
            coords = []
            for i, point in enumerate(points):
                if not isinstance(point, list) or len(point) != 2:
                    raise self.fail((*where, i), "a point must be a pair [x, y]")
                coords.append(
                    (self.number(point[0], (*where, i, 0)), self.number(point[1], (*where, i, 1)))
                )
            poly = Polygon(coords)
        return self._checked(poly, where, viewbox)

    def _points_text(self, text: str, where: yaml_strict.Path) -> Polygon:
        if _POINTS.fullmatch(text) is None:
            for i, pair in enumerate(text.split()):
                if _PAIR.fullmatch(pair) is None:
                    raise self.fail(
                        where, f"point {i + 1} of the outline is {pair[:40]!r}; write each point "
                        "as x,y (two numbers, a comma, no space) and separate points by spaces",
                    )  # fmt: skip
            raise self.fail(where, "the outline's points must be x,y pairs separated by spaces")
        flat = np.array(text.replace(",", " ").split(), dtype=np.float64)
        if len(flat) < 6:
            raise self.fail(where, "a polygon needs at least 3 points")
        if not np.isfinite(flat).all():
            raise self.fail(where, "a coordinate of the outline is too large; use a real one")
        return Polygon(flat.reshape(-1, 2))

    def _checked(
        self, poly: Polygon, where: yaml_strict.Path, viewbox: tuple[float, float, float, float]
    ) -> Polygon:
        if not poly.is_valid:
            raise self.fail(
                where, f"invalid polygon ({explain_validity(poly)}); fix the outline so it does "
                "not cross itself",
            )  # fmt: skip
        x0, y0, w, h = viewbox
        bx0, by0, bx1, by1 = poly.bounds
        if bx0 < x0 or by0 < y0 or bx1 > x0 + w or by1 > y0 + h:
            raise self.fail(
                where, f"polygon reaches outside the viewBox {list(viewbox)}; move it inside"
            )
        return poly
