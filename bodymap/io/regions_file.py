"""Read and validate ``regions.yaml`` into an :class:`~bodymap.core.anatomy.Anatomy`.

The schema is documented in ``docs/regions-format.md``. Every problem raises
:class:`RegionsError` with ``file:line:column: what is wrong; how to fix it``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path as FsPath
from typing import Any

from bodymap.core.anatomy import (
    VIEW_IDS,
    Anatomy,
    Area,
    Muscle,
    Panel,
    Region,
    ReliefStep,
    Safety,
    View,
    Zone,
)
from bodymap.io import yaml_strict
from bodymap.io.errors import RegionsError
from bodymap.io.regions_codes import (
    read_areas,
    read_choir,
    read_cues,
    read_danger_signs,
    read_outline,
    read_snomed,
    read_symptoms,
    read_trigger_points,
)
from bodymap.io.regions_reader import Reader as _Reader

FORMAT = "bodymap-regions"
SUPPORTED_VERSION = 3
MAX_BYTES = 32 * 1024 * 1024

# The public vocabulary of region names (shared/anatomy-regions.md); ids are VIEW.SIDE.NAME.
SIDED_REGIONS = {
    "back": (
        "neck", "shoulder", "upper_arm", "elbow", "forearm", "hand",
        "upper_back", "mid_back", "low_back", "flank", "iliac_crest", "sacroiliac",
        "upper_buttock", "lower_buttock", "outer_hip", "back_of_thigh", "outer_thigh",
        "back_of_knee", "calf", "heel", "sole",
    ),
    "front": (
        "neck", "shoulder", "upper_arm", "elbow", "forearm", "hand", "chest",
        "upper_abdomen", "lower_abdomen", "front_of_hip", "groin", "upper_front_thigh",
        "lower_front_thigh", "inner_thigh", "outer_thigh", "knee", "shin", "outer_lower_leg",
        "ankle", "foot",
    ),
}  # fmt: skip
MIDLINE_REGIONS = {
    "back": ("head", "thoracic_spine", "lumbar_spine", "sacrum", "tailbone"),
    "front": ("head", "pubic"),
}
_REGION_ID = re.compile(r"^(back|front)\.(?:(left|right)\.)?([a-z][a-z0-9_]*)$")
_MUSCLE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
RELIEF_STEPS = ("massage", "stretch", "strengthen")


def vocabulary() -> list[str]:
    """Every region id the public contract requires."""
    ids = []
    for view in VIEW_IDS:
        ids += [f"{view}.{side}.{n}" for n in SIDED_REGIONS[view] for side in ("left", "right")]
        ids += [f"{view}.{n}" for n in MIDLINE_REGIONS[view]]
    return ids


def load_regions(path: str | FsPath) -> Anatomy:
    """Read, validate and build the anatomy from ``path``.

    Raises :class:`RegionsError` for a missing, unreadable, non-text, malformed or invalid file.
    Polygons are in SVG user units of their view; see ``docs/regions-format.md``.
    """
    path = FsPath(path)
    name = str(path)
    from bodymap.io.bounded import FileProblem, read_regular

    try:  # a regular file only, read to at most MAX_BYTES (never a FIFO or /dev/zero)
        raw = read_regular(path, MAX_BYTES, "a regions file")
    except FileProblem as exc:
        raise RegionsError(name, str(exc)) from None
    return parse_regions(raw, name)


def parse_regions(raw: bytes, name: str) -> Anatomy:
    """Validate the bytes of a regions file called ``name`` (used in messages)."""
    if b"\x00" in raw:
        raise RegionsError(name, "a binary file, not YAML text; restore regions.yaml", 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RegionsError(name, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    data, marks = yaml_strict.load(text, name)
    r = _Reader(name, marks)
    top = r.mapping(
        data,
        (),
        {"format", "version", "views", "regions", "muscles", "safety"},
        frozenset({"areas", "cues", "symptoms", "danger_signs"}),
    )
    if top["format"] != FORMAT:
        raise r.fail(("format",), f"format must be {FORMAT!r}; is this a regions file?")
    version = top["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise r.fail(("version",), "version must be a whole number")
    if version > SUPPORTED_VERSION:
        raise r.fail(
            ("version",),
            f"format version {version} is newer than this app reads ({SUPPORTED_VERSION}); "
            "update the app",
        )
    if version < 1:
        raise r.fail(("version",), f"format version {version} does not exist; use 1")
    views = _views(r, top["views"])
    if version >= 2 and "areas" not in top:
        raise r.fail((), "the document is missing the key 'areas'; add it")
    if version < 2 and "areas" in top:
        raise r.fail(("areas",), "areas need format version 2; set version: 2")
    areas = read_areas(r, top["areas"]) if version >= 2 else {}
    regions = _regions(r, top["regions"], views, areas)
    muscles = _muscles(r, top["muscles"], views)
    s = r.mapping(top["safety"], ("safety",), {"title", "text", "red_flags"})
    safety = Safety(
        r.text(s["title"], ("safety", "title")),
        r.text(s["text"], ("safety", "text")),
        r.texts(s["red_flags"], ("safety", "red_flags")),
    )
    if version < 2 and "cues" in top:
        raise r.fail(("cues",), "cues need format version 2; set version: 2")
    cues = read_cues(r, top["cues"], regions) if "cues" in top else ()
    symptoms = read_symptoms(r, top["symptoms"], muscles) if "symptoms" in top else ()
    taken = {s.id for s in symptoms}
    danger = read_danger_signs(r, top["danger_signs"], taken) if "danger_signs" in top else ()
    return Anatomy(
        version, hashlib.sha256(raw).hexdigest(), name, views, regions, muscles, safety, areas,
        cues, symptoms, danger,
    )  # fmt: skip


def _views(r: _Reader, value: Any) -> dict[str, View]:
    views: dict[str, View] = {}
    for i, item in enumerate(r.items(value, ("views",))):
        where: yaml_strict.Path = ("views", i)
        v = r.mapping(item, where, {"id", "label", "svg", "viewbox", "silhouette"})
        view_id = r.choice(v["id"], (*where, "id"), VIEW_IDS)
        if view_id in views:
            raise r.fail((*where, "id"), f"view {view_id!r} is defined twice; keep one")
        box = v["viewbox"]
        if not isinstance(box, list) or len(box) != 4:
            raise r.fail((*where, "viewbox"), "viewbox must be [x, y, width, height]")
        vb = tuple(r.number(n, (*where, "viewbox", k)) for k, n in enumerate(box))
        if vb[2] <= 0 or vb[3] <= 0:
            raise r.fail((*where, "viewbox"), "viewbox width and height must be positive")
        viewbox = (vb[0], vb[1], vb[2], vb[3])
        svg = r.text(v["svg"], (*where, "svg"))
        if not svg.endswith(".svg") or svg.startswith("/") or ".." in svg.split("/"):
            raise r.fail((*where, "svg"), "svg must be a relative path to a .svg file")
        silhouette = r.polygon(v["silhouette"], (*where, "silhouette"), viewbox)
        label = r.text(v["label"], (*where, "label"))
        views[view_id] = View(view_id, label, svg, viewbox, silhouette)
    missing = [v for v in VIEW_IDS if v not in views]
    if missing:
        raise r.fail(("views",), f"missing view(s) {', '.join(missing)}; add them")
    return views


def _regions(
    r: _Reader, value: Any, views: dict[str, View], areas: dict[str, Area]
) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    extra = {"area", "words", "snomed", "choir"} if areas else set()
    for i, item in enumerate(r.items(value, ("regions",))):
        where: yaml_strict.Path = ("regions", i)
        g = r.mapping(item, where, {"id", "label", "view", "side", "polygon", *extra})
        region_id = r.text(g["id"], (*where, "id"))
        match = _REGION_ID.match(region_id)
        if match is None:
            raise r.fail(
                (*where, "id"), f"region id {region_id!r} must look like back.left.low_back"
            )
        view = r.choice(g["view"], (*where, "view"), tuple(views))
        side = r.choice(g["side"], (*where, "side"), ("left", "right", "midline"))
        if match.group(1) != view or (match.group(2) or "midline") != side:
            raise r.fail(
                (*where, "id"), f"region id {region_id!r} does not agree with view {view!r} "
                f"and side {side!r}; fix one of them",
            )  # fmt: skip
        if region_id in regions:
            raise r.fail((*where, "id"), f"region id {region_id!r} is used twice; keep one")
        polygon = r.polygon(g["polygon"], (*where, "polygon"), views[view].viewbox)
        label = r.text(g["label"], (*where, "label"))
        if not extra:
            regions[region_id] = Region(region_id, label, view, side, polygon)  # type: ignore[arg-type]
            continue
        area = r.choice(g["area"], (*where, "area"), tuple(areas))
        words = r.texts(g["words"], (*where, "words"))
        snomed = read_snomed(r, g["snomed"], (*where, "snomed"))
        choir = read_choir(r, g["choir"], (*where, "choir"), view)
        regions[region_id] = Region(
            region_id, label, view, side, polygon, area, words, snomed, choir  # type: ignore[arg-type]
        )  # fmt: skip
    missing = [rid for rid in vocabulary() if rid not in regions]
    if missing:
        raise r.fail(
            ("regions",), f"missing region id(s) {', '.join(missing[:4])}"
            f"{' ...' if len(missing) > 4 else ''}; the vocabulary is a public contract",
        )  # fmt: skip
    return regions


def _muscles(r: _Reader, value: Any, views: dict[str, View]) -> dict[str, Muscle]:
    muscles: dict[str, Muscle] = {}
    zone_ids: set[str] = set()
    for i, item in enumerate(r.items(value, ("muscles",))):
        where: yaml_strict.Path = ("muscles", i)
        m = r.mapping(
            item,
            where,
            {"id", "name", "short_name", "colour", "zones", "panel"},
            frozenset({"outline", "trigger_points"}),
        )
        muscle_id = r.text(m["id"], (*where, "id"))
        if not _MUSCLE_ID.match(muscle_id):
            raise r.fail((*where, "id"), f"muscle id {muscle_id!r} must be lowercase snake_case")
        if muscle_id in muscles:
            raise r.fail((*where, "id"), f"muscle id {muscle_id!r} is used twice; keep one")
        colour = r.text(m["colour"], (*where, "colour"))
        if not _COLOUR.match(colour):
            raise r.fail((*where, "colour"), f"colour {colour!r} must look like #0072B2")
        zones = []
        for k, zitem in enumerate(r.items(m["zones"], (*where, "zones"))):
            zw: yaml_strict.Path = (*where, "zones", k)
            z = r.mapping(
                zitem,
                zw,
                {"id", "side", "view", "group", "weight", "source", "polygon"},
                frozenset({"crosses_midline"}),
            )
            crosses = z.get("crosses_midline", False)
            if not isinstance(crosses, bool):
                raise r.fail((*zw, "crosses_midline"), "crosses_midline must be true or false")
            zone_id = r.text(z["id"], (*zw, "id"))
            if zone_id in zone_ids:
                raise r.fail((*zw, "id"), f"zone id {zone_id!r} is used twice; keep one")
            zone_ids.add(zone_id)
            view = r.choice(z["view"], (*zw, "view"), tuple(views))
            zones.append(
                Zone(
                    zone_id,
                    muscle_id,
                    r.choice(z["side"], (*zw, "side"), ("left", "right")),  # type: ignore[arg-type]
                    view,
                    r.text(z["group"], (*zw, "group")),
                    r.choice(z["weight"], (*zw, "weight"), ("essential", "spillover")),  # type: ignore[arg-type]
                    r.text(z["source"], (*zw, "source")),
                    r.polygon(z["polygon"], (*zw, "polygon"), views[view].viewbox),
                    crosses,
                )
            )
        boxes = {v: views[v].viewbox for v in views}
        outline = (
            read_outline(r, m["outline"], (*where, "outline"), boxes) if "outline" in m else ()
        )
        points = (
            read_trigger_points(
                r, m["trigger_points"], (*where, "trigger_points"), boxes, {z.group for z in zones}
            )
            if "trigger_points" in m
            else ()
        )
        muscles[muscle_id] = Muscle(
            muscle_id,
            r.text(m["name"], (*where, "name")),
            r.text(m["short_name"], (*where, "short_name")),
            colour.upper(),
            tuple(zones),
            _panel(r, m["panel"], (*where, "panel")),
            outline,
            points,
        )
    return muscles


def _panel(r: _Reader, value: Any, where: yaml_strict.Path) -> Panel:
    keys = {
        "summary", "anatomy", "attachments", "nerve", "function", "pain_pattern", "symptoms",
        "aggravated_by", "relief", "see_a_clinician", "sources",
    }  # fmt: skip
    p = r.mapping(value, where, keys)
    steps = []
    for k, item in enumerate(r.items(p["relief"], (*where, "relief"))):
        sw: yaml_strict.Path = (*where, "relief", k)
        s = r.mapping(item, sw, {"step", "how", "caution"})
        step = r.choice(s["step"], (*sw, "step"), RELIEF_STEPS)
        steps.append(
            ReliefStep(step, r.text(s["how"], (*sw, "how")), r.text(s["caution"], (*sw, "caution")))
        )
    if tuple(s.step for s in steps) != RELIEF_STEPS:
        raise r.fail((*where, "relief"), "relief must list massage, stretch, strengthen in order")

    def t(key: str) -> str:
        return r.text(p[key], (*where, key))

    def ts(key: str) -> tuple[str, ...]:
        return r.texts(p[key], (*where, key))

    return Panel(
        t("summary"), t("anatomy"), t("attachments"), t("nerve"), t("function"),
        t("pain_pattern"), ts("symptoms"), ts("aggravated_by"), tuple(steps),
        t("see_a_clinician"), ts("sources"),
    )  # fmt: skip
