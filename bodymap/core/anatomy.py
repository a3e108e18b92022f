"""The anatomy model: views, anatomical regions, muscles and their referral zones.

All geometry is in the SVG user units of its view: 1000 units are the person's stature,
``y = 930 - 1000 h`` (h = height above the floor / stature: the crown at -70, the soles at 930)
and the midline is ``x = 200`` (see docs/regions-format.md). Instances are immutable and built by
``bodymap.io.regions_file``; shapely polygons are prepared once for fast queries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import shapely
from shapely.geometry import Point, Polygon
from shapely.strtree import STRtree

Side = Literal["left", "right", "midline"]
MuscleSide = Literal["left", "right"]
Weight = Literal["essential", "spillover"]

VIEW_IDS: tuple[str, ...] = ("back", "front")
ZONE_WEIGHTS: Mapping[str, float] = {"essential": 1.0, "spillover": 0.5}
OUTLINE_MARGIN = 1e-6  # SVG units: how far past the body outline float dust may lie


@dataclass(frozen=True)
class View:
    """One body view: its SVG, viewBox ``(x, y, width, height)`` and body outline."""

    id: str
    label: str
    svg: str
    viewbox: tuple[float, float, float, float]
    silhouette: Polygon

    @property
    def midline_x(self) -> float:
        return self.viewbox[0] + self.viewbox[2] / 2

    @cached_property
    def silhouette_margin(self) -> Polygon:
        """The body outline grown by ``OUTLINE_MARGIN`` SVG units (mitred, prepared): what
        lies inside it is on the body up to the floats that clipping to the outline leaves
        past it, so kept pain is checked with one fast ``covers`` instead of a difference."""
        grown = self.silhouette.buffer(OUTLINE_MARGIN, join_style="mitre")
        shapely.prepare(grown)
        return grown


@dataclass(frozen=True)
class Snomed:
    """A region's SNOMED CT body-structure code, or ``code`` None with the ``reason`` none
    is given. ``laterality`` is the SNOMED laterality qualifier ``(code, term)`` when the
    concept itself has no side; ``source`` says where the code was found."""

    code: str | None
    term: str = ""
    laterality: tuple[str, str] | None = None
    source: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Area:
    """A body area grouping regions in lists (areas are kept in head-to-feet order)."""

    id: str
    label: str


@dataclass(frozen=True)
class Region:
    """An anatomical region (a click target); ``side`` is the patient's side.

    ``area`` is the id of its body area, ``words`` the lay and clinical words people use for
    it (region search), ``snomed`` its SNOMED CT code and ``choir`` the CHOIR body-map
    segment codes it mostly covers, best first (all empty in a version 1 file)."""

    id: str
    label: str
    view: str
    side: Side
    polygon: Polygon
    area: str = ""
    words: tuple[str, ...] = ()
    snomed: Snomed | None = None
    choir: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        shapely.prepare(self.polygon)


@dataclass(frozen=True)
class Zone:
    """One referral zone of one muscle side on one view. ``crosses_midline``: the pattern of
    one side reaches across the midline (rectus abdominis refers across the low back)."""

    id: str
    muscle: str
    side: MuscleSide
    view: str
    group: str
    weight: Weight
    source: str
    polygon: Polygon
    crosses_midline: bool = False

    def __post_init__(self) -> None:
        shapely.prepare(self.polygon)


@dataclass(frozen=True)
class ReliefStep:
    step: str
    how: str
    caution: str


@dataclass(frozen=True)
class Panel:
    """The text of a muscle's info panel (plain strings, written for patients)."""

    summary: str
    anatomy: str
    attachments: str
    nerve: str
    function: str
    pain_pattern: str
    symptoms: tuple[str, ...]
    aggravated_by: tuple[str, ...]
    relief: tuple[ReliefStep, ...]
    see_a_clinician: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MuscleOutline:
    """Where one side of a muscle lies on one view (SVG units): shown beside where it refers
    pain, never matched."""

    view: str
    side: MuscleSide
    polygon: Polygon


