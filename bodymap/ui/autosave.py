"""Autosave: the open session, written shortly after each edit to this instance's own file.

Files live in ``data_dir()/autosave``: ``autosave-<pid>-<random>.bodymap.json`` beside a
``QLockFile`` of the same name held while the instance runs, and, when the work belongs to a
saved session, ``autosave-<...>.source`` holding that session's path (raw file-system bytes).
A file whose lock nobody holds belongs to an instance that died: the next start offers it for
recovery (``bodymap.ui.recovery``). A clean close removes the files and the lock, so two
running instances never touch each other's autosaves.

When the folder cannot be used (read-only, a file, a dangling link) or a write fails (a full
disk), the autosave moves to the next folder of ``autosave_dirs()``; when none works the
window says so in its status bar (``show_in``) until an autosave succeeds again.

An autosave the window discards (the work was saved, undone back to the saved state, or
replaced by another file) but cannot remove, because its folder cannot be reached at that
moment, is removed as soon as it can be (the next write, discard or close); meanwhile a
tombstone ``autosave-<...>.discarded`` in a usable folder says that this instance had nothing
unsaved at that time, so that the next start removes such an autosave of a dead instance
instead of offering work that was already saved (``bodymap.ui.recovery``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from bodymap.core.session import Session
from bodymap.io.atomic import remove_stale_temps, write_atomic
from bodymap.io.errors import BodyMapError, one_line
from bodymap.io.session_file import SUFFIX, save_session

log = logging.getLogger(__name__)

DELAY_MS = 2000  # quiet time after an edit before writing
MAX_WAIT_MS = 8000  # but never later than this after the first unsaved edit
RETRY_MS = 30_000  # after a failed write, try again this much later
PREFIX = "autosave-"
SOURCE = ".source"  # the sidecar naming the session file the work came from
TOMBSTONE = ".discarded"  # an instance's autosaves up to this file's time hold nothing unsaved


def autosave_dirs() -> list[Path]:
    """Where autosaves may go, best first: ``<data folder>/autosave``, then a fallback
    (``BODYMAP_FALLBACK_DIR``, else the platform's cache folder and the temporary folder).
    Nothing is created here."""
    data = os.environ.get("BODYMAP_DATA_DIR") or QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.AppDataLocation
    )
    fallback = os.environ.get("BODYMAP_FALLBACK_DIR")
    if fallback:
        others = [Path(fallback)]
    else:
        cache = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.CacheLocation
        )
        user = getattr(os, "getuid", lambda: "user")()
        others = [Path(cache), Path(tempfile.gettempdir()) / f"bodymap-{user}"]
    return [Path(data) / "autosave"] + [p / "autosave" for p in others if str(p)]


def autosave_dir() -> Path:
    """The preferred autosave folder (created)."""
    folder = autosave_dirs()[0]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def lock_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(SUFFIX) + ".lock")


def source_path(path: Path) -> Path:
    """The sidecar of autosave ``path`` naming the session file its work came from."""
    return path.with_name(path.name.removesuffix(SUFFIX) + SOURCE)


def token_of(path: Path) -> str:
    """The instance token (``<pid>-<random>``) of an autosave, lock or tombstone file."""
    name = path.name.removeprefix(PREFIX)
    for suffix in (SUFFIX, TOMBSTONE, ".lock", SOURCE):
        name = name.removesuffix(suffix)
    return name


def read_source(path: Path) -> Path | None:
    """The session file autosave ``path`` was tied to, or None."""
    try:
        raw = source_path(path).read_bytes()
    except OSError:
        return None
    return Path(os.fsdecode(raw)) if raw else None


class Autosaver(QtCore.QObject):
    """Debounced writer of ``snapshot()`` to this instance's autosave file.

    ``source`` is the session file the open work belongs to (set by the file commands),
    recorded beside the autosave so that recovered work comes back tied to it. ``problem``
    is None while work is protected, else a one-line reason (``protection_changed``)."""

    saved = QtCore.Signal(str)
    protection_changed = QtCore.Signal(str)  # "" once protected again

    def __init__(
        self, snapshot: Callable[[], Session], parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.source: Path | None = None
        self.problem: str | None = None
        self._token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock: QtCore.QLockFile | None = None
        self._unremoved: set[Path] = set()  # discarded autosaves whose folder was unreachable
        self.path = self._claim(autosave_dirs())
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._pending = QtCore.QElapsedTimer()

    # -- where ---------------------------------------------------------------------------

    def _claim(self, folders: list[Path]) -> Path:
        """Take the first usable folder of ``folders`` and return this instance's autosave
        path there; when none is usable, set ``problem`` and return the path in the first
        (each write tries again)."""
        reasons = []
        for folder in folders:
            path, lock, reason = self._take(folder)
            if path is not None:
                self._lock = lock
                return path
            reasons.append(reason)
        self._set_problem("no folder to autosave in (" + "; ".join(reasons) + ")")
        return folders[0] / f"{PREFIX}{self._token}{SUFFIX}"

    def _take(self, folder: Path) -> tuple[Path | None, QtCore.QLockFile | None, str]:
        """This instance's autosave path in ``folder`` (created) and its lock, taken; or
        None, None and why not."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not folder.is_dir():
                return None, None, f"{folder} is not a folder"
        except OSError as exc:
            return None, None, f"{folder}: {exc.strerror or exc}"
        path = folder / f"{PREFIX}{self._token}{SUFFIX}"
        lock = QtCore.QLockFile(str(lock_path(path)))
        if not lock.tryLock(0):
            return None, None, f"{folder}: cannot write there"
        _clean_temps(folder)
        return path, lock, ""

    def _set_problem(self, problem: str | None) -> None:
        if problem != self.problem:
            self.problem = problem
            if problem:
                log.warning("autosave: %s", problem)
            self.protection_changed.emit(problem or "")

    # -- when ----------------------------------------------------------------------------

    def schedule(self) -> None:
        """An edit happened: write after DELAY_MS of quiet, at most MAX_WAIT_MS from now."""
        if not self._pending.isValid():
            self._pending.start()
        remaining = MAX_WAIT_MS - self._pending.elapsed()
        self._timer.start(max(0, min(DELAY_MS, remaining)))

    def is_pending(self) -> bool:
        """Whether a write is waiting (after an edit, or to retry a failed one)."""
        return self._timer.isActive()

    def save_now(self) -> Path | None:
        """Write the autosave file now (moving to the next folder when writing fails); its
        path, or None when no folder took it (``problem`` then says why)."""
        self._timer.stop()
        self._pending.invalidate()
        if self._unremoved:  # discarded earlier but out of reach then: gone before writing
            self._remove_discarded()
        session = self._snapshot()
        current = self.path if self._lock is not None else None
        folders = autosave_dirs()
        if current is not None:
            folders = [current.parent] + [f for f in folders if f != current.parent]
        failures = []
        for folder in folders:
            lock: QtCore.QLockFile | None = None
            if current is not None and folder == current.parent:
                path = current
            else:
                taken, lock, reason = self._take(folder)
                if taken is None:
                    failures.append(reason)
                    continue
                path = taken
            try:
                save_session(session, path)
                self._write_source(path)
            except (BodyMapError, OSError) as exc:
                reason = exc.reason if isinstance(exc, BodyMapError) else str(exc.strerror)
                failures.append(reason.removeprefix("could not save: "))
                if lock is not None:
                    lock.unlock()
                continue
            if lock is not None:  # moved to another folder: the old copy goes only now
                if current is not None and self._lock is not None:
                    _remove(current)
                    self._lock.unlock()
                self._lock, self.path = lock, path
            self._set_problem(None)
            self.saved.emit(str(self.path))
            return self.path
        reasons = list(dict.fromkeys(failures))  # each once, the current folder's first
        self._set_problem(one_line(" / ".join(reasons)) if reasons else "no folder to use")
        self._timer.start(RETRY_MS)  # the disk may have room again by then
        return None

    def _write_source(self, path: Path) -> None:
        sidecar = source_path(path)
        if self.source is None:
            sidecar.unlink(missing_ok=True)
        else:
            write_atomic(sidecar, os.fsencode(str(self.source.absolute())))

    def discard_file(self) -> None:
        """Nothing unsaved any more: stop the timer and remove the file (later, with a
        tombstone meanwhile, when its folder cannot be reached now)."""
        self._timer.stop()
        self._pending.invalidate()
        self._unremoved.add(self.path)
        self._remove_discarded()
        if self._unremoved:
            self._write_tombstone()  # its time: when this instance had nothing unsaved

    def _remove_discarded(self) -> None:
        left = set()
        for path in self._unremoved:
            try:
                path.unlink(missing_ok=True)
                source_path(path).unlink(missing_ok=True)
            except OSError:
                left.add(path)  # its folder is a file now, read-only...
                continue
            if not path.parent.is_dir():
                left.add(path)  # its folder was moved away: the file may come back with it
        if self._unremoved and not left:
            for folder in autosave_dirs():
                with contextlib.suppress(OSError):
                    (folder / f"{PREFIX}{self._token}{TOMBSTONE}").unlink(missing_ok=True)
        self._unremoved = left

    def _write_tombstone(self) -> None:
        """Now, this instance has nothing unsaved: said in the first folder that takes it,
        by an empty file's time (made even on a full disk)."""
        for folder in autosave_dirs():
            try:
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{PREFIX}{self._token}{TOMBSTONE}").touch()
                return
            except OSError:
                continue

    def close(self) -> None:
        """A clean exit: no autosave left behind, lock released."""
        self.discard_file()
        if self._lock is not None:
            self._lock.unlock()

    def _on_timer_timeout(self) -> None:
        self.save_now()

    def show_in(self, bar: QtWidgets.QStatusBar) -> QtWidgets.QLabel:
        """A warning in ``bar``, shown while work is not protected."""
        label = QtWidgets.QLabel(bar)
        label.setObjectName("autosave_warning")
        label.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        label.setWordWrap(False)

        def update(problem: str) -> None:
            # The cause, short (the first reason, before its advice); every reason in full
            # in the tooltip.
            cause = problem.split(" / ")[0].split(";")[0]
            label.setText(
                self.tr("Not autosaved: {cause}. Save your work to keep it.").format(cause=cause)
                if problem
                else ""
            )
            label.setToolTip(problem.replace(" / ", "\n"))
            label.setVisible(bool(problem))

        self.protection_changed.connect(update)
        update(self.problem or "")
        bar.addPermanentWidget(label)
        return label

    # -- orphans -------------------------------------------------------------------------

    @staticmethod
    def remove(path: Path) -> None:
        """Remove the autosave ``path``, its source note and its lock."""
        _remove(path)
        with contextlib.suppress(OSError):
            lock_path(path).unlink(missing_ok=True)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
        source_path(path).unlink(missing_ok=True)


def _clean_temps(folder: Path) -> None:
    """Remove the temporary files that saves killed half way left in ``folder``: those of an
    instance that no longer runs, and any older than ``STALE_TEMP_S``."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if not (name.startswith(f".{PREFIX}") and name.endswith(".tmp")):
                continue
            owner = folder / name[1:].split(".")[0]  # autosave-<pid>-<random>
            lock = QtCore.QLockFile(str(owner) + ".lock")
            if lock.tryLock(0):  # the instance that was writing it is gone
                lock.unlock()
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
    remove_stale_temps(folder, f".{PREFIX}")
