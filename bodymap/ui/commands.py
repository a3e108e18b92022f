"""Undo steps. One click or one painted drag is one command.

A drawing edit is made by a verb of the core's ``Drawing`` (which keeps its own history)
before its command is pushed; the command's undo and redo ask the drawing to step back and
forth and publish what changed. Note edits are kept here.
"""

from __future__ import annotations

from PySide6 import QtGui

from bodymap.ui.document import PainDocument

_NOTE_ID = 1


class DrawingCommand(QtGui.QUndoCommand):
    """An edit of the drawing, already made when pushed."""

    def __init__(self, document: PainDocument, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push() calls redo(): the edit is already made
            self._pushed = True
            return
        self._document.publish(self._document.drawing.redo())

    def undo(self) -> None:
        self._document.publish(self._document.drawing.undo())


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
