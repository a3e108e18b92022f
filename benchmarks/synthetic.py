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

from bodymap.core.pain import Stroke


def regions_with_zones(base: Path, zone_count: int, out: Path, seed: int = 1) -> Path:
    """Write a copy of ``base`` whose muscles have ``zone_count`` zones in all.

    Extra muscles are copies of the shipped ones with every zone shifted by a few units, so the
    zones stay inside the body and the matcher does real work for each.
    """
    doc: dict[str, Any] = yaml.safe_load(base.read_text(encoding="utf-8"))
    shipped = doc["muscles"]
    rng = random.Random(seed)
    muscles: list[dict[str, Any]] = []
    total = 0
    copy_index = 0
    while total < zone_count:
        source = shipped[copy_index % len(shipped)]
        muscle = copy.deepcopy(source)
        if copy_index >= len(shipped):
            muscle["id"] = f"{source['id']}_copy{copy_index}"
            dx, dy = rng.uniform(-4, 4), rng.uniform(-6, 6)
            for zone in muscle["zones"]:
                zone["id"] = f"{zone['id']}.copy{copy_index}"
                sign = -1 if zone["side"] == "left" and zone["view"] == "back" else 1
                if zone["side"] == "right" and zone["view"] == "front":
                    sign = -1
                zone["polygon"] = [[x + sign * dx, y + dy] for x, y in zone["polygon"]]
        room = zone_count - total
        muscle["zones"] = muscle["zones"][:room]
        muscles.append(muscle)
        total += len(muscle["zones"])
        copy_index += 1
    doc["muscles"] = muscles
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
