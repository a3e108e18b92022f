"""The pain a saved session keeps: written by a save, used on load instead of refolding when
it is current, silently ignored (and the pain refolded) when the marks, the regions file or
the stroke geometry differ or the stored geometry is damaged."""

from __future__ import annotations

import base64
import json
import math
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Polygon

from bodymap import cli
from bodymap.core import brush as brush_module
from bodymap.core.layers import IntensityBands, PainLayers, seed_pain
from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.pain import PainMap
from bodymap.core.session import Session
from bodymap.io.regions_file import parse_regions
from bodymap.io.session_file import dumps, load_session, parse_session, save_session

from .conftest import REGIONS


def _analysed(anatomy, session):  # type: ignore[no-untyped-def]
    """A session and its drawing, as the command line analyses it for an export."""
    from bodymap.core.drawing import Drawing

    return Drawing.of_session(session, anatomy), session


def _marks() -> list[Any]:
    marks: list[Any] = [RegionMark("back.left.outer_hip", 7), RegionMark("front.right.groin", 3)]
    for i in range(12):
        y = 300.0 + 9 * i
        points = tuple((round(150 + 4 * k + i, 2), round(y + 3 * (k % 3), 2)) for k in range(25))
        marks.append(Stroke("back" if i % 3 else "front", points, 10.0 + i, 2 + i % 8))
    marks.append(Stroke("back", ((170.25, 330.5), (200.0, 335.75)), 12.0, 5, erase=True))
    marks.append(Stroke("front", ((180.0, 310.0),), 30.0, 9))
    return marks


def _saved(anatomy, tmp_path: Path, marks: list[Any] | None = None) -> Path:  # type: ignore[no-untyped-def]
    """A session saved the way the window saves it: with its bands' layers."""
    marks = _marks() if marks is None else marks
    bands = IntensityBands(PainMap(anatomy, marks))
    session = Session(
        marks=marks,
        note="cache",
        regions_version=anatomy.version,
        regions_sha256=anatomy.sha256,
        pain=bands.layers(),
    )
    path = tmp_path / "cached.bodymap.json"
    save_session(session, path)
    return path


