"""Geometry of the body map: regions.yaml and the two SVG views, measured with shapely.

Reads the files with plain yaml.safe_load (not through the app's loader) so these checks
stand on their own: vocabulary, tiling, mirror symmetry, zones inside the body and on the
right side of the midline, valid polygons, the SVG files, and the coordinate contract with
the first body (tests/fixtures/body-v1.json: today's points keep their SVG coordinates).
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from tests.conftest import outlines_as_lists

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MID = 200.0
CROWN, SOLE = -70.0, 930.0  # the coordinate contract: y = 930 - 1000 h

# The public vocabulary of shared/anatomy-regions.md (SIDE = left, right).
SIDED = {
    "back": [
        "neck", "shoulder", "upper_arm", "elbow", "forearm", "hand",
        "upper_back", "mid_back", "low_back", "flank", "iliac_crest", "sacroiliac",
        "upper_buttock", "lower_buttock", "outer_hip", "back_of_thigh", "outer_thigh",
        "back_of_knee", "calf", "heel", "sole",
    ],
    "front": [
        "neck", "shoulder", "upper_arm", "elbow", "forearm", "hand", "chest",
        "upper_abdomen", "lower_abdomen", "front_of_hip", "groin", "upper_front_thigh",
        "lower_front_thigh", "inner_thigh", "outer_thigh", "knee", "shin", "outer_lower_leg",
        "ankle", "foot",
    ],
}  # fmt: skip
MIDLINE = [
    "back.head", "back.thoracic_spine", "back.lumbar_spine", "back.sacrum", "back.tailbone",
    "front.head", "front.pubic",
]  # fmt: skip


@cache
def doc() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "regions.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return outlines_as_lists(data)  # type: ignore[no-any-return]


def poly(points: list[list[float]]) -> Polygon:
    return Polygon([tuple(p) for p in points])


def silhouette(view: str) -> Polygon:
    (v,) = [v for v in doc()["views"] if v["id"] == view]
    return poly(v["silhouette"])


def regions(view: str) -> dict[str, Any]:
    return {r["id"]: r for r in doc()["regions"] if r["view"] == view}


def zones() -> list[dict[str, Any]]:
    return [z for m in doc()["muscles"] for z in m["zones"]]


def all_polygons() -> list[tuple[str, list[list[float]]]]:
    out = [(f"silhouette {v['id']}", v["silhouette"]) for v in doc()["views"]]
    out += [(r["id"], r["polygon"]) for r in doc()["regions"]]
    out += [(z["id"], z["polygon"]) for z in zones()]
    return out


def mirrored(points: list[list[float]]) -> list[tuple[float, float]]:
    return [(2 * MID - x, y) for x, y in points]


def test_top_level_shape() -> None:
    d = doc()
    assert list(d) == [
        "format",
        "version",
        "views",
        "areas",
        "regions",
        "muscles",
        "safety",
        "cues",
        "symptoms",
        "danger_signs",
    ]
    assert d["format"] == "bodymap-regions" and d["version"] == 3
    assert [v["id"] for v in d["views"]] == ["back", "front"]
    for v in d["views"]:
        x, y, w, h = v["viewbox"]
        assert x + w / 2 == MID, "the midline stays at x = 200"
        assert x <= 0 and x + w >= 400 and y < CROWN and y + h > SOLE, "the first box fits"


def test_no_yaml_aliases() -> None:
    events = yaml.parse((ROOT / "regions.yaml").read_text(encoding="utf-8"))
    assert not any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events)


def test_every_vocabulary_id_present() -> None:
    ids = {r["id"] for r in doc()["regions"]}
    expected = {
        f"{v}.{s}.{n}" for v, names in SIDED.items() for n in names for s in ("left", "right")
    } | set(MIDLINE)
    assert not expected - ids, f"missing: {sorted(expected - ids)}"
    assert len(ids) == len(doc()["regions"]), "duplicate region ids"
    for r in doc()["regions"]:
        parts = r["id"].split(".")
        assert parts[0] == r["view"]
        assert r["side"] == (parts[1] if len(parts) == 3 else "midline")
        assert r["label"].strip()


@pytest.mark.parametrize(
    "name,points", all_polygons(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_polygon_valid_and_inside_viewbox(name: str, points: list[list[float]]) -> None:
    assert len(points) >= 3, name
    assert all(len(p) == 2 and all(math.isfinite(c) for c in p) for p in points), name
    assert points[0] != points[-1], f"{name}: ring must not be closed"
    shape = poly(points)
    assert shape.is_valid, f"{name}: {shape}"
    assert shape.area > 0
    x0, y0, x1, y1 = shape.bounds
    vx, vy, vw, vh = doc()["views"][0]["viewbox"]
    assert x0 >= vx and y0 >= vy and x1 <= vx + vw and y1 <= vy + vh


@pytest.mark.parametrize("view", ["back", "front"])
def test_regions_tile_the_silhouette(view: str) -> None:
    body = silhouette(view)
    shapes = [poly(r["polygon"]) for r in regions(view).values()]
    union = unary_union(shapes)
    coverage = union.intersection(body).area / body.area
    overlap = (sum(s.area for s in shapes) - union.area) / body.area
    outside = union.difference(body).area / body.area
    assert coverage >= 0.98, f"{view}: coverage {coverage:.4f}"
    assert overlap < 0.01, f"{view}: overlap {overlap:.4f}"
    assert outside < 0.01, f"{view}: regions spill {outside:.4f} outside the body"


@pytest.mark.parametrize("view", ["back", "front"])
def test_silhouette_is_symmetric(view: str) -> None:
    body = silhouette(view)
    assert (
        body.symmetric_difference(
            poly([list(p) for p in mirrored([list(p) for p in body.exterior.coords])])
        ).area
        < 1e-6 * body.area
    )


def test_left_right_regions_are_exact_mirrors() -> None:
    by_id = {r["id"]: r for r in doc()["regions"]}
    pairs = [(i, i.replace(".left.", ".right.")) for i in by_id if ".left." in i]
    rights = {i for i in by_id if ".right." in i}
    assert pairs and rights == {right for _, right in pairs}, "every side needs its twin"
    for left, right in pairs:
        assert right in by_id, right
        got = [tuple(p) for p in by_id[right]["polygon"]]
        want = mirrored(by_id[left]["polygon"])
        assert len(got) == len(want), left
        assert all(math.dist(a, b) < 1e-6 for a, b in zip(got, want, strict=True)), left


def test_midline_regions_are_symmetric() -> None:
    by_id = {r["id"]: r for r in doc()["regions"]}
    for rid in MIDLINE:
        shape = poly(by_id[rid]["polygon"])
        twin = poly([list(p) for p in mirrored(by_id[rid]["polygon"])])
        assert shape.symmetric_difference(twin).area < 1e-6 * shape.area, rid


def test_sided_regions_on_their_side() -> None:
    for r in doc()["regions"]:
        if r["side"] == "midline":
            continue
        x0, _, x1, _ = poly(r["polygon"]).bounds
        viewer_left = (r["side"] == "left") == (r["view"] == "back")
        assert (x1 <= MID + 1e-9) if viewer_left else (x0 >= MID - 1e-9), r["id"]


def test_zones_are_exact_mirrors() -> None:
    for muscle in doc()["muscles"]:
        by_id = {z["id"]: z for z in muscle["zones"]}
        lefts = [i for i in by_id if ".left." in i]
        assert lefts and len(lefts) * 2 == len(by_id), muscle["id"]
        for left in lefts:
            right = by_id[left.replace(".left.", ".right.")]
            assert right["view"] == by_id[left]["view"]
            got = [tuple(p) for p in right["polygon"]]
            want = mirrored(by_id[left]["polygon"])
            assert len(got) == len(want), left
            assert all(math.dist(a, b) < 1e-6 for a, b in zip(got, want, strict=True)), left


def test_zones_inside_body_and_on_their_side() -> None:
    for z in zones():
        shape = poly(z["polygon"])
        inside = shape.intersection(silhouette(z["view"])).area / shape.area
        assert inside >= 0.99, f"{z['id']}: {inside:.4f} inside"
        x0, _, x1, _ = shape.bounds
        viewer_left = (z["side"] == "left") == (z["view"] == "back")
        if z.get("crosses_midline"):  # one side's pattern reaching across (rectus abdominis)
            assert x0 < MID < x1, z["id"]
        else:
            assert (x1 < MID) if viewer_left else (x0 > MID), z["id"]
        assert z["weight"] in {"essential", "spillover"}
        assert z["source"].strip()


def test_muscles_and_panels() -> None:
    muscles = {m["id"]: m for m in doc()["muscles"]}
    assert muscles["quadratus_lumborum"]["colour"] == "#0072B2"
    assert muscles["psoas"]["colour"] == "#009E73"
    for m in muscles.values():
        panel = m["panel"]
        assert [s["step"] for s in panel["relief"]] == ["massage", "stretch", "strengthen"]
        assert all(s["how"].strip() and s["caution"].strip() for s in panel["relief"])
        assert any("Donnelly" in s for s in panel["sources"])
        assert any("Davies" in s for s in panel["sources"])
        # each muscle refers to the back, the front or both
        assert {z["view"] for z in m["zones"]} in ({"back"}, {"front"}, {"back", "front"})
    assert len(doc()["safety"]["red_flags"]) >= 5


def _covered_by(region_id: str, muscle: str) -> float:
    (r,) = [r for r in doc()["regions"] if r["id"] == region_id]
    (m,) = [m for m in doc()["muscles"] if m["id"] == muscle]
    area = poly(r["polygon"])
    mine = unary_union([poly(z["polygon"]) for z in m["zones"] if z["view"] == r["view"]])
    return area.intersection(mine).area / area.area


@pytest.mark.parametrize("side", ["left", "right"])
def test_clinical_sense(side: str) -> None:
    assert _covered_by(f"back.{side}.outer_hip", "quadratus_lumborum") > 0.4
    assert _covered_by(f"back.{side}.iliac_crest", "quadratus_lumborum") > 0.6
    assert _covered_by(f"back.{side}.sacroiliac", "quadratus_lumborum") > 0.2
    assert _covered_by(f"front.{side}.groin", "psoas") > 0.4
    assert _covered_by(f"front.{side}.upper_front_thigh", "psoas") > 0.15
    assert _covered_by(f"back.{side}.low_back", "psoas") > 0.3
    for muscle in ("quadratus_lumborum", "psoas"):
        assert _covered_by(f"back.{side}.back_of_knee", muscle) == 0.0
        assert _covered_by(f"front.{side}.knee", muscle) == 0.0
    other = "right" if side == "left" else "left"
    assert _covered_by(f"back.{other}.low_back", "psoas") > 0.3  # both sides have zones


@pytest.mark.parametrize("view", ["back", "front"])
def test_svg_exists_with_viewbox(view: str) -> None:
    (v,) = [v for v in doc()["views"] if v["id"] == view]
    path = ROOT / v["svg"]
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == " ".join(str(n) for n in v["viewbox"])
    texts = {"".join(t.itertext()).strip() for t in root.iter() if t.tag.endswith("text")}
    assert {"L", "R", view.upper()} <= texts


@pytest.mark.parametrize("view", ["back", "front"])
def test_head_to_feet(view: str) -> None:
    _, y0, _, y1 = silhouette(view).bounds
    assert abs(y0 - CROWN) < 0.5 and abs(y1 - SOLE) < 0.5


def _first_body() -> dict[str, Any]:
    data = json.loads((FIXTURES / "body-v1.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("view", ["back", "front"])
def test_first_body_keeps_its_coordinates(view: str) -> None:
    """Every outline point of the first body (neck to knees) is still on the outline, except
    where the arm now joins the shoulder; the first body lies inside the new one."""
    old = _first_body()
    body = silhouette(view)
    kept = [(x, y) for x, y in old["silhouette"] if 62 < y <= 684 and not 108 < y < 176]
    assert len(kept) > 150
    worst = max(body.exterior.distance(Point(x, y)) for x, y in kept)
    # both outlines are polygons simplified from the same curve (by 0.05 units then, 0.15 now)
    assert worst < 0.2, f"{view}: an old outline point moved {worst:.3f} units"
    assert poly(old["silhouette"]).difference(body).area < 0.001 * body.area


def test_first_body_region_spots_keep_their_ids() -> None:
    """A point inside an old region lies inside the region of the same id today."""
    shapes = {r["id"]: poly(r["polygon"]) for r in doc()["regions"]}
    for region_id, (x, y) in _first_body()["region_points"].items():
        assert shapes[region_id].contains(Point(x, y)), region_id


def test_midline_strips_own_the_spine_line() -> None:
    """The drawn spine (x = 200 from C7 to the sacrum) lies inside the midline strips, and
    every sided region keeps off the midline there."""
    by_id = regions("back")
    strips = unary_union([poly(by_id[f"back.{n}"]["polygon"]) for n in MIDLINE_STRIPS])
    spine = LineString([(MID, 71.0), (MID, 403.0)])
    assert strips.buffer(1e-9).contains(spine)
    for rid, r in by_id.items():
        if r["side"] != "midline":
            assert poly(r["polygon"]).intersection(spine).length == 0, rid
    for name in MIDLINE_STRIPS:
        x0, _, x1, _ = poly(by_id[f"back.{name}"]["polygon"]).bounds
        assert 18 <= x1 - x0 <= 24, f"{name}: about 0.01 H either side of the midline"


MIDLINE_STRIPS = ("thoracic_spine", "lumbar_spine", "sacrum")


@pytest.mark.parametrize("view", ["back", "front"])
def test_svg_shows_the_region_borders_faintly(view: str) -> None:
    root = ET.parse(ROOT / "assets" / "svg" / f"{view}.svg").getroot()
    borders = [e for e in root.iter() if e.get("class") == "region"]
    assert len(borders) == 1 and borders[0].get("d", "").count("M") > 20


def test_generator_output_is_committed_and_reproducible(tmp_path: Path) -> None:
    """A fresh run of tools/build_body.py writes exactly the committed files."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_body.py"), "--root", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for rel in ("regions.yaml", "assets/svg/back.svg", "assets/svg/front.svg"):
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
