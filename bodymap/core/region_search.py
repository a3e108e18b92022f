"""Find regions by the words people use, and order them head to feet.

The words are data: each region of ``regions.yaml`` (format version 2) lists lay and
clinical words for it (``words``); its label counts as its first word. Matching ignores case,
punctuation, the order of the words and a plural "s"; "left" and "right" (the patient's side)
narrow the search to that side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bodymap.core.anatomy import Anatomy, Area, Region

# The patient's side in the shipped languages' words (labels and words may be translated,
# bodymap.io.content_language).
_SIDES = {
    "left": "left", "l": "left", "right": "right", "r": "right",
    "links": "left", "rechts": "right",
}  # fmt: skip
_SPLIT = re.compile(r"[\W_]+")  # letters of any language (umlauts too) and digits make words
_UNGROUPED = Area("", "Other")

# Scores of how a query matches one phrase (a label or one of a region's words).
EXACT, IN_ORDER, ANY_ORDER = 100, 80, 60
PER_WORD = 2  # a later word of a region's list counts a little less than an earlier one


def tokens(text: str) -> list[str]:
    """Lowercase words of ``text`` without punctuation ("SI-joint" -> ["si", "joint"])."""
    return [t for t in _SPLIT.split(text.lower().replace("'", "")) if t]


def _singular(word: str) -> str:
    """ "buttocks" -> "buttock", "hips" -> "hip"; short words and "-ss" stay as they are."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _phrase_score(query: list[str], phrase: list[str]) -> int:
    if not query or not phrase:
        return 0
    if query == phrase:
        return EXACT
    last = len(query) - 1  # the last word may still be being typed: a prefix will do

    def fits(q: str, i: int, word: str) -> bool:
        return word == q or (i == last and word.startswith(q))

    n = len(query)
    for start in range(len(phrase) - n + 1):
        if all(fits(q, i, phrase[start + i]) for i, q in enumerate(query)):
            return IN_ORDER
    if all(any(fits(q, i, w) for w in phrase) for i, q in enumerate(query)):
        return ANY_ORDER
    return 0


def _phrases(region: Region) -> list[list[str]]:
    label = [t for t in tokens(region.label) if t not in _SIDES]
    name = tokens(region.id.split(".")[-1].replace("_", " "))
    return [[_singular(t) for t in p] for p in (label, *(tokens(w) for w in region.words), name)]


def score(region: Region, query: str) -> int:
    """How well ``query`` names ``region``: 0 (not at all) to 100 (an exact word)."""
    words = tokens(query)
    side = {_SIDES[w] for w in words if w in _SIDES}
    rest = [_singular(w) for w in words if w not in _SIDES]
    if len(side) > 1 or (side and region.side not in side):
        return 0
    if not rest:
        return ANY_ORDER if side else 0
    best = 0
    for i, phrase in enumerate(_phrases(region)):
        s = _phrase_score(rest, phrase)
        if s:
            best = max(best, s - PER_WORD * i)
    return best


def body_order(anatomy: Anatomy, regions: Iterable[Region] | None = None) -> list[Region]:
    """``regions`` (default: all) head to feet: by body area in the file's order, then by
    view (as the file lists them), then top to bottom, then the patient's left first."""
    areas = {a: i for i, a in enumerate(anatomy.areas)}
    views = {v: i for i, v in enumerate(anatomy.views)}
    sides = {"midline": 0, "left": 1, "right": 2}

    def key(r: Region) -> tuple[int, int, float, int, str]:
        top = r.polygon.bounds[1]
        return (areas.get(r.area, len(areas)), views.get(r.view, 0), top, sides[r.side], r.id)

    return sorted(anatomy.regions.values() if regions is None else regions, key=key)


def grouped(anatomy: Anatomy) -> list[tuple[Area, list[Region]]]:
    """Every region in :func:`body_order`, in groups by body area (head to feet)."""
    out: list[tuple[Area, list[Region]]] = []
    for region in body_order(anatomy):
        area = anatomy.areas.get(region.area, _UNGROUPED)
        if not out or out[-1][0] != area:
            out.append((area, []))
        out[-1][1].append(region)
    return out


def search(anatomy: Anatomy, query: str) -> list[Region]:
    """The regions ``query`` names, best match first (ties head to feet); [] for no words."""
    scored = [(score(r, query), r) for r in anatomy.regions.values()]
    hits = [r for s, r in scored if s > 0]
    rank = {r.id: i for i, r in enumerate(body_order(anatomy, hits))}
    best = {r.id: s for s, r in scored}
    return sorted(hits, key=lambda r: (-best[r.id], rank[r.id]))
