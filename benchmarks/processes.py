"""Timings that need a fresh process: start-up, the command line, peak memory.

Each child runs with the same interpreter and environment as the parent (settings and data
redirected to the benchmark's temporary folder, offscreen Qt). Start-up is measured from
``time.time()`` in the parent just before ``Popen`` to the ``time.time()`` the child prints when
its main window's first frame has been drawn (``BODYMAP_REPORT_FIRST_PAINT``, see
``bodymap/ui/app.py``); the bare baseline prints it the same way. The app then loads the
anatomy and prints when the first frame after loading has been drawn ("loaded").

Bytecode: the children write and read compiled bytecode in a folder of the benchmark's own
(``PYTHONPYCACHEPREFIX``), and every command runs once untimed first, so each timed run starts
with its modules compiled, as an installed app does (pip compiles on install). Without that,
a machine with ``PYTHONDONTWRITEBYTECODE`` set recompiles every BodyMap module at each start
while the baselines use the library's precompiled files.
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


def child_env(settings_dir: Path, data_dir: Path, pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")  # run.py's screen
    env["BODYMAP_SETTINGS_DIR"] = str(settings_dir)
    env["BODYMAP_DATA_DIR"] = str(data_dir)
    env.pop(FIRST_PAINT, None)
    return env


def first_paint(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float | None, int]:
    """Seconds from just before Popen to the child's first frame and to its first frame after
    loading (None if it reports none), and its peak RSS (KiB)."""
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
    loaded = [line.split()[1] for line in out.splitlines() if line.startswith("loaded ")]
    if proc.returncode != 0 or not stamps:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-400:]}")
    ready = float(loaded[0]) - start if loaded else None
    return float(stamps[0]) - start, ready, int(usage.ru_maxrss)


def startup(
    env: dict[str, str], cwd: Path, repeat: int
) -> tuple[list[float], list[float], list[float]]:
    """First-frame times of ``python main.py`` and of the bare window, interleaved (after one
    untimed run of each), and the app's times to its first frame after loading."""
    app: list[float] = []
    bare: list[float] = []
    loaded: list[float] = []
    main, baseline = [sys.executable, "main.py"], [sys.executable, "-c", BARE_WINDOW]
    first_paint(main, env, cwd)
    first_paint(baseline, env, cwd)
    for _ in range(repeat):
        first, ready, _rss = first_paint(main, env, cwd)
        app.append(first)
        if ready is not None:
            loaded.append(ready)
        bare.append(first_paint(baseline, env, cwd)[0])
    return app, bare, loaded


def peak_memory(env: dict[str, str], cwd: Path, session: Path) -> int:
    """Peak resident memory (KiB) of the app opening ``session`` until its first frame after
    loading (the session is opened by then, so the pain is painted in it)."""
    return first_paint([sys.executable, "main.py", str(session)], env, cwd)[2]


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path, repeat: int) -> list[float]:
    """Wall times of ``cmd`` (each must exit with 0), after one untimed run."""
    times = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
        if i:
            times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.strip()[-400:]}")
    return times


def run_measured(cmd: list[str], env: dict[str, str], cwd: Path) -> int:
    """Run ``cmd`` once (it must exit with 0); its peak resident memory (KiB)."""
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.strip()[-400:]}")
    return int(usage.ru_maxrss)
