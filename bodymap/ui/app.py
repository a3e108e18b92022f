"""Start the window: ``run_app(session_path, regions_path)`` returns the exit code.

The window's first frame comes before the heavy work: the shell of the main window (menus,
toolbar, docks, the body art) is shown at once, and right after its first frame the regions
file is loaded (shapely, numpy, the matcher), attached to the window, and the safety note,
crash recovery and the given session follow. Nothing this module imports at the top may pull
in the core or ``bodymap.io``, and nothing before the first frame may use a ``QtCore.Qt`` enum
(the first use makes PySide build all ~90 of them, ~15 ms; only the first start ever, without
a saved dock layout, needs them to place the docks). ``tests/test_ui_startup.py`` checks both.

``BODYMAP_REPORT_FIRST_PAINT=1`` (used by ``benchmarks/run.py``) makes the app print
``first-paint <time.time()>`` once its main window's first frame has been drawn, then
``loaded <time.time()>`` once the first frame after loading has been drawn, and quit.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui import crash, dialogs, language
from bodymap.ui.main_window import MainWindow
from bodymap.ui.settings import APPLICATION, ORGANISATION
from bodymap.ui.shell import shipped_art

SETTLE_DELAY_MS = 250  # after loading, before memory is collected and frozen (files.settle_memory)


def application() -> QtWidgets.QApplication:
    """The QApplication, created once with the names QSettings and data folders use."""
    app = QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication):
        # High-DPI scale factors are not rounded (PassThrough, Qt 6's default, so nothing is
        # set: the first use of any ``QtCore.Qt`` enum costs ~15 ms of PySide set-up, which
        # the first frame does without).
        app = QtWidgets.QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("BodyMap")
    app.setDesktopFileName(APP_ID)  # the .desktop file's name: docks and taskbars match it
    app.setWindowIcon(app_icon())
    return app


APP_ID = "org.bodymap.BodyMap"  # as in packaging/linux/ and the Flatpak manifest
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QtGui.QIcon:
    """The application icon: the PNGs rendered from ``bodymap/icons/bodymap.svg`` (loaded by
    Qt only when a size is first drawn)."""
    folder = Path(__file__).resolve().parent.parent / "icons"
    icon = QtGui.QIcon()
    for size in ICON_SIZES:
        path = folder / f"bodymap-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QtCore.QSize(size, size))
    return icon


class AfterFrame(QtCore.QObject):
    """Calls ``then`` once, right after the next frame of ``widget`` has been drawn (its
    children are painted in the same pass, so the frame is done when the Paint returns)."""

    def __init__(self, widget: QtWidgets.QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self._then)
        return False


def load_into(window: MainWindow, regions_path: str | None) -> bool:
    """Load the regions file and attach it to ``window``; False (after a one-line error
    dialog) when the file is unusable."""
    from bodymap.io.content_language import in_language
    from bodymap.io.errors import BodyMapError
    from bodymap.io.regions_file import load_regions
    from bodymap.io.resources import default_regions_path

    translate = QtCore.QCoreApplication.translate
    try:
        anatomy = load_regions(regions_path or default_regions_path())
    except BodyMapError as exc:
        dialogs.show_error(window, translate("App", "Cannot start"), str(exc))
        return False
    # The content (labels, panels, cues) in the interface's language, English where the
    # language file lacks a string; a broken language file leaves it all in English.
    anatomy, problem = in_language(anatomy, language.current_language())
    window.attach(anatomy)
    if problem is not None:
        dialogs.show_error(
            window,
            translate("App", "Texts shown in English"),
            translate("App", "The body map's texts are shown in English: {problem}").format(
                problem=problem
            ),
        )
    return True


def start(
    session_path: str | None,
    regions_path: str | None,
    failed: Callable[[], None],
    first_frame: Callable[[], None] | None = None,
    loaded: Callable[[], None] | None = None,
) -> MainWindow:
    """Show the shell of the main window; right after its first frame (``first_frame`` is
    called then) load the regions file into it and run its start-up (safety note, crash
    recovery, ``session_path``), then call ``loaded``. An unusable regions file gives a
    one-line error dialog and ``failed()`` instead."""
    window = MainWindow(art=shipped_art(regions_path))

    def after_first_frame() -> None:
        if first_frame is not None:
            first_frame()
        if not load_into(window, regions_path):
            failed()
            return
        window.startup(session_path)
        if window.document.is_empty():  # opening a session settles memory by itself
            from bodymap.ui.files import settle_memory

            # A moment after the window is drawn and usable, not before: the full collection
            # takes a few tens of milliseconds, and nobody draws a stroke that fast.
            QtCore.QTimer.singleShot(SETTLE_DELAY_MS, settle_memory)
        if loaded is not None:
            loaded()

    AfterFrame(window, after_first_frame)
    window.show()
    return window


def run_app(
    session_path: str | None = None, regions_path: str | None = None, smoke_test: bool = False
) -> int:
    """Run the window until it is closed; ``smoke_test`` closes it by itself once loaded
    (``bodymap.ui.smoke``)."""
    clean_up = None
    if smoke_test:
        from bodymap.ui import smoke

        clean_up = smoke.isolate()
    app = application()
    language.install(app, language.chosen_language())
    first_frame = loaded = None
    if smoke_test:
        checker = smoke.SmokeTest(app)

        def loaded() -> None:
            AfterFrame(window, lambda: checker.done(len(window.anatomy.regions)))
            window.update()
    elif os.environ.get("BODYMAP_REPORT_FIRST_PAINT"):

        def first_frame() -> None:
            print(f"first-paint {time.time():.6f}", flush=True)

        def loaded() -> None:
            AfterFrame(window, report_loaded)
            window.update()

        def report_loaded() -> None:
            print(f"loaded {time.time():.6f}", flush=True)
            QtWidgets.QApplication.quit()

    window = start(
        session_path, regions_path, lambda: QtWidgets.QApplication.exit(2), first_frame, loaded
    )
    previous_hook = sys.excepthook
    crash.install(window)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        if clean_up is not None:
            window.close()
            clean_up()
