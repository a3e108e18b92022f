"""Reading a diary folder off the window's thread.

Listing a diary is quick (its index, and only the date and score of entries the index does
not know); measuring an entry (pain extent, regions touched, ranking) takes about 30 ms,
so a diary whose index was deleted, or made by another computer, takes half a minute per
thousand entries. A :class:`DiaryLoader` does both in a worker thread: the listing comes
first (``listed``: the timeline shows every date and score at once), then the measures by
small batches (``measured``), each kept in the index at once, so Cancel, closing the window
or a new request loses nothing already measured and the next reading carries on.

The worker uses its own copy of the anatomy and its own matcher: shapely's prepared
geometries must not be shared between threads. While the person draws (``pause`` until
``resume``) it waits between entries: its Python work would otherwise compete with the
window's for the interpreter and slow the end of a stroke.
"""

from __future__ import annotations

import pickle
import queue
import threading
from pathlib import Path

from PySide6 import QtCore

from bodymap.core.anatomy import Anatomy
from bodymap.core.diary import EntrySummary, Summarizer
from bodymap.io.errors import BodyMapError

POLL_MS = 40
RESUME_MS = 400  # after the last stroke ends, before measuring goes on
BATCH = 25  # entries measured between two updates of the timeline (~1 s)


class _Job:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cancel = threading.Event()
        self.total = 0  # entries to measure
        self.done = 0


class DiaryLoader(QtCore.QObject):
    """Lists and measures diary folders in a worker thread, one request at a time (a new
    request cancels the one running). Signals come on the window's thread."""

    listed = QtCore.Signal(object)  # list[EntrySummary], every entry, some not measured yet
    measured = QtCore.Signal(object)  # list[EntrySummary] just measured (and kept)
    progressed = QtCore.Signal(int, int)  # entries measured, entries to measure
    failed = QtCore.Signal(str)  # one line: the folder itself cannot be read
    finished = QtCore.Signal(bool)  # True when every entry is measured, False if cancelled

    def __init__(self, anatomy: Anatomy, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._anatomy = anatomy
        self._worker_anatomy: Anatomy | None = None  # the worker's copy, made in the worker
        self._summarizer: Summarizer | None = None
        self._lock = threading.Lock()  # one job at a time owns the worker's anatomy
        self._out: queue.SimpleQueue[tuple[_Job, str, object]] = queue.SimpleQueue()
        self._job: _Job | None = None
        self._drawing = threading.Event()  # set while the person draws: measuring waits
        self._resume = QtCore.QTimer(self)
        self._resume.setSingleShot(True)
        self._resume.setInterval(RESUME_MS)
        self._resume.timeout.connect(self._drawing.clear)
        self._threads: list[threading.Thread] = []
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QtCore.QCoreApplication.instance()
        if app is not None:  # quitting stops measuring at the next entry (all kept so far)
            app.aboutToQuit.connect(self.cancel)

    def load(self, folder: Path) -> None:
        """List and measure ``folder``; the request running, if any, is cancelled."""
        self.cancel()
        job = self._job = _Job(folder)
        blob = pickle.dumps(self._anatomy) if self._worker_anatomy is None else b""
        thread = threading.Thread(target=self._run, args=(job, blob), daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        self._timer.start()

    def cancel(self) -> None:
        """Stop measuring (what is measured is kept); the listing, if sent, stands."""
        if self._job is not None:
            self._job.cancel.set()

    def pause(self) -> None:
        """The person started drawing: no new entry is measured until :meth:`resume`."""
        self._resume.stop()
        self._drawing.set()

    def resume(self) -> None:
        """The stroke ended: measuring goes on a little later (the stroke's end first)."""
        self._resume.start()

    def paused(self) -> bool:
        return self._drawing.is_set()

    def busy(self) -> bool:
        return self._timer.isActive()

    def progress(self) -> tuple[int, int]:
        """Entries measured and entries to measure by the request running (0, 0 if none)."""
        return (self._job.done, self._job.total) if self._job and self.busy() else (0, 0)

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until every request has ended and its signals are sent (tests, the
        benchmark and closing the window); False if ``timeout`` seconds were not enough.
        Measuring is resumed first: a worker held by a stroke that just ended would otherwise
        wait for the window's timer while the window waits for it."""
        self._resume.stop()
        self._drawing.clear()
        for thread in list(self._threads):
            thread.join(timeout)
            if thread.is_alive():
                return False
        self._on_timer_timeout()
        return True

    # -- the worker thread -----------------------------------------------------------------

    def _run(self, job: _Job, blob: bytes) -> None:
        from bodymap.io.diary_files import list_diary, measure_entries

        put = self._out.put
        try:
            with self._lock:
                if job.cancel.is_set():
                    put((job, "finished", False))
                    return
                if self._worker_anatomy is None:
                    self._worker_anatomy = pickle.loads(blob)  # our own bytes, just made
                anatomy = self._worker_anatomy
                try:
                    entries = list_diary(job.folder, anatomy)
                except BodyMapError as exc:
                    put((job, "failed", str(exc)))
                    return
                job.total = sum(1 for e in entries if not e.measured)
                put((job, "listed", entries))
                if job.total:
                    if self._summarizer is None:
                        self._summarizer = Summarizer(anatomy)

                    def batch(done: list[EntrySummary]) -> None:
                        job.done += len(done)
                        put((job, "measured", done))

                    def stop() -> bool:  # asked between entries
                        while self._drawing.is_set() and not job.cancel.is_set():
                            job.cancel.wait(0.05)
                        return job.cancel.is_set()

                    measure_entries(job.folder, anatomy, entries, self._summarizer, stop,
                                    batch, BATCH)  # fmt: skip
                put((job, "finished", job.done >= job.total))
        except BaseException as exc:  # raised again on the window's thread
            put((job, "error", exc))

    # -- back on the window's thread -------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        while True:
            try:
                job, kind, payload = self._out.get_nowait()
            except queue.Empty:
                break
            if kind == "error":
                self._stop_if_idle()
                raise payload  # type: ignore[misc]  # a bug: the app's handler reports it
            if job is not self._job:
                continue  # an older request's
            if kind == "listed":
                self.listed.emit(payload)
                self.progressed.emit(0, job.total)
            elif kind == "measured":
                self.measured.emit(payload)
                self.progressed.emit(job.done, job.total)
            elif kind == "failed":
                self.failed.emit(payload)
                self._job = None
            elif kind == "finished":
                self._job = None
                self.finished.emit(bool(payload))
        self._stop_if_idle()

    def _stop_if_idle(self) -> None:
        if not any(t.is_alive() for t in self._threads) and self._out.empty():
            self._timer.stop()
