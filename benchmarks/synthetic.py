"""Synthetic inputs for the benchmark: many-zone regions files and many-stroke sessions.

All coordinates are SVG user units of the shipped views (viewBox 0 0 400 720).
"""

from __future__ import annotations

import copy
import math
import random
from pathlib import Path
from typing import Any

import yaml
from shapely import affinity
from shapely.geometry import Polygon, box

from bodymap.core.marks import Stroke


def _points(value: Any) -> list[tuple[float, float]]:
    """A polygon of regions.yaml: a list of [x, y] pairs, or (format 3) "x,y x,y ..." text."""
    if isinstance(value, str):
        return [(float(x), float(y)) for x, y in (p.split(",") for p in value.split())]
    return [(float(x), float(y)) for x, y in value]


def regions_with_zones(base: Path, zone_count: int, out: Path, seed: int = 1) -> Path:
    """Write a copy of ``base`` whose muscles have ``zone_count`` zones in all.

    Extra muscles are copies of the shipped ones moved to random places over the body (each
    zone clipped to the silhouette and to its own side of the midline), the way more muscles
    would spread their patterns: the matcher has to find the few zones the pain touches.
    """
    doc: dict[str, Any] = yaml.safe_load(base.read_text(encoding="utf-8"))
    shipped = doc["muscles"]
    bodies = {v["id"]: Polygon(_points(v["silhouette"])) for v in doc["views"]}
    halves = {"neg": box(0, 0, 199, 720), "pos": box(201, 0, 400, 720)}
    rng = random.Random(seed)
    muscles: list[dict[str, Any]] = []
    total = 0
    copy_index = 0
    while total < zone_count:
        source = shipped[copy_index % len(shipped)]
        muscle = copy.deepcopy(source)
        if copy_index >= len(shipped):
            muscle["id"] = f"{source['id']}_copy{copy_index}"
            dx, dy = rng.uniform(-40, 40), rng.uniform(-250, 250)
            zones = []
            for zone in muscle["zones"]:
                poly = Polygon(_points(zone["polygon"]))
                half = halves["neg" if poly.centroid.x < 200 else "pos"]
                sign = 1 if poly.centroid.x > 200 else -1  # mirror the shift on the other side
                moved = affinity.translate(poly, sign * dx, dy)
                clipped = moved.intersection(bodies[zone["view"]]).intersection(half)
                if clipped.geom_type == "MultiPolygon":
                    clipped = max(clipped.geoms, key=lambda g: g.area)
                if clipped.is_empty or clipped.area < 50:
                    continue
                zone["id"] = f"{zone['id']}.copy{copy_index}"
                coords = list(clipped.exterior.coords)[:-1]
                zone["polygon"] = [[round(x, 2), round(y, 2)] for x, y in coords]
                zones.append(zone)
            muscle["zones"] = zones
        muscle["zones"] = muscle["zones"][: zone_count - total]
        # where a muscle lies and its trigger points are drawn, never matched: not copied
        muscle.pop("outline", None)
        muscle.pop("trigger_points", None)
        if muscle["zones"]:
            muscles.append(muscle)
            total += len(muscle["zones"])
        copy_index += 1
    doc["muscles"] = muscles
    doc.pop("symptoms", None)  # the checklist names the shipped muscles, gone here
    out.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return out


def scribble(rng: random.Random, view: str, n_points: int, width: float = 12.0) -> Stroke:
    """A smooth, wandering stroke of ``n_points`` points over the lower back and hips."""
    x, y = rng.uniform(120, 280), rng.uniform(260, 520)
    heading = rng.uniform(0, 2 * math.pi)
    points = []
    for _ in range(n_points):
        heading += rng.uniform(-0.35, 0.35)
        x = min(330.0, max(70.0, x + 1.5 * math.cos(heading)))
        y = min(700.0, max(40.0, y + 1.5 * math.sin(heading)))
        points.append((round(x, 2), round(y, 2)))
    return Stroke(view, tuple(points), width, rng.randint(3, 9))


def many_strokes(count: int, points_per_stroke: int = 40, seed: int = 7) -> list[Stroke]:
    rng = random.Random(seed)
    return [scribble(rng, "back" if i % 3 else "front", points_per_stroke) for i in range(count)]
