"""The stateful test's rare failing example, kept as plain tests: work autosaved, then the
autosave folder became unusable, then the work was saved (or undone back to the saved
state) so its autosave was discarded but could not be removed; the folder came back and the
app crashed. The next start offered (and restored) work that had already been saved.

Root cause: ``Autosaver.discard_file`` ignored a failed removal. Now the window removes the
file as soon as its folder is back, and meanwhile leaves a tombstone the next start honours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bodymap.ui import dialogs
from bodymap.ui.autosave import TOMBSTONE, autosave_dirs
from tests.test_field_cases_recovery import _crash, _no_window_left, answers  # noqa: F401
from tests.ui_helpers import new_window

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
REGION = "back.left.outer_hip"


def _folder_goes() -> tuple[Path, Path]:
    """The autosave folder replaced by a file (as the stateful test does); its contents kept
    aside, to come back."""
    primary = autosave_dirs()[0]
    away = primary.with_name("autosave.away")
    primary.rename(away)
    primary.write_text("a file where the folder was")
    return primary, away


def _folder_comes_back(primary: Path, away: Path) -> None:
    primary.unlink()
    away.rename(primary)


def _autosaved_then_discarded_while_away(win, how: str, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    if how == "undo":  # the saved state is reached again by undo
        assert win.files.save_to(tmp_path / "saved.bodymap.json")
        win.toggle_region(REGION)
    else:
        win.toggle_region(REGION)
    stale = win.autosaver.save_now()
    assert stale is not None and stale.parent == autosave_dirs()[0]
    primary, away = _folder_goes()
    if how == "save":
        assert win.files.save_to(tmp_path / "saved.bodymap.json")
    else:
        win.undo_stack.undo()
        assert win.undo_stack.isClean()
    _folder_comes_back(primary, away)
    assert stale.exists()  # out of reach when it was discarded: back with its folder
    return stale


@pytest.mark.parametrize("how", ["save", "undo"])
def test_saved_work_is_not_offered(qtbot, anatomy, matcher, errors, answers, tmp_path, how):  # type: ignore[no-untyped-def]  # noqa: F811
    win = new_window(qtbot, anatomy, matcher)
    stale = _autosaved_then_discarded_while_away(win, how, tmp_path)
    _crash(win)
    nxt = new_window(qtbot, anatomy, matcher)
    assert not nxt.files.offer_recovery()
    assert answers["shown"] == []  # nothing offered: that work is in the saved file
    assert nxt.document.marks == ()
    assert not stale.exists()  # removed, and its tombstone with it
    assert not [p for f in autosave_dirs() if f.is_dir() for p in f.glob(f"*{TOMBSTONE}")]


def test_the_window_removes_its_discarded_autosave_once_the_folder_is_back(
    qtbot, anatomy, matcher, errors, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    win = new_window(qtbot, anatomy, matcher)
    stale = _autosaved_then_discarded_while_away(win, "save", tmp_path)
    win.toggle_region("back.tailbone")  # new work: the next autosave clears the old one
    written = win.autosaver.save_now()
    assert written is not None and written.exists() and written.read_bytes()
    assert not stale.exists() or stale == written
    assert not [p for f in autosave_dirs() if f.is_dir() for p in f.glob(f"*{TOMBSTONE}")]


def test_newer_work_is_offered(qtbot, anatomy, matcher, errors, answers, tmp_path):  # type: ignore[no-untyped-def]  # noqa: F811
    win = new_window(qtbot, anatomy, matcher)
    win.toggle_region(REGION)
    stale = win.autosaver.save_now()
    primary, away = _folder_goes()
    assert win.files.save_to(tmp_path / "saved.bodymap.json")  # discarded, out of reach
    win.toggle_region("back.tailbone")  # then more work, autosaved elsewhere
    newer = win.autosaver.save_now()
    assert newer is not None and newer.parent != primary
    _folder_comes_back(primary, away)
    _crash(win)
    for lock in primary.glob(f"*{win.autosaver._token}*.lock"):
        lock.unlink()  # the lock its move left: stale once the process is dead (same here)
    answers["choice"] = dialogs.RESTORE
    nxt = new_window(qtbot, anatomy, matcher)
    assert nxt.files.offer_recovery()
    offered = [o.path for o in answers["shown"][0][0]]
    assert offered == [newer]  # the newer work, never the stale copy
    assert nxt.document.drawing.region_marked("back.tailbone")
    assert stale is not None and not stale.exists()