@dataclass(frozen=True)
class TriggerPoint:
    """A usual trigger-point location of one group of a muscle side: ``at`` is ``(x, y)``
    in SVG units of ``view`` (where a person presses in the massage step)."""

    group: str
    view: str
    side: MuscleSide
    at: tuple[float, float]


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    short_name: str
    colour: str
    zones: tuple[Zone, ...]
    panel: Panel
    outline: tuple[MuscleOutline, ...] = ()
    trigger_points: tuple[TriggerPoint, ...] = ()

    def zones_for(self, side: str, view: str | None = None) -> tuple[Zone, ...]:
        return tuple(z for z in self.zones if z.side == side and (view is None or z.view == view))


@dataclass(frozen=True)
class Cue:
    """A note the drawing brings up, never ranked: another cause to consider (``kind``
    "cause") or a warning ("warning").

    It shows when the pain in ``regions`` (region ids) reaches the thresholds of
    docs/matching.md; with ``when`` "both_sides", only when regions of both the left and the
    right side are painted. ``source`` names where the fact comes from."""

    id: str
    kind: Literal["cause", "warning"]
    label: str
    text: str
    regions: tuple[str, ...]
    when: Literal["any", "both_sides"]
    source: str


@dataclass(frozen=True)
class Symptom:
    """A checklist item: ``supports`` maps the muscles whose cited symptom list has it to
    the source saying so (shared differential facts 4.2)."""

    id: str
    label: str
    supports: Mapping[str, str]


@dataclass(frozen=True)
class DangerSign:
    """An item of the danger-sign screen: a yes/no ``question`` and the ``warning`` a "yes"
    puts above every ranking and self-help panel (``urgent``: care the same day). Never
    ranked or weighted; ``source`` names where the red flag comes from."""

    id: str
    question: str
    warning: str
    urgent: bool
    source: str


@dataclass(frozen=True)
class Safety:
    title: str
    text: str
    red_flags: tuple[str, ...]


@dataclass(frozen=True)
class Anatomy:
    """Everything ``regions.yaml`` describes, validated.

    ``version`` is the file's format version and ``sha256`` the hash of its bytes, recorded
    in sessions so a later change of the anatomy can be detected.
    """

    version: int
    sha256: str
    source: str
    views: Mapping[str, View]
    regions: Mapping[str, Region]
    muscles: Mapping[str, Muscle]
    safety: Safety
    areas: Mapping[str, Area] = field(default_factory=dict)
    cues: tuple[Cue, ...] = ()
    symptoms: tuple[Symptom, ...] = ()
    danger_signs: tuple[DangerSign, ...] = ()
    _region_trees: dict[str, tuple[STRtree, tuple[Region, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def region_at(self, view: str, x: float, y: float) -> Region | None:
        """The region of ``view`` containing the point ``(x, y)`` (SVG units), if any.

        A point on a shared border belongs to a midline region if one of the regions is
        midline (a click on the drawn spine selects the spine, never a side), else to the
        smallest region (the more specific target), then to the first id in sort order.
        Raises ``KeyError`` for an unknown view.
        """
        if view not in self.views:
            raise KeyError(view)
        if view not in self._region_trees:
            regions = tuple(r for r in self.regions.values() if r.view == view)
            self._region_trees[view] = (STRtree([r.polygon for r in regions]), regions)
        tree, regions = self._region_trees[view]
        point = Point(x, y)
        hits = [regions[i] for i in tree.query(point, predicate="intersects")]
        return (
            min(hits, key=lambda r: (r.side != "midline", r.polygon.area, r.id)) if hits else None
        )

    def mirror_region_id(self, region_id: str) -> str | None:
        """The id of the same region on the patient's other side (None for midline ones)."""
        parts = region_id.split(".")
        if len(parts) != 3:
            return None
        other = {"left": "right", "right": "left"}.get(parts[1])
        if other is None:
            return None
        mirrored = f"{parts[0]}.{other}.{parts[2]}"
        return mirrored if mirrored in self.regions else None
