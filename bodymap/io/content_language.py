"""The content of ``regions.yaml`` in another language: ``regions.<lang>.yaml`` beside it.

A language file holds only words, keyed by the ids of ``regions.yaml`` (view, area, region,
muscle, relief step, cue and symptom ids); numbers, polygons, codes and sources stay in
``regions.yaml``. Every string it lacks is shown in English (a list, such as a muscle's
symptoms, only as a whole: its length must match the English one). Region search words are
added to the English ones, so both languages find a region. Layout (every key optional)::

    format: bodymap-regions-language
    language: de
    views: {back: ..., front: ...}
    areas: {AREA_ID: ...}
    regions: {REGION_ID: {label: ..., words: [...]}}
    muscles:
      MUSCLE_ID: {name, short_name, summary, anatomy, attachments, nerve, function,
                  pain_pattern, see_a_clinician: text; symptoms, aggravated_by: lists;
                  relief: {massage|stretch|strengthen: {how: ..., caution: ...}}}
    cues: {CUE_ID: {label: ..., text: ...}}
    safety: {title: ..., text: ..., red_flags: [...]}
    symptoms: {SYMPTOM_ID: ...}

A file that cannot be used raises :class:`RegionsError` with ``file:line:column: what; what to
do`` (the same strict YAML reading as ``regions.yaml``); ids ``regions.yaml`` does not have are
not an error when reading (the file may be older or newer), :func:`untranslated` lists them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from bodymap.core.anatomy import Anatomy, Muscle, Panel, ReliefStep
from bodymap.io import yaml_strict
from bodymap.io.errors import RegionsError
from bodymap.io.regions_reader import Reader

FORMAT = "bodymap-regions-language"
MAX_BYTES = 8 * 1024 * 1024
PANEL_TEXTS = (
    "summary", "anatomy", "attachments", "nerve", "function", "pain_pattern", "see_a_clinician",
)  # fmt: skip
PANEL_LISTS = ("symptoms", "aggravated_by")
_MUSCLE_KEYS = frozenset({"name", "short_name", "relief", *PANEL_TEXTS, *PANEL_LISTS})
_TOP_KEYS = frozenset({"views", "areas", "regions", "muscles", "cues", "safety", "symptoms"})

Texts = dict[str, Any]  # the validated document


def language_path(regions_path: str | FsPath, language: str) -> FsPath:
    """``regions.<language>.yaml`` beside ``regions_path`` (``<stem>.<language>.yaml``)."""
    path = FsPath(regions_path)
    return path.with_name(f"{path.stem}.{language}{path.suffix or '.yaml'}")


def read_language(path: str | FsPath, language: str | None = None) -> Texts:
    """Read and check the language file ``path`` (for ``language`` when given).

    Raises :class:`RegionsError` for a missing, unreadable or malformed file, a wrong
    ``format`` or ``language``, unknown keys and values of the wrong type."""
    from bodymap.io.bounded import FileProblem, read_regular

    name = str(path)
    try:
        raw = read_regular(FsPath(path), MAX_BYTES, "a language file")
    except FileProblem as exc:
        raise RegionsError(name, str(exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RegionsError(name, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    data, marks = yaml_strict.load(text, name)
    return check_texts(Reader(name, marks), data, language)


def check_texts(r: Reader, data: Any, language: str | None) -> Texts:
    """Validate the parsed document ``data`` (positions from ``r``)."""
    top = r.mapping(data, (), {"format", "language"}, _TOP_KEYS)
    if top["format"] != FORMAT:
        raise r.fail(("format",), f"format must be {FORMAT!r}; is this a language file?")
    lang = r.text(top["language"], ("language",))
    if language is not None and lang != language:
        raise r.fail(("language",), f"language is {lang!r}, the file name says {language!r}")
    for key in ("views", "areas", "symptoms"):
        for item, value in _entries(r, top, key):
            r.text(value, (key, item))
    for region, value in _entries(r, top, "regions"):
        entry = r.mapping(value, ("regions", region), set(), frozenset({"label", "words"}))
        if "label" in entry:
            r.text(entry["label"], ("regions", region, "label"))
        if "words" in entry:
            r.texts(entry["words"], ("regions", region, "words"))
    for muscle, value in _entries(r, top, "muscles"):
        where = ("muscles", muscle)
        entry = r.mapping(value, where, set(), _MUSCLE_KEYS)
        for key in ("name", "short_name", *PANEL_TEXTS):
            if key in entry:
                r.text(entry[key], (*where, key))
        for key in PANEL_LISTS:
            if key in entry:
                r.texts(entry[key], (*where, key))
        if "relief" in entry:
            steps = r.mapping(
                entry["relief"], (*where, "relief"), set(),
                frozenset({"massage", "stretch", "strengthen"}),
            )  # fmt: skip
            for step, texts in steps.items():
                at = (*where, "relief", step)
                for key, value in r.mapping(
                    texts, at, set(), frozenset({"how", "caution"})
                ).items():
                    r.text(value, (*at, key))
    for cue, value in _entries(r, top, "cues"):
        entry = r.mapping(value, ("cues", cue), set(), frozenset({"label", "text"}))
        for key, text in entry.items():
            r.text(text, ("cues", cue, key))
    if "safety" in top:
        safety = r.mapping(
            top["safety"], ("safety",), set(), frozenset({"title", "text", "red_flags"})
        )
        for key in ("title", "text"):
            if key in safety:
                r.text(safety[key], ("safety", key))
        if "red_flags" in safety:
            r.texts(safety["red_flags"], ("safety", "red_flags"))
    return dict(top)


def _entries(r: Reader, top: dict[str, Any], key: str) -> Iterator[tuple[str, Any]]:
    if key not in top:
        return
    value = top[key]
    if not isinstance(value, dict):
        raise r.fail((key,), f"{key} must be a mapping of ids to texts")
    yield from ((str(k), v) for k, v in value.items())


def _text(value: Any, english: str) -> str:
    return value.strip() if isinstance(value, str) and value.strip() else english


def _texts(value: Any, english: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, list) and len(value) == len(english):
        return tuple(str(v).strip() for v in value)
    return english


def translate(anatomy: Anatomy, texts: Texts) -> Anatomy:
    """``anatomy`` with its words taken from ``texts`` where they are given (English
    elsewhere). Geometry, ids, codes and ``sha256`` stay those of the English file, so
    sessions and diaries do not depend on the language."""
    views = texts.get("views", {})
    areas = texts.get("areas", {})
    regions = texts.get("regions", {})
    muscles = texts.get("muscles", {})
    cues = texts.get("cues", {})
    safety = texts.get("safety", {})
    symptoms = texts.get("symptoms", {})
    translated_regions = {}
    for rid, region in anatomy.regions.items():
        entry = regions.get(rid, {})
        extra = tuple(w.strip() for w in entry.get("words", ()) if w.strip())
        translated_regions[rid] = dataclasses.replace(
            region,
            label=_text(entry.get("label"), region.label),
            words=region.words + tuple(w for w in extra if w not in region.words),
        )
    return dataclasses.replace(
        anatomy,
        views={
            k: dataclasses.replace(v, label=_text(views.get(k), v.label))
            for k, v in anatomy.views.items()
        },
        areas={
            k: dataclasses.replace(a, label=_text(areas.get(k), a.label))
            for k, a in anatomy.areas.items()
        },
        regions=translated_regions,
        muscles={k: _muscle(m, muscles.get(k, {})) for k, m in anatomy.muscles.items()},
        safety=dataclasses.replace(
            anatomy.safety,
            title=_text(safety.get("title"), anatomy.safety.title),
            text=_text(safety.get("text"), anatomy.safety.text),
            red_flags=_texts(safety.get("red_flags"), anatomy.safety.red_flags),
        ),
        cues=tuple(
            dataclasses.replace(
                c,
                label=_text(cues.get(c.id, {}).get("label"), c.label),
                text=_text(cues.get(c.id, {}).get("text"), c.text),
            )
            for c in anatomy.cues
        ),
        symptoms=tuple(
            dataclasses.replace(s, label=_text(symptoms.get(s.id), s.label))
            for s in anatomy.symptoms
        ),
        _region_trees={},
    )


def _muscle(muscle: Muscle, entry: dict[str, Any]) -> Muscle:
    p = muscle.panel
    relief = entry.get("relief", {})
    fields: dict[str, Any] = {key: _text(entry.get(key), getattr(p, key)) for key in PANEL_TEXTS}
    fields.update({key: _texts(entry.get(key), getattr(p, key)) for key in PANEL_LISTS})
    panel = Panel(
        **fields,
        relief=tuple(
            ReliefStep(
                s.step,
                _text(relief.get(s.step, {}).get("how"), s.how),
                _text(relief.get(s.step, {}).get("caution"), s.caution),
            )
            for s in p.relief
        ),
        sources=p.sources,
    )
    return dataclasses.replace(
        muscle,
        name=_text(entry.get("name"), muscle.name),
        short_name=_text(entry.get("short_name"), muscle.short_name),
        panel=panel,
    )


def untranslated(anatomy: Anatomy, texts: Texts) -> list[str]:
    """What the language file lacks or has too much, one line each: ``missing KEY`` for an
    English string without a translation (``muscles.psoas.symptoms`` when a list's length
    differs), ``unknown KEY`` for an id ``regions.yaml`` does not have. Empty when complete."""
    out: list[str] = []

    def need(where: str, value: Any, english: tuple[str, ...] | None = None) -> None:
        if english is not None:
            if not (isinstance(value, list) and len(value) == len(english)):
                out.append(f"missing {where} ({len(english)} items)")
        elif not (isinstance(value, str) and value.strip()):
            out.append(f"missing {where}")

    def extra(key: str, known: set[str] | dict[str, Any]) -> None:
        out.extend(f"unknown {key}.{k}" for k in texts.get(key, {}) if k not in known)

    for key, known in (("views", anatomy.views), ("areas", anatomy.areas)):
        for k in known:
            need(f"{key}.{k}", texts.get(key, {}).get(k))
        extra(key, dict(known))
    regions = texts.get("regions", {})
    for rid in anatomy.regions:
        need(f"regions.{rid}.label", regions.get(rid, {}).get("label"))
    extra("regions", dict(anatomy.regions))
    muscles = texts.get("muscles", {})
    for mid, muscle in anatomy.muscles.items():
        entry = muscles.get(mid, {})
        for key in ("name", "short_name", *PANEL_TEXTS):
            need(f"muscles.{mid}.{key}", entry.get(key))
        for key in PANEL_LISTS:
            need(f"muscles.{mid}.{key}", entry.get(key), getattr(muscle.panel, key))
        for step in muscle.panel.relief:
            for key in ("how", "caution"):
                value = entry.get("relief", {}).get(step.step, {}).get(key)
                need(f"muscles.{mid}.relief.{step.step}.{key}", value)
    extra("muscles", dict(anatomy.muscles))
    for cue in anatomy.cues:
        for key in ("label", "text"):
            need(f"cues.{cue.id}.{key}", texts.get("cues", {}).get(cue.id, {}).get(key))
    extra("cues", {c.id: c for c in anatomy.cues})
    safety = texts.get("safety", {})
    need("safety.title", safety.get("title"))
    need("safety.text", safety.get("text"))
    need("safety.red_flags", safety.get("red_flags"), anatomy.safety.red_flags)
    for symptom in anatomy.symptoms:
        need(f"symptoms.{symptom.id}", texts.get("symptoms", {}).get(symptom.id))
    extra("symptoms", {s.id: s for s in anatomy.symptoms})
    return out


def in_language(anatomy: Anatomy, language: str) -> tuple[Anatomy, str | None]:
    """``anatomy`` in ``language`` from the file beside its regions file: the translated
    anatomy and None, or ``anatomy`` unchanged and the one-line error when the file exists
    but cannot be used. No file (or English) is no error: the content stays English."""
    if language == "en":
        return anatomy, None
    path = language_path(anatomy.source, language)
    if not path.exists():
        return anatomy, None
    try:
        return translate(anatomy, read_language(path, language)), None
    except RegionsError as exc:
        return anatomy, str(exc)
