"""Session format version 3: the pain score, answers, the entry's zone-aware date."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bodymap.core.brush import GEOMETRY_VERSION
from bodymap.core.marks import RegionMark, Stroke, mirrored
from bodymap.core.score import QUALITIES, PainScore
from bodymap.core.session import Session
from bodymap.io import session_file
from bodymap.io.errors import SessionError
from bodymap.io.session_file import load_session, save_session

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOKYO = timezone(timedelta(hours=9))


def test_version_3_fixture_loads(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = load_session(FIXTURES / "session-v3.bodymap.json", anatomy)
    v1 = load_session(FIXTURES / "session-v1.bodymap.json", anatomy)
    assert [m.quality for m in session.marks] == ["aching", "tingling", None]
    assert [replace(m, quality=None) for m in session.marks] == v1.marks
    # A quality takes no part in the kept pain's key: the pain is used while the regions file
    # and the stroke geometry are those it was computed with.
    kept = json.loads((FIXTURES / "session-v3.bodymap.json").read_text("utf-8"))["pain"]
    current = (kept["regions_sha256"], kept["geometry_version"]) == (
        anatomy.sha256,
        GEOMETRY_VERSION,
    )
    assert (session.pain is not None) == current
    assert session.score == PainScore(now=4, usual=3, worst=7)
    assert session.answers == {"fever": False, "leg_numbness": False, "night_pain": True}
    assert session.date == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    assert session.date is not None and session.date.utcoffset() == timedelta(hours=1)
    assert session.note.startswith("Version 3 as first shipped")


def test_older_versions_load_without_score_answers_or_date(anatomy) -> None:  # type: ignore[no-untyped-def]
    for version in (1, 2):
        session = load_session(FIXTURES / f"session-v{version}.bodymap.json", anatomy)
        assert session.score.is_empty() and session.answers == {} and session.date is None


def test_round_trip_keeps_the_zone_it_was_made_in(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    date = datetime(2026, 12, 1, 23, 30, tzinfo=TOKYO)
    session = Session(
        [RegionMark("back.tailbone", 4)],
        score=PainScore(now=0, usual=None, worst=10),
        answers={"bladder_control": False, "weight_loss": True},
        date=date,
    )
    path = tmp_path / "e.bodymap.json"
    save_session(session, path)
    back = load_session(path, anatomy)
    assert back == session
    assert back.date is not None and back.date.isoformat() == "2026-12-01T23:30:00+09:00"
    doc = json.loads(path.read_text("utf-8"))
    assert doc["version"] == 3 and doc["nrs"] == {"now": 0, "usual": None, "worst": 10}


def test_qualities_round_trip_and_mirror(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stroke = Stroke("back", ((150.0, 400.0), (160.0, 410.0)), 12.0, 6, quality="burning")
    region = RegionMark("back.left.outer_hip", 4, quality="numbness")
    session = Session([stroke, region, RegionMark("back.tailbone")])
    path = tmp_path / "q.bodymap.json"
    save_session(session, path)
    back = load_session(path, anatomy)
    assert [m.quality for m in back.marks] == ["burning", "numbness", None]
    assert back.marks == session.marks
    assert mirrored(region, anatomy) == RegionMark("back.right.outer_hip", 4, quality="numbness")
    other = mirrored(stroke, anatomy)
    assert other is not None and other.quality == "burning"


def test_an_app_reading_version_2_refuses_version_3(anatomy, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """How every older app treats a newer file: it names both versions, misreads nothing."""
    monkeypatch.setattr(session_file, "VERSION", 2)
    with pytest.raises(SessionError, match=r"version 3, newer than this app reads \(version 2\)"):
        load_session(FIXTURES / "session-v3.bodymap.json", anatomy)


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((FIXTURES / "session-v3.bodymap.json").read_text("utf-8"))
    return doc


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda d: d.update(nrs=7), "nrs: must be an object"),
        (lambda d: d["nrs"].update(now=11), "nrs.now: must be a whole number from 0 to 10"),
        (lambda d: d["nrs"].update(worst=-1), "nrs.worst: must be a whole number from 0 to 10"),
        (lambda d: d["nrs"].update(usual=True), "nrs.usual: must be a whole number"),
        (lambda d: d["nrs"].update(usual=2.5), "nrs.usual: must be a whole number"),
        (lambda d: d.update(answers=[]), "answers: must be an object"),
        (lambda d: d["answers"].update(fever="yes"), "answers.fever: must be true or false"),
        (lambda d: d["answers"].update(fever=1), "answers.fever: must be true or false"),
        (lambda d: d["answers"].update({"Bad Id": True}), "an answer id is"),
        (lambda d: d["answers"].update(nested={"a": True}), "answers.nested: must be true"),
        (lambda d: d.update(date="2026-11-30T08:00:00"), "date: must be an ISO 8601"),
        (lambda d: d.update(date="yesterday"), "date: must be an ISO 8601"),
        (lambda d: d.update(date=20261130), "date: must be an ISO 8601"),
        (lambda d: d.update(date="0001-01-01T00:30:00+01:00"), "date: must be an ISO 8601"),
        (lambda d: d["marks"][0].update(quality="sore"), "marks[0].quality: must be one of"),
        (lambda d: d["marks"][1].update(quality=3), "marks[1].quality: must be one of"),
        (lambda d: d["marks"][2].update(quality="aching"), "an erasure has no pain quality"),
    ],
)
def test_bad_entry_fields_are_refused_in_one_line(
    anatomy, tmp_path: Path, change, needle: str
) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    change(doc)
    path = tmp_path / "bad.bodymap.json"
    path.write_text(json.dumps(doc), "utf-8")
    before = path.read_bytes()
    with pytest.raises(SessionError) as info:
        load_session(path, anatomy)
    message = str(info.value)
    assert needle in message and "\n" not in message and str(path) in message
    assert path.read_bytes() == before


def test_absent_entry_fields_are_no_score_no_answers_no_date(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    for key in ("nrs", "answers", "date"):
        del doc[key]
    path = tmp_path / "plain.bodymap.json"
    path.write_text(json.dumps(doc), "utf-8")
    session = load_session(path, anatomy)
    assert session.score.is_empty() and session.answers == {} and session.date is None


def test_every_quality_has_a_snomed_code() -> None:
    assert list(QUALITIES) == [
        "aching", "burning", "stabbing", "throbbing", "cramping", "tingling", "numbness",
    ]  # fmt: skip
    assert all(q.snomed.isdigit() and q.label for q in QUALITIES.values())
    assert {q.id for q in QUALITIES.values() if q.nerve} == {"burning", "tingling", "numbness"}


def test_the_pain_score_checks_its_range() -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        PainScore(now=11)
    with pytest.raises(ValueError, match="0 to 10"):
        PainScore(worst=True)  # type: ignore[arg-type]
