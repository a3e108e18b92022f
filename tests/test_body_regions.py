"""The whole body: old sessions open on the same spots, the region at a point from the core
and the command line, and the midline rule."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from shapely.ops import unary_union

from bodymap.core.pain import PainMap
from bodymap.io.session_file import load_session

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_v2_fixture_paints_the_same_spots_as_when_it_was_saved(anatomy) -> None:  # type: ignore[no-untyped-def]
    """The pain kept in the file was folded on the first body; folding its marks again on
    today's body gives the same areas."""
    path = FIXTURES / "session-v2.bodymap.json"
    kept = json.loads(path.read_text(encoding="utf-8"))["pain"]["views"]
    pain = PainMap(anatomy)
    pain.set_marks(load_session(path, anatomy).marks)
    now = pain.geometries()
    for view, levels in kept.items():
        then = unary_union([shapely.from_wkb(base64.b64decode(b)) for b in levels.values()])
        assert then.area > 100, view
        assert now[view].symmetric_difference(then).area < 1e-3 * then.area, view


@pytest.mark.parametrize(
    "view,x,y,want",
    [
        ("back", 200.0, 150.0, "back.thoracic_spine"),
        ("back", 200.0, 300.0, "back.lumbar_spine"),
        ("back", 200.0, 380.0, "back.sacrum"),
        ("back", 200.0, 420.0, "back.tailbone"),
        ("back", 200.0, 0.0, "back.head"),
        ("back", 150.0, 300.0, "back.left.low_back"),
        ("back", 250.0, 300.0, "back.right.low_back"),
        ("back", 230.0, 160.0, "back.right.upper_back"),
        ("back", 200.0 - 44, 800.0, "back.left.calf"),
        ("front", 200.0 + 150, 500.0, "front.left.hand"),
        ("front", 200.0 - 44, 800.0, "front.right.shin"),
        ("front", 200.0, 0.0, "front.head"),
    ],
)
def test_region_at(anatomy, view: str, x: float, y: float, want: str) -> None:  # type: ignore[no-untyped-def]
    region = anatomy.region_at(view, x, y)
    assert region is not None and region.id == want


def test_region_at_outside_the_body_and_unknown_view(anatomy) -> None:  # type: ignore[no-untyped-def]
    assert anatomy.region_at("back", 5.0, 5.0) is None
    assert anatomy.region_at("front", 200.0, 700.0) is None  # between the knees
    with pytest.raises(KeyError):
        anatomy.region_at("side", 200.0, 300.0)


def test_a_point_on_a_midline_border_belongs_to_the_midline_region(anatomy) -> None:  # type: ignore[no-untyped-def]
    strip = anatomy.regions["back.lumbar_spine"].polygon
    x0, _, x1, _ = strip.bounds
    for x in (x0, x1):  # on the strip's edge: shared with a side region
        region = anatomy.region_at("back", x, 300.0)
        assert region is not None and region.id == "back.lumbar_spine"


