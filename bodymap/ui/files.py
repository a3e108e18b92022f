"""New, Open, Save, Save As, recent files, Export PNG and crash recovery for the window.

Files are read and written only through ``bodymap.io``; every failure becomes a one-line
message in a dialog, and a failed save leaves the window marked modified. The window builds
this controller before the anatomy is loaded, so ``bodymap.io`` and the core (shapely) are
imported by the commands that use them, not by this module.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.io.errors import BodyMapError
from bodymap.ui import dialogs
from bodymap.ui.settings import app_settings

if TYPE_CHECKING:
    from bodymap.core.session import Session
    from bodymap.ui.autosave import Autosaver
    from bodymap.ui.document import PainDocument

MAX_RECENT = 8


def settle_memory() -> None:
    """After a wholesale change (a session opened or recovered): collect what the old state
    left behind, then freeze what is alive now. Python's cyclic collector then never walks
    the long-lived objects (marks, geometry, Qt wrappers) again, so its occasional full pass
    cannot stall the end of a stroke (~20 ms with 500 strokes open)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class FileController(QtCore.QObject):
    """The file commands of ``window`` (dialogs' parent, title, status bar), acting on the
    document and autosaver given by :meth:`attach` and on ``undo_stack``."""

    recent_changed = QtCore.Signal()
    session_replaced = QtCore.Signal()  # a new or opened session is about to be shown

    def __init__(self, window: QtWidgets.QMainWindow, undo_stack: QtGui.QUndoStack) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = undo_stack
        self._document: PainDocument | None = None
        self._autosaver: Autosaver | None = None

    def attach(self, document: PainDocument, autosaver: Autosaver) -> None:
        self._document, self._autosaver = document, autosaver

    @property
    def document(self) -> PainDocument:
        assert self._document is not None, "attach() first"
        return self._document

    @property
    def autosaver(self) -> Autosaver:
        assert self._autosaver is not None, "attach() first"
        return self._autosaver

    def display_name(self) -> str:
        if self._document is None:
            return "Untitled"
        path = self.document.path
        return path.name if path else "Untitled"

    def update_title(self) -> None:
        self.window.setWindowTitle(f"{self.display_name()}[*] — BodyMap")
        path = self.document.path if self._document is not None else None
        self.window.setWindowFilePath(str(path or ""))

    # -- recent files ------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = app_settings().value("files/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember(self, path: Path) -> None:
        name = str(path.resolve())
        recent = [name] + [p for p in self.recent_files() if p != name]
        app_settings().setValue("files/recent", recent[:MAX_RECENT])
        self.recent_changed.emit()

    def _folder(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # -- commands ------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded or unchanged)."""
        if self.undo_stack.isClean():
            return True
        answer = dialogs.ask_unsaved(self.window, self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new(self) -> None:
        if not self.maybe_save():
            return
        from bodymap.core.session import Session

        self._load(Session(), None)

    def open(self) -> None:
        if not self.maybe_save():
            return
        path = dialogs.ask_open_path(self.window, self._folder())
        if path is not None:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        from bodymap.io.session_file import load_session, regions_warning

        path = Path(path)
        try:
            session = load_session(path, self.document.anatomy)
        except BodyMapError as exc:
            dialogs.show_error(self.window, "Cannot open the session", str(exc))
            return False
        self._load(session, path)
        self._remember(path)
        warning = regions_warning(session, self.document.anatomy, path.name)
        if warning:
            dialogs.show_info(self.window, "Session opened", warning)
        return True

    def _load(self, session: Session, path: Path | None) -> None:
        self.session_replaced.emit()  # e.g. the muscle guide starts afresh
        self.document.load(session, path)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.window.setWindowModified(False)
        self.autosaver.discard_file()
        self.update_title()
        settle_memory()

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        from bodymap.io.session_file import SUFFIX

        suggested = str(self.document.path or Path(self._folder()) / f"pain-map{SUFFIX}")
        path = dialogs.ask_save_path(self.window, suggested)
        return self.save_to(path) if path is not None else False

    def save_to(self, path: Path) -> bool:
        from bodymap.io.session_file import save_session

        try:
            save_session(self.document.to_session(), path)
        except BodyMapError as exc:
            dialogs.show_error(self.window, "Could not save", str(exc))
            self.window.setWindowModified(True)
            return False
        self.document.path = path
        self.undo_stack.setClean()
        self.autosaver.discard_file()
        self._remember(path)
        self.update_title()
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def export(self) -> bool:
        from bodymap.io.session_file import SUFFIX

        base = self.document.path.name.removesuffix(SUFFIX) if self.document.path else "pain-map"
        from bodymap.io.export import page_layout

        page = page_layout(self.document.drawing.anatomy)
        suggested = str(Path(self._folder()) / f"{base}.png")
        answer = dialogs.ask_export(self.window, suggested, (page.width, page.height))
        if answer is None:
            return False
        return self.export_to(*answer)

    def export_to(self, path: Path, scale: float) -> bool:
        from bodymap.io.export import export_png

        try:
            document = self.document
            width, height = export_png(document.drawing, document.to_session(), path, scale)
        except BodyMapError as exc:
            dialogs.show_error(self.window, "Could not export", str(exc))
            return False
        self.window.statusBar().showMessage(
            f"Exported {path.name} ({width} × {height} pixels)", 6000
        )
        return True

    # -- recovery ------------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """After a crash, offer the newest orphaned autosave; True when one was restored."""
        from bodymap.io.session_file import load_session
        from bodymap.ui.autosave import Autosaver

        orphans = Autosaver.orphans()
        if not orphans:
            return False
        newest = orphans[0]
        restored = False
        try:
            session = load_session(newest, self.document.anatomy)
        except BodyMapError:
            session = None
        if session is not None:
            when = session.modified.astimezone().strftime("%d %B %Y at %H:%M")
            if dialogs.ask_restore(self.window, when):
                self._load(session, None)
                # Restored work is unsaved work: mark it so, and autosave it as ours.
                self.window.setWindowModified(True)
                self.undo_stack.resetClean()
                self.autosaver.schedule()
                restored = True
        for orphan in orphans:
            Autosaver.remove(orphan)
        return restored
