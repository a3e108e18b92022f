"""Research data that arrives as CHOIR codes, made into sessions (``bodymap import-choir``).

Qt-free. Each segment of a code string paints the regions the crosswalk gives it
(:mod:`bodymap.core.choir`): one region mark each, at the middle intensity, so the session
opens, analyses and exports like one drawn in the window. The code string itself is kept
in the session's note, so that nothing of the input is lost, not even a segment that has
no region on this body.
"""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.core.anatomy import Anatomy
from bodymap.core.choir import code_string, parse_codes, regions_of_codes
from bodymap.core.layers import IntensityBands
from bodymap.core.marks import RegionMark
from bodymap.core.pain import PainMap
from bodymap.core.session import Session

INTENSITY = 5  # the middle of the painful scale: CHOIR records where, not how much


@dataclass(frozen=True)
class Imported:
    """A session made from a code string: ``codes`` the segments read (in order),
    ``missing`` those no region of this body lists (kept in the note only)."""

    session: Session
    codes: tuple[int, ...]  # male chart numbering
    missing: tuple[int, ...]


def session_of_codes(anatomy: Anatomy, text: str, chart: str = "male") -> Imported:
    """The session of the CHOIR code string ``text`` drawn on the ``chart`` (``"male"`` or
    ``"female"``; see :func:`parse_codes` for the forms). Raises
    :class:`bodymap.core.choir.ChoirCodeError` naming an unknown code."""
    codes = parse_codes(text, chart)
    regions, missing = regions_of_codes(anatomy, codes)
    marks = [RegionMark(rid, INTENSITY) for rid in regions]
    note = f"CHOIR body map codes: {code_string(codes)}"
    if chart != "male":
        note = f"CHOIR body map codes ({chart} chart {text.strip()}, male numbering): "
        note += code_string(codes)
    if missing:
        note += f" (no region of this body for {code_string(missing)})"
    session = Session(
        marks=list(marks),
        note=note,
        regions_version=anatomy.version,
        regions_sha256=anatomy.sha256,
        pain=IntensityBands(PainMap(anatomy, list(marks))).layers(),
    )
    return Imported(session, codes, missing)
