"""The reliability field cases of files and the command line (``tests/fixtures/field-cases``):
each gives a result or a one-line error, in bounded time and memory, and loses nothing."""

from __future__ import annotations

import base64
import json
import os
import random
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from bodymap import cli
from bodymap.io import atomic, yaml_strict
from bodymap.io.errors import BodyMapError, RegionsError, SessionError
from bodymap.io.regions_file import load_regions, parse_regions
from bodymap.io.session_file import MAX_NOTE, dumps, load_session, parse_session, save_session

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "fixtures" / "field-cases"
SESSION = CASES / "F09-symlink-and-special-files" / "session.bodymap.json"


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text and "\r" not in text, text
    return text


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


# --- F03: a note with a lone surrogate saves back ------------------------------------------


def test_f03_a_note_with_a_lone_surrogate_saves_back(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = load_session(
        CASES / "F03-lone-surrogate-note" / "note-with-lone-surrogate.bodymap.json", anatomy
    )
    assert session.note == "pain \ud800 here"
    out = tmp_path / "again.bodymap.json"
    save_session(session, out)
    assert "\\ud800" in out.read_text(encoding="utf-8")  # the JSON escape, valid UTF-8
    assert load_session(out, anatomy) == session


@given(
    st.text(st.characters(exclude_categories=()), max_size=30)  # surrogates included
    | st.text(st.sampled_from("a \n\t\x00\ud800\udfff\U0001f600é\u2028"), max_size=12)
)
@settings(max_examples=200, deadline=None)
def test_any_note_a_file_can_hold_saves_back(anatomy, note: str) -> None:  # type: ignore[no-untyped-def]
    raw = SESSION.read_bytes()
    doc = json.loads(raw)
    doc["note"] = note
    session = parse_session(json.dumps(doc).encode(), "s.bodymap.json", anatomy)
    assert parse_session(dumps(session), "again.bodymap.json", anatomy) == session


# --- F06/F09: only regular files read; special outputs refused; links saved through ----------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_f06_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.bodymap.json"
    os.mkfifo(fifo)
    for args in (
        ["analyze", str(fifo)],
        ["--regions", str(fifo), "regions"],
        ["analyze", "/dev/zero"],
    ):
        proc = _run(*args, timeout=60)  # blocked in open() before: the timeout would fire
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "not a " in proc.stderr, proc.stderr
    assert "named pipe" in _run("analyze", str(fifo)).stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_f09_a_special_file_as_output_is_refused_never_replaced(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "out.png"
    os.mkfifo(fifo)
    session = load_session(SESSION, anatomy)
    with pytest.raises(SessionError) as caught:
        save_session(session, fifo)
    assert "named pipe" in _one_line(caught.value)
    assert cli.main(["export", str(SESSION), str(fifo)]) == 2
    assert fifo.is_fifo()  # still the FIFO
    folder = tmp_path / "folder.bodymap.json"
    folder.mkdir()
    with pytest.raises(SessionError):
        save_session(session, folder)
    assert folder.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.bodymap.json", "out.png"]


def test_f09_saving_through_a_link_updates_the_linked_file(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "session.bodymap.json"
    real.write_bytes(SESSION.read_bytes())
    link = tmp_path / "link.bodymap.json"
    link.symlink_to(real)
    session = load_session(link, anatomy)
    session.note = "changed through the link"
    assert save_session(session, link) == real
    assert link.is_symlink() and link.resolve() == real
    assert load_session(real, anatomy).note == "changed through the link"
    chain = tmp_path / "chain.bodymap.json"
    chain.symlink_to(link)  # a link to a link: the end of the chain is written
    assert save_session(session, chain) == real and chain.is_symlink() and link.is_symlink()


# --- F07/F08: regions.yaml bounded while parsing ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("flow-mapping-1000-deep.yaml", "nested more than 32 levels"),
        ("int-401-digits-in-polygon.yaml", "a number of more than 40 characters"),
        ("int-401-digits-in-viewbox.yaml", "a number of more than 40 characters"),
        ("int-5000-digits.yaml", "a number of more than 40 characters"),
    ],
)
def test_f07_huge_numbers_and_deep_nesting_are_one_line_errors(name: str, expected: str) -> None:
    path = CASES / "F07-regions-numbers-and-nesting" / name
    with pytest.raises(RegionsError) as caught:
        load_regions(path)
    message = _one_line(caught.value)
    assert expected in message and message.startswith(f"{path}:")
    assert caught.value.line is not None and caught.value.column is not None


def test_f07_deep_block_mappings_and_the_cli(tmp_path: Path) -> None:
    deep = tmp_path / "block-mapping-1000-deep.yaml"
    deep.write_text("".join(f"{' ' * i}k{i}:\n" for i in range(1000)) + " " * 1000 + "v\n")
    with pytest.raises(RegionsError) as caught:
        load_regions(deep)
    assert "nested more than 32 levels" in _one_line(caught.value)
    assert caught.value.line == 33
    big = CASES / "F07-regions-numbers-and-nesting" / "int-5000-digits.yaml"
    proc = _run("--regions", str(big), "analyze", "--mark", "back.left.outer_hip")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    # A number that is long but legal text stays text; a float overflowing to inf is refused
    # by the validator, with its position.
    text = (ROOT / "regions.yaml").read_text(encoding="utf-8")
    with pytest.raises(RegionsError) as caught:
        parse_regions(text.replace("\nversion: ", "\nversion: 1e999 #", 1).encode(), "r.yaml")
    _one_line(caught.value)


def test_f08_the_error_path_costs_what_the_happy_path_costs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Too many values end the parse at once with the position of the value over the limit;
    a validation error finds its position without a table of every value."""
    monkeypatch.setattr(yaml_strict, "MAX_VALUES", 50_000)
    text = (ROOT / "regions.yaml").read_text(encoding="utf-8")
    row = "[" + ", ".join(["1"] * 50) + "]"
    flood = text + "\nextra: [\n" + ",\n".join([row] * 2000) + "]\n"
    with pytest.raises(RegionsError) as caught:
        parse_regions(flood.encode(), "flood.yaml")
    assert "more than 50,000 values" in _one_line(caught.value)
    small = text + "\nextra: [\n" + ",\n".join([row] * 200) + "]\n"
    built: list[int] = []
    original = yaml_strict._LazyMarks._table
    monkeypatch.setattr(
        yaml_strict._LazyMarks, "_table", lambda self: built.append(1) or original(self)
    )
    with pytest.raises(RegionsError) as caught:
        parse_regions(small.encode(), "small.yaml")
    assert "unknown key 'extra'" in _one_line(caught.value)
    assert caught.value.line == text.count("\n") + 2
    assert built == [], "no table of every value's position"


def test_positions_found_by_walking_match_the_full_table() -> None:
    text = (ROOT / "regions.yaml").read_text(encoding="utf-8")
    _, marks = yaml_strict.load(text, "r.yaml")
    table = marks._table()  # type: ignore[attr-defined]
    fresh = yaml_strict._LazyMarks(text, "r.yaml")
    for where in random.Random(1).sample(sorted(table, key=repr), 40):
        assert fresh[where] == table[where]
    assert ("no such key",) not in fresh
    assert ("views", 0, "no such key") not in fresh and ("views", 0) in fresh


# --- F12: out of memory ------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        MemoryError(),
        shapely.errors.GEOSException("std::bad_alloc"),
        OSError(12, "Cannot allocate memory"),
        ImportError("libgeos.so: failed to map segment from shared object"),
    ],
)
def test_f12_out_of_memory_is_one_line_and_exit_2(monkeypatch, capsys, error) -> None:  # type: ignore[no-untyped-def]
    def exhausted(*args: object) -> None:
        raise error

    monkeypatch.setattr(cli, "_analyze", exhausted)
    assert cli.main(["analyze", str(SESSION)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out of memory" in err


# --- F15: the kept pain is checked and clipped --------------------------------------------


def _with_pain(anatomy, session):  # type: ignore[no-untyped-def]
    """``session`` with the pain the window would keep for it."""
    from bodymap.core.layers import IntensityBands
    from bodymap.core.pain import PainMap

    session.pain = IntensityBands(PainMap(anatomy, session.marks)).layers()
    return session


def test_f15_a_changed_byte_in_the_kept_pain_is_never_trusted(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = CASES / "F15-corrupted-pain-section-accepted"
    for name in ("original.bodymap.json", "one-byte-changed.bodymap.json"):
        assert load_session(case / name, anatomy).pain is None  # no checksum: not trusted
    # Saved now (with its checksum), then every kind of one-character change in the pain.
    saved = tmp_path / "saved.bodymap.json"
    save_session(_with_pain(anatomy, load_session(case / "original.bodymap.json", anatomy)), saved)
    session = load_session(saved, anatomy)
    assert session.pain is not None
    expected = {
        v: {k: g.wkb for k, g in levels.items()} for v, levels in session.pain.levels.items()
    }
    raw = saved.read_bytes()
    start = raw.index(b'"pain"')
    rng = random.Random(15)
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
    for _ in range(300):
        at = rng.randrange(start, len(raw))
        changed = raw[:at] + bytes([rng.choice(alphabet)]) + raw[at + 1 :]
        try:
            loaded = parse_session(changed, "changed.bodymap.json", anatomy)
        except SessionError:
            continue  # the change broke the JSON: refused, one line
        if loaded.pain is not None:  # only a change that changed nothing may be kept
            got = {
                v: {k: g.wkb for k, g in levels.items()} for v, levels in loaded.pain.levels.items()
            }
            assert changed == raw or got == expected


def test_f15_kept_pain_outside_the_body_is_clipped(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.session_cache import views_digest

    saved = tmp_path / "saved.bodymap.json"
    save_session(_with_pain(anatomy, load_session(SESSION, anatomy)), saved)
    doc = json.loads(saved.read_bytes())
    view = next(v for v, levels in doc["pain"]["views"].items() if levels)
    x, y, w, h = anatomy.views[view].viewbox
    whole = shapely.box(x, y, x + w, y + h)  # the whole viewBox: mostly outside the body
    for level in doc["pain"]["views"][view]:
        doc["pain"]["views"][view][level] = base64.b64encode(whole.wkb).decode()
    doc["pain"]["views_sha256"] = views_digest(doc["pain"]["views"])  # a forged checksum
    session = parse_session(json.dumps(doc).encode(), "forged.bodymap.json", anatomy)
    assert session.pain is not None
    silhouette = anatomy.views[view].silhouette
    for geom in session.pain.levels[view].values():
        assert geom.difference(silhouette).area < 1e-6


# --- dates, paths, notes, duplicate keys, --mark ------------------------------------------


@given(st.datetimes(timezones=st.timezones()))
@settings(max_examples=300, deadline=None)
def test_every_iso_time_gives_a_result_or_one_line(anatomy, when: datetime) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(SESSION.read_bytes())
    doc["created"] = doc["modified"] = when.isoformat()
    raw = json.dumps(doc).encode()
    try:
        session = parse_session(raw, "t.bodymap.json", anatomy)
    except SessionError as exc:
        assert "ISO 8601" in _one_line(exc)
        return
    assert session.created.astimezone(UTC) == when.astimezone(UTC)
    assert parse_session(dumps(session), "again.bodymap.json", anatomy) == session


@pytest.mark.parametrize(
    "stamp",
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2026-W48-1T10:00:00+00:00",
     "2026-11-27T23:59:60Z", "2026-11-27", "20261127T100000Z", "2026-11-27T10:00:00.123456789Z"],
)  # fmt: skip
def test_edge_times_give_a_result_or_one_line(anatomy, stamp: str) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(SESSION.read_bytes())
    doc["created"] = stamp
    try:
        session = parse_session(json.dumps(doc).encode(), "t.bodymap.json", anatomy)
    except SessionError as exc:
        _one_line(exc)
        return
    assert session.created.tzinfo is not None
    session.created.astimezone(UTC)


@pytest.mark.parametrize(
    "name", ["with space.bodymap.json", "new\nline.bodymap.json", b"bad\xff\xfebytes.bodymap.json"]
)
def test_any_path_the_file_system_allows(anatomy, tmp_path: Path, name: str | bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / (os.fsdecode(name) if isinstance(name, bytes) else name)
    session = load_session(SESSION, anatomy)
    save_session(session, path)
    assert load_session(path, anatomy) == session
    missing = path.with_name("gone " + path.name)
    with pytest.raises(SessionError) as caught:
        load_session(missing, anatomy)
    _one_line(caught.value)
    caught.value.args[0].encode("utf-8")  # printable anywhere
    proc = subprocess.run(
        [sys.executable, "-m", "bodymap", "analyze", os.fsencode(missing)],
        cwd=ROOT, capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1, proc.stderr


def test_a_note_is_bounded(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = load_session(SESSION, anatomy)
    session.note = "x" * MAX_NOTE
    path = tmp_path / "long.bodymap.json"
    save_session(session, path)
    assert load_session(path, anatomy).note == session.note
    session.note += "x"
    with pytest.raises(SessionError) as caught:
        save_session(session, path)
    assert "more than the 100,000" in _one_line(caught.value)
    doc = json.loads(SESSION.read_bytes())
    doc["note"] = "y" * 5_000_000  # the 60 MB note of the field case, smaller
    with pytest.raises(SessionError) as caught:
        parse_session(json.dumps(doc).encode(), "huge.bodymap.json", anatomy)
    assert "note" in _one_line(caught.value)


def test_duplicate_keys_are_refused(anatomy) -> None:  # type: ignore[no-untyped-def]
    text = SESSION.read_text(encoding="utf-8")
    twice = text.replace('"note":', '"note": "first", "note":', 1)
    with pytest.raises(SessionError) as caught:
        parse_session(twice.encode(), "twice.bodymap.json", anatomy)
    assert "'note' comes twice" in _one_line(caught.value)
    inner = text.replace('"type": "region"', '"type": "region", "type": "stroke"', 1)
    with pytest.raises(SessionError):
        parse_session(inner.encode(), "inner.bodymap.json", anatomy)


def test_save_temporaries_left_by_a_kill_are_removed(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "diary.bodymap.json"
    old = tmp_path / ".diary.bodymap.json.k1ll3d_x.tmp"
    fresh = tmp_path / ".diary.bodymap.json.s4v1ng_y.tmp"  # another save, still going
    other = tmp_path / ".other.bodymap.json.k1ll3d_x.tmp"
    for leftover in (old, fresh, other):
        leftover.write_bytes(b"half a file")
    stale = datetime.now().timestamp() - atomic.STALE_TEMP_S - 60
    os.utime(old, (stale, stale))
    os.utime(other, (stale, stale))
    save_session(load_session(SESSION, anatomy), path)
    assert not old.exists() and fresh.exists() and other.exists()


def test_mark_takes_several_ids(capsys) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["analyze", "--mark", "back.left.outer_hip", "back.right.outer_hip"]) == 0
    out = capsys.readouterr().out
    assert "left" in out and "right" in out
    assert cli.main(["analyze", "--mark", "back.left.outer_hip", str(SESSION)]) == 2
    err = capsys.readouterr().err
    assert "give the session before --mark" in err and err.count("\n") == 1
    assert cli.main(["analyze", str(SESSION), "--mark", "back.left.outer_hip"]) == 0


def test_errors_stay_one_line() -> None:
    error = BodyMapError("a\nb\udcffc", "bad\r\nthing")
    assert str(error) == "a\\nb\\xffc: bad\\r\\nthing"
