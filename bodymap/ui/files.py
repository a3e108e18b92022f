"""New, Open, Save, Save As, recent files, Export PNG and crash recovery for the window.

Files are read and written only through ``bodymap.io``; every failure becomes a one-line
message in a dialog, and a failed save leaves the window marked modified. The window builds
this controller before the anatomy is loaded, so ``bodymap.io`` and the core (shapely) are
imported by the commands that use them, not by this module.
"""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.io.errors import BodyMapError, one_line
from bodymap.ui import dialogs
from bodymap.ui.settings import app_settings, path_from_setting, path_to_setting

if TYPE_CHECKING:
    from bodymap.core.drawing import Drawing
    from bodymap.core.session import Session
    from bodymap.ui.autosave import Autosaver
    from bodymap.ui.document import PainDocument
    from bodymap.ui.recovery import Orphan

MAX_RECENT = 8
MAX_PREVIEWS = 6  # orphans drawn in the recovery dialog
PREVIEW_SCALE = 0.18  # of the export page: about 200 pixels wide


def disk_stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of the file at ``path`` from the next: its inode (an atomic
    save makes a new one), modification time in nanoseconds and size in bytes; ``None`` when
    it cannot be read (e.g. it is gone)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


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
        self.others: list[QtWidgets.QWidget] = []  # windows opened for further recovered work
        self._document: PainDocument | None = None
        self._autosaver: Autosaver | None = None
        # The session file as this window last read or wrote it: a save first checks that
        # nobody (another window, another program) has written it since.
        self._stamp: tuple[int, int, int] | None = None

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
            return self.tr("Untitled")
        path = self.document.path
        return path.name if path else self.tr("Untitled")

    def update_title(self) -> None:
        self.window.setWindowTitle(f"{self.display_name()}[*] — BodyMap")
        path = self.document.path if self._document is not None else None
        self.window.setWindowFilePath(str(path or ""))

    # -- recent files ------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = app_settings().value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [path_from_setting(str(v)) for v in value] if isinstance(value, list) else []

    def _remember(self, path: Path) -> None:
        name = str(path.resolve())
        recent = [name] + [p for p in self.recent_files() if p != name]
        app_settings().setValue("files/recent", [path_to_setting(p) for p in recent[:MAX_RECENT]])
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
        from bodymap.core.drawing import Drawing
        from bodymap.io.session_file import load_session, regions_warning
        from bodymap.ui.background import Cancelled, run_with_progress

        path = Path(path)
        anatomy, matcher = self.document.anatomy, self.document.drawing.matcher
        stamp = disk_stamp(path)  # before reading: a change while it is read is seen too

        def read() -> tuple[Session, Drawing]:  # in a worker thread: no widgets here
            session = load_session(path, anatomy)
            return session, Drawing.of_session(session, anatomy, matcher)

        try:
            session, drawing = run_with_progress(
                self.window, self.tr("Opening {name}…").format(name=path.name), read
            )
        except BodyMapError as exc:
            dialogs.show_error(self.window, self.tr("Cannot open the session"), str(exc))
            return False
        except Cancelled:
            self.window.statusBar().showMessage(
                self.tr("Opening {name} cancelled.").format(name=path.name), 4000
            )
            return False
        self._load(session, path, drawing)
        self._stamp = stamp
        self._remember(path)
        warning = regions_warning(session, self.document.anatomy, path.name)
        if warning:
            dialogs.show_info(self.window, self.tr("Session opened"), warning)
        return True

    def adopt(self, session: Session, path: Path | None, modified: bool) -> None:
        """Take over another window's work (a language switch): ``session`` tied to ``path``;
        when ``modified``, unsaved and autosaved at once (as restored work is)."""
        self._load(session, path)
        if modified:
            self.window.setWindowModified(True)
            self.undo_stack.resetClean()
            self.autosaver.save_now()

    def _load(self, session: Session, path: Path | None, drawing: Drawing | None = None) -> None:
        self.session_replaced.emit()  # e.g. the muscle guide starts afresh
        self.document.load(session, path, drawing)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.window.setWindowModified(False)
        self.autosaver.discard_file()
        self.autosaver.source = path
        self._stamp = None
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

        if path == self.document.path and self._stamp is not None:
            now = disk_stamp(path)
            if now is not None and now != self._stamp:
                answer = self._ask_changed_on_disk(path.name)
                if answer == "save_as":
                    return self.save_as()
                if answer != "overwrite":
                    return False
        try:
            written = save_session(self.document.to_session(), path)
        except BodyMapError as exc:
            dialogs.show_error(self.window, self.tr("Could not save"), str(exc))
            self.window.setWindowModified(True)
            return False
        self.document.path = path
        self._stamp = disk_stamp(written)
        self.undo_stack.setClean()
        self.autosaver.discard_file()
        self.autosaver.source = path
        self._remember(path)
        self.update_title()
        # Saved through a symbolic link: the linked file holds the work, the link stays.
        where = (
            path.name
            if written == path
            else self.tr("{name} (the file it links to, {target})").format(
                name=path.name, target=written
            )
        )
        self.window.statusBar().showMessage(
            one_line(self.tr("Saved {where}").format(where=where)), 6000
        )
        return True

    def _ask_changed_on_disk(self, name: str) -> str:
        """'overwrite', 'save_as' or 'cancel' (the default: nothing is lost by it)."""
        box = QtWidgets.QMessageBox(self.window)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File changed on disk"))
        box.setText(
            self.tr(
                "{name} has been changed by another window or program since this window "
                "opened or saved it. Saving here replaces those changes."
            ).format(name=name)
        )
        role = QtWidgets.QMessageBox.ButtonRole
        overwrite = box.addButton(self.tr("Replace Them"), role.DestructiveRole)
        save_as = box.addButton(self.tr("Save As…"), role.AcceptRole)
        cancel = box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return (
            "overwrite" if clicked is overwrite else "save_as" if clicked is save_as else "cancel"
        )

    def export(self) -> bool:
        from bodymap.io.session_file import SUFFIX

        base = self.document.path.name.removesuffix(SUFFIX) if self.document.path else "pain-map"
        from bodymap.io.export import layout_pages, page_layout

        page = page_layout(self.document.drawing.anatomy)
        suggested = str(Path(self._folder()) / f"{base}.png")
        answer = dialogs.ask_export(self.window, suggested, (page.width, page.height))
        if answer is None:
            return False
        pages = len(layout_pages(self.document.drawing, self.document.to_session()))
        if not dialogs.confirm_continuations(self.window, pages, answer[0]):
            return False  # a long note would replace NAME-2.png... the user did not name
        return self.export_to(*answer)

    def export_to(self, path: Path, scale: float) -> bool:
        from bodymap.io.export import export_pages

        try:
            document = self.document
            (width, height), files = export_pages(
                document.drawing, document.to_session(), path, scale
            )
        except BodyMapError as exc:
            dialogs.show_error(self.window, self.tr("Could not export"), str(exc))
            return False
        more = ""
        if len(files) > 1:
            names = ", ".join(f.name for f in files[1:])
            more = self.tr("; the note continues in {names}").format(names=names)
        self.window.statusBar().showMessage(
            self.tr("Exported {name} ({width} × {height} pixels)").format(
                name=path.name, width=width, height=height
            )
            + more,
            6000,
        )
        return True

    # -- recovery ------------------------------------------------------------------------

    def offer_recovery(self, here: bool = True) -> bool:
        """After a crash, offer every orphaned autosave (``bodymap.ui.recovery``): each is
        restored (the first here, the others in windows of their own; every one in a window
        of its own when ``here`` is false, as when this window is about to open a session
        named on the command line), kept for the next start or discarded, as the user
        chooses; what cannot be read is set aside, never deleted. True when work was
        restored into this window."""
        from bodymap.io.atomic import remove_stale_temps
        from bodymap.ui import recovery
        from bodymap.ui.autosave import Autosaver

        for recent in map(Path, self.recent_files()):  # what saves killed half way left
            remove_stale_temps(recent.parent, f".{recent.name}.")
        try:
            orphans, aside = recovery.find(self.document.anatomy)
        except OSError as exc:  # the folders themselves: start without recovery
            self.window.statusBar().showMessage(
                self.tr("Could not look for autosaved work: {error}").format(error=exc)
            )
            return False
        if not orphans:
            if aside:
                dialogs.show_info(
                    self.window,
                    self.tr("Autosaved work set aside"),
                    "\n".join(item.line() for item in aside),
                )
            return False
        where = {} if here else {"here": False}  # the dialog says where restored work opens
        choices = dialogs.ask_recovery(
            self.window, orphans, [a.line() for a in aside], self._previews(orphans), **where
        )
        restored = False
        for orphan in orphans:
            choice = choices.get(orphan.path, dialogs.KEEP)
            if choice == dialogs.DISCARD:
                Autosaver.remove(orphan.path)
            elif choice == dialogs.RESTORE:
                if here and not restored:
                    self.restore(orphan)
                    restored = True
                else:
                    matcher = self.document.drawing.matcher
                    window = type(self.window)(self.document.anatomy, matcher)  # type: ignore[arg-type]
                    self.others.append(window)
                    window.show()
                    window.files.restore(orphan)  # type: ignore[attr-defined]
        return restored

    def restore(self, orphan: Orphan) -> None:
        """Load ``orphan`` into this window as unsaved work tied to the file it came from;
        the orphan is removed once this window's own autosave holds it."""
        from bodymap.ui.autosave import Autosaver

        self._load(orphan.session, orphan.source)
        self.window.setWindowModified(True)
        self.undo_stack.resetClean()
        if self.autosaver.save_now() is not None:
            Autosaver.remove(orphan.path)
        # else it stays where it is, and is offered again at the next start

    def _previews(self, orphans: list[Orphan]) -> dict[Path, QtGui.QImage]:
        """Small pictures of the orphans whose file keeps its pain (no refolding needed)."""
        from bodymap.core.drawing import Drawing
        from bodymap.io.export import render_page

        previews = {}
        anatomy, matcher = self.document.anatomy, self.document.drawing.matcher
        for orphan in orphans[:MAX_PREVIEWS]:
            session = orphan.session
            if session.pain is not None or not session.marks:
                with contextlib.suppress(Exception):  # a picture is a nicety: never a failure
                    drawing = Drawing.of_session(session, anatomy, matcher)
                    previews[orphan.path] = render_page(drawing, session, PREVIEW_SCALE)
        return previews
