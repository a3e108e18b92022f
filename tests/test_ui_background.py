"""Opening a session works off the window's thread, with progress and Cancel."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from bodymap.core import drawing as drawing_module
from bodymap.core.marks import RegionMark
from bodymap.core.session import Session
from bodymap.io.session_file import save_session

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _slow(monkeypatch, seconds: float) -> None:  # type: ignore[no-untyped-def]
    real = drawing_module.Drawing.of_session.__func__  # type: ignore[attr-defined]

    def of_session(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(seconds)  # a large session folding (sleep, like GEOS, frees the GIL)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(drawing_module.Drawing, "of_session", classmethod(of_session))


def _saved(tmp_path: Path) -> Path:
    path = tmp_path / "big.bodymap.json"
    save_session(Session(marks=[RegionMark("front.left.groin", 6)], note="slow"), path)
    return path


def test_a_slow_open_keeps_the_window_alive_and_can_be_cancelled(
    window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = _saved(tmp_path)
    _slow(monkeypatch, 3.0)
    seen: list[str] = []

    def press_cancel() -> None:
        dialogs = [w for w in QtWidgets.QApplication.topLevelWidgets() if w.isVisible()]
        dialogs += window.findChildren(QtWidgets.QProgressDialog)
        for dialog in dialogs:
            if isinstance(dialog, QtWidgets.QProgressDialog) and dialog.isVisible():
                seen.append(dialog.labelText())
                button = dialog.findChild(QtWidgets.QPushButton)
                assert button is not None and button.text() == "Cancel"
                button.click()

    ticks: list[int] = []
    ticker = QtCore.QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(50)
    QtCore.QTimer.singleShot(900, press_cancel)
    started = time.perf_counter()
    assert not window.files.open_path(path)
    ticker.stop()
    assert time.perf_counter() - started < 2.5  # back as soon as Cancel was pressed
    assert seen == ["Opening big.bodymap.json…"]
    assert len(ticks) >= 5  # the window's event loop ran meanwhile
    assert window.document.marks == () and window.note_edit.toPlainText() == ""


def test_a_slow_open_that_is_not_cancelled_opens_the_session(
    window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = _saved(tmp_path)
    _slow(monkeypatch, 0.8)
    assert window.files.open_path(path)
    assert window.document.marks == (RegionMark("front.left.groin", 6),)
    assert window.note_edit.toPlainText() == "slow"
    assert window.match_list.rows()  # ranked with the drawing made in the worker
    assert not window.isWindowModified()
