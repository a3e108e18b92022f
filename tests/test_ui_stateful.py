"""A stateful property test over the real window: paint, erase, undo, redo, save, load,
autosave and a simulated crash followed by recovery, with faults injected: a second instance
(alive, then crashing with the first), an autosave folder that becomes unusable (a file where
the folder was) and comes back, a full disk, and a damaged orphan.

After any sequence: what was saved loads back equal, opening it shows exactly that, the
session recovered after a crash is the one the last successful autosave wrote (never older),
every orphan of a dead instance is offered at each start, none disappears unless the user
discarded it, a damaged one is set aside byte for byte, and the window says so whenever its
work is not being autosaved.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from PySide6 import QtWidgets

from bodymap.core.marks import Mark
from bodymap.io import atomic
from bodymap.io.session_file import load_session
from bodymap.ui import dialogs, recovery
from bodymap.ui.autosave import autosave_dirs
from bodymap.ui.body_view import Tool
from tests.ui_helpers import click, drag, line_inside

REGIONS = ["back.left.outer_hip", "back.right.low_back", "front.left.groin", "front.right.knee"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_edit_save_load_crash_recover(anatomy, matcher, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, m: None)
    monkeypatch.setattr(dialogs, "show_safety", lambda p, s: None)
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda p, n: "discard")
    real_write = os.write
    policy: dict = {}  # how the recovery dialog answers; what it was shown

    def ask_recovery(parent, orphans, aside, previews):  # type: ignore[no-untyped-def]
        policy["offered"] = {o.path: tuple(o.session.marks) for o in orphans}
        policy["aside"] = list(aside)
        others = dialogs.KEEP if policy["keep_others"] else dialogs.DISCARD
        return {o.path: dialogs.RESTORE if o.path == policy["ours"] else others for o in orphans}

    monkeypatch.setattr(dialogs, "ask_recovery", ask_recovery)

    def show_info(parent, title, message):  # type: ignore[no-untyped-def]
        policy["aside"] += message.splitlines()  # set aside, no readable orphan to offer

    monkeypatch.setattr(dialogs, "show_info", show_info)

    def full_disk(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    class Session(RuleBasedStateMachine):
        """The model: the undo history of mark tuples, the clean index, the last save and
        the last autosave."""

        @initialize()
        def open_window(self) -> None:
            self.folder = Path(tempfile.mkdtemp())
            self.window = self._new_window()
            self.history: list[tuple[Mark, ...]] = [()]
            self.index = 0
            self.clean_index: int | None = 0
            self.saved: tuple[Path, tuple[Mark, ...]] | None = None
            self.autosaved: tuple[Mark, ...] | None = None
            self.second: MainWindow | None = None  # another running instance
            self.orphans: dict[Path, tuple[Mark, ...] | None] = {}  # kept; None: any content
            self.damaged: list[tuple[Path, bytes]] = []
            self.full = False
            self.away = False  # the main autosave folder replaced by a file

        def _new_window(self) -> MainWindow:
            window = MainWindow(anatomy, matcher)
            window.resize(1200, 800)
            window.show()
            return window

        @property
        def primary(self) -> Path:
            return autosave_dirs()[0]

        def _edited(self) -> None:
            marks = self.window.document.marks
            if marks == self.history[self.index]:
                return  # the gesture made no mark (e.g. it fell outside the body)
            del self.history[self.index + 1 :]
            if self.clean_index is not None and self.clean_index > self.index:
                self.clean_index = None  # the saved state can no longer be reached by redo
            self.history.append(marks)
            self.index += 1

        def _moved(self) -> None:
            if self.index == self.clean_index:
                self.autosaved = None  # back at the saved state: nothing to recover

        @rule(region=st.sampled_from(REGIONS))
        def click_region(self, region: str) -> None:
            self.window.set_tool(Tool.REGION)
            point = anatomy.regions[region].polygon.representative_point()
            click(self.window, anatomy.regions[region].view, point.x, point.y)
            self._edited()

        @rule(region=st.sampled_from(REGIONS), erase=st.booleans())
        def stroke(self, region: str, erase: bool) -> None:
            self.window.set_tool(Tool.ERASER if erase else Tool.BRUSH)
            polygon = anatomy.regions[region].polygon
            drag(self.window, anatomy.regions[region].view, line_inside(polygon, step=6))
            self._edited()

        @rule()
        def undo(self) -> None:
            self.window.action_set.undo.trigger()
            if self.index > 0:
                self.index -= 1
                self._moved()

        @rule()
        def redo(self) -> None:
            self.window.action_set.redo.trigger()
            if self.index < len(self.history) - 1:
                self.index += 1
                self._moved()

        @rule()
        def autosave_timer_fires(self) -> None:
            if self.window.autosaver.is_pending():
                written = self.window.autosaver.save_now()
                assert (written is None) == self.full
                if written is not None:
                    self.autosaved = self.history[self.index]

        # -- faults ------------------------------------------------------------------------

        @rule()
        def disk_fills_or_frees(self) -> None:
            self.full = not self.full
            monkeypatch.setattr(atomic.os, "write", full_disk if self.full else real_write)

        @rule()
        def autosave_folder_goes_or_comes_back(self) -> None:
            away = self.primary.with_name("autosave.away")
            if self.away:
                self.primary.unlink()
                away.rename(self.primary)
            else:
                self.primary.mkdir(parents=True, exist_ok=True)
                self.primary.rename(away)
                self.primary.write_text("a file where the folder was")
            self.away = not self.away

        @rule(region=st.sampled_from(REGIONS))
        def second_instance_edits(self, region: str) -> None:
            if self.second is None:
                self.second = self._new_window()
            self.second.toggle_region(region)
            self.second.autosaver.save_now()

        @rule()
        def damaged_orphan_appears(self) -> None:
            if self.away:
                return
            path = self.primary / f"autosave-1-damaged{len(self.damaged)}.bodymap.json"
            data = b'{"format": "bodymap-session", "version": 2, "marks": [{"ty'
            path.write_bytes(data)
            self.damaged.append((path, data))

        @rule()
        def second_instance_crashes_too(self) -> None:
            if self.second is not None:
                second, self.second = self.second, None
                if second.autosaver._lock is not None and second.autosaver.path.exists():
                    self.orphans[second.autosaver.path] = None
                self._kill(second)

        def _kill(self, window: MainWindow) -> None:
            """The process of ``window`` dies: no more writes, its locks go stale."""
            window.autosaver._timer.stop()
            if window.autosaver._lock is not None:
                window.autosaver._lock.unlock()
            window.autosaver._lock = None
            token = window.autosaver._token
            for folder in autosave_dirs():  # a lock it left where a move took it
                if folder.is_dir():
                    for stale in folder.glob(f"*{token}*.lock"):
                        stale.unlink()
            window.autosaver.path = Path(os.devnull + ".unused")
            window.hide()
            window.undo_stack.setClean()
            window.deleteLater()

        @rule()
        def save(self) -> None:
            path = self.folder / "diary.bodymap.json"
            if self.full:
                assert not self.window.files.save_to(path)  # said so, nothing changes
                return
            assert self.window.files.save_to(path)
            marks = self.history[self.index]
            assert load_session(path, anatomy).marks == list(marks)
            self.saved = (path, marks)
            self.clean_index = self.index
            self.autosaved = None

        @rule()
        def open_saved(self) -> None:
            if self.saved is None:
                return
            path, marks = self.saved
            assert self.window.files.open_path(path, ask=False)
            assert self.window.document.marks == marks
            self.history, self.index, self.clean_index = [marks], 0, 0
            self.autosaved = None

        @rule(keep_others=st.booleans(), both=st.booleans())
        def crash_and_restart(self, keep_others: bool, both: bool) -> None:
            if both:  # a logout or a power cut ends both instances
                self.second_instance_crashes_too()
            old = self.window
            ours = old.autosaver.path if old.autosaver._lock is not None else None
            if self.away:  # the folder is back for the next start
                self.autosave_folder_goes_or_comes_back()
            if ours is not None and ours.exists() and self.autosaved is None:
                self.orphans[ours] = None  # an older copy a move left behind
            mine = {p for p in self.primary.glob(f"*{old.autosaver._token}*.bodymap.json")}
            self._kill(old)
            self.orphans.update({p: None for p in mine if p != ours and p not in self.orphans})
            policy.update(ours=ours, keep_others=keep_others, offered={}, aside=[])
            self.window = self._new_window()
            restored = self.window.files.offer_recovery()
            expected = self.autosaved if self.autosaved is not None else ()
            assert restored == (self.autosaved is not None)
            assert self.window.document.marks == expected
            # Every kept orphan was offered (and nothing of a running instance) ...
            offered = policy["offered"]
            assert set(self.orphans) <= set(offered)
            if self.second is not None:
                assert self.second.autosaver.path not in offered
            if restored:
                assert offered[ours] == expected
            # ... and is still there when kept, gone only when discarded.
            for path in list(self.orphans):
                assert path.exists() == keep_others
                if not keep_others:
                    del self.orphans[path]
            if restored and self.full:  # not autosaved anew: the orphan stays on disk
                assert ours is not None and ours.exists()
                self.orphans[ours] = expected
            elif restored:  # this window's autosave holds it now
                assert not self.window.autosaver.is_pending()
            # A damaged orphan is set aside byte for byte, never offered, never deleted.
            for path, data in self.damaged:
                assert path not in offered
                assert (path.parent / recovery.UNREADABLE / path.name).read_bytes() == data
            assert len(policy["aside"]) == len(self.damaged)
            self.damaged = []
            self.history, self.index = [expected], 0
            self.clean_index = None if restored else 0
            self.autosaved = expected if restored and not self.full else None

        @invariant()
        def window_says_when_work_is_not_protected(self) -> None:
            if hasattr(self, "window"):
                banner = self.window.statusBar().findChild(QtWidgets.QLabel, "autosave_warning")
                assert banner.isVisible() == (self.window.autosaver.problem is not None)
                if self.full and self.window.autosaver.problem is not None:
                    assert "disk is full" in banner.toolTip()  # every reason; the text the first

        @invariant()
        def window_shows_the_model(self) -> None:
            if hasattr(self, "window"):
                assert self.window.document.marks == self.history[self.index]
                # The window's (incrementally updated) ranking is the ranking from scratch.
                fresh = matcher.match(self.window.document.drawing.pain.geometries())
                shown = self.window.result
                assert [(m.muscle, m.side) for m in shown.matches] == [
                    (m.muscle, m.side) for m in fresh.matches
                ]
                for a, b in zip(shown.matches, fresh.matches, strict=True):
                    assert a.score == pytest.approx(b.score, abs=1e-6)
                assert shown.unexplained == pytest.approx(fresh.unexplained, abs=1e-6)

        def teardown(self) -> None:
            monkeypatch.setattr(atomic.os, "write", real_write)
            if hasattr(self, "window"):
                if self.away:
                    self.autosave_folder_goes_or_comes_back()
                for window in (self.window, self.second):
                    if window is not None:
                        window.undo_stack.setClean()
                        window.close()
                        window.deleteLater()
                shutil.rmtree(self.folder, ignore_errors=True)
                for folder in autosave_dirs():  # the next example starts with none
                    shutil.rmtree(folder, ignore_errors=True)

    # Derandomized: the same 30 examples every run, so CI cannot fail by chance. The rare
    # random example once seen failing was work autosaved, the folder made unusable, the
    # work saved or undone to the saved state (its autosave discarded but out of reach),
    # the folder back, then a crash: the stale autosave was offered and restored. Fixed in
    # ui/autosave.py and ui/recovery.py; kept as tests/test_recovery_discarded.py.
    Session.TestCase.settings = settings(
        derandomize=True,
        max_examples=30,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    Session.TestCase().runTest()
