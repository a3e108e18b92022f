"""One entry as a FHIR R4 Bundle a clinic can import (``bodymap export-fhir``).

Qt-free: the bundle is plain dicts and lists, written as JSON; nothing of a FHIR library is
needed at run time (the tests validate the result with ``fhir.resources``' R4B models).

A ``collection`` Bundle holds, each with a ``urn:uuid:`` full URL:

- one **NRS** Observation per answered question (now, usual and worst in the last 24 hours),
  each coded LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
  with ``valueInteger`` 0-10; ``code.text`` says which of the three it is. Separate
  Observations rather than components, as proposed for BodyMap from the FHIR Symptoms IG's
  AssessmentScaleObservation: a receiver reading only the value of 72514-3 gets a real
  rating, never a mix;
- one **pain** Observation per region the pain touches: code SNOMED CT 22253000 "Pain
  (finding)", ``bodySite`` the region's SNOMED CT body structure (``text`` the region's
  label), and components: the share of the region painted (UCUM ``%``), the laterality
  qualifier (419161000 unilateral left, 419465000 unilateral right) when the body-site
  concept has no side, and one per pain quality drawn on it (SNOMED CT codes of
  :data:`bodymap.core.score.QUALITIES`, from the Symptoms IG QualityCodes and cds4cpm
  value sets);
- one **body map** Observation: pain extent (UCUM ``%`` of the body's area) as its value,
  the number of regions touched and the CHOIR code string as components, the person's note
  as ``note``, and ``hasMember`` pointing at the observations above;
- with ``report_pdf``, a **DocumentReference** holding the PDF report (base64,
  ``application/pdf``).

Every Observation is ``final``, category ``survey`` (reported by the person), with
``effectiveDateTime`` the entry's date with its UTC offset. No Patient: BodyMap keeps no
identity; the importing system attaches the bundle to its patient.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import datetime
from typing import Any

from bodymap.core.anatomy import Anatomy
from bodymap.core.choir import code_string
from bodymap.core.entry_facts import EntryFacts, RegionFact
from bodymap.core.score import NRS_LOINC, QUALITIES
from bodymap.core.session import Session

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
NRS_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
PAIN_FINDING = ("22253000", "Pain (finding)")
NRS_TEXT = {
    "now": "Pain now (0-10)",
    "usual": "Usual pain in the last 24 hours (0-10)",
    "worst": "Worst pain in the last 24 hours (0-10)",
}

Json = dict[str, Any]


def _ids(session: Session) -> Any:
    """Stable ids: the same session gives the same bundle (diffs stay small)."""
    seed = hashlib.sha256(
        f"{session.created.isoformat()}|{session.date}|{len(session.marks)}|{session.note}".encode(
            "utf-8", "surrogatepass"
        )
    ).hexdigest()
    n = 0
    while True:
        yield str(uuid.uuid5(uuid.NAMESPACE_URL, f"bodymap:{seed}:{n}"))
        n += 1


def _coding(system: str, code: str, display: str) -> Json:
    return {"system": system, "code": code, "display": display}


def _percent(value: float) -> Json:
    return {"value": round(value, 3), "unit": "%", "system": UCUM, "code": "%"}


def _observation(code: Json, when: str) -> Json:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [_coding(CATEGORY, "survey", "Survey")]}],
        "code": code,
        "effectiveDateTime": when,
    }


def _region_observation(anatomy: Anatomy, fact: RegionFact, when: str) -> Json:
    region = anatomy.regions[fact.id]
    site: Json = {"text": region.label}
    components: list[Json] = [
        {
            "code": {"text": "Share of the region painted"},
            "valueQuantity": _percent(100 * fact.share),
        }
    ]
    snomed = region.snomed
    if snomed is not None and snomed.code is not None:
        site["coding"] = [_coding(SNOMED, snomed.code, snomed.term)]
        if snomed.laterality is not None:
            code, term = snomed.laterality
            components.append(
                {
                    "code": {"text": "Laterality"},
                    "valueCodeableConcept": {"coding": [_coding(SNOMED, code, term)], "text": term},
                }
            )
    for quality_id in fact.qualities:
        quality = QUALITIES[quality_id]
        components.append(
            {
                "code": {"text": "Pain quality"},
                "valueCodeableConcept": {
                    "coding": [_coding(SNOMED, quality.snomed, quality.label)],
                    "text": quality.label,
                },
            }
        )
    obs = _observation(
        {"coding": [_coding(SNOMED, *PAIN_FINDING)], "text": f"Pain: {region.label}"}, when
    )
    obs["bodySite"] = site
    obs["component"] = components
    return obs


def build_bundle(
    anatomy: Anatomy, session: Session, facts: EntryFacts, report_pdf: bytes | None = None
) -> Json:
    """The Bundle of one entry (see the module doc) as plain JSON-ready dicts.

    ``facts`` is ``FactFinder(anatomy).facts(session)``; ``report_pdf`` the bytes of the PDF
    report to attach, or None for no attachment."""
    ids = _ids(session)
    when = facts.date.isoformat(timespec="seconds")
    entries: list[tuple[str, Json]] = []

    def add(resource: Json) -> str:
        url = f"urn:uuid:{next(ids)}"
        entries.append((url, resource))
        return url

    members: list[str] = []
    for name in ("now", "usual", "worst"):
        value = getattr(facts.score, name)
        if value is None:
            continue
        code = {"coding": [_coding(LOINC, NRS_LOINC, NRS_DISPLAY)], "text": NRS_TEXT[name]}
        obs = _observation(code, when)
        obs["valueInteger"] = value
        members.append(add(obs))
    for fact in facts.regions:
        members.append(add(_region_observation(anatomy, fact, when)))
    document = None
    if report_pdf is not None:
        document = add(_document(report_pdf, session.modified))
    body_map = _observation({"text": "Pain body map (pain extent, % of the body's area)"}, when)
    body_map["valueQuantity"] = _percent(facts.extent.total)
    body_map["component"] = [
        {"code": {"text": "Regions touched"}, "valueInteger": len(facts.regions)},
        {"code": {"text": "CHOIR body map codes"}, "valueString": code_string(facts.choir)},
    ]
    if not facts.choir:
        body_map["component"].pop()
    if members:
        body_map["hasMember"] = [{"reference": url} for url in members]
    if document is not None:
        body_map["derivedFrom"] = [{"reference": document}]
    if facts.note.strip():
        body_map["note"] = [{"text": facts.note}]
    add(body_map)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _instant(session.modified),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }


def _instant(stamp: datetime) -> str:
    return stamp.isoformat(timespec="seconds").replace("+00:00", "Z")


def _document(pdf: bytes, stamp: datetime) -> Json:
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "date": _instant(stamp),
        "description": "Pain body map report (PDF)",
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "data": base64.b64encode(pdf).decode("ascii"),
                    "size": len(pdf),
                    "title": "Pain body map report",
                }
            }
        ],
    }


def bundle_bytes(bundle: Json) -> bytes:
    """The bundle as UTF-8 JSON (indented, a final line break)."""
    return (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "replace")
