"""Anatomical regions: partition cells intersected with the half silhouette.

Cells are listed per view in priority order; each region is its cell minus what earlier
regions took. Whatever no cell claimed, and any stray island of a region, joins the
neighbour it shares the longest border with, so every region is one polygon and together
they tile the half body. Midline regions (``side`` None) are mirrored into one shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from . import body as b
from .shapes import (
    BIG,
    above,
    arm_side,
    band,
    below,
    half_body,
    parts,
    poly,
    rounded,
    rows,
    strip,
    union,
)

SIMPLIFY = 0.3  # units; far below what anyone can click


@dataclass(frozen=True)
class Cell:
    name: str
    shape: BaseGeometry
    midline: bool = False


def _rib_line_back() -> list[tuple[float, float]]:
    return [(0.0, b.T12), *b.RIB_LINE_BACK, (BIG, b.RIB10 + 40)]


def _crest_back_band() -> BaseGeometry:
    return band(b.CREST_BACK, 11.0, extend_to=(BIG, b.CREST + 10))


SPINE_HALF = 10.0  # the midline strips reach about 0.01 H either side of the spine
SACRUM_TOP = 356.0  # where the sacroiliac regions begin (about S1)
ARM_TOP = 200.0  # the shoulder (deltoid) ends here and the upper arm begins
ELBOW_HALF = 19.0  # the elbow band reaches this far above and below the elbow line


def arm_cells() -> list[Cell]:
    """Shoulder, upper arm, elbow, forearm and hand: the same cuts on both views."""
    arm = arm_side()
    shoulder = poly([(84, 60), (BIG, 60), (BIG, ARM_TOP), (96, ARM_TOP), (94, 175), (86, 100)])
    return [
        Cell("shoulder", shoulder),
        Cell("upper_arm", arm.intersection(rows(ARM_TOP, b.ELBOW - ELBOW_HALF))),
        Cell("elbow", arm.intersection(rows(b.ELBOW - ELBOW_HALF, b.ELBOW + ELBOW_HALF))),
        Cell("forearm", arm.intersection(rows(b.ELBOW + ELBOW_HALF, b.WRIST))),
        Cell("hand", arm.intersection(rows(b.WRIST, BIG * 3))),
    ]


KNEE_END = 705.0  # below the knee the lower leg begins
ANKLE_TOP = 868.0
FOOT_TOP = 903.0


def _outer_lower_leg() -> list[tuple[float, float]]:
    return [*b.TRUNK_LEG[-3:], *b.LOWER_LEG_OUTER]


def back_cells() -> list[Cell]:
    rib = _rib_line_back()
    fold = [(-1.0, b.CROTCH + 2), *b.GLUTEAL_FOLD_LINE, (BIG, 440.0)]
    achilles = rounded(poly([(31, 832), (50, 832), (54, ANKLE_TOP + 8), (27, ANKLE_TOP + 8)]), 7)
    return [
        Cell("head", rows(-BIG, 38.0), True),
        Cell("neck", rows(38.0, b.C7 + 1)),
        *arm_cells(),
        Cell("thoracic_spine", rows(b.C7 + 1, b.T12, 0, SPINE_HALF), True),
        Cell("lumbar_spine", rows(b.T12, SACRUM_TOP, 0, SPINE_HALF), True),
        Cell(
            "sacrum",
            poly([(0, SACRUM_TOP), (SPINE_HALF, SACRUM_TOP), (9.5, 385), (8.5, 404.5), (0, 404)]),
            True,
        ),
        Cell("tailbone", poly([(0, 404), (10, 406), (9.5, 420), (5.5, 435), (0, 439)]), True),
        Cell(
            "sacroiliac",
            poly([(0, 356), (44, 354), (42, 372), (33, 392), (20, 406), (10, 406), (0, 404)]),
        ),
        Cell("iliac_crest", _crest_back_band()),
        Cell("low_back", below(rib).intersection(rows(0, 358, 0, 52))),
        Cell("flank", below(rib).intersection(rows(0, 345, 52, BIG))),
        Cell("mid_back", rows(190, 400).difference(below(rib))),
        Cell("upper_back", rows(0, 190)),
        Cell(
            "outer_hip",
            poly([(86, 384), (80, 398), (77.5, 420), (79, 440), (84, 454), (BIG, 454), (BIG, 384)]),
        ),
        Cell("outer_thigh", strip(b.TRUNK_LEG, 20.0, 454, 615)),
        Cell("back_of_knee", rows(615, KNEE_END)),
        Cell("lower_buttock", rows(414, 480).difference(below(fold))),
        Cell("upper_buttock", rows(300, 414)),
        Cell("back_of_thigh", rows(440, 615)),
        Cell("heel", union([achilles, rows(ANKLE_TOP, 912.0)])),
        Cell("sole", rows(912.0, BIG * 3)),
        Cell("calf", rows(KNEE_END, 912.0)),
    ]


def _groin_crease() -> list[tuple[float, float]]:
    return [*b.GROIN_CREASE, (0.0, b.CROTCH + 2)]


def front_cells() -> list[Cell]:
    crease = _groin_crease()
    crease_lr = list(reversed(crease))  # midline to lateral, as below()/above() want
    shifted = [(d, y + 24) for d, y in crease_lr]
    rib = [(0.0, 214.0), *b.RIB_MARGIN_FRONT[1:], (BIG, b.RIB10 + 40)]
    lateral_end = crease[0]
    # navel level in the middle, rising at the side to pass above the iliac crest
    waist = [(0.0, b.NAVEL), (48.0, b.NAVEL), (72.0, 314.0), (100.0, 302.0), (BIG, 300.0)]
    jaw = [(0.0, b.CHIN), (16.0, 57.0), (30.0, 44.0), (38.0, 31.0), (BIG, 25.0)]
    return [
        Cell("head", above(jaw), True),
        Cell(
            "neck",
            poly([(0, -BIG), (BIG, -BIG), (BIG, 64), (40, 74), (33, 88), (20, 101), (0, 105)]),
        ),
        *arm_cells(),
        Cell("pubic", rows(400, 470, 0, 26).difference(below(crease_lr)), True),
        Cell(
            "groin",
            below(crease_lr)
            .difference(below(shifted))
            .intersection(rows(0, BIG * 2, 0, lateral_end[0])),
        ),
        Cell("knee", rows(615, KNEE_END)),
        Cell("outer_lower_leg", strip(_outer_lower_leg(), 20.0, KNEE_END, ANKLE_TOP)),
        Cell("shin", rows(KNEE_END, ANKLE_TOP)),
        Cell("ankle", rows(ANKLE_TOP, FOOT_TOP)),
        Cell("foot", rows(FOOT_TOP, BIG * 3)),
        Cell("outer_thigh", strip(b.TRUNK_LEG, 20.0, 404, 615)),
        Cell("inner_thigh", strip(b.INNER_LEG, 24.0, 440, 615)),
        Cell("front_of_hip", below(waist).intersection(rows(0, 404, 58, BIG))),
        Cell("lower_abdomen", below(waist).intersection(rows(0, 470, 0, 58))),
        Cell("upper_abdomen", below(rib).intersection(above(waist))),
        Cell("chest", rows(0, 320)),
        Cell("upper_front_thigh", rows(380, 540)),
        Cell("lower_front_thigh", rows(540, 615)),
    ]


def _shared_border(a: BaseGeometry, c: BaseGeometry) -> float:
    return float(a.buffer(0.05).intersection(c.boundary).length)


def _give_away(piece: Polygon, owners: dict[str, BaseGeometry], exclude: str = "") -> None:
    best = max((n for n in owners if n != exclude), key=lambda n: _shared_border(piece, owners[n]))
    owners[best] = union([owners[best], piece])


def tile(cells: list[Cell]) -> dict[str, Polygon]:
    """Assign the half silhouette to the cells (see the module docstring)."""
    half = half_body()
    taken: BaseGeometry = Polygon()
    owners: dict[str, BaseGeometry] = {}
    for cell in cells:
        piece = cell.shape.intersection(half).difference(taken)
        owners[cell.name] = piece
        taken = union([taken, piece])
    for rest in parts(half.difference(taken)):
        if rest.area > 1e-6:
            _give_away(rest, owners)
    for _ in range(3):  # islands: keep each region's largest part, hand on the rest
        for name in list(owners):
            pieces = sorted(parts(owners[name]), key=lambda p: p.area, reverse=True)
            if len(pieces) > 1:
                owners[name] = pieces[0]
                for extra in pieces[1:]:
                    _give_away(extra, owners, exclude=name)
    out: dict[str, Polygon] = {}
    for name, geom in owners.items():
        # an opening of a twentieth of a unit removes hairline spikes left by the differences
        opened = geom.buffer(-0.05, join_style="mitre").buffer(0.05, join_style="mitre")
        main = max(parts(opened), key=lambda p: p.area)
        out[name] = Polygon(main.exterior).simplify(SIMPLIFY, preserve_topology=True)
    return out


def midline_names(cells: list[Cell]) -> set[str]:
    return {c.name for c in cells if c.midline}
