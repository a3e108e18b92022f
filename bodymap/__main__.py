from __future__ import annotations

import sys

from bodymap.cli import main

sys.exit(main())
