"""Where each muscle lies (its outline on the view it is seen from) and its usual trigger
points (where a person presses in the massage step), in half-space units, right half.

The outlines follow the attachments of each panel (content.yaml) on this body's landmarks
(body.py): schematic, for showing where a muscle lies beside where it refers pain, not for
matching. Deep muscles (QL, psoas, gluteus minimus, piriformis, multifidus) are drawn where
they lie under the others. Each trigger point is named by its group (the zones' ``group``)
and lies inside its muscle's outline on that view (checked here).
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from . import body as b
from .shapes import BIG, ellipse, half_body, largest, poly, rounded, rows, union

SIMPLIFY = 0.3
MIDLINE_GAP = 1.0


@dataclass(frozen=True)
class Outline:
    muscle: str
    view: str
    shape: BaseGeometry


@dataclass(frozen=True)
class TriggerPoint:
    muscle: str
    group: str
    view: str
    at: tuple[float, float]  # (d, y)


def _o(muscle: str, view: str, shape: BaseGeometry) -> Outline:
    return Outline(muscle, view, rounded(shape, 2.0))


def _outlines() -> list[Outline]:
    gmed = poly(
        [(34, 352), (50, 338), (70, 330), (92, 334), (100, 360), (100, 400), (95, 418),
         (80, 402), (60, 387), (42, 376)]
    )  # fmt: skip
    gmin = poly([(56, 356), (80, 345), (96, 352), (100, 395), (96, 414), (82, 402), (62, 388)])
    gmax = poly(
        [(20, 350), (40, 348), (70, 372), (98, 410), (101, 468), (88, 480), (60, 472),
         (32, 464), (12, 442), (8, 410), (13, 372)]
    )  # fmt: skip
    piri = poly([(11, 380), (30, 385), (60, 397), (94, 409), (94, 419), (60, 411), (30, 409),
                 (11, 406)])  # fmt: skip
    ham = poly(
        [(20, 452), (44, 452), (64, 520), (66, 640), (58, 668), (46, 640), (36, 570),
         (26, 640), (15, 668), (12, 600), (15, 500)]
    )  # fmt: skip
    psoas = union(
        [
            poly([(8, 252), (22, 252), (30, 300), (40, 352), (48, 402), (44, 440), (34, 476),
                  (25, 472), (28, 430), (20, 382), (9, 330)]),
            ellipse(52.0, 372.0, 17.0, 26.0, angle=-20.0),  # iliacus in the hip bone's bowl
        ]
    )  # fmt: skip
    vl_front = poly([(78, 440), (97, 458), (93, 560), (80, 622), (64, 642), (60, 630),
                     (68, 560), (72, 480)])  # fmt: skip
    vl_back = poly([(86, 440), (101, 460), (95, 560), (82, 622), (73, 628), (80, 560),
                    (86, 480)])  # fmt: skip
    adductor = union(
        [
            poly([(7, 442), (21, 437), (45, 558), (37, 566), (12, 500)]),  # adductor longus
            poly([(19, 432), (35, 424), (41, 452), (27, 462)]),  # pectineus
        ]
    )
    return [
        _o("quadratus_lumborum", "back",
           poly([(16, 256), (45, 268), (58, 292), (60, 330), (44, 344), (22, 348), (16, 320)])),
        _o("psoas", "front", psoas),
        _o("gluteus_medius", "back", gmed),
        _o("gluteus_minimus", "back", gmin),
        _o("piriformis", "back", piri),
        _o("iliocostalis_lumborum", "back",
           poly([(28, 345), (44, 340), (53, 300), (51, 220), (46, 150), (38, 150), (36, 220),
                 (32, 300)])),
        _o("longissimus_thoracis", "back",
           poly([(13, 362), (30, 358), (33, 300), (31, 200), (25, 120), (16, 120), (14, 200),
                 (13, 300)])),
        _o("multifidus", "back",
           poly([(1, 250), (10, 250), (16, 330), (18, 380), (12, 424), (1, 428)])),
        _o("gluteus_maximus", "back", gmax),
        _o("rectus_abdominis", "front",
           poly([(1, 215), (30, 220), (31, 300), (25, 400), (13, 462), (1, 466)])),
        _o("tensor_fasciae_latae", "front",
           poly([(66, 372), (79, 367), (97, 420), (99, 456), (90, 459), (80, 422)])),
        _o("hamstrings", "back", ham),
        _o("adductor_longus", "front", adductor),
        _o("external_oblique", "front",
           poly([(40, 230), (86, 232), (93, 300), (91, 336), (73, 386), (50, 410), (34, 424),
                 (30, 330), (35, 262)])),
        _o("vastus_lateralis", "front", vl_front),
        _o("vastus_lateralis", "back", vl_back),
    ]  # fmt: skip


_TRIGGER_POINTS: list[tuple[str, str, str, tuple[float, float]]] = [
    ("quadratus_lumborum", "superficial upper", "back", (50, 292)),
    ("quadratus_lumborum", "superficial lower", "back", (52, 326)),
    ("quadratus_lumborum", "deep upper", "back", (24, 296)),
    ("quadratus_lumborum", "deep lower", "back", (26, 328)),
    ("psoas", "iliopsoas", "front", (50, 380)),  # iliacus, inside the front of the hip bone
    ("psoas", "iliopsoas", "front", (34, 452)),  # the tendon just below the inguinal ligament
    ("gluteus_medius", "posterior", "back", (42, 360)),
    ("gluteus_medius", "middle", "back", (68, 350)),
    ("gluteus_minimus", "anterior", "back", (90, 378)),
    ("gluteus_minimus", "posterior", "back", (70, 380)),
    ("piriformis", "lateral and medial", "back", (78, 404)),
    ("piriformis", "lateral and medial", "back", (34, 396)),
    ("iliocostalis_lumborum", "lumborum", "back", (44, 262)),
    ("iliocostalis_lumborum", "thoracis", "back", (44, 230)),
    ("longissimus_thoracis", "lower", "back", (24, 256)),
    ("multifidus", "lumbar", "back", (9, 320)),
    ("multifidus", "sacral", "back", (9, 384)),
    ("gluteus_maximus", "TrP1", "back", (22, 392)),
    ("gluteus_maximus", "TrP2", "back", (40, 452)),
    ("gluteus_maximus", "TrP3", "back", (14, 436)),
    ("rectus_abdominis", "lower fibres", "front", (14, 420)),
    ("rectus_abdominis", "lateral border", "front", (26, b.NAVEL)),
    ("tensor_fasciae_latae", "TFL", "front", (80, 396)),
    ("hamstrings", "medial", "back", (28, 560)),
    ("hamstrings", "lateral", "back", (54, 580)),
    ("adductor_longus", "pectineus", "front", (29, 442)),
    ("adductor_longus", "upper", "front", (20, 478)),
    ("adductor_longus", "lower", "front", (32, 540)),
    ("external_oblique", "lower", "front", (62, 372)),
    ("vastus_lateralis", "along the thigh", "front", (86, 530)),
    ("vastus_lateralis", "above the knee", "front", (70, 612)),
]


def _finish(shape: BaseGeometry) -> Polygon:
    clipped = shape.intersection(half_body()).intersection(rows(-BIG, BIG * 3, MIDLINE_GAP, BIG))
    return Polygon(largest(clipped).exterior).simplify(SIMPLIFY, preserve_topology=True)


def all_outlines() -> list[tuple[Outline, Polygon]]:
    """Every outline, clipped to the half body and off the midline, simplified."""
    return [(o, _finish(o.shape)) for o in _outlines()]


def all_trigger_points(
    outlines: list[tuple[Outline, Polygon]], groups: dict[str, set[str]]
) -> list[TriggerPoint]:
    """The trigger points, each checked to lie inside its muscle's outline on its view and to
    name one of the muscle's zone groups (``groups``: muscle id -> group names)."""
    out = []
    for muscle, group, view, at in _TRIGGER_POINTS:
        if group not in groups.get(muscle, set()):
            raise ValueError(f"trigger point of {muscle} names an unknown group {group!r}")
        shapes = [p for o, p in outlines if o.muscle == muscle and o.view == view]
        if not any(p.contains(Point(at)) for p in shapes):
            raise ValueError(f"trigger point {at} of {muscle} lies outside its outline")
        out.append(TriggerPoint(muscle, group, view, (float(at[0]), float(at[1]))))
    return out


__all__ = ["Outline", "TriggerPoint", "all_outlines", "all_trigger_points"]
