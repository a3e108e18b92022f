"""The open session as the window holds it: the drawing model, a note and provenance.

Every change of the drawing reaches the window through ``drawing_changed`` (the core's
:class:`bodymap.core.drawing.Change`), whoever caused it: a stroke, an undo step, a file
opened. No geometry maths here: the core's :class:`Drawing` does it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6 import QtCore

from bodymap.core.anatomy import Anatomy
from bodymap.core.drawing import Change, Drawing
from bodymap.core.marks import Mark
from bodymap.core.matching import Matcher
from bodymap.core.score import PainScore
from bodymap.core.session import Session, now_utc


class PainDocument(QtCore.QObject):
    """The drawing plus the session's note, dates and file; a signal per kind of change."""

    drawing_changed = QtCore.Signal(object)  # a Change
    note_changed = QtCore.Signal(str)
    score_changed = QtCore.Signal()  # the pain score (a diary entry's NRS)
    answers_changed = QtCore.Signal()  # the symptom and danger-sign answers

    def __init__(
        self, anatomy: Anatomy, matcher: Matcher, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.anatomy = anatomy
        self.drawing = Drawing(anatomy, matcher)
        self.note = ""
        self.created: datetime = now_utc()
        self.path: Path | None = None
        # A diary entry's score, answers and date (format 3), kept through open and save.
        self.score = PainScore()
        self.answers: dict[str, bool] = {}
        self.date: datetime | None = None

    @property
    def marks(self) -> tuple[Mark, ...]:
        return self.drawing.marks

    def publish(self, change: Change | None) -> None:
        """Tell the views about ``change`` (nothing when None)."""
        if change is not None:
            self.drawing_changed.emit(change)

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.note_changed.emit(note)

    def to_session(self) -> Session:
        return Session(
            marks=list(self.drawing.marks),
            note=self.note,
            created=self.created,
            modified=now_utc(),
            regions_version=self.anatomy.version,
            regions_sha256=self.anatomy.sha256,
            pain=self.drawing.layers(),  # kept in the file: opening it needs no refolding
            score=self.score,
            answers=dict(self.answers),
            date=self.date,
        )

    def load(self, session: Session, path: Path | None, drawing: Drawing | None = None) -> None:
        """Start over with ``session`` (no undo history, any stroke being drawn dropped);
        ``drawing``, when given, is its drawing already analysed (off the window's thread)."""
        self.created = session.created
        self.path = path
        if drawing is None:
            self.publish(self.drawing.replace(session.marks, session.pain))
        else:
            ended = self.drawing.cancel_stroke() is not None
            self.drawing = drawing
            self.publish(Change(tuple(self.anatomy.views), drawing.result, stroke_ended=ended))
        self.set_note(session.note)
        self.answers, self.date = dict(session.answers), session.date
        self.answers_changed.emit()
        self.set_score(session.score)

    def set_answer(self, item_id: str, value: bool | None) -> None:
        """Answer a checklist item or danger sign yes or no, or (None) not at all."""
        if self.answers.get(item_id) == value and (
            value is not None or item_id not in self.answers
        ):
            return
        if value is None:
            self.answers.pop(item_id, None)
        else:
            self.answers[item_id] = value
        self.answers_changed.emit()

    def set_score(self, score: PainScore) -> None:
        self.score = score
        self.score_changed.emit()

    def is_empty(self) -> bool:
        return not self.drawing.marks and not self.note.strip()
