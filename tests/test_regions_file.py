"""regions.yaml: the shipped file loads; every hostile or broken variant gets a one-line
``file:line:column: reason`` error and nothing runs or changes."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bodymap.io.errors import RegionsError
from bodymap.io.regions_file import load_regions, vocabulary

from .conftest import REGIONS, outlines_as_lists

LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<reason>.+)$")


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return outlines_as_lists(yaml.safe_load(REGIONS.read_text(encoding="utf-8")))  # type: ignore[no-any-return]


def test_both_spellings_of_an_outline_load_the_same(tmp_path: Path, doc: dict[str, Any]) -> None:
    shipped = load_regions(REGIONS)
    assert "polygon: >" in REGIONS.read_text(encoding="utf-8")  # the shipped file: text
    as_lists = load_regions(_write(tmp_path, doc))
    for region_id, region in shipped.regions.items():
        assert region.polygon.equals_exact(as_lists.regions[region_id].polygon, 0)
    for view_id, view in shipped.views.items():
        assert view.silhouette.equals_exact(as_lists.views[view_id].silhouette, 0)


@pytest.mark.parametrize(
    ("outline", "needle"),
    [
        ("10,10 20,10 20 20", "point 3 of the outline is '20'"),
        ("10,10 20,10 20,2e999", "too large"),
        ("10,10 20,10 x,20", "point 3 of the outline is 'x,20'"),
        ("10,10 20,10", "at least 3 points"),
        ("10,10 20,10 20,20 10,200000", "outside the viewBox"),
        ("10,10;20,10;20,20", "point 1 of the outline"),
    ],
)  # fmt: skip
def test_a_broken_outline_text_is_refused_at_its_line(
    tmp_path: Path, doc: dict[str, Any], outline: str, needle: str
) -> None:
    data = copy.deepcopy(doc)
    data["regions"][2]["polygon"] = outline
    path = _write(tmp_path, data)
    match = _fails(path, needle)
    assert "polygon" in _line(path, match)


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "regions.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _fails(path: Path, needle: str) -> re.Match[str]:
    before = path.read_bytes()
    with pytest.raises(RegionsError) as info:
        load_regions(path)
    message = str(info.value)
    assert "\n" not in message
    assert path.read_bytes() == before, "loading must never modify the file"
    match = LOCATED.match(message)
    assert match, f"no file:line:column in {message!r}"
    assert match["file"] == str(path)
    assert needle in match["reason"], message
    return match


def _line(path: Path, match: re.Match[str]) -> str:
    return path.read_text(encoding="utf-8").splitlines()[int(match["line"]) - 1]


def test_shipped_regions_load(anatomy) -> None:  # type: ignore[no-untyped-def]
    assert set(vocabulary()) <= set(anatomy.regions)
    assert {"quadratus_lumborum", "psoas"} <= set(anatomy.muscles)
    assert set(anatomy.views) == {"back", "front"}
    assert len(anatomy.sha256) == 64
    for muscle in anatomy.muscles.values():
        assert [s.step for s in muscle.panel.relief] == ["massage", "stretch", "strengthen"]
        assert {z.side for z in muscle.zones} == {"left", "right"}


def test_python_tag_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "regions.yaml"
    path.write_text(
        f"format: bodymap-regions\nversion: !!python/object/apply:os.system ['touch {marker}']\n",
        encoding="utf-8",
    )
    match = _fails(path, "tag")
    assert match["line"] == "2"
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 12)]
    path = tmp_path / "regions.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fails(path, "aliases")


def test_duplicate_key_is_refused_at_its_line(tmp_path: Path) -> None:
    text = REGIONS.read_text(encoding="utf-8")
    text = text.replace("format: bodymap-regions\n", "format: bodymap-regions\nformat: x\n", 1)
    path = tmp_path / "regions.yaml"
    path.write_text(text, encoding="utf-8")
    match = _fails(path, "duplicate key 'format'")
    assert _line(path, match).startswith("format: x")


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("label", 12, "must be non-empty text"),
        ("side", "no", "expected one of left, right, midline"),
        ("polygon", "square", "point 1 of the outline is 'square'"),
        ("id", "back.left.Low Back", "must look like back.left.low_back"),
    ],
)
def test_wrong_region_types(
    tmp_path: Path, doc: dict[str, Any], field: str, value: Any, needle: str
) -> None:
    data = copy.deepcopy(doc)
    data["regions"][3][field] = value
    _fails(_write(tmp_path, data), needle)


def test_yes_no_booleans_are_not_text(tmp_path: Path, doc: dict[str, Any]) -> None:
    text = _write(tmp_path, doc).read_text(encoding="utf-8")
    text = text.replace("side: left", "side: no", 1)
    path = tmp_path / "regions.yaml"
    path.write_text(text, encoding="utf-8")
    match = _fails(path, "False")
    assert "side: no" in _line(path, match)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_coordinates(tmp_path: Path, doc: dict[str, Any], bad: float) -> None:
    data = copy.deepcopy(doc)
    data["regions"][0]["polygon"][1][0] = bad
    match = _fails(_write(tmp_path, data), "not a finite number")
    assert int(match["line"]) > 1


def test_self_intersecting_polygon(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["muscles"][0]["zones"][0]["polygon"] = [[100, 100], [150, 150], [150, 100], [100, 150]]
    _fails(_write(tmp_path, data), "Self-intersection")


def test_polygon_outside_viewbox(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["regions"][0]["polygon"] = [[-50, 10], [30, 10], [30, 60]]
    _fails(_write(tmp_path, data), "outside the viewBox")


def test_missing_vocabulary_region(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["regions"] = [r for r in data["regions"] if r["id"] != "back.left.outer_hip"]
    _fails(_write(tmp_path, data), "back.left.outer_hip")


def test_region_id_disagreeing_with_its_view(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    region = next(r for r in data["regions"] if r["id"] == "back.left.outer_hip")
    region["id"] = "front.left.outer_hip"
    _fails(_write(tmp_path, data), "does not agree")


def test_unknown_key(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["muscles"][0]["colour_name"] = "blue"
    _fails(_write(tmp_path, data), "unknown key 'colour_name'")


def test_newer_format_version(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["version"] = 99
    _fails(_write(tmp_path, data), "newer than this app reads")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"# nothing but a comment\n", "no data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"format: [unclosed\n", "not valid YAML"),
        (b"format: caf\xe9\n", "not UTF-8"),
    ],
)
def test_empty_binary_and_broken_files(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "regions.yaml"
    path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(RegionsError) as info:
        load_regions(path)
    assert needle in str(info.value)
    assert str(info.value).startswith(str(path))
    assert path.read_bytes() == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegionsError, match="no such file"):
        load_regions(tmp_path / "nope.yaml")


def _region(data: dict[str, Any], region_id: str) -> dict[str, Any]:
    return next(r for r in data["regions"] if r["id"] == region_id)


@pytest.mark.parametrize(
    "change,needle",
    [
        (lambda r: r["snomed"].update(code=1017210004), "must be quoted digits"),
        (lambda r: r["snomed"].update(code="12ab"), "must be quoted digits"),
        (lambda r: r["snomed"].pop("source"), "missing the key 'source'"),
        (lambda r: r["snomed"].update(snomed_ct="x"), "unknown key 'snomed_ct'"),
        (lambda r: r.update(snomed={"code": None}), "needs a reason"),
        (lambda r: r.update(choir=[301]), "CHOIR code 301 must be a whole number 201-238"),
        (lambda r: r.update(choir="218"), "choir must be a list"),
        (lambda r: r.update(area="torso"), "expected one of head_neck"),
        (lambda r: r.update(words=[]), "must be a non-empty list"),
        (lambda r: r.pop("snomed"), "missing the key 'snomed'"),
        (lambda r: r.update(icd10="M54.5"), "unknown key 'icd10'"),
    ],
)
def test_wrong_codes_are_refused_at_their_line(
    tmp_path: Path, doc: dict[str, Any], change: Any, needle: str
) -> None:
    data = copy.deepcopy(doc)
    change(_region(data, "back.left.low_back"))
    match = _fails(_write(tmp_path, data), needle)
    assert int(match["line"]) > 1


def test_version_1_file_without_codes_still_loads(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["version"] = 1
    del data["areas"]
    del data["cues"]
    for r in data["regions"]:
        for key in ("area", "words", "snomed", "choir"):
            del r[key]
    anatomy = load_regions(_write(tmp_path, data))
    region = anatomy.regions["back.left.low_back"]
    assert region.snomed is None and region.choir == () and anatomy.areas == {}


def test_version_1_refuses_version_2_keys(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    data["version"] = 1
    _fails(_write(tmp_path, data), "areas need format version 2")


def _cue(data: dict[str, Any], cue_id: str) -> dict[str, Any]:
    return next(c for c in data["cues"] if c["id"] == cue_id)


@pytest.mark.parametrize(
    "change,needle",
    [
        (lambda c: c.update(regions=["back.left.wing"]), "unknown region id 'back.left.wing'"),
        (lambda c: c.update(regions=[]), "must be a non-empty list"),
        (lambda c: c.update(kind="hint"), "expected one of cause, warning"),
        (lambda c: c.update(when="often"), "expected one of any, both_sides"),
        (lambda c: c.pop("source"), "missing the key 'source'"),
        (lambda c: c.update(id="Hip Joint"), "must be lowercase snake_case"),
        (lambda c: c.update(id="organs"), "cue id 'organs' is used twice"),
        (lambda c: c.update(rank=1), "unknown key 'rank'"),
    ],
)
def test_wrong_cues_are_refused_at_their_line(
    tmp_path: Path, doc: dict[str, Any], change: Any, needle: str
) -> None:
    data = copy.deepcopy(doc)
    change(_cue(data, "hip_joint"))
    match = _fails(_write(tmp_path, data), needle)
    assert int(match["line"]) > 1


def test_a_file_without_cues_loads_with_none(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = copy.deepcopy(doc)
    del data["cues"]
    assert load_regions(_write(tmp_path, data)).cues == ()
