"""A diary folder on disk: one session file per entry, listed through a rebuildable index.

A diary is a folder; every ``*.bodymap.json`` directly in it (not starting with a dot) is an
entry. Entries are written atomically like any session (``save_session``) under a name made
from their date, ``YYYY-MM-DD_HH-MM-SS+HHMM.bodymap.json`` (``-2``, ``-3``... when taken);
the name is only for people: the date an entry has is the one inside it. The index
(``bodymap.io.diary_index``) sits in the folder as ``.bodymap-index.sqlite``, or in memory
when the folder cannot be written.

Listing a diary is quick (``list_diary``: the index, and the date and score of entries it
does not know yet); measuring entries (``measure_entries``: each read whole, its pain
folded or taken from the file, extent, regions and ranking) is the slow part, done once per
entry and kept in the index. ``read_diary`` does both.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.diary import EntrySummary, Summarizer, entry_date, ordered
from bodymap.core.session import Session
from bodymap.io.bounded import FileProblem, read_regular
from bodymap.io.errors import SessionError
from bodymap.io.session_file import FORMAT, MAX_BYTES, SUFFIX, load_session, save_session

INDEX_NAME = ".bodymap-index.sqlite"


def check_folder(folder: str | Path) -> Path:
    """``folder`` as a Path; SessionError with one line if it is not a folder."""
    path = Path(folder)
    if not path.exists():
        raise SessionError(str(path), "no such diary folder; check the path")
    if not path.is_dir():
        raise SessionError(str(path), "is a file, not a diary folder; give the folder")
    return path


def entry_files(folder: Path) -> list[Path]:
    """The entries of the diary ``folder``, by name (temporary and hidden files skipped)."""
    try:
        names = os.listdir(folder)
    except OSError as exc:
        raise SessionError(str(folder), f"cannot list the diary ({exc.strerror})") from None
    return sorted(folder / n for n in names if n.endswith(SUFFIX) and not n.startswith("."))


def entry_name(date: datetime, taken: set[str]) -> str:
    """A file name for an entry dated ``date`` (aware) not in ``taken``."""
    stem = date.strftime("%Y-%m-%d_%H-%M-%S%z")
    name, n = f"{stem}{SUFFIX}", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{SUFFIX}"
    return name


def add_entry(folder: str | Path, session: Session) -> Path:
    """Write ``session`` as a new entry of the diary ``folder`` (made if missing); returns its
    path. Raises SessionError (nothing written) on failure."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SessionError(str(path), f"cannot make the diary folder ({exc.strerror})") from None
    taken = {p.name for p in entry_files(path)}
    target = path / entry_name(entry_date(session), taken)
    save_session(session, target)
    return target


def index_path(folder: Path) -> Path | None:
    """Where the index of ``folder`` lives; None (an index in memory) when the folder is not
    writable."""
    return folder / INDEX_NAME if os.access(folder, os.W_OK) else None


def read_diary(
    folder: str | Path, anatomy: Anatomy, summarizer: Summarizer | None = None
) -> list[EntrySummary]:
    """Every entry of the diary ``folder``, readable ones oldest first then damaged ones,
    each damaged one with its one-line reason, all measured. Uses and refreshes the folder's
    index; raises SessionError only when the folder itself cannot be read."""
    entries = list_diary(folder, anatomy)
    done = {e.name: e for e in measure_entries(folder, anatomy, entries, summarizer)}
    return ordered(done.get(e.name, e) for e in entries)


def list_diary(folder: str | Path, anatomy: Anatomy) -> list[EntrySummary]:
    """Every entry of the diary ``folder`` as ``read_diary`` orders them, quickly: from the
    index, and for an entry it does not know yet only its date and score
    (``measured`` False; about 0.5 ms an entry). Raises SessionError only when the folder
    itself cannot be read."""
    from bodymap.io.diary_index import DiaryIndex

    path = check_folder(folder)
    with DiaryIndex(index_path(path), anatomy) as index:
        return ordered(index.refresh(entry_files(path), lambda p: peek_entry(p, anatomy)))


