"""Timings that need a fresh process: start-up, the command line, peak memory.

Each child runs with the same interpreter and environment as the parent (settings and data
redirected to the benchmark's temporary folder, offscreen Qt). Start-up is measured from
``time.time()`` in the parent just before ``Popen`` to the ``time.time()`` the child prints when
its main window's first frame has been drawn (``BODYMAP_REPORT_FIRST_PAINT``, see
``bodymap/ui/app.py``); the bare baseline prints it the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

FIRST_PAINT = "BODYMAP_REPORT_FIRST_PAINT"

# The baseline: a bare PySide6 QMainWindow of the same size, reporting its first frame exactly
# as bodymap.ui.app does.
BARE_WINDOW = """
import sys, time
from PySide6 import QtCore, QtWidgets

class Reporter(QtCore.QObject):
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"first-paint {time.time():.6f}", flush=True)
        QtWidgets.QApplication.quit()

app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QMainWindow()
window.resize(1400, 900)
reporter = Reporter()
window.installEventFilter(reporter)
window.show()
sys.exit(app.exec())
"""


def child_env(settings_dir: Path, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BODYMAP_SETTINGS_DIR"] = str(settings_dir)
    env["BODYMAP_DATA_DIR"] = str(data_dir)
    env.pop(FIRST_PAINT, None)
    return env


def _first_paint(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int]:
    """Seconds from just before Popen to the child's first frame, and its peak RSS (KiB)."""
    start = time.time()
    proc = subprocess.Popen(
        cmd, env={**env, FIRST_PAINT: "1"}, cwd=cwd, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stamps = [line.split()[1] for line in out.splitlines() if line.startswith("first-paint ")]
    if proc.returncode != 0 or not stamps:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-400:]}")
    return float(stamps[0]) - start, int(usage.ru_maxrss)


def startup(env: dict[str, str], cwd: Path, repeat: int) -> tuple[list[float], list[float]]:
    """First-frame times of ``python main.py`` and of the bare window, interleaved."""
    app: list[float] = []
    bare: list[float] = []
    for _ in range(repeat):
        app.append(_first_paint([sys.executable, "main.py"], env, cwd)[0])
        bare.append(_first_paint([sys.executable, "-c", BARE_WINDOW], env, cwd)[0])
    return app, bare


def peak_memory(env: dict[str, str], cwd: Path, session: Path) -> int:
    """Peak resident memory (KiB) of the app opening ``session`` until its first frame (the
    session is opened before the first frame is drawn, so the pain is painted in it)."""
    return _first_paint([sys.executable, "main.py", str(session)], env, cwd)[1]


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path, repeat: int) -> list[float]:
    """Wall times of ``cmd`` (each must exit with 0)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.strip()[-400:]}")
    return times
