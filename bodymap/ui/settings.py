"""Where the app keeps its settings and its application data (autosaves, the log).

``BODYMAP_SETTINGS_DIR`` and ``BODYMAP_DATA_DIR`` override the platform folders (the tests
point them at temporary folders).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6 import QtCore

ORGANISATION = "BodyMap"
APPLICATION = "BodyMap"


def app_settings() -> QtCore.QSettings:
    folder = os.environ.get("BODYMAP_SETTINGS_DIR")
    if folder:
        path = str(Path(folder) / f"{APPLICATION}.ini")
        return QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat)
    return QtCore.QSettings(ORGANISATION, APPLICATION)


def data_dir() -> Path:
    """The application-data folder, created if needed."""
    folder = os.environ.get("BODYMAP_DATA_DIR") or QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.AppDataLocation
    )
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
