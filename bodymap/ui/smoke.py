"""``bodymap --smoke-test``: start the window for real, then close it by itself.

For a packaged build on a machine without a screen (CI runs it with
``QT_QPA_PLATFORM=offscreen``): the window is shown, the anatomy loaded, the start-up dialogs
(the safety note) are answered, and the app quits with 0 once the window has drawn a frame
after loading, or with 1 after ``TIMEOUT_MS``. Settings and autosaves go to a temporary
folder removed at the end, so a smoke test never changes the user's own.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable

from PySide6 import QtCore, QtWidgets

TIMEOUT_MS = 60_000
DIALOG_POLL_MS = 100


def isolate() -> Callable[[], None]:
    """Point settings and application data at a fresh temporary folder; returns the clean-up."""
    folder = tempfile.mkdtemp(prefix="bodymap-smoke-")
    os.environ["BODYMAP_SETTINGS_DIR"] = os.path.join(folder, "settings")
    os.environ["BODYMAP_DATA_DIR"] = os.path.join(folder, "data")
    return lambda: shutil.rmtree(folder, ignore_errors=True)


class SmokeTest(QtCore.QObject):
    """Answers modal dialogs as they appear and ends the app when ``done()`` is called or the
    time is up."""

    def __init__(self, app: QtWidgets.QApplication) -> None:
        super().__init__(app)
        self.dialogs: list[str] = []
        self._poll = QtCore.QTimer(self)
        self._poll.setInterval(DIALOG_POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._poll.start()
        QtCore.QTimer.singleShot(TIMEOUT_MS, self._on_time_up)

    def _on_poll_timeout(self) -> None:
        modal = QtWidgets.QApplication.activeModalWidget()
        if isinstance(modal, QtWidgets.QDialog):
            self.dialogs.append(modal.windowTitle())
            modal.accept()

    def _on_time_up(self) -> None:
        print(f"smoke test: not loaded after {TIMEOUT_MS // 1000} s", file=sys.stderr)
        QtWidgets.QApplication.exit(1)

    def done(self, regions: int) -> None:
        answered = ", ".join(self.dialogs) or "none"
        platform = QtWidgets.QApplication.platformName()
        print(
            f"smoke test: window loaded on {platform} with {regions} regions "
            f"(dialogs answered: {answered})",
            flush=True,
        )
        QtWidgets.QApplication.exit(0)