def measure_entries(
    folder: str | Path,
    anatomy: Anatomy,
    entries: Sequence[EntrySummary],
    summarizer: Summarizer | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    measured: Callable[[list[EntrySummary]], None] | None = None,
    batch: int = 8,
) -> list[EntrySummary]:
    """Read whole and measure the entries of ``entries`` not ``measured`` yet (in their
    order), keeping each in the folder's index; returns them. ``cancelled`` is asked
    between entries (True stops, keeping what was done); ``measured`` is given each batch
    of ``batch`` entries as it is kept. Thread-safe if ``anatomy`` and ``summarizer`` are
    used by no other thread (shapely's prepared geometries are not)."""
    from bodymap.io.diary_index import DiaryIndex

    pending = [e.name for e in entries if not e.measured]
    if not pending:
        return []
    path = check_folder(folder)
    summarizer = summarizer or Summarizer(anatomy)
    out: list[EntrySummary] = []
    with DiaryIndex(index_path(path), anatomy) as index:

        def keep(done: list[tuple[EntrySummary, int, int]]) -> None:
            index.store(done)
            out.extend(s for s, _, _ in done)
            if measured is not None:
                measured([s for s, _, _ in done])

        done: list[tuple[EntrySummary, int, int]] = []
        for name in pending:
            if cancelled():
                break
            try:
                stat = (path / name).stat()
            except OSError:
                continue  # gone since it was listed: the next listing drops it
            done.append((_summary(path / name, summarizer), stat.st_size, stat.st_mtime_ns))
            if len(done) >= batch:
                keep(done)
                done = []
        if done:
            keep(done)
    return out


def peek_entry(path: Path, anatomy: Anatomy) -> EntrySummary:
    """The date and score of the entry at ``path``, not measured, read without its marks
    and pain when it is a version 3 file with a date; any other file (older, damaged) is
    read whole, so a damaged entry is listed with the reason ``load_session`` gives (and
    counts as measured: there is nothing more to learn from it)."""
    from bodymap.io.session_v3 import VERSION, read_entry

    def fail(where: str, reason: str) -> SessionError:
        return SessionError(str(path), f"{where}: {reason}")

    try:
        doc = json.loads(read_regular(path, MAX_BYTES, "a session file"))
        if type(doc) is dict and doc.get("format") == FORMAT and doc.get("version") == VERSION:
            score, _, date = read_entry(doc, fail)
            if date is not None:
                return EntrySummary(name=path.name, date=date, score=score, measured=False)
    except (FileProblem, SessionError, ValueError, RecursionError):
        pass
    try:
        session = load_session(path, anatomy)
    except SessionError as exc:
        return EntrySummary(name=path.name, date=None, error=exc.reason)
    return EntrySummary(path.name, entry_date(session), session.score, measured=False)


def read_pains(
    folder: str | Path, anatomy: Anatomy, entries: Sequence[EntrySummary]
) -> Iterator[Mapping[str, BaseGeometry]]:
    """The pain per view (SVG units) of each readable entry of ``entries`` (from the diary
    ``folder``), in order: from the index, else read from its file; an entry that can no
    longer be read is left out."""
    from bodymap.core.metrics import session_pain
    from bodymap.io.diary_index import DiaryIndex

    path = check_folder(folder)
    names = [e.name for e in entries if e.ok]
    with DiaryIndex(index_path(path), anatomy) as index:
        index.refresh(entry_files(path), lambda p: peek_entry(p, anatomy))
        kept = index.pains(names)
    for name in names:
        if name in kept:
            yield kept[name]
            continue
        try:
            yield session_pain(anatomy, load_session(path / name, anatomy))
        except SessionError:
            continue


def _summary(path: Path, summarizer: Summarizer) -> EntrySummary:
    try:
        session = load_session(path, summarizer.anatomy)
    except SessionError as exc:
        return EntrySummary(name=path.name, date=None, error=exc.reason)
    return summarizer.summary(path.name, session)
