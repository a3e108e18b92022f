"""CHOIR body-map codes in and out: parsing code strings, and the crosswalk both ways.

Qt-free. The CHOIR body map (Collaborative Health Outcomes Information Registry; Scherrer KH
et al., PAIN Reports 2021;6(1):e880) has 74 segments: 101-136 on the front, 201-238 on the
back. REDCap's image map stores the same segments as ``f01``-``f36`` and ``b01``-``b38``
(CHOIRBM ``string_to_map()`` accepts both). The numbering is the male chart's, which the
crosswalk was registered on; codes from the female chart are renumbered when read
(:data:`FEMALE_TO_MALE`: it numbers 112-117 in another order).

Each region of ``regions.yaml`` lists the segments it mostly covers, best first (its
``choir`` field, made by ``tools/choir_crosswalk.py``). Both directions use that list:

- **out** (a drawing to codes): the segments listed by every painted region, sorted;
- **in** (a code to painted area): a segment paints every region that lists it *first*;
  a segment no region lists first paints every region that lists it at all; a segment no
  region lists has no area on this body (:func:`regions_of_codes` says which).

So every code imported comes back out (a region painted for segment s lists s), and the
code string out may name more segments than went in where a region spans several.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bodymap.core.anatomy import Anatomy

FRONT = range(101, 137)
BACK = range(201, 239)
# The female chart's numbers of six front segments, as the male chart numbers them. Found by
# matching the segments' centroids between the female and male front figures of CHOIRBM
# (R/sysdata.rda, written out as female_front.csv and male_front.csv): female 112-113 are the
# abdomen (male 116-117), 114 the left biceps (male 112), 115-116 the elbows (male 113-114),
# 117 the right forearm (male 115). Every other segment has the same number on both charts.
FEMALE_TO_MALE = {112: 116, 113: 117, 114: 112, 115: 113, 116: 114, 117: 115}
CHARTS = ("male", "female")
_TOKEN = re.compile(r"[,;\s]+")


class ChoirCodeError(ValueError):
    """A code string holds something that is not a CHOIR segment; ``code`` is that token."""

    def __init__(self, code: str, reason: str) -> None:
        self.code = code
        super().__init__(reason)


def parse_codes(text: str, chart: str = "male") -> tuple[int, ...]:
    """The segments of a CHOIR code string, in the order given, each once, numbered as on
    the male chart (the crosswalk's).

    ``text`` holds codes separated by commas, semicolons or spaces, each either a number
    (``128``; 101-136 front, 201-238 back) or a REDCap key (``f28``, ``B07``; f01-f36,
    b01-b38), in any mix; ``chart`` is the chart they were drawn on (``"female"``: six front
    codes are renumbered, :data:`FEMALE_TO_MALE`). Raises :class:`ChoirCodeError` naming the
    first token that is not a segment, or an empty string ``code`` when there is no code."""
    if chart not in CHARTS:
        raise ValueError(f"chart must be one of {CHARTS}, not {chart!r}")
    out: list[int] = []
    for token in _TOKEN.split(text.strip()):
        if not token:
            continue
        code = _segment(token)
        if chart == "female":
            code = FEMALE_TO_MALE.get(code, code)
        if code not in out:
            out.append(code)
    if not out:
        raise ChoirCodeError("", "no CHOIR code given; write them as 128,117,107 or b07,f01")
    return tuple(out)


def _segment(token: str) -> int:
    low = token.lower()
    if low[:1] in ("f", "b") and low[1:].isdigit() and len(low) == 3:
        number = int(low[1:]) + (100 if low[0] == "f" else 200)
    elif low.isdigit() and len(low) == 3:
        number = int(low)
    else:
        raise ChoirCodeError(token, _unknown(token))
    if number not in FRONT and number not in BACK:
        raise ChoirCodeError(token, _unknown(token))
    return number


def _unknown(token: str) -> str:
    return (
        f"unknown CHOIR code {token!r}; codes are 101-136 (front) and 201-238 (back), "
        "or f01-f36 and b01-b38"
    )


def redcap_key(code: int) -> str:
    """The REDCap image-map key of a segment: 128 -> ``f28``, 207 -> ``b07``."""
    return f"{'f' if code < 200 else 'b'}{code % 100:02d}"


def codes_of_regions(anatomy: Anatomy, region_ids: Iterable[str]) -> tuple[int, ...]:
    """The CHOIR segments the regions ``region_ids`` list (see the module doc), sorted."""
    codes = {c for rid in region_ids for c in anatomy.regions[rid].choir}
    return tuple(sorted(codes))


def code_string(codes: Iterable[int]) -> str:
    """Codes as CHOIR writes them: ``"201,207"`` (empty when there are none)."""
    return ",".join(str(c) for c in codes)


def crosswalk_in(anatomy: Anatomy) -> Mapping[int, tuple[str, ...]]:
    """Per segment some region lists, the regions it paints (see the module doc), in the
    order of ``regions.yaml``."""
    first: dict[int, list[str]] = {}
    anywhere: dict[int, list[str]] = {}
    for region in anatomy.regions.values():
        if region.choir:
            first.setdefault(region.choir[0], []).append(region.id)
        for code in region.choir:
            anywhere.setdefault(code, []).append(region.id)
    return {code: tuple(first.get(code) or ids) for code, ids in anywhere.items()}


def regions_of_codes(
    anatomy: Anatomy, codes: Iterable[int]
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The regions the segments ``codes`` paint, each once in the order of ``regions.yaml``,
    and the segments of ``codes`` that no region of this body lists (no area here)."""
    walk = crosswalk_in(anatomy)
    wanted: set[str] = set()
    missing: list[int] = []
    for code in codes:
        if code in walk:
            wanted.update(walk[code])
        else:
            missing.append(code)
    regions = tuple(rid for rid in anatomy.regions if rid in wanted)
    return regions, tuple(missing)
