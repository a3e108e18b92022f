"""Where the app keeps its settings and its application data (autosaves, the log).

``BODYMAP_SETTINGS_DIR`` and ``BODYMAP_DATA_DIR`` override the platform folders (the tests
point them at temporary folders).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

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


_BYTES = "fs:"  # a recent file whose name is not text: its bytes, percent-encoded


def path_to_setting(name: str) -> str:
    """``name`` as QSettings can keep it: a name holding bytes that are not UTF-8 (Python's
    surrogate escapes, which a QString cannot carry) is kept as its percent-encoded bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return _BYTES + quote(os.fsencode(name), safe="/")
    return name


def path_from_setting(text: str) -> str:
    """The name :func:`path_to_setting` kept (an absolute path never starts with ``fs:``)."""
    return os.fsdecode(unquote_to_bytes(text[len(_BYTES) :])) if text.startswith(_BYTES) else text
