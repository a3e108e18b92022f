"""The pain diary's model: dated entries, what each one measures, and new entries.

Qt-free. An entry is a :class:`Session` with a date (``Session.date``: aware, in the offset
of the zone it was made in); the files and the index live in ``bodymap.io.diary_files`` and
``bodymap.io.diary_index``. An :class:`EntrySummary` is what the timeline and
``bodymap diary`` show of an entry; a damaged entry has only its name and one-line error.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.matching import Matcher
from bodymap.core.metrics import RegionIndex, pain_extent, session_pain
from bodymap.core.score import PainScore
from bodymap.core.session import Session, now_utc

RANGES_DAYS: tuple[int | None, ...] = (7, 30, 90, None)  # the timeline's ranges; None = all


def local_now() -> datetime:
    """Now, to the second, with the UTC offset of this computer's zone (an entry's date)."""
    return datetime.now().astimezone().replace(microsecond=0)


def entry_date(session: Session) -> datetime:
    """The date of an entry: its ``date``, else when it was created (a session saved
    before format 3)."""
    return session.date if session.date is not None else session.created


@dataclass(frozen=True)
class TopMatch:
    """The best-ranked referral pattern of an entry; ``score`` is the matching score in
    [0, 1] (its strength until the ranking gives strength words)."""

    muscle: str
    side: str
    score: float


@dataclass(frozen=True)
class EntrySummary:
    """One entry as the diary lists it. ``name`` is its file name in the diary folder;
    ``extent_pct`` is pain extent in percent of the body's area; ``error`` is set (and the
    measures are empty) when the entry could not be read. ``measured`` is False while only
    the date and score have been read (a quick listing): extent, regions and top are not
    known yet, and the entry may still turn out damaged when it is read whole."""

    name: str
    date: datetime | None
    score: PainScore = field(default_factory=PainScore)
    extent_pct: float = 0.0
    regions_touched: int = 0
    top: TopMatch | None = None
    error: str | None = None
    measured: bool = True
    # The entry's pain per view (SVG units) when it was just measured; derived, not compared
    pain: Mapping[str, BaseGeometry] | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None


class Summarizer:
    """Measures entries against one anatomy (the matcher and region index built once)."""

    def __init__(self, anatomy: Anatomy, matcher: Matcher | None = None) -> None:
        self.anatomy = anatomy
        self.matcher = matcher or Matcher(anatomy)
        self.regions = RegionIndex(anatomy)

    def summary(self, name: str, session: Session) -> EntrySummary:
        pain = session_pain(self.anatomy, session)
        result = self.matcher.match(pain)
        best = result.matches[0] if result.matches else None
        return EntrySummary(
            name=name,
            date=entry_date(session),
            score=session.score,
            extent_pct=pain_extent(self.anatomy, pain).total,
            regions_touched=len(self.regions.touched(pain)),
            top=TopMatch(best.muscle, best.side, best.score) if best else None,
            pain=pain,
        )


def ordered(entries: Iterable[EntrySummary]) -> list[EntrySummary]:
    """Readable entries oldest first (ties by name), then damaged ones by name."""
    items = list(entries)
    good = sorted((e for e in items if e.date is not None), key=lambda e: (e.date, e.name))
    bad = sorted((e for e in items if e.date is None), key=lambda e: e.name)
    return good + bad


def in_range(
    entries: Sequence[EntrySummary], start: datetime | None = None, end: datetime | None = None
) -> list[EntrySummary]:
    """The readable entries dated from ``start`` up to and including ``end`` (aware times;
    None leaves that side open)."""
    return [
        e
        for e in entries
        if e.date is not None
        and (start is None or e.date >= start)
        and (end is None or e.date <= end)
    ]


def last_days(
    entries: Sequence[EntrySummary], days: int | None, now: datetime
) -> list[EntrySummary]:
    """The readable entries of the last ``days`` days up to ``now`` (all when None)."""
    return in_range(entries, None if days is None else now - timedelta(days=days), None)


def new_entry(previous: Session | None = None, date: datetime | None = None) -> Session:
    """A new diary entry dated ``date`` (default: now, in this computer's zone): empty, or,
    given ``previous``, a copy of its marks, score, answers and note to adjust."""
    date = date or local_now()
    if date.tzinfo is None:
        raise ValueError("an entry's date needs a time zone")
    stamp = now_utc()
    if previous is None:
        return Session(created=stamp, modified=stamp, date=date)
    return Session(
        marks=list(previous.marks),  # marks are immutable: sharing them is a copy
        note=previous.note,
        created=stamp,
        modified=stamp,
        regions_version=previous.regions_version,
        regions_sha256=previous.regions_sha256,
        pain=previous.pain,  # the same marks: the same pain
        score=previous.score,
        answers=copy.copy(previous.answers),
        date=date,
    )
