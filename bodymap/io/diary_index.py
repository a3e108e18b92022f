"""The diary's index: what each entry measures, and its pain, kept in SQLite so a diary opens
fast and a heat map reads no entry file.

Derived data only, never the only copy of anything: every row is computed from an entry file
and keyed by its name, size and modification time (ns). Rows whose key no longer matches a
file are recomputed or dropped; the whole index is recomputed when its schema, the regions
file or the stroke geometry changed. A damaged index file is deleted and rebuilt without a
word. Stdlib ``sqlite3``; times are stored as ISO 8601 text with their offset, the pain of each
view as WKB (SVG units).

Two steps, so a diary whose index is new shows at once: :meth:`DiaryIndex.refresh` lists
every entry, reading only the date and score of a new or changed one (a row with
``measured`` 0); :meth:`DiaryIndex.store` keeps the full measures of entries read whole
later (pain extent, regions touched, the best pattern, the pain), which is the slow part
(about 30 ms an entry, the matching most of it).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType

import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry

from bodymap.core import brush as _brush
from bodymap.core.anatomy import Anatomy
from bodymap.core.diary import EntrySummary, TopMatch
from bodymap.core.score import PainScore

SCHEMA = 3
_COLUMNS = (
    "name, size, mtime_ns, date, nrs_now, nrs_usual, nrs_worst, extent_pct, regions, "
    "top_muscle, top_side, top_score, error, measured"
)
_CREATE = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, date TEXT,
    nrs_now INTEGER, nrs_usual INTEGER, nrs_worst INTEGER, extent_pct REAL NOT NULL,
    regions INTEGER NOT NULL, top_muscle TEXT, top_side TEXT, top_score REAL, error TEXT,
    measured INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pain (
    name TEXT NOT NULL, view TEXT NOT NULL, wkb BLOB NOT NULL, PRIMARY KEY (name, view)
);
"""  # the columns in the order of _COLUMNS


class DiaryIndex:
    """The index of one diary, at ``path`` (None: in memory), for ``anatomy``. A context
    manager; :meth:`refresh` is the one query."""

    def __init__(self, path: Path | None, anatomy: Anatomy) -> None:
        self.path = path
        self._stamp = f"{SCHEMA}/{anatomy.sha256}/{_brush.GEOMETRY_VERSION}"
        self.rebuilt = False  # True when this opening had to start the index afresh
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            self._db = self._recreate()

    def __enter__(self) -> DiaryIndex:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._db.close()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(":memory:" if self.path is None else str(self.path))
        try:
            db.executescript(_CREATE)
            row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            if row is None or row[0] != self._stamp:
                with db:
                    db.execute("DELETE FROM entries")
                    db.execute("DELETE FROM pain")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (self._stamp,))
                self.rebuilt = True
            db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _recreate(self) -> sqlite3.Connection:
        """A damaged index file: removed and made anew (in memory if even that fails)."""
        if self.path is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(self.path) + suffix).unlink()
        try:
            return self._open()
        except sqlite3.DatabaseError:
            self.path = None
            return self._open()

    def refresh(
        self, files: Iterable[Path], peek: Callable[[Path], EntrySummary]
    ) -> list[EntrySummary]:
        """The summaries of ``files`` (entries of one folder): taken from the index where
        name, size and modification time match, else from ``peek`` (quick: date and score,
        ``measured`` False; or whole) and stored. Rows of files not in ``files`` are
        dropped."""
        try:
            return self._refresh(list(files), peek)
        except sqlite3.DatabaseError:  # damaged while in use: start again, once
            self._reopen()
            return self._refresh(list(files), peek)

    def store(self, measured: Iterable[tuple[EntrySummary, int, int]]) -> None:
        """Keep ``(summary, size, mtime_ns)`` of entries read whole (the size and time the
        file had before it was read: a file changed since is measured again next time)."""
        items = list(measured)
        try:
            self._write(items, [])
        except sqlite3.DatabaseError:
            self._reopen()
            self._write(items, [])

    def _reopen(self) -> None:
        self._db.close()
        self._db = self._recreate()

    def _refresh(
        self, files: list[Path], peek: Callable[[Path], EntrySummary]
    ) -> list[EntrySummary]:
        known = {row[0]: row for row in self._db.execute(f"SELECT {_COLUMNS} FROM entries")}
        out: list[EntrySummary] = []
        fresh: list[tuple[EntrySummary, int, int]] = []
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue  # gone since it was listed
            row = known.pop(path.name, None)
            if row is not None and row[1] == stat.st_size and row[2] == stat.st_mtime_ns:
                out.append(_from_row(row))
                continue
            summary = peek(path)
            out.append(summary)
            fresh.append((summary, stat.st_size, stat.st_mtime_ns))
        self._write(fresh, list(known))
        return out

    def _write(self, fresh: list[tuple[EntrySummary, int, int]], gone: list[str]) -> None:
        rows = [_to_row(s, size, mtime) for s, size, mtime in fresh]
        pains = [
            (s.name, view, shapely.to_wkb(geom, output_dimension=2))
            for s, _, _ in fresh
            for view, geom in (s.pain or {}).items()
        ]
        names = [(n,) for n in gone] + [(s.name,) for s, _, _ in fresh]
        with self._db:
            if names:
                self._db.executemany("DELETE FROM entries WHERE name = ?", names)
                self._db.executemany("DELETE FROM pain WHERE name = ?", names)
            if pains:
                self._db.executemany("INSERT INTO pain VALUES (?, ?, ?)", pains)
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self._db.executemany(f"INSERT OR REPLACE INTO entries VALUES ({marks})", rows)

    def pains(self, names: Iterable[str]) -> dict[str, dict[str, BaseGeometry]]:
        """The pain per view of the entries ``names`` that the index holds (call
        :meth:`refresh` first), SVG units."""
        wanted = set(names)
        rows = [r for r in self._db.execute("SELECT name, view, wkb FROM pain") if r[0] in wanted]
        try:
            geoms = shapely.from_wkb([r[2] for r in rows])
        except shapely.errors.GEOSException:
            return {}  # a damaged index: the caller reads the files
        out: dict[str, dict[str, BaseGeometry]] = {}
        for (name, view, _), geom in zip(rows, geoms, strict=True):
            out.setdefault(name, {})[view] = geom
        return out


def _to_row(s: EntrySummary, size: int, mtime_ns: int) -> tuple[object, ...]:
    top = s.top
    return (
        s.name, size, mtime_ns, s.date.isoformat() if s.date else None,
        s.score.now, s.score.usual, s.score.worst, s.extent_pct, s.regions_touched,
        top.muscle if top else None, top.side if top else None, top.score if top else None,
        s.error, int(s.measured),
    )  # fmt: skip


def _from_row(row: tuple[object, ...]) -> EntrySummary:
    name, _, _, date, now, usual, worst, extent, regions, muscle, side, score, error, done = row
    top = None
    if isinstance(muscle, str) and isinstance(side, str) and isinstance(score, float):
        top = TopMatch(muscle, side, score)
    return EntrySummary(
        name=str(name),
        date=datetime.fromisoformat(date) if isinstance(date, str) else None,
        score=PainScore(_int(now), _int(usual), _int(worst)),
        extent_pct=float(extent) if isinstance(extent, int | float) else 0.0,
        regions_touched=int(regions) if isinstance(regions, int) else 0,
        top=top,
        error=str(error) if error is not None else None,
        measured=bool(done),
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and 0 <= value <= 10 else None
