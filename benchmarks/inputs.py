"""Generated inputs for ``benchmarks/run.py``, all written to a temporary folder.

Sessions of synthetic strokes (saved with ``bodymap.io`` the way the app saves them, their
computed pain included, so the window opens them through File > Open), regions files with a
given number of zones (the SVG art copied beside them so the generated anatomy looks like the
shipped one), and the settings file that marks the first-start safety note as seen.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import synthetic

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import IntensityBands
from bodymap.core.pain import PainMap
from bodymap.core.session import Session
from bodymap.io.regions_file import load_regions
from bodymap.io.resources import default_regions_path
from bodymap.io.session_file import save_session
from bodymap.ui.settings import APPLICATION


@dataclass
class Inputs:
    """Where the generated files live."""

    root: Path
    settings_dir: Path
    data_dir: Path
    shipped_regions: Path
    _sessions: dict[tuple[str, int], Path]
    _regions: dict[int, Path]

    def session(self, anatomy: Anatomy, strokes: int) -> Path:
        """A session of ``strokes`` synthetic strokes (40 points each), drawn against
        ``anatomy`` (its version and checksum recorded, so opening it warns about nothing)."""
        key = (anatomy.sha256, strokes)
        if key not in self._sessions:
            marks = list(synthetic.many_strokes(strokes, points_per_stroke=40))
            # As the window saves: its pain map and bands hold the marks, and the session
            # it writes carries their computed pain (kept in the file).
            bands = IntensityBands(PainMap(anatomy, marks))  # type: ignore[arg-type]
            session = Session(
                marks=marks,  # type: ignore[arg-type]
                note="benchmark session",
                regions_version=anatomy.version,
                regions_sha256=anatomy.sha256,
                pain=bands.layers(),
            )
            path = self.root / f"strokes-{strokes}-{len(self._sessions)}.bodymap.json"
            save_session(session, path)
            self._sessions[key] = path
        return self._sessions[key]

    def regions(self, zones: int) -> Path:
        """A regions file with ``zones`` zones in all (the SVG art beside it)."""
        if zones not in self._regions:
            folder = self.root / f"regions-{zones}"
            folder.mkdir(exist_ok=True)
            base = self.shipped_regions
            for view_svg in ("back.svg", "front.svg"):
                target = folder / "assets" / "svg" / view_svg
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(base.parent / "assets" / "svg" / view_svg, target)
            out = synthetic.regions_with_zones(base, zones, folder / "regions.yaml")
            load_regions(out)  # fail here, not inside a timed window, if it is invalid
            self._regions[zones] = out
        return self._regions[zones]


def prepare(root: Path) -> Inputs:
    """Folders for settings and application data, with the safety note marked as seen."""
    settings_dir = root / "settings"
    data_dir = root / "appdata"
    settings_dir.mkdir(parents=True, exist_ok=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    # What the app writes after showing the note once (QSettings INI, key safety/seen).
    (settings_dir / f"{APPLICATION}.ini").write_text("[safety]\nseen=true\n", encoding="utf-8")
    return Inputs(root, settings_dir, data_dir, default_regions_path(), {}, {})
