"""The reliability field cases of autosave and crash recovery (F01, F02, F04, F13, F14):
every orphan is offered, nothing is deleted that was not restored or discarded, the window
always finishes starting and says when work is not protected."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bodymap.io import atomic
from bodymap.io.session_file import load_session
from bodymap.ui import dialogs, recovery
from bodymap.ui.autosave import autosave_dir, autosave_dirs, read_source
from tests.ui_helpers import new_window as _window

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "fixtures" / "field-cases"


@pytest.fixture(autouse=True)
def _no_window_left(qtbot):  # type: ignore[no-untyped-def]
    """Every window these tests made is gone afterwards, its timers with it (a pending
    repaint would otherwise fire in a later test)."""
    yield
    from PySide6 import QtCore, QtWidgets

    from bodymap.ui.main_window import MainWindow

    for widget in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.undo_stack.setClean()
            widget.close()
            widget.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete.value)


@pytest.fixture
def answers(monkeypatch):  # type: ignore[no-untyped-def]
    """The recovery dialog answered by ``answers["choice"]`` (a choice or a function of the
    orphan); what it was shown is kept in ``answers["shown"]``."""
    state: dict = {"choice": dialogs.RESTORE, "shown": []}

    def ask(parent, orphans, aside, previews, here=True):  # type: ignore[no-untyped-def]
        state["shown"].append((list(orphans), list(aside), dict(previews)))
        choice = state["choice"]
        return {o.path: choice(o) if callable(choice) else choice for o in orphans}

    monkeypatch.setattr(dialogs, "ask_recovery", ask)
    monkeypatch.setattr(
        dialogs, "show_info", lambda p, t, m: state.setdefault("info", []).append(m)
    )
    return state


def _crash(win) -> None:  # type: ignore[no-untyped-def]
    """``win``'s process dies: no more writes, its lock goes stale, nothing cleaned up."""
    win.autosaver._timer.stop()
    win.autosaver._lock.unlock()
    win.autosaver._lock = None
    win.autosaver.path = Path(os.devnull + ".unused")  # keep the teardown away from its files
    win.undo_stack.setClean()
    win.hide()


def _orphan(name: str, data: bytes, mtime: float) -> Path:
    path = autosave_dir() / name
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))
    return path


