"""The version 2 parts of ``regions.yaml``: body areas, each region's SNOMED CT code
and CHOIR segment codes, and the drawing's cues (see docs/regions-format.md). Errors point
at the source like the rest of :mod:`bodymap.io.regions_file`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bodymap.core.anatomy import (
    Area,
    Cue,
    DangerSign,
    Muscle,
    MuscleOutline,
    Region,
    Snomed,
    Symptom,
    TriggerPoint,
)
from bodymap.io import yaml_strict

if TYPE_CHECKING:
    from bodymap.io.regions_reader import Reader as _Reader

_AREA_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def read_areas(r: _Reader, value: Any) -> dict[str, Area]:
    areas: dict[str, Area] = {}
    for i, item in enumerate(r.items(value, ("areas",))):
        where: yaml_strict.Path = ("areas", i)
        a = r.mapping(item, where, {"id", "label"})
        area_id = r.text(a["id"], (*where, "id"))
        if not _AREA_ID.match(area_id):
            raise r.fail((*where, "id"), f"area id {area_id!r} must be lowercase snake_case")
        if area_id in areas:
            raise r.fail((*where, "id"), f"area id {area_id!r} is used twice; keep one")
        areas[area_id] = Area(area_id, r.text(a["label"], (*where, "label")))
    return areas


_CODE_KEYS = frozenset({"code", "term", "laterality", "source", "reason"})


def read_snomed(r: _Reader, value: Any, where: yaml_strict.Path) -> Snomed:
    s = r.mapping(value, where, {"code"}, _CODE_KEYS - {"code"})
    if s["code"] is None:
        if set(s) != {"code", "reason"}:
            raise r.fail(where, "a null SNOMED code needs a reason and nothing else; add it")
        return Snomed(None, reason=r.text(s["reason"], (*where, "reason")))
    code = s["code"]
    if not isinstance(code, str) or not code.isdigit() or not 6 <= len(code) <= 18:
        raise r.fail((*where, "code"), f"SNOMED code {code!r} must be quoted digits (6 to 18)")
    for key in ("term", "laterality", "source"):
        if key not in s:
            raise r.fail(where, f"snomed is missing the key {key!r}; add it")
    if "reason" in s:
        raise r.fail((*where, "reason"), "a reason is only for a null code; remove it")
    laterality = None
    if s["laterality"] is not None:
        lw: yaml_strict.Path = (*where, "laterality")
        lat = r.mapping(s["laterality"], lw, {"code", "term"})
        lat_code = lat["code"]
        if not isinstance(lat_code, str) or not lat_code.isdigit():
            raise r.fail((*lw, "code"), "a laterality code must be quoted digits")
        laterality = (lat_code, r.text(lat["term"], (*lw, "term")))
    return Snomed(
        code,
        r.text(s["term"], (*where, "term")),
        laterality,
        r.text(s["source"], (*where, "source")),
    )


def read_choir(r: _Reader, value: Any, where: yaml_strict.Path, view: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise r.fail(where, "choir must be a list of CHOIR segment codes (may be empty)")
    low, high = (101, 136) if view == "front" else (201, 238)
    for k, code in enumerate(value):
        if type(code) is not int or not low <= code <= high:
            raise r.fail(
                (*where, k), f"CHOIR code {code!r} must be a whole number {low}-{high} on {view}"
            )
    return tuple(value)


_CUE_KEYS = {"id", "kind", "label", "text", "regions", "when", "source"}


def read_cues(r: _Reader, value: Any, regions: dict[str, Region]) -> tuple[Cue, ...]:
    """The drawing's cues (other causes to consider and warnings); every region they name
    must be a region of the file."""
    cues: list[Cue] = []
    seen: set[str] = set()
    for i, item in enumerate(r.items(value, ("cues",))):
        where: yaml_strict.Path = ("cues", i)
        c = r.mapping(item, where, _CUE_KEYS)
        cue_id = r.text(c["id"], (*where, "id"))
        if not _AREA_ID.match(cue_id):
            raise r.fail((*where, "id"), f"cue id {cue_id!r} must be lowercase snake_case")
        if cue_id in seen:
            raise r.fail((*where, "id"), f"cue id {cue_id!r} is used twice; keep one")
        seen.add(cue_id)
        names = r.texts(c["regions"], (*where, "regions"))
        for k, name in enumerate(names):
            if name not in regions:
                raise r.fail(
                    (*where, "regions", k), f"unknown region id {name!r}; use an id of `regions`"
                )
        cues.append(
            Cue(
                cue_id,
                r.choice(c["kind"], (*where, "kind"), ("cause", "warning")),  # type: ignore[arg-type]
                r.text(c["label"], (*where, "label")),
                r.text(c["text"], (*where, "text")),
                names,
                r.choice(c["when"], (*where, "when"), ("any", "both_sides")),  # type: ignore[arg-type]
                r.text(c["source"], (*where, "source")),
            )
        )
    return tuple(cues)


def read_symptoms(r: _Reader, value: Any, muscles: dict[str, Muscle]) -> tuple[Symptom, ...]:
    """The symptom checklist; every muscle it names must be a muscle of the file."""
    out: list[Symptom] = []
    seen: set[str] = set()
    for i, item in enumerate(r.items(value, ("symptoms",))):
        where: yaml_strict.Path = ("symptoms", i)
        s = r.mapping(item, where, {"id", "label", "for"})
        symptom_id = r.text(s["id"], (*where, "id"))
        if not _AREA_ID.match(symptom_id):
            raise r.fail((*where, "id"), f"symptom id {symptom_id!r} must be lowercase snake_case")
        if symptom_id in seen:
            raise r.fail((*where, "id"), f"symptom id {symptom_id!r} is used twice; keep one")
        seen.add(symptom_id)
        supports: dict[str, str] = {}
        for k, entry in enumerate(r.items(s["for"], (*where, "for"))):
            ew: yaml_strict.Path = (*where, "for", k)
            e = r.mapping(entry, ew, {"muscle", "source"})
            muscle = r.text(e["muscle"], (*ew, "muscle"))
            if muscle not in muscles:
                raise r.fail((*ew, "muscle"), f"unknown muscle {muscle!r}; use an id of `muscles`")
            supports[muscle] = r.text(e["source"], (*ew, "source"))
        out.append(Symptom(symptom_id, r.text(s["label"], (*where, "label")), supports))
    return tuple(out)


def read_outline(
    r: _Reader, value: Any, where: yaml_strict.Path, viewboxes: dict[str, Any]
) -> tuple[MuscleOutline, ...]:
    """A muscle's outline: where each side lies on a view (polygons in SVG units)."""
    out: list[MuscleOutline] = []
    for k, item in enumerate(r.items(value, where)):
        ow: yaml_strict.Path = (*where, k)
        o = r.mapping(item, ow, {"view", "side", "polygon"})
        view = r.choice(o["view"], (*ow, "view"), tuple(viewboxes))
        side = r.choice(o["side"], (*ow, "side"), ("left", "right"))
        polygon = r.polygon(o["polygon"], (*ow, "polygon"), viewboxes[view])
        out.append(MuscleOutline(view, side, polygon))  # type: ignore[arg-type]
    return tuple(out)


