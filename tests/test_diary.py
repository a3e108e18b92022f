"""The diary: entries in a folder, the rebuildable index, damaged entries, new entries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bodymap.core.diary import EntrySummary, Summarizer, in_range, last_days, new_entry
from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.session import Session
from bodymap.io.diary_files import INDEX_NAME, add_entry, entry_files, read_diary
from bodymap.io.errors import SessionError

PARIS = timezone(timedelta(hours=1))
NEW_YORK = timezone(timedelta(hours=-5))


def _entry(date: datetime, *marks: RegionMark | Stroke) -> Session:
    session = new_entry(date=date)
    session.marks = list(marks)
    return session


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    folder = tmp_path / "diary"
    add_entry(
        folder, _entry(datetime(2026, 11, 2, 9, 0, tzinfo=PARIS), RegionMark("back.tailbone"))
    )
    # Made later in New York, earlier in the day by the clock: ordered by the instant.
    add_entry(
        folder,
        _entry(datetime(2026, 11, 1, 23, 0, tzinfo=NEW_YORK), RegionMark("back.left.outer_hip")),
    )
    add_entry(folder, _entry(datetime(2026, 11, 2, 8, 0, tzinfo=PARIS)))
    return folder


def test_entries_are_listed_oldest_first_by_their_instant(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    entries = read_diary(diary, anatomy)
    assert [e.date.isoformat() for e in entries if e.date] == [
        "2026-11-01T23:00:00-05:00",  # 05:00 the next day in Paris
        "2026-11-02T08:00:00+01:00",
        "2026-11-02T09:00:00+01:00",
    ]
    assert [e.regions_touched for e in entries] == [1, 0, 1]
    assert entries[1].extent_pct == 0 and entries[1].top is None
    assert entries[0].top is not None
    assert entries[0].top.muscle == "quadratus_lumborum" and entries[0].top.side == "left"
    assert all(e.ok for e in entries)


def test_any_number_of_entries_at_the_same_minute(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    date = datetime(2026, 11, 2, 9, 0, tzinfo=PARIS)
    paths = [add_entry(tmp_path, _entry(date)) for _ in range(3)]
    assert len({p.name for p in paths}) == 3
    assert len(read_diary(tmp_path, anatomy)) == 3


def _counting(anatomy) -> tuple[Summarizer, list[str]]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    summarizer = Summarizer(anatomy)
    original = summarizer.summary

    def summary(name: str, session: Session) -> EntrySummary:
        seen.append(name)
        return original(name, session)

    summarizer.summary = summary  # type: ignore[method-assign]
    return summarizer, seen


def test_the_index_spares_reading_unchanged_entries(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    first = read_diary(diary, anatomy)
    summarizer, seen = _counting(anatomy)
    assert read_diary(diary, anatomy, summarizer) == first
    assert seen == []
    # One entry changes: only it is read again.
    changed = entry_files(diary)[0]
    add_entry(diary, _entry(datetime(2026, 11, 3, 8, 0, tzinfo=PARIS)))
    changed.write_bytes(changed.read_bytes() + b"\n")
    entries = read_diary(diary, anatomy, summarizer)
    assert sorted(seen) == sorted([changed.name, entry_files(diary)[-1].name])
    assert len(entries) == 4


@pytest.mark.parametrize("damage", ["delete", "garbage", "truncate", "empty"])
def test_a_lost_or_damaged_index_is_rebuilt_silently(anatomy, diary: Path, damage: str) -> None:  # type: ignore[no-untyped-def]
    first = read_diary(diary, anatomy)
    index = diary / INDEX_NAME
    assert index.exists()
    if damage == "delete":
        index.unlink()
    elif damage == "garbage":
        index.write_bytes(b"this is no database" * 100)
    elif damage == "truncate":
        index.write_bytes(index.read_bytes()[:1500])
    else:
        index.write_bytes(b"")
    assert read_diary(diary, anatomy) == first
    assert read_diary(diary, anatomy) == first  # and it works as an index again
    summarizer, seen = _counting(anatomy)
    read_diary(diary, anatomy, summarizer)
    assert seen == []


def test_a_damaged_entry_is_listed_with_its_reason_and_hides_nothing(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    (diary / "broken.bodymap.json").write_text('{"format": "bodymap-session", "vers', "utf-8")
    (diary / "notes.txt").write_text("not an entry", "utf-8")
    entries = read_diary(diary, anatomy)
    assert len(entries) == 4
    assert [e.ok for e in entries] == [True, True, True, False]
    bad = entries[-1]
    assert bad.name == "broken.bodymap.json" and bad.date is None
    assert bad.error is not None and "\n" not in bad.error and "damaged" in bad.error
    # Listed from the index the same way.
    assert read_diary(diary, anatomy) == entries


def test_a_folder_that_cannot_be_written_gets_an_index_in_memory(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    first = read_diary(diary, anatomy)
    (diary / INDEX_NAME).unlink()
    diary.chmod(0o555)
    try:
        assert read_diary(diary, anatomy) == first
        assert not (diary / INDEX_NAME).exists() or __import__("os").geteuid() == 0
    finally:
        diary.chmod(0o755)


def test_a_missing_folder_or_a_file_is_one_line(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SessionError, match="no such diary folder"):
        read_diary(tmp_path / "nowhere", anatomy)
    file = tmp_path / "a.bodymap.json"
    file.write_text("{}", "utf-8")
    with pytest.raises(SessionError, match="is a file, not a diary folder"):
        read_diary(file, anatomy)


def test_new_entry_is_empty_or_a_copy_of_the_last(anatomy) -> None:  # type: ignore[no-untyped-def]
    date = datetime(2026, 11, 2, 9, 0, tzinfo=PARIS)
    empty = new_entry(date=date)
    assert empty.marks == [] and empty.date == date and empty.score.is_empty()
    last = _entry(date, RegionMark("back.tailbone"))
    last.note = "after the walk"
    last.answers = {"fever": False}
    later = date + timedelta(days=1)
    copy = new_entry(last, later)
    assert copy.marks == last.marks and copy.note == last.note and copy.date == later
    assert copy.answers == last.answers and copy.answers is not last.answers
    copy.marks.append(RegionMark("back.left.outer_hip"))
    assert len(last.marks) == 1
    with pytest.raises(ValueError, match="time zone"):
        new_entry(date=datetime(2026, 11, 2, 9, 0))


def test_last_days_keeps_the_range(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    entries = read_diary(diary, anatomy)
    now = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
    assert len(last_days(entries, 7, now)) == 3
    assert last_days(entries, 7, now + timedelta(days=8)) == []
    start = datetime(2026, 11, 2, 7, 30, tzinfo=PARIS)
    assert in_range(entries, start) == entries[1:]
    assert in_range(entries, start, start + timedelta(hours=1)) == entries[1:2]
    assert len(last_days(entries, None, now)) == 3


def test_the_pain_score_comes_through_the_index(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.score import PainScore

    entry = _entry(datetime(2026, 11, 2, 9, 0, tzinfo=PARIS), RegionMark("back.tailbone"))
    entry.score = PainScore(now=3, usual=None, worst=8)
    add_entry(tmp_path, entry)
    fresh = read_diary(tmp_path, anatomy)
    cached = read_diary(tmp_path, anatomy)
    assert fresh == cached
    assert cached[0].score == PainScore(now=3, usual=None, worst=8)
    assert cached[0].date == entry.date and cached[0].date.utcoffset() == timedelta(hours=1)


def test_the_pain_comes_from_the_index_as_the_files_give_it(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.metrics import jaccard, session_pain
    from bodymap.io.diary_files import read_pains
    from bodymap.io.session_file import load_session

    entries = read_diary(diary, anatomy)
    from_files = [session_pain(anatomy, load_session(diary / e.name, anatomy)) for e in entries]
    for damage in ("none", "garbage"):
        if damage == "garbage":
            (diary / INDEX_NAME).write_bytes(b"x" * 5000)
        pains = list(read_pains(diary, anatomy, entries))
        assert len(pains) == len(from_files)
        for kept, read in zip(pains, from_files, strict=True):
            assert set(kept) == set(read)
            assert jaccard(kept, read) == pytest.approx(1.0)
            assert all(kept[v].area == pytest.approx(read[v].area) for v in read)
