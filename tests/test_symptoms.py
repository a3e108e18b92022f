"""Symptom answers reorder near-ties only, by the bounded rule of docs/matching.md."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.core.marks import RegionMark
from bodymap.core.pain import PainMap
from bodymap.core.symptoms import NEAR_TIE, reorder
from bodymap.io.errors import RegionsError
from bodymap.io.regions_file import load_regions

from .conftest import REGIONS, ROOT

LOW_BACK_HIP = [
    "back.left.low_back", "back.left.sacroiliac", "back.left.upper_buttock",
    "back.left.lower_buttock", "back.left.outer_hip", "back.left.iliac_crest",
    "back.left.back_of_thigh", "front.left.groin", "front.left.outer_thigh",
    "back.sacrum", "back.tailbone", "back.lumbar_spine",
]  # fmt: skip


def _rank(anatomy, matcher, regions):  # type: ignore[no-untyped-def]
    return matcher.match(PainMap(anatomy, [RegionMark(r) for r in regions]).geometries())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    regions=st.lists(st.sampled_from(LOW_BACK_HIP), min_size=1, max_size=3, unique=True),
    answers=st.lists(st.sampled_from([f"s{i}" for i in range(12)]), max_size=5),
)
def test_answers_never_change_who_is_listed_or_the_figures(
    anatomy, matcher, regions: list[str], answers: list[str]
) -> None:  # type: ignore[no-untyped-def]
    ids = [anatomy.symptoms[int(a[1:])].id for a in answers]
    result = _rank(anatomy, matcher, regions)
    moved, moves = reorder(anatomy, result, ids)
    assert sorted(moved.matches, key=lambda m: (m.muscle, m.side)) == sorted(
        result.matches, key=lambda m: (m.muscle, m.side)
    )
    assert moved.unexplained == result.unexplained and moved.also_touches == result.also_touches
    if result.matches:
        top = result.matches[0].score
        for i, (a, b) in enumerate(zip(result.matches, moved.matches, strict=True)):
            if a != b:  # only near-tie candidates move, and only among themselves
                assert a.score * NEAR_TIE >= top and b.score * NEAR_TIE >= top, i
    assert all(m.old_rank != m.new_rank and m.reason for m in moves)


def test_no_answers_give_the_drawing_ranking(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, ["back.left.upper_buttock"])
    assert reorder(anatomy, result, []) == (result, ())


def test_a_supported_answer_lifts_a_near_tie_and_says_why(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, ["back.left.upper_buttock"])
    drawing_order = [m.muscle for m in result.matches]
    assert drawing_order.index("gluteus_maximus") > 0
    moved, moves = reorder(anatomy, result, ["hard_seats"])
    assert moved.matches[0].muscle == "gluteus_maximus"
    up = next(m for m in moves if m.muscle == "gluteus_maximus")
    assert up.new_rank == 1 and "hard seat" in up.reason and "Travell" in up.reason


def test_a_clear_lead_is_never_overturned(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, ["back.left.outer_hip"])
    every = [s.id for s in anatomy.symptoms]
    moved, _ = reorder(anatomy, result, every)
    far = [m for m in result.matches if m.score * NEAR_TIE < result.matches[0].score]
    for m in far:
        assert moved.matches.index(m) == result.matches.index(m)


def test_an_item_shared_by_three_candidates_counts_for_none(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = _rank(anatomy, matcher, ["back.left.outer_hip", "front.left.outer_thigh"])
    candidates = {m.muscle for m in result.matches if m.score * NEAR_TIE >= result.matches[0].score}
    shared = next(s for s in anatomy.symptoms if s.id == "lying_on_side")
    if len(candidates & set(shared.supports)) >= 3:
        assert reorder(anatomy, result, ["lying_on_side"]) == (result, ())


def test_answers_alone_give_no_match(anatomy, matcher) -> None:  # type: ignore[no-untyped-def]
    result = matcher.match({})
    assert reorder(anatomy, result, ["walking", "limp"])[0].matches == ()


def test_cli_symptoms_list_reorder_and_refuse_unknown(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True,
            cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=False,
        )  # fmt: skip

    listed = run("analyze", "--list-symptoms")
    assert listed.returncode == 0 and "hard_seats" in listed.stdout
    mark = ("analyze", "--mark", "back.left.upper_buttock", "--json")
    doc = json.loads(run(*mark, "--symptom", "hard_seats").stdout)
    assert doc["matches"][0]["muscle"] == "gluteus_maximus"
    assert doc["symptom_moves"][0]["to"] == 1
    bad = run(*mark, "--symptom", "nope")
    assert bad.returncode == 2 and "nope" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda s: s["for"][0].update(muscle="deltoid"), "unknown muscle 'deltoid'"),
        (lambda s: s.update(id="Walking"), "must be lowercase snake_case"),
        (lambda s: s.pop("label"), "missing the key 'label'"),
    ],
)
def test_a_bad_symptom_item_is_refused_at_its_line(
    tmp_path: Path, change: Any, needle: str
) -> None:
    data = copy.deepcopy(yaml.safe_load(REGIONS.read_text(encoding="utf-8")))
    change(data["symptoms"][0])
    path = tmp_path / "regions.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegionsError, match=needle) as info:
        load_regions(path)
    assert str(info.value).startswith(f"{path}:")