def read_trigger_points(
    r: _Reader,
    value: Any,
    where: yaml_strict.Path,
    viewboxes: dict[str, Any],
    groups: set[str],
) -> tuple[TriggerPoint, ...]:
    """A muscle's usual trigger points: each names one of its zones' ``groups`` and lies
    inside the view's viewBox."""
    out: list[TriggerPoint] = []
    for k, item in enumerate(r.items(value, where)):
        pw: yaml_strict.Path = (*where, k)
        p = r.mapping(item, pw, {"group", "view", "side", "at"})
        group = r.text(p["group"], (*pw, "group"))
        if group not in groups:
            raise r.fail((*pw, "group"), f"group {group!r} has no zones; use a zone's group")
        view = r.choice(p["view"], (*pw, "view"), tuple(viewboxes))
        side = r.choice(p["side"], (*pw, "side"), ("left", "right"))
        at = p["at"]
        if not isinstance(at, list) or len(at) != 2:
            raise r.fail((*pw, "at"), "a trigger point is a point [x, y]")
        x, y = r.number(at[0], (*pw, "at", 0)), r.number(at[1], (*pw, "at", 1))
        vx, vy, vw, vh = viewboxes[view]
        if not (vx <= x <= vx + vw and vy <= y <= vy + vh):
            raise r.fail((*pw, "at"), f"point ({x}, {y}) lies outside the {view} viewBox")
        out.append(TriggerPoint(group, view, side, (x, y)))  # type: ignore[arg-type]
    return tuple(out)


def read_danger_signs(r: _Reader, value: Any, taken: set[str]) -> tuple[DangerSign, ...]:
    """The danger-sign screen; ids share the session's answers with the symptom checklist
    (``taken``), so they must differ from them."""
    out: list[DangerSign] = []
    seen = set(taken)
    for i, item in enumerate(r.items(value, ("danger_signs",))):
        where: yaml_strict.Path = ("danger_signs", i)
        d = r.mapping(item, where, {"id", "question", "warning", "urgent", "source"})
        sign_id = r.text(d["id"], (*where, "id"))
        if not _AREA_ID.match(sign_id):
            raise r.fail((*where, "id"), f"danger sign id {sign_id!r} must be lowercase snake_case")
        if sign_id in seen:
            raise r.fail((*where, "id"), f"id {sign_id!r} is used twice (or by a symptom)")
        seen.add(sign_id)
        urgent = d["urgent"]
        if not isinstance(urgent, bool):
            raise r.fail((*where, "urgent"), "urgent must be true or false")
        out.append(
            DangerSign(
                sign_id,
                r.text(d["question"], (*where, "question")),
                r.text(d["warning"], (*where, "warning")),
                urgent,
                r.text(d["source"], (*where, "source")),
            )
        )
    return tuple(out)
