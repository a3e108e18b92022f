"""Colours shared by the window and the PNG export (colour-blind safe, Okabe-Ito based).

Plain ``#RRGGBB`` strings and alpha values 0-255, so the module needs no Qt.
"""

from __future__ import annotations

from bodymap.core.marks import INTENSITY_MAX, INTENSITY_MIN

PAIN = "#D55E00"  # Okabe-Ito vermillion
PAPER = "#FAFAF7"
INK = "#2B2B2B"
MUTED = "#6B6B6B"
RULE = "#D9D6CF"
VIEW_LABEL = "#4A4A4A"

ZONE_FILL_ALPHA = 70
ZONE_FILL_ALPHA_EMPHASISED = 120
ZONE_FILL_ALPHA_DIMMED = 28
ZONE_OUTLINE_WIDTH = 1.6  # SVG units
ZONE_OUTLINE_WIDTH_EMPHASISED = 3.0


def pain_alpha(intensity: int) -> int:
    """Opacity of pain of ``intensity`` (1 light, 10 nearly opaque)."""
    k = min(INTENSITY_MAX, max(INTENSITY_MIN, intensity))
    t = (k - INTENSITY_MIN) / (INTENSITY_MAX - INTENSITY_MIN)
    return round(255 * (0.30 + 0.60 * t))


VIEW_GAP = 40.0  # SVG units between the back and the front view
MAX_HIGHLIGHTS = 4  # zones of the best matches drawn on the body (the list shows them all)


def view_offsets(viewboxes: dict[str, tuple[float, float, float, float]]) -> dict[str, float]:
    """The x offset of each view when the views sit side by side (back first), SVG units."""
    offsets: dict[str, float] = {}
    x = 0.0
    for view_id in ("back", "front"):
        if view_id in viewboxes:
            offsets[view_id] = x - viewboxes[view_id][0]
            x += viewboxes[view_id][2] + VIEW_GAP
    return offsets
