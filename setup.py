"""Build hook: ship the top-level regions.yaml (and its language files regions.LANG.yaml)
and assets/svg/ inside the wheel.

The product keeps its anatomy data at the top of the repository; an installed
package needs it inside ``bodymap/data``.  Metadata lives in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's files directly
        target = Path(self.build_lib) / "bodymap" / "data"
        (target / "svg").mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "regions.yaml", target / "regions.yaml")
        for language in sorted(ROOT.glob("regions.*.yaml")):  # its texts in other languages
            shutil.copy2(language, target / language.name)
        for svg in sorted((ROOT / "assets" / "svg").glob("*.svg")):
            shutil.copy2(svg, target / "svg" / svg.name)


setup(cmdclass={"build_py": BuildWithData})
