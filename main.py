"""Start BodyMap from a checkout: ``python main.py [SESSION]`` (same as ``bodymap``)."""

from __future__ import annotations

import sys

from bodymap.cli import main

if __name__ == "__main__":
    sys.exit(main())
