"""Undo steps. One click or one painted drag is one command."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtGui

from bodymap.core.pain import Mark
from bodymap.ui.document import PainDocument

_NOTE_ID = 1


class AddMarkCommand(QtGui.QUndoCommand):
    """Append one mark (a stroke, an erasure or a region)."""

    def __init__(self, document: PainDocument, mark: Mark, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._mark = mark
        self._before = document.marks

    def redo(self) -> None:
        self._document.append(self._mark)

    def undo(self) -> None:
        self._document.set_marks(self._before)


class SetMarksCommand(QtGui.QUndoCommand):
    """Replace every mark at once (unmark a region, clear all, mirror)."""

    def __init__(self, document: PainDocument, marks: Sequence[Mark], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._before = document.marks
        self._after = tuple(marks)

    def redo(self) -> None:
        self._document.set_marks(self._after)

    def undo(self) -> None:
        self._document.set_marks(self._before)


class SetNoteCommand(QtGui.QUndoCommand):
    """Change the note; consecutive edits merge into one step."""

    def __init__(self, document: PainDocument, note: str) -> None:
        super().__init__("Edit note")
        self._document = document
        self._before = document.note
        self._after = note

    def id(self) -> int:
        return _NOTE_ID

    def mergeWith(self, other: QtGui.QUndoCommand) -> bool:
        if not isinstance(other, SetNoteCommand):
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._document.set_note(self._after)

    def undo(self) -> None:
        self._document.set_note(self._before)
