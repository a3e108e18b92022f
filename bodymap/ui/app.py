"""Start the window: ``run_app(session_path, regions_path)`` returns the exit code.

``BODYMAP_REPORT_FIRST_PAINT=1`` (used by ``benchmarks/run.py``) makes the app print
``first-paint <time.time()>`` once its main window's first frame has been drawn, then quit.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.io.errors import BodyMapError
from bodymap.io.regions_file import load_regions
from bodymap.io.resources import default_regions_path
from bodymap.ui import crash, dialogs
from bodymap.ui.main_window import MainWindow
from bodymap.ui.settings import APPLICATION, ORGANISATION


def application() -> QtWidgets.QApplication:
    """The QApplication, created once with the names QSettings and data folders use."""
    app = QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication):
        QtGui.QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            QtCore.Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QtWidgets.QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("BodyMap")
    app.setDesktopFileName("bodymap")
    return app


class _FirstPaintReporter(QtCore.QObject):
    """Prints the time of the window's first frame and quits (start-up benchmark)."""

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            obj.removeEventFilter(self)
            # The children are painted in the same pass; the frame is done when it returns.
            QtCore.QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        QtWidgets.QApplication.quit()


def run_app(session_path: str | None = None, regions_path: str | None = None) -> int:
    app = application()
    try:
        anatomy = load_regions(regions_path or default_regions_path())
    except BodyMapError as exc:
        dialogs.show_error(None, "BodyMap cannot start", str(exc))
        return 2
    window = MainWindow(anatomy)
    previous_hook = sys.excepthook
    crash.install(window)
    if os.environ.get("BODYMAP_REPORT_FIRST_PAINT"):
        reporter = _FirstPaintReporter(window)
        window.installEventFilter(reporter)
    window.show()
    window.startup(session_path)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
