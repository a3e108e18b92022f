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


def data_path() -> Path:
    """The application-data folder, not created: it may be unusable (a file, read-only)."""
    folder = os.environ.get("BODYMAP_DATA_DIR") or QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.AppDataLocation
    )
    return Path(folder)


def data_dir() -> Path:
    """The application-data folder, created if needed (OSError when it cannot be)."""
    path = data_path()
    path.mkdir(parents=True, exist_ok=True)
    return path
