"""What a report holds, read from a session file or a diary folder: the entry it is about
(its drawing, ranking, measures), and for a diary the entries in range, the damaged ones with
their reason, and the first entry to compare the last with.

No Qt here: ``bodymap.io.report_pages`` lays this out. Pain extent and regions touched are
those of ``bodymap.core.metrics``; the ranking is ``Drawing.result``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bodymap.core.anatomy import Anatomy
from bodymap.core.compare import Comparison, compare_sessions
from bodymap.core.diary import EntrySummary, entry_date, in_range
from bodymap.core.drawing import Drawing
from bodymap.core.metrics import Extent, pain_extent, regions_touched
from bodymap.core.session import Session
from bodymap.io.errors import SessionError, UsageError


@dataclass(frozen=True)
class EntryReport:
    """One session as the report shows it. ``extent`` is pain extent (% of the body's
    area); ``regions`` the ids of the regions touched (``core.metrics``)."""

    name: str
    session: Session
    drawing: Drawing
    extent: Extent
    regions: tuple[str, ...]

    @property
    def anatomy(self) -> Anatomy:
        return self.drawing.anatomy

    @property
    def date(self) -> datetime:
        """The entry's date in the zone it was made in; a session without one (saved
        before format 3) its creation time in this computer's zone."""
        if self.session.date is None:
            return self.session.created.astimezone()
        return entry_date(self.session)


@dataclass(frozen=True)
class DiaryReport:
    """A diary's report: ``entries`` the readable entries in range, oldest first; ``last``
    the newest (page one is about it); ``comparison`` the first against the last (None with
    one entry); ``damaged`` ``(file name, reason)`` of entries that could not be read."""

    folder: str
    entries: tuple[EntrySummary, ...]
    last: EntryReport
    first_date: datetime
    comparison: Comparison | None
    damaged: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Report:
    """An entry's report (``diary`` None) or a diary's (``entry`` is ``diary.last``)."""

    entry: EntryReport
    diary: DiaryReport | None = None
    damaged: tuple[tuple[str, str], ...] = field(default=())


def entry_report(name: str, session: Session, drawing: Drawing) -> EntryReport:
    """The report of ``session`` whose analysed drawing is ``drawing``."""
    pain = drawing.pain.geometries()
    anatomy = drawing.anatomy
    return EntryReport(
        name, session, drawing, pain_extent(anatomy, pain), regions_touched(anatomy, pain)
    )


def session_report(anatomy: Anatomy, session: Session, name: str = "") -> Report:
    """The report of one session (not read from a file)."""
    return Report(entry_report(name, session, Drawing.of_session(session, anatomy)))


def load_report(
    anatomy: Anatomy,
    source: str | Path,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Report:
    """The report of the session file or diary folder ``source``; a diary's entries limited
    to ``start``..``end`` (aware times, inclusive; None leaves that side open).

    Raises ``SessionError`` (one line) when the file or folder cannot be read and
    ``UsageError`` when a diary has no readable entry in range. A damaged diary entry does
    not stop the report: it is listed in ``Report.damaged`` with its reason."""
    path = Path(source)
    if not path.is_dir():
        from bodymap.io.session_file import load_session

        session = load_session(path, anatomy)
        return Report(entry_report(path.name, session, Drawing.of_session(session, anatomy)))
    from bodymap.io.diary_files import read_diary

    summaries = read_diary(path, anatomy)
    damaged = tuple((e.name, e.error or "") for e in summaries if not e.ok)
    entries = in_range(summaries, start, end)
    sessions: dict[str, Session] = {}
    kept: list[EntrySummary] = []
    for entry in entries:  # read again: one may have changed or broken since it was listed
        try:
            sessions[entry.name] = _load(path / entry.name, anatomy)
        except SessionError as exc:
            damaged += ((entry.name, exc.reason),)
            continue
        kept.append(entry)
    if not kept:
        why = "no entries" if not summaries else "no readable entries"
        where = " in that range; widen --from/--to" if summaries and (start or end) else ""
        raise UsageError(f"{path}: {why}{where}; a diary is a folder of *.bodymap.json entries")
    first, last = kept[0], kept[-1]
    last_entry = entry_report(
        last.name, sessions[last.name], Drawing.of_session(sessions[last.name], anatomy)
    )
    comparison = None
    if len(kept) > 1:
        comparison = compare_sessions(anatomy, sessions[first.name], sessions[last.name])
    assert first.date is not None
    diary = DiaryReport(str(path), tuple(kept), last_entry, first.date, comparison, damaged)
    return Report(last_entry, diary, damaged)


def _load(path: Path, anatomy: Anatomy) -> Session:
    from bodymap.io.session_file import load_session

    return load_session(path, anatomy)


@dataclass(frozen=True)
class Alert:
    """A line the report puts first: a danger sign answered yes, or a warning the drawing
    brings up (``text`` may be empty)."""

    kind: str  # "danger" or "warning"
    label: str
    text: str = ""


def alerts(report: EntryReport) -> list[Alert]:
    """Danger-sign answers "yes" (answer ids that are not symptom-checklist items), then the
    warnings the ranking's drawing cues bring up."""
    anatomy = report.anatomy
    symptoms = {s.id for s in anatomy.symptoms}
    out = [
        Alert("danger", _answer_label(key))
        for key, yes in sorted(report.session.answers.items())
        if yes and key not in symptoms
    ]
    out += [Alert("warning", c.label, c.text) for c in report.drawing.result.warnings]
    return out


def symptoms_yes(report: EntryReport) -> list[str]:
    """The labels of the symptom-checklist items answered yes, in the checklist's order."""
    answers = report.session.answers
    return [s.label for s in report.anatomy.symptoms if answers.get(s.id)]


def _answer_label(key: str) -> str:
    words = key.replace("_", " ").replace(".", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def region_labels(report: EntryReport) -> list[str]:
    """The labels of the regions touched, in ``regions.yaml`` order."""
    return [report.anatomy.regions[r].label for r in report.regions]
