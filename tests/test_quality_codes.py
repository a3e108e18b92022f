"""The pain qualities' SNOMED CT codes, against the value sets they were taken from
(checked 2026-11-30; the sources are named in bodymap/core/score.py)."""

from __future__ import annotations

from bodymap.core.score import QUALITIES

# HL7 CDS for Chronic Pain Management IG, ValueSet "pain-types" (MyPAIN / Pain Manager)
CDS4CPM_PAIN_TYPES = {
    "27635008": "Aching",
    "36349006": "Burning",
    "55145008": "Stabbing",
    "29695002": "Throbbing",
    "162506004": "Prickling",
    "786837007": "Tingling",
    "279093005": "Cramping",
}
NUMBNESS_FINDING = "44077006"  # |Numbness (finding)|


def test_every_quality_has_the_code_of_its_source() -> None:
    codes = {q.id: q.snomed for q in QUALITIES.values()}
    assert codes == {
        "aching": "27635008",
        "burning": "36349006",
        "stabbing": "55145008",
        "throbbing": "29695002",
        "cramping": "279093005",
        "tingling": "786837007",
        "numbness": NUMBNESS_FINDING,
    }
    for quality in QUALITIES.values():
        if quality.id != "numbness":
            assert CDS4CPM_PAIN_TYPES[quality.snomed].lower() == quality.id
    assert len(set(codes.values())) == len(codes)  # no two qualities share a code