def _no_folding(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> Any:
        raise AssertionError("folded although the session file keeps the pain")

    monkeypatch.setattr(PainMap, "_fold", refuse)
    monkeypatch.setattr(IntensityBands, "_fold_all", refuse)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def test_loaded_pain_equals_refolded_pain(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = load_session(_saved(anatomy, tmp_path), anatomy)
    assert session.pain is not None
    fresh = PainMap(anatomy, session.marks)
    fresh_bands = IntensityBands(PainMap(anatomy, session.marks))
    for view in anatomy.views:
        kept, folded = session.pain.pain(view), fresh.geometry(view)
        assert folded.area > 100
        assert _close(kept.area, folded.area)
        assert kept.symmetric_difference(folded).area <= 1e-6 * folded.area
        seeded = IntensityBands(PainMap(anatomy, session.marks))
        assert seeded.seed(session.pain)
        got, want = seeded.bands(view), fresh_bands.bands(view)
        assert [k for k, _ in got] == [k for k, _ in want]
        assert all(_close(g.area, w.area) for (_, g), (_, w) in zip(got, want, strict=True))


def test_valid_cache_is_used_without_folding(anatomy, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _saved(anatomy, tmp_path)
    session = load_session(path, anatomy)
    _no_folding(monkeypatch)
    pain = PainMap(anatomy, session.marks)
    assert session.pain is not None and seed_pain(pain, session.pain)
    assert all(not pain.geometry(view).is_empty for view in anatomy.views)
    bands = IntensityBands(PainMap(anatomy, session.marks))
    assert bands.seed(session.pain)
    assert all(bands.bands(view) for view in anatomy.views)
    # Nor were the strokes' points made into floats: nothing needed them.
    strokes = [m for m in session.marks if isinstance(m, Stroke)]
    assert strokes and not any("points" in s.__dict__ for s in strokes)


def test_analyze_uses_the_cache_and_prints_what_folding_prints(
    anatomy, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    path = _saved(anatomy, tmp_path)
    plain = tmp_path / "plain.bodymap.json"
    session = load_session(path, anatomy)
    session.pain = None
    save_session(session, plain)
    assert "pain" not in json.loads(plain.read_text(encoding="utf-8"))
    assert cli.main(["analyze", str(plain), "--json"]) == 0
    folded = capsys.readouterr().out
    _no_folding(monkeypatch)
    assert cli.main(["analyze", str(path), "--json"]) == 0
    assert capsys.readouterr().out == folded
    assert json.loads(folded)["matches"], "the test pain must match something"
    # A region added on the command line is appended to the kept pain.
    assert cli.main(["analyze", str(path), "--mark", "back.right.outer_hip"]) == 0
    assert "right" in capsys.readouterr().out


def test_export_uses_the_cache_and_draws_the_same_image(
    anatomy, tmp_path: Path, monkeypatch, qapp
) -> None:  # type: ignore[no-untyped-def]
    """(``qapp``: a QApplication first; a bare QGuiApplication would block the window tests.)"""
    from bodymap.io.export import render_page

    session = load_session(_saved(anatomy, tmp_path), anatomy)
    plain = load_session(_saved(anatomy, tmp_path), anatomy)
    plain.pain = None
    folded = render_page(*_analysed(anatomy, plain), 1.0)
    _no_folding(monkeypatch)
    assert render_page(*_analysed(anatomy, session), 1.0) == folded


def test_save_load_round_trip_keeps_marks_and_cache(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _saved(anatomy, tmp_path)
    first = path.read_bytes()
    session = load_session(path, anatomy)
    assert session.marks == _marks()
    assert dumps(session) == first, "a loaded session saves back byte for byte, cache included"
    doc = json.loads(first)
    assert doc["version"] == 3
    assert set(doc["pain"]) == {
        "marks_sha256",
        "regions_sha256",
        "geometry_version",
        "views_sha256",
        "views",
    }
    assert doc["pain"]["regions_sha256"] == anatomy.sha256
    assert doc["pain"]["geometry_version"] == brush_module.GEOMETRY_VERSION
    assert set(doc["pain"]["views"]["back"]) == {
        str(m.intensity)
        for m in _marks()
        if not getattr(m, "erase", False) and PainMap(anatomy).view_of(m) == "back"
    }


def _edited(anatomy, tmp_path: Path, change) -> Session:  # type: ignore[no-untyped-def]
    doc = json.loads(_saved(anatomy, tmp_path).read_text(encoding="utf-8"))
    change(doc)
    return parse_session(json.dumps(doc).encode(), "edited.bodymap.json", anatomy)


def _hundredths(xy: str) -> list[int]:
    return np.frombuffer(base64.b64decode(xy), "<i4").tolist()  # type: ignore[no-any-return]


def _moved(xy: str) -> str:
    values = _hundredths(xy)
    values[0] += 1
    return base64.b64encode(np.array(values, dtype="<i4").tobytes()).decode()


def _wkb(geom: Any) -> str:
    return base64.b64encode(shapely.to_wkb(geom)).decode()


def _nan_wkb() -> str:
    """A triangle with one coordinate NaN."""
    raw = shapely.to_wkb(Polygon([(0, 0), (10, 5), (10, 0)]), byte_order=1)
    return base64.b64encode(
        raw.replace(struct.pack("<d", 5.0), struct.pack("<d", math.nan))
    ).decode()


def _set_level(doc: dict[str, Any], value: Any) -> None:
    levels = doc["pain"]["views"]["back"]
    levels[next(iter(levels))] = value


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["marks"][3].update(xy=_moved(d["marks"][3]["xy"])),  # a point moved
        lambda d: d["marks"].pop(),  # a mark removed
        lambda d: d["marks"][2].update(intensity=10),
        lambda d: d["marks"][2].update(width=d["marks"][2]["width"] + 1),
        lambda d: d["marks"][-2].update(type="stroke"),  # an erasure made paint
        lambda d: d["marks"].reverse(),
        lambda d: d["pain"].update(geometry_version=d["pain"]["geometry_version"] + 1),
        lambda d: d["pain"].update(geometry_version=str(d["pain"]["geometry_version"])),
        lambda d: d["pain"].update(regions_sha256="0" * 64),
        lambda d: d["pain"].update(marks_sha256="0" * 64),
        lambda d: d["pain"].pop("marks_sha256"),
        lambda d: d.update(pain=[]),
        lambda d: d["pain"].update(views="back"),
        lambda d: d["pain"]["views"].pop("front"),
        lambda d: d["pain"]["views"]["back"].popitem(),  # a level missing
        lambda d: d["pain"]["views"]["back"].update({"1": _wkb(Polygon())}),  # one too many
        lambda d: _set_level(d, "not base64!"),
        lambda d: _set_level(d, 5),
        lambda d: _set_level(d, base64.b64encode(b"\x01\x03\x00").decode()),  # truncated WKB
        lambda d: _set_level(d, _wkb(LineString([(200, 300), (210, 310)]))),
        lambda d: _set_level(d, _wkb(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]))),  # bowtie
        lambda d: _set_level(d, _nan_wkb()),
        lambda d: _set_level(d, _wkb(Polygon([(390, 700), (420, 700), (420, 730)]))),  # outside
        lambda d: _set_level(d, _wkb(Polygon([(1, 1, 1), (5, 1, 1), (5, 5, 1)]))),  # 3D
    ],
)
def test_stale_or_damaged_cache_is_ignored(anatomy, tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    session = _edited(anatomy, tmp_path, change)  # loads: no error
    assert session.pain is None


def test_cache_of_another_regions_file_is_ignored(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _saved(anatomy, tmp_path)
    text = REGIONS.read_text(encoding="utf-8").replace("label: Back view", "label: Back", 1)
    other = parse_regions(text.encode(), str(REGIONS))
    assert other.sha256 != anatomy.sha256
    assert load_session(path, other).pain is None
    assert load_session(path, anatomy).pain is not None


def test_cache_of_another_geometry_version_is_ignored(anatomy, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _saved(anatomy, tmp_path)
    monkeypatch.setattr(brush_module, "GEOMETRY_VERSION", brush_module.GEOMETRY_VERSION + 1)
    session = load_session(path, anatomy)
    assert session.pain is None
    # and stale layers held in memory are refused too, and not written
    layers = IntensityBands(PainMap(anatomy, session.marks)).layers()
    stale = PainLayers(layers.regions_sha256, layers.geometry_version - 1, layers.levels)
    assert not IntensityBands(PainMap(anatomy, session.marks)).seed(stale)
    assert not seed_pain(PainMap(anatomy, session.marks), stale)
    session.pain = stale
    assert b'"pain"' not in dumps(session)


def test_marks_that_would_not_load_back_exactly_get_no_cache(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marks = _marks()
    marks[3] = Stroke("back", ((169.45000000000002, 300.0), (180.0, 310.0)), 12.0, 5)
    session = load_session(_saved(anatomy, tmp_path, marks), anatomy)
    assert session.pain is None
    assert session.marks[3] == Stroke("back", ((169.45, 300.0), (180.0, 310.0)), 12.0, 5)


def test_version_1_file_with_a_pain_key_is_not_trusted(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(_saved(anatomy, tmp_path).read_text(encoding="utf-8"))
    doc["version"] = 1
    for mark in doc["marks"]:
        if "xy" in mark:
            xy = [v / 100 for v in _hundredths(mark.pop("xy"))]
            mark["points"] = [list(p) for p in zip(xy[0::2], xy[1::2], strict=True)]
    session = parse_session(json.dumps(doc).encode(), "v1.bodymap.json", anatomy)
    assert session.marks == _marks()
    assert session.pain is None


def test_points_load_exactly_as_rounded(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Hundredths give back exactly the floats ``round(x, 2)`` gives, sign and all."""
    values = [0.0, -0.0, 0.01, 0.125, 1.005, 169.45, 230.55, 399.99, 1e6 + 0.07, -12.34]
    points = tuple((v, round(-v / 3 + 0.5, 2)) for v in values)
    strokes = [Stroke("back", points, 5.0, 5)]
    session = Session(marks=strokes)  # type: ignore[arg-type]
    path = tmp_path / "r.bodymap.json"
    save_session(session, path)
    loaded = load_session(path, anatomy).marks[0]
    assert isinstance(loaded, Stroke)
    assert loaded.points == tuple((round(x, 2), round(y, 2)) for x, y in points)


def test_a_forged_cache_with_more_outline_than_its_marks_can_make_is_never_decoded(
    anatomy, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.drawing import Drawing
    from bodymap.io import session_cache

    path = tmp_path / "one.bodymap.json"
    marks = [RegionMark("back.left.outer_hip", 5)]
    save_session(Session(marks=marks, pain=Drawing(anatomy, marks=marks).layers()), path)
    doc = json.loads(path.read_text())
    many = shapely.MultiPolygon(
        [shapely.box(100 + i % 200, 400 + i // 200, 100.4 + i % 200, 400.4 + i // 200)
         for i in range(20_000)]
    )  # fmt: skip
    text = base64.b64encode(shapely.to_wkb(many)).decode()
    doc["pain"]["views"]["back"] = {"5": text}
    doc["pain"]["views_sha256"] = session_cache.views_digest(doc["pain"]["views"])
    decoded: list[int] = []
    monkeypatch.setattr(session_cache, "_decoded", lambda *a: decoded.append(1))
    session = parse_session(json.dumps(doc).encode(), "forged.bodymap.json", anatomy)
    assert session.pain is None and decoded == []  # refused before any decoding
