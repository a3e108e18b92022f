"""Regression guard for the PySide6 6.12.0 / CPython 3.11 ``none_dealloc`` abort.

That combination dies after some thousands of calls to Qt methods returning nothing; the
package's dependency markers keep 3.11 below 6.12. This test makes 200,000 such calls in a
child process and checks it exits cleanly.
"""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6 import QtCore, QtGui
path = QtGui.QPainterPath()
obj = QtCore.QObject()
for i in range(100_000):
    path.moveTo(i % 97, i % 89)
    obj.setObjectName("n")
print("survived", path.elementCount())
"""


def test_many_void_qt_calls_survive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("survived")
