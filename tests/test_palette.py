"""The pain intensity scale is readable: contrast against the skin (WCAG 2.x), neighbours
apart, and still ordered by lightness for colour-blind eyes (Machado et al. 2009)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from bodymap.io import palette

ROOT = Path(__file__).resolve().parent.parent

# Machado, Oliveira & Fernandes, "A physiologically-based model for simulation of color vision
# deficiency", IEEE TVCG 15(6), 2009: the matrices for severity 1.0, applied to linear sRGB.
MACHADO = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def linear(colour: str) -> list[float]:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def to_hex(rgb: list[float]) -> str:
    out = []
    for v in rgb:
        v = min(1.0, max(0.0, v))
        s = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
        out.append(round(s * 255))
    return "#{:02X}{:02X}{:02X}".format(*out)


def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = linear(colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def simulate(colour: str, matrix: tuple[tuple[float, ...], ...]) -> str:
    rgb = linear(colour)
    return to_hex([sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix])


def test_contrast_ratio_follows_wcag() -> None:
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert palette.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert palette.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_ten_levels_one_colour_each() -> None:
    assert len(palette.PAIN_SCALE) == 10 == len(set(palette.PAIN_SCALE))
    assert [palette.pain_colour(k) for k in range(1, 11)] == list(palette.PAIN_SCALE)
    assert palette.pain_colour(0) == palette.PAIN_SCALE[0]
    assert palette.pain_colour(11) == palette.PAIN_SCALE[-1]
    assert palette.PAIN_ALPHA == 255  # shown as the legend shows it


def test_skin_tones_are_those_of_the_art() -> None:
    art = (ROOT / "assets" / "svg" / "back.svg").read_text().upper()
    for tone in palette.SKIN_TONES:
        assert tone in art


@pytest.mark.parametrize("skin", palette.SKIN_TONES)
def test_every_level_has_3_to_1_contrast_against_the_skin(skin: str) -> None:
    ratios = [palette.contrast_ratio(c, skin) for c in palette.PAIN_SCALE]
    assert min(ratios) >= 3.0, ratios


def test_neighbouring_levels_are_distinguishable() -> None:
    scale = palette.PAIN_SCALE
    luminance = [palette.relative_luminance(c) for c in scale]
    assert luminance == sorted(luminance, reverse=True)  # stronger pain, darker
    for weaker, stronger in itertools.pairwise(scale):
        assert palette.contrast_ratio(weaker, stronger) >= 1.1, (weaker, stronger)
        assert math.dist(lab(weaker), lab(stronger)) >= 9.0, (weaker, stronger)
    hues = [math.degrees(math.atan2(lab(c)[2], lab(c)[1])) for c in scale]
    assert max(hues) - min(hues) >= 60  # multi-hue: orange to plum, not one hue


@pytest.mark.parametrize("deficiency", sorted(MACHADO))
def test_levels_stay_ordered_by_lightness_under_colour_blindness(deficiency: str) -> None:
    seen = [lab(simulate(c, MACHADO[deficiency]))[0] for c in palette.PAIN_SCALE]
    steps = [a - b for a, b in itertools.pairwise(seen)]
    assert min(steps) >= 3.0, (deficiency, [round(s, 1) for s in steps])
