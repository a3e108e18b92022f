"""What the window's controllers (the diary, the pain qualities) use of the window that owns
them: given to them, so that none imports the window (no import cycle)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6 import QtGui, QtWidgets

    from bodymap.core.anatomy import Anatomy
    from bodymap.core.matching import Matcher
    from bodymap.ui.actions import Actions
    from bodymap.ui.canvas import BodyScene
    from bodymap.ui.document import PainDocument
    from bodymap.ui.files import FileController


class Host(Protocol):
    """The main window as its controllers see it (it is also a ``QMainWindow``)."""

    anatomy: Anatomy
    matcher: Matcher
    document: PainDocument
    files: FileController
    action_set: Actions
    undo_stack: QtGui.QUndoStack
    scene: BodyScene
    diary_dock: QtWidgets.QDockWidget
    panel_dock: QtWidgets.QDockWidget
