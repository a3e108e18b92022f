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


# The skin of the body art (tools/bodygen/art.py: SKIN, SKIN_SHADE, SKIN_LIGHT), under the pain.
SKIN = "#EFE8E2"
SKIN_TONES = ("#EFE8E2", "#E4DAD2", "#F4EFEA")

# Pain intensity 1 to 10: a multi-hue sequential scale, orange through red and crimson to a
# dark plum, opaque. Chosen along even CIELAB lightness steps (L* 51 down to 5, hue 60° to
# -30°, chroma kept inside sRGB) so that every level has at least 3:1 contrast against each
# skin tone (WCAG 2.x), neighbours differ by at least 1.1:1 in luminance and by more than
# 9 ΔE*ab, and, simulated for deuteranopia, protanopia and tritanopia (Machado et al. 2009),
# neighbours still differ by at least 3 L*. tests/test_palette.py checks all of it.
PAIN_SCALE = (
    "#C05F00",
    "#BE4504",
    "#B92612",
    "#AC0020",
    "#94002C",
    "#7D0032",
    "#660032",
    "#510031",
    "#3C002C",
    "#270024",
)
PAIN_ALPHA = 255  # the scale's colours are shown as they are: what the legend shows


def pain_colour(intensity: int) -> str:
    """The ``#RRGGBB`` colour of pain of ``intensity`` (clamped to 1..10)."""
    k = min(INTENSITY_MAX, max(INTENSITY_MIN, intensity))
    return PAIN_SCALE[k - INTENSITY_MIN]


def pain_alpha(intensity: int) -> int:
    """Opacity (0-255) of pain of ``intensity``: the same for every level, the colour tells
    the intensity."""
    return PAIN_ALPHA


def relative_luminance(colour: str) -> float:
    """The relative luminance (0 black to 1 white) of ``#RRGGBB``, WCAG 2.x definition
    (sRGB channels linearised, weighted 0.2126, 0.7152, 0.0722)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio (1 to 21) of two ``#RRGGBB`` colours."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


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
