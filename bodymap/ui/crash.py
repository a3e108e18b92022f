"""The last line of defence: an exception escaping a Qt event handler is logged, the work is
autosaved, the user is told in one line, and the app keeps running."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import QtCore

from bodymap.ui import dialogs
from bodymap.ui.settings import data_dir

if TYPE_CHECKING:
    import logging

    from bodymap.ui.main_window import MainWindow

LOGGER = "bodymap"  # logging is imported once something goes wrong (start-up ~5 ms)


def log_path() -> str:
    """``bodymap.log`` in the data folder, or in the temporary folder when that is unusable."""
    try:
        return str(data_dir() / "bodymap.log")
    except OSError:
        import tempfile

        return str(Path(tempfile.gettempdir()) / "bodymap.log")


def _log() -> logging.Logger:
    """The app's logger, writing to ``log_path()``."""
    import logging.handlers

    log = logging.getLogger(LOGGER)
    path = log_path()
    for existing in log.handlers:
        if getattr(existing, "baseFilename", None) == path:
            return log
    handler: logging.Handler
    try:
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:  # nowhere to write: the terminal, if any, gets it
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    return log


class ExceptionHook:
    """Installed as ``sys.excepthook`` while the window runs."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._busy = False

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        _log().error("unexpected error", exc_info=(kind, exc, tb))
        if self._busy:  # an error while reporting one: the log has it
            return
        self._busy = True
        try:
            saved = None
            if not self.window.undo_stack.isClean():
                saved = self.window.autosaver.save_now()
            translate = QtCore.QCoreApplication.translate
            kept = " " + translate("Crash", "Your work was autosaved.") if saved else ""
            dialogs.show_error(
                self.window,
                translate("Crash", "Something went wrong"),
                translate("Crash", "Unexpected error: {error}.").format(
                    error=f"{kind.__name__}: {exc}"
                )
                + kept
                + " "
                + translate("Crash", "The app keeps running; details are in {log}.").format(
                    log=log_path()
                ),
            )
        finally:
            self._busy = False


def install(window: MainWindow) -> ExceptionHook:
    hook = ExceptionHook(window)
    sys.excepthook = hook
    return hook
