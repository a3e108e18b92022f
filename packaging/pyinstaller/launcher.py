"""Entry point of the packaged app (PyInstaller): the same as the ``bodymap`` command."""

from __future__ import annotations

import sys

from bodymap.cli import main

if __name__ == "__main__":
    sys.exit(main())
