"""Start the window: ``run_app(session_path, regions_path)`` returns the exit code."""

from __future__ import annotations

import sys

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
    window.show()
    window.startup(session_path)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
