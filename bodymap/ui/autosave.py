"""Autosave: the open session, written shortly after each edit to this instance's own file.

Files live in ``data_dir()/autosave``: ``autosave-<pid>-<random>.bodymap.json`` beside a
``QLockFile`` of the same name held while the instance runs. A file whose lock nobody holds
belongs to an instance that died: the next start offers it for recovery. A clean close
removes the file and its lock, so two running instances never touch each other's autosaves.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore

from bodymap.core.session import Session
from bodymap.io.errors import BodyMapError
from bodymap.io.session_file import SUFFIX, save_session
from bodymap.ui.settings import data_dir

log = logging.getLogger(__name__)

DELAY_MS = 2000  # quiet time after an edit before writing
MAX_WAIT_MS = 8000  # but never later than this after the first unsaved edit
PREFIX = "autosave-"


def autosave_dir() -> Path:
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(SUFFIX) + ".lock")


class Autosaver(QtCore.QObject):
    """Debounced writer of ``snapshot()`` to this instance's autosave file."""

    saved = QtCore.Signal(str)

    def __init__(
        self, snapshot: Callable[[], Session], parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.path = autosave_dir() / f"{PREFIX}{token}{SUFFIX}"
        self._lock = QtCore.QLockFile(str(_lock_path(self.path)))
        self._lock.tryLock(0)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._pending = QtCore.QElapsedTimer()

    def schedule(self) -> None:
        """An edit happened: write after DELAY_MS of quiet, at most MAX_WAIT_MS from now."""
        if not self._pending.isValid():
            self._pending.start()
        remaining = MAX_WAIT_MS - self._pending.elapsed()
        self._timer.start(max(0, min(DELAY_MS, remaining)))

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def save_now(self) -> Path | None:
        """Write the autosave file now; its path, or None when writing failed."""
        self._timer.stop()
        self._pending.invalidate()
        try:
            save_session(self._snapshot(), self.path)
        except BodyMapError as exc:
            log.warning("autosave failed: %s", exc)
            return None
        self.saved.emit(str(self.path))
        return self.path

    def discard_file(self) -> None:
        """Nothing unsaved any more: stop the timer and remove the file."""
        self._timer.stop()
        self._pending.invalidate()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit: no autosave left behind, lock released."""
        self.discard_file()
        self._lock.unlock()

    def _on_timer_timeout(self) -> None:
        self.save_now()

    @staticmethod
    def orphans() -> list[Path]:
        """Autosaves of instances no longer running, newest first."""
        found = []
        for path in autosave_dir().glob(f"{PREFIX}*{SUFFIX}"):
            lock = QtCore.QLockFile(str(_lock_path(path)))
            if lock.tryLock(0):  # nobody holds it (a dead owner's lock counts as stale)
                lock.unlock()
                found.append(path)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    @staticmethod
    def remove(path: Path) -> None:
        path.unlink(missing_ok=True)
        _lock_path(path).unlink(missing_ok=True)
