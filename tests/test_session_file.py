"""Session files: round trips, atomic saves, and every damaged or hostile file refused cleanly."""

from __future__ import annotations

import base64
import errno
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.core.marks import MAX_TOTAL_POINTS, RegionMark, Stroke
from bodymap.core.session import Session
from bodymap.io import atomic
from bodymap.io.errors import SessionError
from bodymap.io.session_file import (
    MAX_BYTES,
    dumps,
    load_session,
    parse_session,
    regions_warning,
    save_session,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _xy(*hundredths: int) -> str:
    """A version 2 ``xy`` value."""
    return base64.b64encode(np.array(hundredths, dtype="<i4").tobytes()).decode()


def _session(anatomy) -> Session:  # type: ignore[no-untyped-def]
    return Session(
        marks=[
            RegionMark("back.left.outer_hip", 7),
            Stroke("front", ((230.5, 455.25), (236, 470), (241, 488)), 14.0, 6),
            Stroke("front", ((236, 470),), 20.0, 5, erase=True),
        ],
        note="Worse after sitting; better walking.",
        regions_version=anatomy.version,
        regions_sha256=anatomy.sha256,
    )


def test_save_then_load_is_equal(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = _session(anatomy)
    path = tmp_path / "mine.bodymap.json"
    save_session(session, path)
    assert load_session(path, anatomy) == session
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "bodymap-session" and doc["version"] == 2
    xy = np.frombuffer(base64.b64decode(doc["marks"][1]["xy"]), "<i4").tolist()
    assert xy == [23050, 45525, 23600, 47000, 24100, 48800]  # hundredths
    assert doc["regions"] == {"version": anatomy.version, "sha256": anatomy.sha256}
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_version_1_fixture_still_loads(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = load_session(FIXTURES / "session-v1.bodymap.json", anatomy)
    assert session.marks == [
        RegionMark("back.left.outer_hip", 7),
        Stroke("front", ((230.5, 455.25), (236.0, 470.0), (241.0, 488.0)), 14.0, 6),
        Stroke("front", ((236.0, 470.0),), 20.0, 5, erase=True),
    ]
    assert session.note.startswith("Version 1 as first shipped")
    assert session.pain is None


def test_version_2_fixture_still_loads(anatomy) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "session-v2.bodymap.json"
    session = load_session(path, anatomy)
    assert session.marks == load_session(FIXTURES / "session-v1.bodymap.json", anatomy).marks
    assert session.note.startswith("Version 2 as first shipped")
    # Its kept pain carries no checksum of its own bytes (written before they were kept):
    # it is never trusted, and the pain is computed from the marks.
    assert "views_sha256" not in json.loads(path.read_text(encoding="utf-8"))["pain"]
    assert session.pain is None


def test_version_1_fixture_saves_as_version_2_with_the_same_marks(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = load_session(FIXTURES / "session-v1.bodymap.json", anatomy)
    path = tmp_path / "now.bodymap.json"
    save_session(session, path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2
    assert load_session(path, anatomy) == session


def test_unknown_keys_are_ignored(anatomy) -> None:  # type: ignore[no-untyped-def]
    """Documented: readers skip keys they do not know (how version 1 readers skip the pain
    a version 2 file keeps, were it written as version 1)."""
    doc = _doc(anatomy)
    doc["later"] = {"x": 1}
    doc["marks"][0]["later"] = 2
    assert parse_session(json.dumps(doc).encode(), "u", anatomy) == _session(anatomy)


points = st.tuples(
    st.floats(0, 400, allow_nan=False).map(lambda v: round(v, 2)),
    st.floats(0, 720, allow_nan=False).map(lambda v: round(v, 2)),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    strokes=st.lists(
        st.builds(
            Stroke,
            st.sampled_from(["back", "front"]),
            st.lists(points, min_size=1, max_size=20).map(tuple),
            st.floats(1, 100).map(lambda v: round(v, 3)),
            st.integers(1, 10),
            st.booleans(),
        ),
        max_size=6,
    ),
    note=st.text(max_size=80),
)
def test_round_trip_property(anatomy, tmp_path: Path, strokes, note) -> None:  # type: ignore[no-untyped-def]
    session = Session(marks=list(strokes), note=note)
    path = tmp_path / "p.bodymap.json"
    save_session(session, path)
    assert load_session(path, anatomy) == session


def test_every_truncation_is_refused(anatomy) -> None:  # type: ignore[no-untyped-def]
    raw = dumps(_session(anatomy))
    for cut in range(len(raw)):
        with pytest.raises(SessionError) as info:
            parse_session(raw[:cut], "cut.bodymap.json", anatomy)
        assert "\n" not in str(info.value)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_random_byte_changes_never_crash(anatomy, data) -> None:  # type: ignore[no-untyped-def]
    raw = bytearray(dumps(_session(anatomy)))
    for _ in range(data.draw(st.integers(1, 4))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    try:
        parse_session(bytes(raw), "x.bodymap.json", anatomy)
    except SessionError as exc:
        assert "\n" not in str(exc)


def _doc(anatomy) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return json.loads(dumps(_session(anatomy)))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda d: d.update(version=99), "newer than this app reads (version 2)"),
        (lambda d: d.update(format="other"), "not a session file"),
        (lambda d: d.update(marks={"a": 1}), "marks: must be a list"),
        (lambda d: d.update(note=5), "note: must be text"),
        (lambda d: d.update(created="yesterday"), "created: must be an ISO 8601"),
        (lambda d: d["marks"][0].update(region="back.left.wing"), "unknown region id"),
        (lambda d: d["marks"][0].update(intensity=11), "intensity"),
        (lambda d: d["marks"][0].update(intensity="5"), "intensity"),
        (lambda d: d["marks"][1].update(width="wide"), "width: must be a number"),
        (lambda d: d["marks"][1].update(xy=[1, 2]), "marks[1].xy: must be base64 of x, y"),
        (lambda d: d["marks"][1].update(xy="AAAA!AAA"), "marks[1].xy: must be base64 of x, y"),
        (lambda d: d["marks"][1].update(xy="AAAAAAAA"), "marks[1].xy: must be base64 of x, y"),
        (lambda d: d["marks"][1].update(xy=""), "a stroke needs at least one point"),
        (lambda d: d["marks"][2].update(xy=_xy(0, 2_000_000_000)), "beyond 10,000,000 SVG units"),
        (lambda d: d["marks"][2].update(xy=_xy(-(2**31), 0)), "beyond 10,000,000 SVG units"),
        (lambda d: d["marks"][1].pop("xy"), "marks[1].xy: must be base64"),
        (lambda d: d["marks"][1].update(width=0.1), "stroke width must be from"),
        (lambda d: d["marks"][2].update(intensity=True), "intensity"),
        (lambda d: d.update(version=1), "marks[1].points: must be a list"),
        (
            lambda d: d.update(
                version=1,
                marks=[
                    {"type": "stroke", "view": "back", "width": 5, "points": [[1, 2], [1e8, 2]]}
                ],
            ),
            "marks[0].points: a point lies beyond 10,000,000 SVG units",
        ),
        (lambda d: d["marks"][1].update(view="side"), "unknown view"),
        (lambda d: d["marks"][1].update(type="spray"), "must be region, stroke or erase"),
    ],
)
def test_wrong_contents_are_refused(anatomy, tmp_path: Path, change, needle) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(anatomy)
    change(doc)
    path = tmp_path / "bad.bodymap.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(SessionError) as info:
        load_session(path, anatomy)
    assert needle in str(info.value)
    assert str(info.value).startswith(str(path))
    assert path.read_bytes() == before


def test_nan_in_json_is_refused(anatomy) -> None:  # type: ignore[no-untyped-def]
    raw = dumps(_session(anatomy)).replace(b'"width": 14.0', b'"width": NaN')
    with pytest.raises(SessionError, match="NaN"):
        parse_session(raw, "n.bodymap.json", anatomy)


def test_ten_million_points_refused_quickly(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.bodymap.json"
    head = b'{"format": "bodymap-session", "version": 1, "marks": [{"type": "stroke", '
    head += b'"view": "back", "width": 5, "points": ['
    with path.open("wb") as f:
        f.write(head)
        chunk = b"[100.5,200.5]," * 100_000
        for _ in range(100):
            f.write(chunk)
        f.write(b"[1,1]]}]}")
    assert path.stat().st_size > MAX_BYTES
    started = time.perf_counter()
    with pytest.raises(SessionError, match="too large"):
        load_session(path, anatomy)
    assert time.perf_counter() - started < 5  # refused by size, without parsing


@pytest.mark.parametrize(
    ("version", "points"), [(1, '"points": [' + ",".join(["[1,1]"] * 16_000) + "]"),
                            (2, f'"xy": "{_xy(*[1, 1] * 16_000)}"')],
)  # fmt: skip
def test_too_many_points_below_the_byte_limit(anatomy, version: int, points: str) -> None:  # type: ignore[no-untyped-def]
    per = 16_000  # under the per-stroke limit
    stroke = '{"type": "stroke", "view": "back", "width": 5, ' + points + "}"
    marks = ",".join([stroke] * (MAX_TOTAL_POINTS // per + 1))
    doc = _doc(anatomy)
    doc["version"] = version
    doc["marks"] = []
    raw = json.dumps(doc).replace('"marks": []', f'"marks": [{marks}]').encode()
    with pytest.raises(SessionError, match="points in all"):
        parse_session(raw, "many.bodymap.json", anatomy)


def test_changed_regions_file_loads_with_a_warning(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = _session(anatomy)
    session.regions_sha256 = "0" * 64
    path = tmp_path / "old.bodymap.json"
    save_session(session, path)
    loaded = load_session(path, anatomy)
    warning = regions_warning(loaded, anatomy, str(path))
    assert warning and "matches may differ" in warning and str(path) in warning
    assert regions_warning(_session(anatomy), anatomy, "x") is None


# --- saving never destroys the previous file -------------------------------------------------


def _saved(anatomy, folder: Path) -> tuple[Path, bytes]:  # type: ignore[no-untyped-def]
    path = folder / "keep.bodymap.json"
    save_session(_session(anatomy), path)
    return path, path.read_bytes()


def test_full_disk_short_write_keeps_old_file(anatomy, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, before = _saved(anatomy, tmp_path)
    real_write = os.write
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:10])) and 0)
    bigger = _session(anatomy)
    bigger.note = "x" * 5000
    with pytest.raises(SessionError, match="disk is full"):
        save_session(bigger, path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_enospc_keeps_old_file(anatomy, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, before = _saved(anatomy, tmp_path)

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(SessionError, match="disk is full"):
        save_session(_session(anatomy), path)
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, before = _saved(anatomy, tmp_path)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SessionError, match="permission denied"):
            save_session(_session(anatomy), path)
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == before


def test_replace_refused_keeps_old_file(anatomy, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What a read-only folder does even for root: the final rename fails."""
    path, before = _saved(anatomy, tmp_path)

    def refuse(src: str, dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(SessionError, match="read-only"):
        save_session(_session(anatomy), path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_missing_folder(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SessionError, match="folder does not exist"):
        save_session(_session(anatomy), tmp_path / "gone" / "s.bodymap.json")


def test_saving_keeps_the_usual_file_permissions(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    umask = os.umask(0o022)
    try:
        path = tmp_path / "new.bodymap.json"
        save_session(_session(anatomy), path)
        assert path.stat().st_mode & 0o777 == 0o644  # as any new file, not mkstemp's 0600
        path.chmod(0o640)
        save_session(_session(anatomy), path)
        assert path.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    finally:
        os.umask(umask)


def test_point_beyond_the_limit_is_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "far.bodymap.json"
    far = Session(marks=[Stroke("back", ((1.0, 2.0), (2e7, 2.0)), 5.0)])
    with pytest.raises(SessionError, match="could not save: a stroke point lies beyond"):
        save_session(far, path)
    assert not path.exists()
