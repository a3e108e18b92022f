"""Autosave, crash recovery and the global exception handler."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6 import QtCore

from bodymap.io.session_file import load_session
from bodymap.ui import autosave, crash, dialogs, recovery
from bodymap.ui.autosave import autosave_dir
from tests.ui_helpers import new_window as _window

ROOT = Path(__file__).resolve().parent.parent


def test_autosave_is_written_soon_after_an_edit(qtbot, anatomy, matcher, errors) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, anatomy, matcher)
    assert autosave.DELAY_MS <= autosave.MAX_WAIT_MS <= 10_000
    win.toggle_region("back.left.outer_hip")
    assert win.autosaver.is_pending()
    assert not win.autosaver.path.exists()  # nothing written on the edit itself
    qtbot.waitUntil(win.autosaver.path.exists, timeout=10_000)
    saved = load_session(win.autosaver.path, anatomy)
    assert [m.region for m in saved.marks] == ["back.left.outer_hip"]  # type: ignore[union-attr]
    assert win.autosaver.path.parent == autosave_dir()
    assert str(autosave_dir()).startswith(os.environ["BODYMAP_DATA_DIR"])
    win.close()
    assert not win.autosaver.path.exists()  # a clean close removes it
    assert list(autosave_dir().iterdir()) == []  # and its lock


def test_debounce_never_waits_longer_than_the_maximum(
    qtbot, anatomy, matcher, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(autosave, "DELAY_MS", 200)
    monkeypatch.setattr(autosave, "MAX_WAIT_MS", 500)
    win = _window(qtbot, anatomy, matcher)
    timer = QtCore.QElapsedTimer()
    timer.start()
    # Keep editing every 100 ms: the quiet-time debounce alone would never fire.
    while not win.autosaver.path.exists() and timer.elapsed() < 3000:
        win.note_edit.appendPlainText("x")
        qtbot.wait(100)
    assert win.autosaver.path.exists()
    assert timer.elapsed() < 1500
    win.close()


def test_saving_the_session_removes_the_autosave(qtbot, anatomy, matcher, errors, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, anatomy, matcher)
    win.toggle_region("back.left.outer_hip")
    win.autosaver.save_now()
    assert win.autosaver.path.exists()
    assert win.files.save_to(tmp_path / "a.bodymap.json")
    assert not win.autosaver.path.exists()
    win.close()


def test_two_instances_never_take_each_others_autosave(
    qtbot, anatomy, matcher, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    first = _window(qtbot, anatomy, matcher)
    second = _window(qtbot, anatomy, matcher)
    assert first.autosaver.path != second.autosaver.path
    first.toggle_region("back.left.outer_hip")
    second.toggle_region("front.left.groin")
    first.autosaver.save_now()
    second.autosaver.save_now()
    assert recovery.find(anatomy) == ([], [])  # both owners are alive
    asked: list[object] = []
    monkeypatch.setattr(dialogs, "ask_recovery", lambda *a: asked.append(a) or {})
    third = _window(qtbot, anatomy, matcher)
    third.startup(None)
    assert asked == [] and third.document.marks == ()
    assert first.autosaver.path.exists() and second.autosaver.path.exists()
    for win in (first, second, third):
        win.close()


_CRASHING_APP = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from bodymap.io.regions_file import load_regions
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow
    application()
    win = MainWindow(load_regions(sys.argv[1]))
    win.toggle_region("back.left.outer_hip")
    win.note_edit.setPlainText("before the crash")
    assert win.autosaver.save_now()
    os._exit(3)  # dies without any cleanup, like a crash
    """
)


def test_after_a_crash_the_next_start_offers_the_autosave(
    qtbot, anatomy, matcher, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    proc = subprocess.run(
        [sys.executable, "-c", _CRASHING_APP, anatomy.source],
        cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 3, proc.stderr
    assert len(recovery.find(anatomy)[0]) == 1
    asked: list[list[recovery.Orphan]] = []

    def restore_all(parent, orphans, aside, previews):  # type: ignore[no-untyped-def]
        asked.append(orphans)
        return {orphan.path: dialogs.RESTORE for orphan in orphans}

    monkeypatch.setattr(dialogs, "ask_recovery", restore_all)
    win = _window(qtbot, anatomy, matcher)
    win.startup(None)
    assert len(asked) == 1
    assert win.document.drawing.pain.region_marked("back.left.outer_hip")
    assert win.note_edit.toPlainText() == "before the crash"
    assert win.match_list.rows()[0][1] == "Quadratus lumborum"
    assert win.isWindowModified()  # restored work is not saved anywhere yet
    assert recovery.find(anatomy) == ([], [])  # offered once, now it is this instance's work
    assert win.autosaver.path.exists()  # ...already in its own autosave
    win.close()


def test_discarding_in_the_recovery_dialog_removes_the_orphan(
    qtbot, anatomy, matcher, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    crashed = _window(qtbot, anatomy, matcher)
    crashed.toggle_region("back.left.outer_hip")
    orphan = crashed.autosaver.save_now()
    crashed.autosaver._lock.unlock()  # its owner is gone
    crashed.autosaver.path = Path(os.devnull + ".unused")  # keep the teardown away from it
    monkeypatch.setattr(
        dialogs, "ask_recovery", lambda p, o, a, v: {x.path: dialogs.DISCARD for x in o}
    )
    win = _window(qtbot, anatomy, matcher)
    win.startup(None)
    assert win.document.marks == ()
    assert orphan is not None and not orphan.exists()
    crashed.undo_stack.setClean()
    for w in (win, crashed):
        w.close()


@pytest.mark.qt_no_exception_capture
def test_exception_in_an_event_handler_is_logged_autosaved_reported_and_survived(
    qtbot, anatomy, matcher, errors
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, anatomy, matcher)
    previous = sys.excepthook
    crash.install(win)
    try:
        win.toggle_region("back.left.outer_hip")

        def boom() -> None:
            raise ZeroDivisionError("simulated bug")

        win.view.region_clicked.connect(boom)
        win.view.region_clicked.emit("back.left.low_back")  # the handler raises inside Qt
        qtbot.waitUntil(lambda: bool(errors), timeout=2000)
        win.view.region_clicked.disconnect(boom)
    finally:
        sys.excepthook = previous
    assert len(errors) == 1 and "\n" not in errors[0]
    assert "ZeroDivisionError: simulated bug" in errors[0]
    assert "autosaved" in errors[0]
    assert win.autosaver.path.exists()
    assert "simulated bug" in Path(crash.log_path()).read_text(encoding="utf-8")
    # Still running and usable.
    win.toggle_region("front.left.groin")
    assert win.document.drawing.pain.region_marked("front.left.groin")
    assert win.match_list.rows()
    win.close()
