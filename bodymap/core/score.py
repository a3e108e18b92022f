"""What a diary entry records beyond the marks: the pain score and the pain qualities.

Qt-free. The pain score is the 0-10 numeric rating scale (NRS; LOINC 72514-3 "Pain severity -
0-10 verbal numeric rating [Score] - Reported") asked three ways: now, usual and worst in the
last 24 hours. Pain qualities carry SNOMED CT codes: aching 27635008, burning 36349006,
stabbing 55145008, throbbing 29695002, cramping 279093005, tingling 786837007 (FHIR Symptoms
IG QualityCodes and the cds4cpm pain-types value set), numbness 44077006 (SNOMED CT
"Numbness (finding)").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from bodymap.core.geometry import polygonal
from bodymap.core.marks import is_erase
from bodymap.core.pain import PainMap

NRS_MIN = 0
NRS_MAX = 10
NRS_LOINC = "72514-3"
NRS_FIELDS = ("now", "usual", "worst")


@dataclass(frozen=True)
class PainScore:
    """NRS 0-10 now, usual and worst in the last 24 hours; None when not answered."""

    now: int | None = None
    usual: int | None = None
    worst: int | None = None

    def __post_init__(self) -> None:
        for name in NRS_FIELDS:
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not NRS_MIN <= value <= NRS_MAX
            ):
                raise ValueError(f"NRS {name} must be a whole number from 0 to 10, not {value!r}")

    def is_empty(self) -> bool:
        return self.now is None and self.usual is None and self.worst is None

    def as_dict(self) -> dict[str, int | None]:
        return {"now": self.now, "usual": self.usual, "worst": self.worst}


@dataclass(frozen=True)
class Quality:
    """A pain quality: its id in files, its label, and its SNOMED CT code."""

    id: str
    label: str
    snomed: str
    # a quality of nerve pain (burning, tingling/pins and needles, numbness are items of the
    # DN4 questionnaire, Bouhassira 2005): feeds the "other causes" of the ranking
    nerve: bool = False


# Codes checked on 2026-11-30. Aching, burning, stabbing, throbbing, tingling and cramping
# are the SNOMED CT codes of the "Pain Types" value set of the HL7 CDS for Chronic Pain
# Management IG (build.fhir.org/ig/cqframework/cds4cpm/ValueSet-pain-types.html, MyPAIN);
# aching, burning and cramping are also in the FHIR Symptoms IG's QualityCodes
# (hl7.org/fhir/uv/symptoms/en/ValueSet-QualityCodes.html). Numbness is in neither: 44077006
# is the clinical finding |Numbness (finding)| (as SNOMED International's COVID-19 symptom
# list names it), a sensation rather than a kind of pain, which is what it is here.
QUALITIES: Mapping[str, Quality] = {
    q.id: q
    for q in (
        Quality("aching", "Aching", "27635008"),
        Quality("burning", "Burning", "36349006", nerve=True),
        Quality("stabbing", "Stabbing, sharp", "55145008"),
        Quality("throbbing", "Throbbing", "29695002"),
        Quality("cramping", "Cramping", "279093005"),
        Quality("tingling", "Tingling, pins and needles", "786837007", nerve=True),
        Quality("numbness", "Numbness", "44077006", nerve=True),
    )
}


def quality_areas(pain: PainMap) -> dict[str, dict[str, BaseGeometry]]:
    """Per view, the area of each pain quality the marks of ``pain`` carry (SVG units, on the
    body): a quality's marks unioned in order, an erasure removing area from every quality
    drawn before it. Marks without a quality take no part; views without one are left out."""
    out: dict[str, dict[str, BaseGeometry]] = {}
    if not any(m.quality for m in pain.marks):
        return out
    for view in pain.anatomy.views:
        areas: dict[str, BaseGeometry] = {}
        for mark in pain.marks:
            if pain.view_of(mark) != view or not (mark.quality or is_erase(mark)):
                continue
            geom = pain.on_body(view, pain.mark_geometry(mark))
            if is_erase(mark):
                areas = {q: polygonal(a.difference(geom)) for q, a in areas.items()}
            elif mark.quality is not None:
                old = areas.get(mark.quality)
                areas[mark.quality] = geom if old is None else polygonal(old.union(geom))
        kept = {q: a for q, a in areas.items() if not a.is_empty}
        if kept:
            out[view] = kept
    return out
