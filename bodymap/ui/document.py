"""The open session as the window sees it: marks (a PainMap), a note and provenance.

Commands change it; widgets listen to its signals. No geometry maths here: the PainMap and
IntensityBands of the core compute the pain.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import IntensityBands
from bodymap.core.pain import Mark, PainMap, is_erase
from bodymap.core.score import PainScore
from bodymap.core.session import Session, now_utc

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


class PainDocument(QtCore.QObject):
    """Marks in drawing order plus the session's note; emits a signal per kind of change."""

    pain_changed = QtCore.Signal(list)  # the view ids whose pain changed
    note_changed = QtCore.Signal(str)
    score_changed = QtCore.Signal()  # the pain score (a diary entry's NRS)

    def __init__(self, anatomy: Anatomy, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.anatomy = anatomy
        self.pain = PainMap(anatomy)
        self.bands = IntensityBands(self.pain)
        self.note = ""
        self.created: datetime = now_utc()
        self.path: Path | None = None
        self.last_change: tuple[str, BaseGeometry, float] | None = None
        # A diary entry's score, answers and date (format 3), kept through open and save.
        self.score = PainScore()
        self.answers: dict[str, bool] = {}
        self.date: datetime | None = None

    @property
    def marks(self) -> tuple[Mark, ...]:
        return self.pain.marks

    def append(self, mark: Mark) -> None:
        view = self.pain.view_of(mark)
        change = self.pain.append(mark)
        # What changed, for incremental matching; None when the pain must be matched anew.
        self.last_change = (
            None if change is None else (view, change, -1.0 if is_erase(mark) else 1.0)
        )
        self.pain_changed.emit([view])

    def take_change(self) -> tuple[str, BaseGeometry, float] | None:
        """The area the last appended mark changed (view, area, +1 paint / -1 erase), once."""
        change, self.last_change = self.last_change, None
        return change

    def set_marks(self, marks: Iterable[Mark]) -> None:
        new = list(marks)
        old = self.pain.marks
        # Only views whose mark lists differ need redrawing.
        changed = [
            view
            for view in self.anatomy.views
            if [m for m in old if self.pain.view_of(m) == view]
            != [m for m in new if self.pain.view_of(m) == view]
        ]
        self.pain.set_marks(new)
        self.last_change = None
        self.pain_changed.emit(changed)

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.note_changed.emit(note)

    def to_session(self) -> Session:
        return Session(
            marks=list(self.pain.marks),
            note=self.note,
            created=self.created,
            modified=now_utc(),
            regions_version=self.anatomy.version,
            regions_sha256=self.anatomy.sha256,
            pain=self.bands.layers(),  # kept in the file: opening it needs no refolding
            score=self.score,
            answers=dict(self.answers),
            date=self.date,
        )

    def load(self, session: Session, path: Path | None) -> None:
        self.created = session.created
        self.path = path
        self.pain.set_marks(session.marks)
        if session.pain is not None:  # the pain the file keeps, current for these marks
            self.bands.seed(session.pain)
        self.last_change = None
        self.pain_changed.emit(list(self.anatomy.views))
        self.set_note(session.note)
        self.answers, self.date = dict(session.answers), session.date
        self.set_score(session.score)

    def set_score(self, score: PainScore) -> None:
        self.score = score
        self.score_changed.emit()

    def is_empty(self) -> bool:
        return not self.pain.marks and not self.note.strip()
