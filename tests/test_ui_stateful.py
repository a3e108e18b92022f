"""A stateful property test over the real window: paint, erase, undo, redo, save, load,
autosave and a simulated crash followed by recovery.

After any sequence: what was saved loads back equal, opening it shows exactly that, and the
session recovered after a crash is the one the last autosave wrote (never older).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from bodymap.core.marks import Mark
from bodymap.io.session_file import load_session
from bodymap.ui import dialogs
from bodymap.ui.body_view import Tool
from tests.ui_helpers import click, drag, line_inside

REGIONS = ["back.left.outer_hip", "back.right.low_back", "front.left.groin", "front.right.knee"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_edit_save_load_crash_recover(anatomy, matcher, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    for name in ("show_error", "show_info"):
        monkeypatch.setattr(dialogs, name, lambda p, t, m: None)
    monkeypatch.setattr(dialogs, "show_safety", lambda p, s: None)
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda p, n: "discard")
    monkeypatch.setattr(dialogs, "ask_restore", lambda p, when: True)

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

        def _new_window(self) -> MainWindow:
            window = MainWindow(anatomy, matcher)
            window.resize(1200, 800)
            window.show()
            return window

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
                self.window.autosaver.save_now()
                self.autosaved = self.history[self.index]

        @rule()
        def save(self) -> None:
            path = self.folder / "diary.bodymap.json"
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

        @rule()
        def crash_and_restart(self) -> None:
            old = self.window
            old.autosaver._timer.stop()  # the process dies: no more writes...
            old.autosaver._lock.unlock()  # ...and its lock goes stale
            old.hide()
            old.undo_stack.setClean()
            old.deleteLater()
            self.window = self._new_window()
            restored = self.window.files.offer_recovery()
            expected = self.autosaved if self.autosaved is not None else ()
            assert restored == (self.autosaved is not None)
            assert self.window.document.marks == expected
            self.history, self.index = [expected], 0
            self.clean_index = None if restored else 0
            self.autosaved = None

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
            if hasattr(self, "window"):
                self.window.undo_stack.setClean()
                self.window.close()
                self.window.deleteLater()
                shutil.rmtree(self.folder, ignore_errors=True)

    Session.TestCase.settings = settings(
        max_examples=30,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    Session.TestCase().runTest()