def _bodymap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "args,out",
    [
        (["back", "200", "300"], "back.lumbar_spine"),
        (["back", "150", "300"], "back.left.low_back"),
        (["back", "250", "300"], "back.right.low_back"),
        (["front", "5", "5"], "no region at front 5, 5"),
        (["back", "-5", "10"], "no region at back -5, 10"),
    ],
)
def test_cli_regions_at(args: list[str], out: str) -> None:
    proc = _bodymap("regions", "--at", *args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == out


@pytest.mark.parametrize(
    "args",
    [[], ["back"], ["back", "1"], ["side", "1", "2"], ["back", "x", "2"], ["back", "nan", "2"]],
)
def test_cli_regions_at_bad_arguments(args: list[str]) -> None:
    proc = _bodymap("regions", "--at", *args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


@pytest.mark.parametrize(
    "query,first",
    [
        ("lower back", {"back.left.low_back", "back.right.low_back"}),
        ("lumbar", {"back.left.low_back", "back.right.low_back"}),
        ("SI joint", {"back.left.sacroiliac", "back.right.sacroiliac"}),
        ("si-joint", {"back.left.sacroiliac", "back.right.sacroiliac"}),
        ("back lower", {"back.left.low_back", "back.right.low_back"}),  # either word order
        ("thigh outer", {"back.left.outer_thigh", "back.right.outer_thigh"}),
        ("coccyx", {"back.tailbone"}),
        ("hamstrings", {"back.left.back_of_thigh", "back.right.back_of_thigh"}),
        ("Achilles", {"back.left.heel", "back.right.heel"}),
        ("buttocks", {"back.left.upper_buttock", "back.right.upper_buttock"}),  # plural
        ("upper leg", {"front.left.upper_front_thigh", "front.right.upper_front_thigh"}),  # CHOIR
    ],
)
def test_search_finds_the_region_people_mean_first(anatomy, query: str, first: set[str]) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.region_search import search

    found = [r.id for r in search(anatomy, query)]
    assert set(found[: len(first)]) == first, found[:6]


def test_search_lower_back_is_not_the_buttocks(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.region_search import search

    found = [r.id for r in search(anatomy, "lower back")]
    assert not any("buttock" in rid for rid in found[:4]), found
    si = [r.id for r in search(anatomy, "SI joint")]
    assert si == ["back.left.sacroiliac", "back.right.sacroiliac"]


def test_search_side_words_narrow_to_that_side(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.region_search import search

    assert [r.id for r in search(anatomy, "left outer hip")] == ["back.left.outer_hip"]
    assert all(r.side == "right" for r in search(anatomy, "right calf"))
    assert search(anatomy, "") == [] and search(anatomy, "zzz") == []


def test_regions_grouped_head_to_feet(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.region_search import grouped

    groups = grouped(anatomy)
    assert [a.id for a, _ in groups] == list(anatomy.areas)
    assert sum(len(rs) for _, rs in groups) == len(anatomy.regions)
    first, last = groups[0][1], groups[-1][1]
    assert {r.id for r in first} >= {"back.head", "front.head"}
    assert {r.id for r in last} >= {"back.left.sole", "front.right.foot"}


def test_every_region_has_codes_with_sources(anatomy) -> None:  # type: ignore[no-untyped-def]
    for region in anatomy.regions.values():
        s = region.snomed
        assert s is not None, region.id
        if s.code is None:
            assert s.reason, region.id
        else:
            assert s.source and s.term, region.id
            lateralised = s.laterality is None
            assert lateralised or region.side != "midline", region.id
        assert all((101 if region.view == "front" else 201) <= c for c in region.choir)
    assert anatomy.regions["back.left.low_back"].snomed.code == "1017210004"  # type: ignore[union-attr]
    assert anatomy.regions["back.left.iliac_crest"].snomed.laterality[0] == "419161000"  # type: ignore[union-attr,index]
    assert 218 in anatomy.regions["back.left.iliac_crest"].choir  # CHOIR "Lower Back (back-left)"
    assert anatomy.regions["front.right.knee"].choir[0] == 129  # "Knee (front-right)"


def test_cli_regions_json_includes_codes() -> None:
    proc = _bodymap("regions", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["id"]: r for r in json.loads(proc.stdout)["regions"]}
    low = rows["back.right.low_back"]
    assert low["snomed"]["code"] == "1017211000" and low["choir"][0] in (213, 219)
    assert rows["back.left.elbow"]["snomed"] == {
        "code": None,
        "reason": rows["back.left.elbow"]["snomed"]["reason"],
    }


def test_region_list_groups_and_ranks(qtbot, anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.region_list import RegionList

    widget = RegionList(anatomy)
    qtbot.addWidget(widget)
    assert widget.list.item(0).text() == "Head and neck"
    qtbot.keyClicks(widget.search, "lower back")
    assert widget.visible_ids()[:2] == ["back.left.low_back", "back.right.low_back"]
    widget.search.clear()
    assert len(widget.visible_ids()) == len(anatomy.regions)


def test_outer_hip_landmark_counts_once_so_either_view_covers_it(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    """D3: QL's trochanter oval is drawn on both views; covering it on one view covers the
    landmark (docs/lateral-landmarks.md)."""
    import shapely

    ql = anatomy.muscles["quadratus_lumborum"]
    zones = ql.zones_for("left")

    def _weighted_union(zs: list) -> float:  # type: ignore[type-arg]
        ess = shapely.union_all([z.polygon for z in zs if z.weight == "essential"])
        spill = shapely.union_all([z.polygon for z in zs if z.weight == "spillover"])
        return float(ess.area + 0.5 * spill.difference(ess).area)

    whole = sum(_weighted_union([z for z in zones if z.view == v]) for v in anatomy.views)
    covered = {}
    for view in ("back", "front"):
        zone = next(z for z in zones if z.id == f"ql.left.outer_hip_{view}")
        same_view = [z for z in zones if z.view == view]
        share = _weighted_union(same_view) - _weighted_union([z for z in same_view if z != zone])
        (match,) = [m for m in matcher.match({view: zone.polygon}).matches if m.muscle == ql.id]
        covered[view] = match.zone_covered
        twice = whole - matcher.pattern_area(ql.id, "left")
        assert twice > 0.9 * share  # the landmark (and its outer-thigh tail) counted once
        assert match.zone_covered > share / whole  # more than half the landmark's worth
    assert covered["back"] == pytest.approx(covered["front"], rel=1e-6)


def test_matcher_with_a_muscle_side_without_zones(anatomy) -> None:  # type: ignore[no-untyped-def]
    """A muscle whose zones are on one side only (a hand-made regions file) still matches."""
    import dataclasses

    from bodymap.core.matching import Matcher

    ql = anatomy.muscles["quadratus_lumborum"]
    left_only = dataclasses.replace(ql, zones=tuple(z for z in ql.zones if z.side == "left"))
    muscles = {**anatomy.muscles, ql.id: left_only}
    one_sided = dataclasses.replace(anatomy, muscles=muscles, _region_trees={})
    zone = next(z for z in left_only.zones if z.id == "ql.left.outer_hip_back")
    result = Matcher(one_sided).match({"back": zone.polygon})
    assert [m.side for m in result.matches if m.muscle == ql.id] == ["left"]


def test_export_page_keeps_the_whole_body_below_the_header(anatomy) -> None:  # type: ignore[no-untyped-def]
    """The view boxes start above y = 0 (the crown is at -70): the page puts each box's top,
    not y = 0, under the header, and the soles above the bottom margin."""
    from bodymap.io.export import VIEWS_TOP, page_layout

    page = page_layout(anatomy)
    for view in anatomy.views.values():
        y0 = view.viewbox[1]
        assert page.point(view.id, 200.0, y0, 1.0)[1] == VIEWS_TOP
        assert page.point(view.id, 200.0, -70.0, 1.0)[1] > VIEWS_TOP
        assert page.point(view.id, 200.0, 930.0, 1.0)[1] < page.height
