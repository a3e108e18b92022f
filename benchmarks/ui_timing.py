"""In-process timings of the real window, driven by hand-built mouse events on the viewport.

Every sample waits for a Paint event of the body map's viewport (seen by an event filter), so a
figure always ends with pixels on screen; samples that never painted are counted, not timed.
Waiting uses ``sendPostedEvents`` only: the chain from an item's ``update()`` to the viewport's
paint is made of posted events, so timers (live matching, autosave) do not run inside a timed
window. They run between samples, while the benchmark idles at the pace of a real mouse; how
late that makes the next event is reported as well ("arrival to ink").
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.anatomy import Anatomy
from bodymap.io.regions_file import load_regions
from bodymap.ui import dialogs
from bodymap.ui.app import application
from bodymap.ui.body_view import Tool
from bodymap.ui.editor import LIVE_MATCH_MS
from bodymap.ui.main_window import MainWindow

LEFT = QtCore.Qt.MouseButton.LeftButton
NONE = QtCore.Qt.MouseButton.NoButton
WINDOW_SIZE = (1400, 900)
PAINT_TIMEOUT = 1.0  # s; a sample with no paint by then counts as missing
MOUSE_INTERVAL = 0.008  # s between mouse moves: a 125 Hz mouse


class PaintCounter(QtCore.QObject):
    """Counts Paint events reaching one widget."""

    def __init__(self, widget: QtWidgets.QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            self.count += 1
        return False


@dataclass
class Bench:
    window: MainWindow
    paints: PaintCounter
    notes: list[str] = field(default_factory=list)

    @property
    def viewport(self) -> QtWidgets.QWidget:
        return self.window.view.viewport()

    def send(self, kind: QtCore.QEvent.Type, scene_pt: QtCore.QPointF, button, buttons) -> None:  # type: ignore[no-untyped-def]
        view = self.window.view
        pos = QtCore.QPointF(view.mapFromScene(scene_pt))
        event = QtGui.QMouseEvent(
            kind, pos, QtCore.QPointF(self.viewport.mapToGlobal(pos)), button, buttons,
            QtCore.Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QtWidgets.QApplication.sendEvent(self.viewport, event)

    def wait_paint(self, before: int, timeout: float = PAINT_TIMEOUT) -> float | None:
        """Deliver posted events until the viewport has painted since ``before``; the time
        (perf_counter) when it had, or None if it never did."""
        deadline = time.perf_counter() + timeout
        while self.paints.count == before:
            QtCore.QCoreApplication.sendPostedEvents()
            if time.perf_counter() > deadline:
                return None
        return time.perf_counter()

    def settle(self, seconds: float = 0.05) -> None:
        """Run the event loop (timers included) until a full repaint has happened and then a
        little longer, so pending work does not leak into the next measurement."""
        before = self.paints.count
        self.viewport.update()
        deadline = time.perf_counter() + 5.0
        while self.paints.count == before and time.perf_counter() < deadline:
            QtWidgets.QApplication.processEvents()
        idle_until = time.perf_counter() + seconds
        while time.perf_counter() < idle_until:
            QtWidgets.QApplication.processEvents()

    def close(self) -> None:
        self.window.undo_stack.setClean()
        self.window.close()
        self.window.deleteLater()
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete.value)
        QtWidgets.QApplication.processEvents()


_anatomies: dict[Path, Anatomy] = {}


def quiet_dialogs(record: list[str]) -> None:
    """Modal dialogs would block an offscreen run: record what they would have said."""
    dialogs.show_error = lambda parent, title, message: record.append(f"error: {message}")  # type: ignore[assignment]
    dialogs.show_info = lambda parent, title, message: record.append(f"info: {message}")  # type: ignore[assignment]
    dialogs.ask_unsaved = lambda parent, name: "discard"  # type: ignore[assignment]
    dialogs.ask_restore = lambda parent, when: False  # type: ignore[assignment]


def anatomy_of(regions: Path) -> Anatomy:
    if regions not in _anatomies:
        _anatomies[regions] = load_regions(regions)
    return _anatomies[regions]


def open_window(regions: Path, session: Path | None) -> Bench:
    """The main window at 1400 x 900, shown, with ``session`` opened as File > Open does."""
    application()
    notes: list[str] = []
    quiet_dialogs(notes)
    window = MainWindow(anatomy_of(regions))
    window.resize(*WINDOW_SIZE)
    window.show()
    bench = Bench(window, PaintCounter(window.view.viewport()), notes)
    bench.settle()
    if session is not None and not window.files.open_path(session, ask=False):
        raise RuntimeError(f"could not open {session}: {notes}")
    bench.settle()
    return bench


def _wander(rng: random.Random, count: int, step: float) -> list[tuple[float, float]]:
    """A smooth wandering path of ``count`` points ``step`` SVG units apart, over the back."""
    x, y = rng.uniform(140, 260), rng.uniform(300, 480)
    heading = rng.uniform(0, 2 * math.pi)
    points: list[tuple[float, float]] = []
    while len(points) < count:
        heading += rng.uniform(-0.3, 0.3)
        nx, ny = x + step * math.cos(heading), y + step * math.sin(heading)
        if not (90 < nx < 310 and 120 < ny < 640):
            heading += math.pi / 2  # turn away from the edge of the body
            continue
        x, y = nx, ny
        points.append((x, y))
    return points


@dataclass
class InkResult:
    latencies: list[float]  # s, move delivered -> viewport painted
    arrival: list[float]  # s, when the move was due (125 Hz) -> painted
    missing: int  # moves after which the viewport never painted


def ink_latency(bench: Bench, samples: int, seed: int = 11) -> InkResult:
    """Hold the brush down and move it ``samples`` times at 125 Hz over the back view."""
    window = bench.window
    window.set_tool(Tool.BRUSH)
    rng = random.Random(seed)
    pts = [window.scene.to_scene("back", x, y) for x, y in _wander(rng, samples + 1, 3.0)]
    bench.send(QtCore.QEvent.Type.MouseButtonPress, pts[0], LEFT, LEFT)
    latencies: list[float] = []
    arrival: list[float] = []
    missing = 0
    try:
        bench.settle()
        due = time.perf_counter()
        for pt in pts[1:]:
            due += MOUSE_INTERVAL
            while time.perf_counter() < due:
                QtWidgets.QApplication.processEvents()  # idle: timers run here
            before = bench.paints.count
            t0 = time.perf_counter()
            bench.send(QtCore.QEvent.Type.MouseMove, pt, NONE, LEFT)
            t1 = bench.wait_paint(before)
            if t1 is None:
                missing += 1
                continue
            latencies.append(t1 - t0)
            arrival.append(t1 - min(due, t0))
            due = max(due, t1 - MOUSE_INTERVAL / 2)  # a late event is not followed by a burst
    finally:
        bench.send(QtCore.QEvent.Type.MouseButtonRelease, pts[-1], LEFT, NONE)
        bench.settle()
    return InkResult(latencies, arrival, missing)


@dataclass
class StrokeEndResult:
    totals: list[float]  # s, release delivered -> viewport painted with the new ranking
    handled: list[float]  # s, release delivered -> release handled (list already updated)
    points: list[int]  # points of each committed stroke
    not_updated: int  # samples where the ranked list did not change
    missing_paint: int
    rows: list[int]  # rows in the ranked list after each sample


def stroke_end(
    bench: Bench, samples: int, points: int, keep_state: bool, seed: int = 5
) -> StrokeEndResult:
    """Draw ``samples`` strokes of about ``points`` points; time each release until the
    ranked list and zone highlights are shown. With ``keep_state`` each stroke is undone
    (untimed) so every sample starts from the same canvas."""
    window = bench.window
    window.set_tool(Tool.BRUSH)
    rng = random.Random(seed)
    res = StrokeEndResult([], [], [], 0, 0, [])
    for i in range(samples):
        view = "back" if i % 2 == 0 else "front"
        path = [window.scene.to_scene(view, x, y) for x, y in _wander(rng, points, 1.6)]
        # A real 1,000-point stroke takes seconds, and live matching runs every
        # LIVE_MATCH_MS while it is drawn. Worst case for the release: it comes just before
        # the next tick, the last LIVE_MATCH_MS of moves (at 125 Hz) not yet seen by one.
        tail = max(1, round(LIVE_MATCH_MS / 1000 / MOUSE_INTERVAL))
        bench.send(QtCore.QEvent.Type.MouseButtonPress, path[0], LEFT, LEFT)
        for pt in path[1:-tail]:
            bench.send(QtCore.QEvent.Type.MouseMove, pt, NONE, LEFT)
        bench.settle(LIVE_MATCH_MS / 1000 + 0.02)  # live matching has had its turn
        before_tail = bench.paints.count
        for pt in path[-tail:]:
            bench.send(QtCore.QEvent.Type.MouseMove, pt, NONE, LEFT)
        bench.wait_paint(before_tail)  # the draft is on screen; no timer has run since
        before_result, before_paints = window.result, bench.paints.count
        marks_before = len(window.document.marks)
        t0 = time.perf_counter()
        bench.send(QtCore.QEvent.Type.MouseButtonRelease, path[-1], LEFT, NONE)
        t1 = time.perf_counter()
        t2 = bench.wait_paint(before_paints)
        shown = window.match_list.tree.topLevelItemCount()
        if window.result is before_result or shown != len(window.result.rows()):
            res.not_updated += 1
        if t2 is None:
            res.missing_paint += 1
        else:
            res.totals.append(t2 - t0)
            res.handled.append(t1 - t0)
        res.rows.append(shown)
        marks = window.document.marks
        if len(marks) > marks_before:
            res.points.append(len(getattr(marks[-1], "points", ())))
        if keep_state and len(marks) > marks_before:
            window.undo_stack.undo()
        bench.settle(0.01)
    return res


def time_call(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times