_CRASHING_APP = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from bodymap.io.regions_file import load_regions
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow
    application()
    win = MainWindow(load_regions(sys.argv[1]))
    win.toggle_region(sys.argv[2])
    win.note_edit.setPlainText(sys.argv[3])
    assert win.autosaver.save_now()
    print("ready", flush=True)
    sys.stdin.readline()  # both instances run, then both die
    os._exit(3)
    """
)


def test_f01_two_crashed_instances_both_come_back(qtbot, anatomy, matcher, errors, answers) -> None:  # type: ignore[no-untyped-def]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CRASHING_APP, anatomy.source, region, note],
            cwd=ROOT,
            env=dict(os.environ),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for region, note in (("back.left.outer_hip", "first"), ("front.left.groin", "second"))
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        proc.communicate("\n", timeout=60)
        assert proc.returncode == 3
    win = _window(qtbot, anatomy, matcher)
    win.startup(None)
    [(shown, aside, previews)] = answers["shown"]
    assert len(shown) == 2 and aside == []
    assert {o.session.note for o in shown} == {"first", "second"}
    assert all("1 mark" in o.summary() and "never saved" in o.summary() for o in shown)
    assert len(previews) == 2  # the pain is kept: pictures are cheap
    # The newest comes back here, the other in a window of its own; both autosaved anew.
    [other] = win.files.others
    qtbot.addWidget(other)
    notes = {win.document.note, other.document.note}
    assert notes == {"first", "second"}
    assert win.isWindowModified() and other.isWindowModified()
    assert win.autosaver.path.exists() and other.autosaver.path.exists()
    assert recovery.find(anatomy) == ([], [])
    for w in (win, other):
        w.undo_stack.setClean()
        w.close()


def test_f02_an_unreadable_newest_orphan_is_set_aside_and_the_rest_offered(
    qtbot, anatomy, matcher, errors, answers
) -> None:  # type: ignore[no-untyped-def]
    case = CASES / "F02-unreadable-newest-orphan"
    newer = (case / "newest-version4.bodymap.json").read_bytes()
    valid = (case / "older-valid.bodymap.json").read_bytes()
    lost_region = valid.replace(b"back.left.outer_hip", b"back.left.gone_region")
    _orphan("autosave-1-aaaa.bodymap.json", valid, 1_700_000_000)
    _orphan("autosave-2-bbbb.bodymap.json", newer, 1_700_000_300)
    _orphan("autosave-3-cccc.bodymap.json", lost_region, 1_700_000_200)
    answers["choice"] = dialogs.KEEP  # not now
    win = _window(qtbot, anatomy, matcher)
    win.startup(None)
    [(shown, aside, _)] = answers["shown"]
    assert [o.path.name for o in shown] == ["autosave-1-aaaa.bodymap.json"]
    assert len(aside) == 2 and all("\n" not in line for line in aside)
    assert any("version 4" in line for line in aside)
    assert any("gone_region" in line for line in aside)
    unreadable = autosave_dir() / recovery.UNREADABLE
    assert (unreadable / "autosave-2-bbbb.bodymap.json").read_bytes() == newer  # never deleted
    assert (unreadable / "autosave-3-cccc.bodymap.json").read_bytes() == lost_region
    reason = (unreadable / "autosave-2-bbbb.bodymap.json.reason.txt").read_text(encoding="utf-8")
    assert "newer than this app reads" in reason
    assert (autosave_dir() / "autosave-1-aaaa.bodymap.json").read_bytes() == valid  # kept
    # Kept for later: offered again at the next start, and now restored.
    answers["choice"] = dialogs.RESTORE
    again = _window(qtbot, anatomy, matcher)
    again.startup(None)
    assert [o.path.name for o in answers["shown"][1][0]] == ["autosave-1-aaaa.bodymap.json"]
    assert again.document.drawing.pain.region_marked("back.left.outer_hip")
    assert not (autosave_dir() / "autosave-1-aaaa.bodymap.json").exists()
    for w in (win, again):
        w.undo_stack.setClean()
        w.close()


def test_f13_a_dangling_link_does_not_stop_recovery_or_start_up(
    qtbot, anatomy, matcher, errors, answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    session = CASES / "F13-dangling-symlink-orphan" / "session.bodymap.json"
    link = autosave_dir() / "autosave-9-dead.bodymap.json"
    link.symlink_to(tmp_path / "gone.bodymap.json")
    _orphan("autosave-1-aaaa.bodymap.json", session.read_bytes(), 1_700_000_000)
    answers["choice"] = dialogs.DISCARD  # explicitly
    opened = tmp_path / "given.bodymap.json"
    shutil.copy(session, opened)
    win = _window(qtbot, anatomy, matcher)
    win.startup(str(opened))  # the session given on the command line still opens
    assert errors == []
    [(shown, aside, _)] = answers["shown"]
    assert len(shown) == 1 and len(aside) == 1 and "a link" in aside[0]
    assert os.path.islink(autosave_dir() / recovery.UNREADABLE / link.name)
    assert not (autosave_dir() / "autosave-1-aaaa.bodymap.json").exists()  # discarded
    assert win.document.path == opened and len(win.document.marks) == 3
    win.close()


def test_recovered_work_comes_back_tied_to_its_file(
    qtbot, anatomy, matcher, errors, answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    diary = tmp_path / "my diary.bodymap.json"
    first = _window(qtbot, anatomy, matcher)
    first.toggle_region("back.left.outer_hip")
    assert first.files.save_to(diary)
    first.toggle_region("front.left.groin")  # unsaved, then the crash
    orphan = first.autosaver.save_now()
    assert orphan is not None and read_source(orphan) == diary
    _crash(first)
    win = _window(qtbot, anatomy, matcher)
    win.startup(None)
    assert win.document.path == diary
    assert "my diary.bodymap.json" in win.windowTitle() and win.isWindowModified()
    assert "from my diary.bodymap.json" in answers["shown"][0][0][0].summary()
    assert win.files.save()  # saves to the file it came from, without asking where
    assert len(load_session(diary, anatomy).marks) == 2
    win.close()


def _unusable(folder: Path, how: str, tmp_path: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    if how == "file":
        folder.write_text("not a folder")
    else:
        folder.symlink_to(tmp_path / "nowhere")


@pytest.mark.parametrize("how", ["file", "dangling link"])
def test_f04_an_unusable_autosave_folder_falls_back_then_says_so(
    qtbot, anatomy, matcher, errors, answers, tmp_path: Path, how: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    first, fallback = autosave_dirs()
    _unusable(first, how, tmp_path)
    win = _window(qtbot, anatomy, matcher)  # attach() finishes
    win.startup(None)
    assert win.is_attached() and win.document is not None
    win.toggle_region("back.left.outer_hip")
    assert win.document.drawing.pain.region_marked("back.left.outer_hip")
    saved = win.autosaver.save_now()
    assert saved is not None and saved.parent == fallback
    banner = win.statusBar().findChild(type(win.tool_label), "autosave_warning")
    assert banner is not None and banner.isHidden()
    # The fallback goes too: nothing can protect the work, and the window says so.
    _unusable(fallback, how, tmp_path)
    assert win.autosaver.save_now() is None
    assert not banner.isHidden() and "Not autosaved" in banner.text()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda p, n: asked.append(n) or "cancel")
    win.close()
    assert asked and win.isVisible(), "closing asks before discarding"
    win.undo_stack.setClean()
    win.close()


def test_f04_a_crash_while_falling_back_is_recovered(
    qtbot, anatomy, matcher, errors, answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first, fallback = autosave_dirs()
    _unusable(first, "file", tmp_path)
    crashed = _window(qtbot, anatomy, matcher)
    crashed.toggle_region("front.left.groin")
    assert crashed.autosaver.save_now().parent == fallback  # type: ignore[union-attr]
    _crash(crashed)
    win = _window(qtbot, anatomy, matcher)
    win.startup(None)
    assert win.document.drawing.pain.region_marked("front.left.groin")
    win.undo_stack.setClean()
    win.close()


def test_f14_a_full_disk_is_shown_in_the_window_and_the_last_autosave_kept(
    qtbot, anatomy, matcher, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, anatomy, matcher)
    win.toggle_region("back.left.outer_hip")
    path = win.autosaver.save_now()
    assert path is not None
    before = path.read_bytes()
    real_write = os.write

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    win.toggle_region("front.left.groin")
    assert win.autosaver.save_now() is None
    banner = win.statusBar().findChild(type(win.tool_label), "autosave_warning")
    assert not banner.isHidden() and "the disk is full" in banner.text()
    assert "\n" not in banner.text()
    assert path.read_bytes() == before  # the last good autosave is intact
    monkeypatch.setattr(atomic.os, "write", real_write)  # space again
    assert win.autosaver.save_now() is not None
    assert banner.isHidden()
    win.undo_stack.setClean()
    win.close()


def test_temporaries_of_a_killed_save_are_removed_at_start(
    qtbot, anatomy, matcher, errors, answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dead = autosave_dir() / ".autosave-99999-dead.bodymap.json.k1ll3d_x.tmp"
    dead.write_bytes(b"half an autosave")
    diary = tmp_path / "diary.bodymap.json"
    first = _window(qtbot, anatomy, matcher)
    first.toggle_region("back.left.outer_hip")
    assert first.files.save_to(diary)  # now a recent file
    first.close()
    killed = tmp_path / ".diary.bodymap.json.k1ll3d_y.tmp"
    killed.write_bytes(b"half a session")
    stale = killed.stat().st_mtime - atomic.STALE_TEMP_S - 60
    os.utime(killed, (stale, stale))
    win = _window(qtbot, anatomy, matcher)
    assert not dead.exists()  # its instance is gone
    win.startup(None)
    assert not killed.exists() and diary.exists()
    win.close()


def test_f09_saving_through_a_link_in_the_window_says_where_it_went(
    qtbot, anatomy, matcher, errors, answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "shared" / "diary.bodymap.json"
    real.parent.mkdir()
    shutil.copy(CASES / "F09-symlink-and-special-files" / "session.bodymap.json", real)
    link = tmp_path / "link.bodymap.json"
    link.symlink_to(real)
    win = _window(qtbot, anatomy, matcher)
    assert win.files.open_path(link, ask=False)
    win.toggle_region("front.left.groin")
    assert win.files.save()
    assert link.is_symlink()
    assert len(load_session(real, anatomy).marks) == len(load_session(link, anatomy).marks) == 4
    message = win.statusBar().currentMessage()
    assert "link.bodymap.json" in message and str(real) in message
    win.close()
