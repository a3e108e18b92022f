"""A cohort's totals written out: the heat map PNG and the table of regions and patterns.

The PNG is the diary heat map's page (``bodymap.io.heatmap``), drawn from the cohort's count
grids, so it needs Qt (imported when drawn). The table is Qt-free: one row per region and
per muscle side, with how many sessions and what share of them (see :func:`table_rows`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bodymap.core.anatomy import Anatomy
from bodymap.io.cohort import CELLS_PER_UNIT, Tally

if TYPE_CHECKING:
    from bodymap.io.heatmap import FrequencyGrid

TABLE_COLUMNS = ("kind", "id", "side", "label", "sessions", "share")


def table_rows(anatomy: Anatomy, tally: Tally) -> list[dict[str, str]]:
    """Every region (kind ``region``, in the order of ``regions.yaml``) then every muscle
    side (kind ``pattern``, muscles sorted by id, left then right): ``sessions`` painful
    there or listing that pattern, and ``share`` of the sessions counted (0-1, 4 decimals)."""
    total = max(1, tally.sessions)
    items: list[tuple[str, str, str, str, int]] = [
        ("region", r.id, r.side, r.label, tally.regions.get(r.id, 0))
        for r in anatomy.regions.values()
    ]
    items += [
        ("pattern", m, side, anatomy.muscles[m].name, tally.patterns.get((m, side), 0))
        for m in sorted(anatomy.muscles)
        for side in ("left", "right")
    ]
    rows = [
        dict(zip(TABLE_COLUMNS, (*item[:4], str(item[4]), f"{item[4] / total:.4f}"), strict=True))
        for item in items
    ]
    return rows


def frequency_grid(anatomy: Anatomy, tally: Tally) -> FrequencyGrid:
    """The tally's counts as the heat map's grid (Qt)."""
    from bodymap.io.heatmap import FrequencyGrid

    class CountsGrid(FrequencyGrid):
        """A frequency grid whose counts were added up elsewhere (by the cohort's workers)."""

        def __init__(self) -> None:  # no images: the counts are given
            self.anatomy = anatomy
            self.scale = CELLS_PER_UNIT
            self.entries = tally.sessions

        @property
        def counts(self) -> dict[str, np.ndarray]:
            return {view: c.copy() for view, c in tally.counts.items()}

    return CountsGrid()


def write_heatmap(anatomy: Anatomy, tally: Tally, out: Path, title: str) -> None:
    """Draw the cohort's heat map page to ``out`` (PNG, atomically); ExportError (one line,
    the previous file untouched) when it cannot be written."""
    from bodymap.io.export import _ensure_gui
    from bodymap.io.heatmap import export_heatmap

    _ensure_gui()
    export_heatmap(frequency_grid(anatomy, tally), title, out, page_scale=1.5)
