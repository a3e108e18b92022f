"""Long work off the window's thread: a function run in a worker thread while the window
keeps painting, with a progress dialog (after a moment) whose Cancel drops the result.

The work must not touch widgets. shapely releases Python's lock in its geometry operations,
so folding a large session leaves the window responsive; a cancelled job runs on to its end
in the background and its result is thrown away (nothing it made is used).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6 import QtCore, QtWidgets

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quicker work shows no dialog at all
POLL_MS = 15


class _Job(Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        self.result: T | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(work,), daemon=True)

    def _run(self, work: Callable[[], T]) -> None:
        try:
            self.result = work()
        except BaseException as exc:  # handed to the window's thread, raised there
            self.error = exc


class Cancelled(Exception):
    """The person cancelled the work."""


def run_with_progress(parent: QtWidgets.QWidget, label: str, work: Callable[[], T]) -> T:
    """``work()`` run in a worker thread; its result, or its exception raised here.
    Raises :class:`Cancelled` when the person presses Cancel on the progress dialog."""
    job: _Job[T] = _Job(work)
    job.thread.start()
    job.thread.join(SHOW_AFTER_MS / 1000)
    if job.thread.is_alive():
        translate = QtCore.QCoreApplication.translate
        dialog = QtWidgets.QProgressDialog(label, translate("Background", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle(translate("Background", "Please wait"))
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        loop = QtCore.QEventLoop()
        timer = QtCore.QTimer()
        timer.setInterval(POLL_MS)
        # Done, or cancelled (the button, Escape or closing the dialog all cancel it).
        timer.timeout.connect(
            lambda: loop.quit() if dialog.wasCanceled() or not job.thread.is_alive() else None
        )
        timer.start()
        dialog.show()
        loop.exec()
        timer.stop()
        cancelled = dialog.wasCanceled() and job.thread.is_alive()
        dialog.close()
        dialog.deleteLater()
        if cancelled:
            raise Cancelled(label)
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[return-value]
